// The diff of a baseline side against a candidate side: plain data, consumed by policy and reports.
import type { Frame, SourceFormat, ValueType } from '../formats/model.js'
import type { Unit } from '../units.js'

/** A figure on both sides. `baseline` and `delta` are null when there is no baseline. */
export interface Change {
  baseline: number | null
  candidate: number
  delta: number | null
}

/** A sample type's total over all profiles of a side. */
export interface TotalChange extends Change {
  unit: Unit
}

/**
 * One function (or package) for one sample type: its flat value (allocated at this site)
 * and cumulative value (allocated at or below it), on both sides.
 */
export interface AllocatorChange extends Change {
  /** Function name as matched across builds (closure numbers folded, see match.ts). */
  function: string
  /** Go package path the function belongs to. */
  package: string
  sampleType: string
  unit: Unit
  cumBaseline: number | null
  cumCandidate: number
  /** The candidate's heaviest call stack through this function, leaf first; [] if none. */
  stack: Frame[]
}

/** One input file of a side, as summarised in reports. */
export interface FileSummary {
  side: 'baseline' | 'candidate'
  source: string
  format: SourceFormat
  /** Sample type totals of this file's profile, if it has one. */
  totals: Record<string, number>
  period: number
  hasMemStats: boolean
}

/** Everything later stages need to judge and explain a change. */
export interface Diff {
  hasBaseline: boolean
  /** Union of the sample types found, in pprof's order. */
  sampleTypes: ValueType[]
  /** The sample type reports focus on (--sample-type, else inuse_space, else the first). */
  focus: string
  totals: Record<string, TotalChange>
  /** MemStats fields known on the candidate side (and the baseline's when present). */
  memstats: Record<string, Change & { unit: Unit }>
  /** Per function, every sample type, sorted by delta descending (by candidate without baseline). */
  allocators: AllocatorChange[]
  /** Per package, same shape as allocators (`function` holds the package path). */
  packages: AllocatorChange[]
  /** Per whole call stack (`function` holds `leaf ← caller ← …`), when asked for. */
  stacks?: AllocatorChange[]
  files: FileSummary[]
  /** Sampling periods seen on each side (usually one each). */
  periods: { baseline: number[]; candidate: number[] }
  warnings: string[]
}
