// Maps runtime/metrics names onto MemStats fields, so accounting and rules treat every source
// alike: a runtime/metrics dump (metric name → value, written by the helper in
// docs/producing-inputs.md) and a Prometheus scrape, whose client_golang collector exports
// each runtime/metrics name under a name of its own (promName). This is the one table.
import type { MemStats } from './model.js'
import { figure, isGoalSentinel } from './numbers.js'

/** One runtime/metrics name read as a MemStats field. */
interface Mapped {
  /** The runtime/metrics name, `/gc/heap/live:bytes`. */
  name: string
  /** The MemStats field it fills. */
  field: string
  /** A counter since the program started: client_golang appends `_total` to its name. */
  cumulative?: boolean
  /** ~2^63–2^64 means "none" (no goal with GC off, no limit, GOGC=off): left out. */
  sentinel?: boolean
}

/**
 * The runtime/metrics names read besides the /memory/classes leaves (which make up the
 * MemStats sizes below). GOGC, GOMEMLIMIT and GOMAXPROCS are settings, kept as read.
 */
export const RUNTIME_METRICS: readonly Mapped[] = [
  { name: '/sched/goroutines:goroutines', field: 'Goroutines' },
  { name: '/gc/cycles/total:gc-cycles', field: 'NumGC', cumulative: true },
  { name: '/gc/cycles/forced:gc-cycles', field: 'NumForcedGC', cumulative: true },
  { name: '/gc/heap/allocs:bytes', field: 'TotalAlloc', cumulative: true },
  { name: '/gc/heap/allocs:objects', field: 'Mallocs', cumulative: true },
  { name: '/gc/heap/frees:objects', field: 'Frees', cumulative: true },
  { name: '/gc/heap/objects:objects', field: 'HeapObjects' },
  { name: '/gc/heap/goal:bytes', field: 'NextGC', sentinel: true },
  // Go 1.21: the heap marked live by the last GC (what gctrace prints as its C in A->B->C).
  { name: '/gc/heap/live:bytes', field: 'LastGCLiveHeap' },
  { name: '/gc/gogc:percent', field: 'GOGC', sentinel: true },
  { name: '/gc/gomemlimit:bytes', field: 'GOMEMLIMIT', sentinel: true },
  { name: '/sched/gomaxprocs:threads', field: 'GOMAXPROCS' },
  // Go 1.26.
  { name: '/sched/goroutines-created:goroutines', field: 'GoroutinesCreated', cumulative: true },
]

/** The /memory/classes leaves, each a size (`/memory/classes/<leaf>:bytes`). */
const CLASS_LEAVES = [
  'total',
  'heap/objects',
  'heap/unused',
  'heap/free',
  'heap/released',
  'heap/stacks',
  'os-stacks',
  'metadata/mspan/inuse',
  'metadata/mspan/free',
  'metadata/mcache/inuse',
  'metadata/mcache/free',
  'metadata/other',
  'metadata/gc',
  'profiling/buckets',
  'other',
] as const

const classMetric = (leaf: string) => `/memory/classes/${leaf}:bytes`

/**
 * The name client_golang's Go collector exports a runtime/metrics name under (its
 * internal.RuntimeMetricsToProm): `go_` + the path with `/` and `-` as `_`, `_` + the unit,
 * and `_total` for a counter. `/gc/heap/live:bytes` → `go_gc_heap_live_bytes`.
 */
export function promName(name: string, cumulative = false): string {
  const [key, unit = ''] = name.split(':', 2)
  const path = key.slice(1).replace(/[/-]/g, '_')
  const u = unit.replace(/[-*]/g, '_').replace(/\//g, '_per_')
  return `go_${path}_${u}${cumulative ? '_total' : ''}`
}

/** Every runtime/metrics name read, by its client_golang name. */
export const PROM_RUNTIME_METRICS: ReadonlyMap<string, string> = new Map([
  ...RUNTIME_METRICS.map((m): [string, string] => [promName(m.name, m.cumulative), m.name]),
  ...CLASS_LEAVES.map((leaf): [string, string] => [promName(classMetric(leaf)), classMetric(leaf)]),
])

/** True when a JSON object is a runtime/metrics dump. */
export function isRuntimeMetrics(doc: Record<string, unknown>): boolean {
  return typeof doc['/memory/classes/total:bytes'] === 'number'
}

/**
 * The MemStats equivalents of the names present; the /memory/classes leaves (when
 * `/memory/classes/total:bytes` is there) partition total exactly as Sys.
 */
export function readRuntimeMetrics(doc: Record<string, unknown>, source: string): MemStats {
  const out: MemStats = {}
  if (typeof doc[classMetric('total')] === 'number') {
    // A leaf that is absent reads as 0; one that is present must be a figure (numbers.ts).
    const c = (leaf: string) => {
      const name = classMetric(leaf)
      const x = doc[name]
      return typeof x === 'number' ? figure(x, source, name) : 0
    }
    Object.assign(out, {
      Sys: c('total'),
      HeapAlloc: c('heap/objects'),
      Alloc: c('heap/objects'),
      HeapInuse: c('heap/objects') + c('heap/unused'),
      HeapIdle: c('heap/free') + c('heap/released'),
      HeapReleased: c('heap/released'),
      HeapSys: c('heap/objects') + c('heap/unused') + c('heap/free') + c('heap/released'),
      StackInuse: c('heap/stacks'),
      StackSys: c('heap/stacks') + c('os-stacks'),
      MSpanInuse: c('metadata/mspan/inuse'),
      MSpanSys: c('metadata/mspan/inuse') + c('metadata/mspan/free'),
      MCacheInuse: c('metadata/mcache/inuse'),
      MCacheSys: c('metadata/mcache/inuse') + c('metadata/mcache/free'),
      BuckHashSys: c('profiling/buckets'),
      GCSys: c('metadata/other') + c('metadata/gc'),
      OtherSys: c('other'),
    })
  }
  for (const { name, field, sentinel } of RUNTIME_METRICS) {
    const x = doc[name]
    if (typeof x !== 'number') continue
    if (sentinel && isGoalSentinel(x)) continue
    out[field] = figure(x, source, name)
  }
  return out
}
