// The diff of a baseline side against a candidate side: plain data, consumed by policy and reports.
import { MEMORY_CLASSES, type Frame, type SourceFormat, type ValueType } from '../formats/model.js'
import type { Unit } from '../units.js'
import type { Warning } from '../warnings.js'

/** A figure on both sides. `baseline` and `delta` are null when there is no baseline. */
export interface Change {
  baseline: number | null
  candidate: number
  delta: number | null
  /**
   * With repeated runs: the Mann–Whitney p-value of the change, null when a side has too
   * few runs to test. Absent for a single run per side.
   */
  p?: number | null
  /** With repeated runs: 95 % confidence intervals of each side's median ([lo, hi]). */
  ci?: { baseline: [number, number] | null; candidate: [number, number] | null }
}

/** A sample type's total over all profiles of a side. */
export interface TotalChange extends Change {
  unit: Unit
  /**
   * Standard deviation from heap sampling of `delta` (of `candidate` without a baseline),
   * from the sampling model in sampling.ts; 0 when the profiles are exact (rate 1).
   */
  sigma: number
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
  /** Sampling standard deviation of the flat `delta` (of `candidate` without a baseline). */
  sigma: number
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
  /** With repeated runs: which run (1-based) of its side the file belongs to. */
  run?: number
}

/**
 * One profile's files diffed on their own (the per-profile view, analysis/profiles.ts): a
 * package's heap profile and gctrace for `gomem-gate go-test` output.
 */
export interface ProfileDiff {
  /** The profile name (src/profile-name.ts): an import path for `go-test` output. */
  name: string
  /** 'new': only the candidate has it; 'gone': only the baseline. Absent: both (or no baseline). */
  presence?: 'new' | 'gone'
  files: { baseline: string[]; candidate: string[] }
  /** Sample type totals; baselines are null for a new profile and without a baseline. */
  totals: Record<string, TotalChange>
  /** MemStats fields of the profile's own MemStats or gctrace files. */
  memstats: Record<string, Change & { unit: Unit }>
  /** Functions that allocate themselves (flat ≠ 0 on a side), every sample type, by delta. */
  allocators: AllocatorChange[]
  /** Every heap profile of the group recorded every allocation (MemProfileRate = 1). */
  exact: boolean
}

/** Everything later stages need to judge and explain a change. */
export interface Diff {
  hasBaseline: boolean
  /** Union of the sample types found, in pprof's order. */
  sampleTypes: ValueType[]
  /**
   * The sample type asked for (--sample-type), else the candidate's default, else inuse_space,
   * else the first. The policy's verdict names the focus reports use (policy/focus.ts).
   */
  focus: string
  /** Whether `focus` was asked for (--sample-type): then the verdict keeps it. */
  focusAsked?: boolean
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
  /** Where each side's process memory went, when the side has MemStats. */
  accounting: { baseline?: Accounting; candidate?: Accounting }
  /** Goroutine counts and the stacks that hold them, when a side has a goroutine profile. */
  goroutines?: GoroutineDiff
  /** Leaked goroutines and their stacks, when the candidate has a goroutineleak profile (Go 1.26). */
  leakedGoroutines?: GoroutineDiff
  /** `go test -bench` results per benchmark and unit, when the candidate has any. */
  benchmarks?: BenchmarkChange[]
  /**
   * Per profile name, when a side holds heap profiles of two or more names (one per package
   * from `gomem-gate go-test`); a single run per side only. Sorted by name.
   */
  profiles?: ProfileDiff[]
  /** Trends over an ordered series of snapshots of one candidate process, when given. */
  series?: SeriesAnalysis
  /** With repeated runs: how many per side, and the fewest a significance test needs. */
  runs?: { baseline: number; candidate: number; minRuns: number }
  /** Sampling periods seen on each side (usually one each). */
  periods: { baseline: number[]; candidate: number[] }
  warnings: Warning[]
}

