// Reads a Prometheus text exposition (client_golang's Go and process collectors).
import type { MemStats } from './model.js'
import { isExact } from './numbers.js'

/** client_golang metric names mapped onto runtime.MemStats fields. */
const METRICS: Record<string, string> = {
  go_memstats_alloc_bytes: 'Alloc',
  go_memstats_alloc_bytes_total: 'TotalAlloc',
  go_memstats_sys_bytes: 'Sys',
  go_memstats_lookups_total: 'Lookups',
  go_memstats_mallocs_total: 'Mallocs',
  go_memstats_frees_total: 'Frees',
  go_memstats_heap_alloc_bytes: 'HeapAlloc',
  go_memstats_heap_sys_bytes: 'HeapSys',
  go_memstats_heap_idle_bytes: 'HeapIdle',
  go_memstats_heap_inuse_bytes: 'HeapInuse',
  go_memstats_heap_released_bytes: 'HeapReleased',
  go_memstats_heap_objects: 'HeapObjects',
  go_memstats_stack_inuse_bytes: 'StackInuse',
  go_memstats_stack_sys_bytes: 'StackSys',
  go_memstats_mspan_inuse_bytes: 'MSpanInuse',
  go_memstats_mspan_sys_bytes: 'MSpanSys',
  go_memstats_mcache_inuse_bytes: 'MCacheInuse',
  go_memstats_mcache_sys_bytes: 'MCacheSys',
  go_memstats_buck_hash_sys_bytes: 'BuckHashSys',
  go_memstats_gc_sys_bytes: 'GCSys',
  go_memstats_other_sys_bytes: 'OtherSys',
  go_memstats_next_gc_bytes: 'NextGC',
  go_memstats_gc_cpu_fraction: 'GCCPUFraction',
  go_gc_duration_seconds_count: 'NumGC',
  go_goroutines: 'Goroutines',
  process_resident_memory_bytes: 'RSS',
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/

/** True when the text looks like a scrape that carries Go runtime metrics. */
export function isPrometheus(text: string): boolean {
  return /^(# (TYPE|HELP) )?(go_memstats_|go_goroutines|process_resident_memory_bytes)/m.test(text)
}

/** Extracts the MemStats fields a scrape carries; unknown metrics are ignored. */
export function readPrometheus(text: string): MemStats {
  const out: MemStats = {}
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue
    const m = SAMPLE.exec(line)
    if (!m) continue
    const field = METRICS[m[1]]
    if (!field) continue
    const v = Number(m[3])
    if (isExact(v)) out[field] = v
  }
  return out
}
