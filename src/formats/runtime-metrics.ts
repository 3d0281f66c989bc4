// Maps a runtime/metrics dump (metric name → value, written by the helper in
// docs/producing-inputs.md) onto MemStats fields, so accounting and rules treat both alike.
import type { MemStats } from './model.js'
import { figure, isGoalSentinel } from './numbers.js'

/** True when a JSON object is a runtime/metrics dump. */
export function isRuntimeMetrics(doc: Record<string, unknown>): boolean {
  return typeof doc['/memory/classes/total:bytes'] === 'number'
}

/** The MemStats equivalents; the /memory/classes leaves partition total exactly as Sys. */
export function readRuntimeMetrics(doc: Record<string, unknown>, source: string): MemStats {
  // A metric that is absent reads as 0; one that is present must be a figure (numbers.ts).
  const v = (name: string) => {
    const x = doc[name]
    return typeof x === 'number' ? figure(x, source, name) : 0
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
    const x = doc[name]
    if (typeof x !== 'number') continue
    // The goal with GC off is ~2^64: no goal, as in MemStats.
    if (field === 'NextGC' && isGoalSentinel(x)) continue
    out[field] = figure(x, source, name)
  }
  return out
}