export { MEMORY_CLASSES }
export type MemoryClass = (typeof MEMORY_CLASSES)[number]

/** Bytes of one class. */
export interface ClassBytes {
  class: MemoryClass
  bytes: number
}

/**
 * One side's memory, class by class. The Go runtime's classes add up to `sys` exactly;
 * `outside_go` (RSS beyond the runtime's resident memory) is present only when RSS is known.
 */
export interface Accounting {
  classes: ClassBytes[]
  sys: number
  /** Resident set size and where it came from (MaxRSS is a peak, not the current value). */
  rss?: { bytes: number; source: 'RSS' | 'MaxRSS' }
  /** How much of the live heap the heap profile shows; present with a profile and MemStats. */
  coverage?: Coverage
}

/** The heap profile's inuse_space against the runtime's HeapAlloc. */
export interface Coverage {
  profiled: number
  heapAlloc: number
  /** profiled / heapAlloc. */
  ratio: number
  /** Sampling period in bytes (MemProfileRate), 0 when unknown. */
  period: number
}

/** One metric over the snapshots of a series. */
export interface SeriesMetric {
  metric: string
  /** The function, for an allocator's inuse_space; else the metric name. */
  subject: string
  unit: Unit
  values: (number | null)[]
  /** Theil–Sen slope per snapshot, Mann–Kendall one-sided p, and the shape of the rise. */
  trend: Trend
}

/** How a series moves: robust slope, significance, and whether the rise is spread out. */
export interface Trend {
  slopePerSnapshot: number
  /** One-sided Mann–Kendall p-value for an upward trend (1 when there is none). */
  p: number
  /** last − first. */
  rise: number
  /** Fraction of steps that went up. */
  upSteps: number
  /** Largest single step as a fraction of the rise (1 = all in one jump). */
  largestStepShare: number
}

/** An ordered series of snapshots of one process. */
export interface SeriesAnalysis {
  /** Source of each snapshot, in order. */
  labels: string[]
  /** How the order was decided. */
  order: 'profile time' | 'file name' | 'as given'
  /** HeapInuse, RSS, Goroutines (when known) and every allocator's inuse_space. */
  metrics: SeriesMetric[]
}

/** Goroutines per stack on both sides, the stacks that grew most first. */
export interface GoroutineDiff {
  baseline: number | null
  candidate: number
  /** Stacks (leaf first) with their goroutine counts, sorted by delta (by candidate without a baseline). */
  stacks: { frames: Frame[]; baseline: number | null; candidate: number; delta: number | null }[]
}

/**
 * One benchmark (package, name, GOMAXPROCS) and one unit: the medians of its runs on both
 * sides. `baseline` and `delta` are null when the baseline lacks it.
 */
export interface BenchmarkChange extends Change {
  /** As Go prints it without the `-N` suffix, sub-benchmark path kept. */
  name: string
  procs: number
  pkg: string
  /** How reports name it: as `go test` prints it (`BenchmarkServe-2`), package-qualified if ambiguous. */
  label: string
  /** The unit as Go prints it: `B/op`, `allocs/op`, `ns/op`, `MB/s` or a custom one. */
  metric: string
  /** delta / |baseline|; null without a baseline or when the baseline is 0. */
  relative: number | null
  /** Two-sided Mann–Whitney p; null when a side has fewer than MIN_BENCHMARK_RUNS runs. */
  p: number | null
  /** Runs on each side. */
  samples: { baseline: number; candidate: number }
  /** 95 % confidence interval of each side's median (order statistics); null without runs. */
  ci: { baseline: [number, number] | null; candidate: [number, number] | null }
  /**
   * A figure the runtime counts rather than times (B/op, allocs/op): identical runs give
   * (nearly) identical values, so without enough runs for a test the medians are trusted.
   */
  counted: boolean
  /** Why p is missing, or what to keep in mind about it. */
  note?: string
}
