// What a report is about: the sample type of the worst finding, decided once here.
import type { MEMSTATS_FIELDS } from '../formats/model.js'
import { matchKey, packageOf } from '../formats/names.js'
import type { Diff } from '../analysis/types.js'
import type { JudgedRow, Scope, Violation } from './types.js'

/**
 * The heap-profile sample type that explains a change of a MemStats field (or memory class).
 * Growth of the process (Sys, HeapSys), of idle or released heap, of the bytes and objects
 * allocated and of GC work comes from allocation churn: alloc_space (alloc_objects for the
 * object counts). Live heap figures are explained by inuse_space. Fields the heap profile
 * cannot explain (goroutine stacks, runtime metadata, RSS, coverage) have none. Keyed by
 * MEMSTATS_FIELDS (memory classes included), so a name outside that list does not compile.
 */
export const SAMPLE_TYPE_OF: Readonly<
  Partial<Record<(typeof MEMSTATS_FIELDS)[number], 'alloc_space' | 'alloc_objects' | 'inuse_space'>>
> = {
  Sys: 'alloc_space',
  HeapSys: 'alloc_space',
  HeapIdle: 'alloc_space',
  HeapReleased: 'alloc_space',
  TotalAlloc: 'alloc_space',
  NextGC: 'alloc_space',
  NumGC: 'alloc_space',
  NumForcedGC: 'alloc_space',
  PauseTotalNs: 'alloc_space',
  GCCPUFraction: 'alloc_space',
  LastGCHeapGoal: 'alloc_space',
  retained_idle: 'alloc_space',
  released: 'alloc_space',
  Mallocs: 'alloc_objects',
  Frees: 'alloc_objects',
  HeapAlloc: 'inuse_space',
  Alloc: 'inuse_space',
  HeapInuse: 'inuse_space',
  HeapObjects: 'inuse_space',
  LastGCLiveHeap: 'inuse_space',
  PeakLiveHeap: 'inuse_space',
  live_heap: 'inuse_space',
  fragmentation: 'inuse_space',
}

/**
 * The sample type a finding on `metric` in `scope` is about: the metric itself for totals,
 * allocators and packages; SAMPLE_TYPE_OF for MemStats fields; null for benchmarks and for
 * fields no sample type explains.
 */
export function sampleTypeOf(scope: Scope, metric: string): string | null {
  if (scope === 'benchmark') return null
  if (scope === 'memstats') return SAMPLE_TYPE_OF[metric as keyof typeof SAMPLE_TYPE_OF] ?? null
  return metric
}

/**
 * The verdict's focus: the sample type `--sample-type` asked for (Diff.focusAsked); else that
 * of the first violation (they come worst first) whose sample type a profile has; else the
 * diff's own choice (the candidate's default sample type, else inuse_space).
 */
export function focusOf(
  diff: Pick<Diff, 'focus' | 'focusAsked' | 'totals'>,
  violations: Violation[],
): string {
  if (diff.focusAsked) return diff.focus
  const worst = violations.find((v) => v.sampleType !== null && diff.totals[v.sampleType])
  return worst?.sampleType ?? diff.focus
}

/**
 * Where the focus's growth comes from when its top grower is a library function (e.g.
 * `bytes.growSlice`): the first function of the program's own code on that grower's heaviest
 * stack, as its row of the focus sample type (its cumulative figures say how much passes
 * through it). Undefined when the top grower is the program's own code, or no own frame is
 * on its stack. Rows come sorted by growth (by candidate without a baseline), ignored ones out.
 */
export function originOf(rows: JudgedRow[], focus: string): JudgedRow | undefined {
  const top = rows.find((r) => r.sampleType === focus && (r.delta ?? r.candidate) > 0)
  if (!top || isOwnCode(top.package)) return undefined
  const frame = top.stack.find((f) => isOwnCode(packageOf(f.function)))
  if (!frame) return undefined
  const name = matchKey(frame.function)
  return rows.find((r) => r.sampleType === focus && r.function === name)
}

/**
 * Whether a package is the program's own code rather than Go's standard library: `main`, or
 * a path whose first element has a dot (`github.com/…`), as module paths outside the
 * standard library have.
 */
export function isOwnCode(pkg: string): boolean {
  return pkg === 'main' || pkg.split('/')[0].includes('.')
}
