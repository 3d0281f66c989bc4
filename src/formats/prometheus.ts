// Reads a Prometheus text exposition (client_golang's Go and process collectors).
import { GateError } from '../errors.js'
import type { MemStats } from './model.js'
import { figure, isGoalSentinel } from './numbers.js'

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

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/

/** True when the text looks like a scrape that carries Go runtime metrics. */
export function isPrometheus(text: string): boolean {
  return /^(# (TYPE|HELP) )?(go_memstats_|go_goroutines|process_resident_memory_bytes)/m.test(text)
}

/**
 * Extracts the MemStats fields a scrape carries; unknown metrics are ignored. A sample of a
 * family read must hold a figure (numbers.ts: not `NaN`, `+Inf`, `-1`, `abc` or empty), and
 * a scrape without one sample of those families is refused rather than read as nothing.
 */
export function readPrometheus(text: string, source = 'scrape'): MemStats {
  const out: MemStats = {}
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '')
    if (line.startsWith('#')) return
    const name = NAME.exec(line)?.[0]
    const field = name ? METRICS[name] : undefined
    if (!name || !field) return
    let rest = line.slice(name.length)
    if (rest.startsWith('{')) {
      const close = rest.indexOf('}')
      rest = close < 0 ? '' : rest.slice(close + 1)
    }
    const value = rest.trim().split(/[ \t]/, 1)[0] ?? ''
    // The goal with GC off is ~2^64 (1.8446744073709552e+19): no goal, as in MemStats.
    if (field === 'NextGC' && isGoalSentinel(Number(value))) return
    const kind = field === 'GCCPUFraction' ? 'fraction' : 'integer'
    out[field] = figure(value, `${source}:${i + 1}`, name, kind)
  })
  if (Object.keys(out).length === 0) {
    throw new GateError(
      'MALFORMED',
      `${source}: Prometheus scrape without one sample of a Go runtime family (go_memstats_*, go_goroutines, process_resident_memory_bytes)`,
      'scrape the /metrics of a program that registers the Go and process collectors',
    )
  }
  return out
}
