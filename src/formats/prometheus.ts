// Reads a Prometheus text exposition (client_golang's Go and process collectors).
import { GateError } from '../errors.js'
import type { MemStats } from './model.js'
import { figure, isGoalSentinel } from './numbers.js'
import { PROM_RUNTIME_METRICS, readRuntimeMetrics, RUNTIME_METRICS } from './runtime-metrics.js'

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

/**
 * A `# HELP`/`# TYPE` line or a sample of a `go_` or `process_` family, as the exposition
 * format writes them (name, optional labels, a number, optional timestamp).
 */
const GO_FAMILY =
  /^(?:# (?:HELP|TYPE) (?:go|process)_[a-zA-Z0-9_:]* |(?:go|process)_[a-zA-Z0-9_:]*(?:\{[^}\n]*\})? [-+0-9.eEIinfNa]+(?: -?\d+)?\r?$)/m

/**
 * True when the text (a file's first kilobytes) looks like a scrape that carries Go runtime
 * metrics. Any `go_` or `process_` family counts, not one by name: current client_golang
 * versions list the `go_gc_*` families (with large histograms) first, and their first
 * `go_goroutines` or `go_memstats_` line lies kilobytes further on.
 */
export function isPrometheus(text: string): boolean {
  return !text.includes('\0') && GO_FAMILY.test(text)
}

/** A `# TYPE` line of the exposition format, of any family. */
const TYPE_LINE =
  /^# TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (?:counter|gauge|histogram|gaugehistogram|summary|untyped|unknown|info|stateset)\r?$/m

/**
 * True when the text (a file's first kilobytes) is the exposition format, whatever its
 * families: a program's own families sort before `go_` (`api_…`, `app_…`, `db_…`), and
 * can fill the head. readPrometheus then looks for the Go families in the whole scrape.
 */
export function isExposition(text: string): boolean {
  return !text.includes('\0') && TYPE_LINE.test(text)
}

/** The runtime/metrics names whose "none" value (~2^63–2^64) is left out. */
const SENTINELS = new Set(RUNTIME_METRICS.filter((m) => m.sentinel).map((m) => m.name))

/**
 * Extracts the MemStats fields a scrape carries; unknown metrics are ignored. A sample of a
 * family read must hold a figure (numbers.ts: not `NaN`, `+Inf`, `-1`, `abc` or empty), and
 * a scrape without one sample of those families is refused rather than read as nothing.
 * The `go_memstats_*` families are MemStats itself; the runtime/metrics families client_golang
 * exports (go_gc_heap_live_bytes, go_sched_gomaxprocs_threads, go_memory_classes_*…) map
 * through runtime-metrics.ts and fill the fields those leave out.
 */
export function readPrometheus(text: string, source = 'scrape'): MemStats {
  const out: MemStats = {}
  const runtime: Record<string, number> = {}
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '')
    if (line.startsWith('#')) return
    const name = NAME.exec(line)?.[0]
    if (!name) return
    const field = METRICS[name]
    const metric = PROM_RUNTIME_METRICS.get(name)
    if (!field && !metric) return
    let rest = line.slice(name.length)
    if (rest.startsWith('{')) {
      const close = rest.indexOf('}')
      rest = close < 0 ? '' : rest.slice(close + 1)
    }
    const value = rest.trim().split(/[ \t]/, 1)[0] ?? ''
    if (metric) {
      if (SENTINELS.has(metric) && isGoalSentinel(Number(value))) return
      runtime[metric] = figure(value, `${source}:${i + 1}`, name)
      return
    }
    // The goal with GC off is ~2^64 (1.8446744073709552e+19): no goal, as in MemStats.
    if (field === 'NextGC' && isGoalSentinel(Number(value))) return
    const kind = field === 'GCCPUFraction' ? 'fraction' : 'integer'
    out[field] = figure(value, `${source}:${i + 1}`, name, kind)
  })
  const merged = { ...readRuntimeMetrics(runtime, source), ...out }
  if (Object.keys(merged).length === 0) {
    throw new GateError(
      'MALFORMED',
      `${source}: Prometheus scrape without one sample of a Go runtime family (go_memstats_*, go_goroutines, go_gc_*, go_sched_*, process_resident_memory_bytes)`,
      'scrape the /metrics of a program that registers the Go and process collectors',
    )
  }
  return merged
}
