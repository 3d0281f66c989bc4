// The answer `gomem-gate explain` gives about one snapshot of one process: plain data that
// every renderer reads, nothing decided there.
import type { MemoryClass } from '../analysis/types.js'
import type { Frame, SourceFormat } from '../formats/model.js'
import type { Unit } from '../units.js'
import type { Warning } from '../warnings.js'

/** One class of the process's memory, with the sentence that explains it. */
export interface ExplainedClass {
  class: MemoryClass
  label: string
  bytes: number
  /** Part of Sys (the Go classes add up to Sys exactly); false for `outside_go`. */
  inSys: boolean
  /** bytes / Sys; null for `outside_go` or when Sys is 0. */
  shareOfSys: number | null
  sentence: string
}

/** How much of the live heap the heap profile shows, and why it shows less (or more). */
export interface ExplainedCoverage {
  /** The profile's inuse_space total (scaled, as pprof shows it). */
  profiled: number
  /** MemStats HeapAlloc. */
  heapAlloc: number
  /** profiled / heapAlloc. */
  ratio: number
  /** Sampling period in bytes (MemProfileRate): 1 exact, 0 unknown. */
  period: number
  /** Sentences, the reasons the two figures differ. */
  sentences: string[]
}

/** One function that holds live memory: its own (flat) value, its cumulative one, its heaviest stack. */
export interface ExplainedAllocator {
  function: string
  package: string
  flat: number
  cum: number
  /** flat / the profile's total of the sample type. */
  share: number
  /** The heaviest call stack through it, leaf first; [] when unknown. */
  stack: Frame[]
}

/** Goroutines: how many, and the stacks holding most of them (with a goroutine profile). */
export interface ExplainedGoroutines {
  total: number
  /** Where the count came from. */
  source: 'goroutine profile' | 'MemStats'
  /** Leaf first, most goroutines first; [] without a goroutine profile. */
  stacks: { frames: Frame[]; count: number }[]
  /** Stacks not listed. */
  moreStacks: number
}

/** Codes of the advice rules (docs/explain.md gives each one's threshold). */
export const ADVICE_CODES = [
  'retained-idle',
  'heap-goal',
  'goroutines',
  'outside-go',
  'fragmentation',
  'sampling',
] as const
export type AdviceCode = (typeof ADVICE_CODES)[number]

/** One piece of advice: why the numbers call for it, and the numbers. */
export interface Advice {
  code: AdviceCode
  /** `warning`: likely worth acting on; `info`: worth knowing. */
  severity: 'warning' | 'info'
  text: string
  /** The figures the rule compared (bytes, counts or ratios), by name. */
  figures: Record<string, number>
}

/** Everything `explain` says about one snapshot. */
export interface Explanation {
  /** The files read, as given. */
  files: { source: string; format: SourceFormat }[]
  /** Resident set size, when a file had it (MaxRSS: a peak). */
  rss?: { bytes: number; source: 'RSS' | 'MaxRSS' }
  /** MemStats Sys, when known. */
  sys?: number
  /** Sys split into classes (then `outside_go` with RSS); [] without MemStats. */
  classes: ExplainedClass[]
  coverage?: ExplainedCoverage
  /** The sample type the allocators are listed by, and the profile's total of it. */
  profile?: { sampleType: string; unit: Unit; total: number; period: number }
  /** The top allocators by flat value of `profile.sampleType`. */
  allocators: ExplainedAllocator[]
  /** Allocators with a value that are not listed. */
  moreAllocators: number
  goroutines?: ExplainedGoroutines
  /** From a gctrace log: the last GC's marked live heap and goal, and the run's peak live heap. */
  gc?: { liveHeap: number; heapGoal?: number; peakLiveHeap?: number }
  advice: Advice[]
  warnings: Warning[]
}
