// Maps a runtime/metrics dump (metric name → value, written by the helper in
// docs/producing-inputs.md) onto MemStats fields, so accounting and rules treat both alike.
import type { MemStats } from './model.js'
import { isExact } from './numbers.js'

/** True when a JSON object is a runtime/metrics dump. */
export function isRuntimeMetrics(doc: Record<string, unknown>): boolean {
  return typeof doc['/memory/classes/total:bytes'] === 'number'
}

/** The MemStats equivalents; the /memory/classes leaves partition total exactly as Sys. */
export function readRuntimeMetrics(doc: Record<string, unknown>): MemStats {
  const v = (name: string) => {
    const x = doc[name]
    return isExact(x) ? x : 0
  }
  const c = (leaf: string) => v(`/memory/classes/${leaf}:bytes`)
  const out: MemStats = {
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
  }
  const counters: Record<string, string> = {
    Goroutines: '/sched/goroutines:goroutines',
    NumGC: '/gc/cycles/total:gc-cycles',
    NumForcedGC: '/gc/cycles/forced:gc-cycles',
    TotalAlloc: '/gc/heap/allocs:bytes',
    Mallocs: '/gc/heap/allocs:objects',
    Frees: '/gc/heap/frees:objects',
    HeapObjects: '/gc/heap/objects:objects',
    NextGC: '/gc/heap/goal:bytes',
  }
  for (const [field, name] of Object.entries(counters)) {
    if (isExact(doc[name])) out[field] = doc[name] as number
  }
  return out
}
