// The model every reader produces and every later stage consumes. Wire formats stop here.
import type { Warning } from '../warnings.js'

/** A sample type or period type, e.g. { type: 'inuse_space', unit: 'bytes' }. */
export interface ValueType {
  type: string
  unit: string
}

/** One frame of a call stack after inlined frames are expanded. */
export interface Frame {
  function: string
  file: string
  line: number
}

/** The sums a fold keeps per node (function, package or stack), one per sample type. */
export const NODE_SUMS = ['flat', 'cum', 'flatVar', 'heaviestValue'] as const

/** One of NODE_SUMS: flat, cum, the sampling variance of flat, the heaviest stack's value. */
export type NodeSum = (typeof NODE_SUMS)[number]

/**
 * The functions, packages or stacks of a fold, in columns: node i is `names[i]`, in package
 * `packages[i]`. Plain arrays and one Float64Array, so a fold crosses threads as it is and
 * costs a few objects, not a few per node.
 */
export interface FoldNodes {
  names: string[]
  packages: string[]
  /** Node i's sum f (index in NODE_SUMS) in sample type c at (i * NODE_SUMS.length + f) * n + c. */
  sums: Float64Array
  /**
   * [node, sample type, stack]: the heaviest stack (leaf first) in which a function
   * allocates itself (a stack node: its own frames); none for a function that never does.
   */
  heaviest: [number, number, Frame[]][]
}

/** Where each of NODE_SUMS lies in a node's row, in units of the fold's sample types. */
export const NODE_SUM_AT = Object.fromEntries(NODE_SUMS.map((f, i) => [f, i])) as Readonly<
  Record<NodeSum, number>
>

/** Node i's sum `field` in sample type c of nodes folded over n sample types. */
export function sumOf(nodes: FoldNodes, i: number, field: NodeSum, c: number, n: number): number {
  return nodes.sums[(i * NODE_SUMS.length + NODE_SUM_AT[field]) * n + c]
}

/**
 * A heap profile folded: per function, per package and (when asked) per whole stack, flat
 * and cum for every sample type, with sampling variances. Folds merge by name (analysis).
 */
export interface Fold {
  sampleTypes: string[]
  totals: number[]
  /** Sampling variance of each total. */
  totalsVar: number[]
  functions: FoldNodes
  packages: FoldNodes
  /** Per whole call stack (matched names joined by STACK_SEPARATOR, leaf first); only when asked for. */
  stacks?: FoldNodes
  /** Stacks left out of `stacks` for being under STACK_MIN_SHARE of their file's total. */
  stacksOmitted?: number
}

/** Separates the functions of a call stack in its name. */
export const STACK_SEPARATOR = ' ← '

/**
 * A heap or allocs profile, already folded: values are unbiased (scaled) as pprof shows
 * them. Its samples are not kept: every later stage needs them aggregated only.
 */
export interface HeapProfile {
  sampleTypes: ValueType[]
  /** The profile's own default sample type, '' when it names none. */
  defaultSampleType: string
  /** Bytes between samples (MemProfileRate); 1 means exact; 0 when unknown. */
  period: number
  /** Collection time in Unix nanoseconds, 0 when unknown. */
  timeNanos: number
  /** The profile folded over its own sample types. */
  fold: Fold
}

/**
 * runtime.MemStats fields by their Go names (HeapAlloc, Sys, NumGC…), plus `Goroutines`
 * and `RSS` when a source knows them. Fields a source lacks are absent, never zero.
 * PauseNs, PauseEnd, LastGC and BySize are not kept (too large for doubles, or not diffable).
 */
export type MemStats = Record<string, number>

/** How a file was recognised. */
export type SourceFormat =
  | 'pprof'
  | 'heap-text'
  | 'memstats-json'
  | 'expvar'
  | 'prometheus'
  | 'runtime-metrics'
  | 'gctrace'
  | 'goroutine-pprof'
  | 'goroutine-text'
  | 'benchfmt'
  /** The manifest of `gomem-gate capture`: recognised and skipped, it holds no figures. */
  | 'capture-manifest'

/** A goroutine profile: how many goroutines, grouped by identical stack (leaf first). */
export interface GoroutineProfile {
  total: number
  stacks: { frames: Frame[]; count: number }[]
  /**
   * A goroutine leak profile (`goroutineleak`, Go 1.26 with GOEXPERIMENT=goroutineleakprofile):
   * every goroutine in it is leaked, blocked on something no running goroutine can reach.
   */
  leaked?: boolean
}

/** One benchmark of a `go test -bench` run, every repetition (-count) as one sample. */
export interface BenchmarkResult {
  /** As Go prints it without the `-N` suffix, sub-benchmark path kept: `BenchmarkEncode/small`. */
  name: string
  /** GOMAXPROCS the benchmark ran with: the `-N` suffix, 1 when there is none. */
  procs: number
  /** Import path from the `pkg:` line before it, '' when there was none. */
  pkg: string
  /** Samples per unit as Go prints it (`ns/op`, `B/op`, `allocs/op`, `MB/s`, custom), in run order. */
  metrics: Record<string, number[]>
}

/** The results of a `go test -bench` run, and its configuration lines (`goos`, `goarch`, `cpu`…). */
export interface BenchmarkSet {
  /** Configuration lines (`key: value`) other than `pkg`, first value seen. */
  config: Record<string, string>
  /** One per package, name and GOMAXPROCS, in the order first seen. */
  results: BenchmarkResult[]
}

/** One GC cycle of a GODEBUG=gctrace=1 log. Sizes in bytes: the log prints whole MiB. */
export interface GcCycle {
  /** The runtime's GC counter (`gc N`). */
  n: number
  /** Seconds since the program started (`@Ts`). */
  at: number
  /** Heap at the start and the end of the cycle, and the heap it marked live (`A->B->C MB`). */
  heapStart: number
  heapEnd: number
  live: number
  /** The heap goal it set; absent with GC turned off (the log prints ~2^63 bytes). */
  goal?: number
  /** Scannable stacks and globals, printed since Go 1.18. */
  stacks?: number
  globals?: number
  /** GOMAXPROCS (`N P`). */
  procs: number
  /** Started by runtime.GC() (`(forced)`). */
  forced: boolean
  /** Line of the log, from 1. */
  line: number
}

/** One process in a gctrace log: its cycles in order, and its package when `go test` named it. */
export interface GcRun {
  /** From the `ok  \tpkg` or `FAIL\tpkg` line after the run; '' when the log has none. */
  name: string
  cycles: GcCycle[]
}

/** One input file, decoded. */
export interface Snapshot {
  /** The path as the user gave it; shown in reports. */
  source: string
  format: SourceFormat
  profile?: HeapProfile
  memstats?: MemStats
  goroutines?: GoroutineProfile
  /** `go test -bench` results (text or `go test -json`). */
  benchmarks?: BenchmarkSet
  /** Every cycle of a gctrace log, one run per process (the counter restarts). */
  gcRuns?: GcRun[]
  /** Soft problems worth showing next to the results. */
  warnings: Warning[]
}

/** Go's heap profile sample types, in the order Go's protobuf writer (and pprof) lists them. */
export const GO_HEAP_SAMPLE_TYPES = [
  'alloc_objects',
  'alloc_space',
  'inuse_objects',
  'inuse_space',
] as const

/** The classes a Go process's memory divides into (src/analysis/accounting.ts explains each). */
export const MEMORY_CLASSES = [
  'live_heap',
  'fragmentation',
  'retained_idle',
  'released',
  'stacks',
  'gc_metadata',
  'span_cache',
  'profiling',
  'other_runtime',
  'outside_go',
] as const

/** The MemStats fields worth diffing, in the order reports list them. */
export const MEMSTATS_FIELDS = [
  'RSS',
  'MaxRSS',
  'Sys',
  'HeapAlloc',
  'HeapInuse',
  'HeapIdle',
  'HeapReleased',
  'HeapSys',
  'HeapObjects',
  'StackInuse',
  'StackSys',
  'MSpanInuse',
  'MSpanSys',
  'MCacheInuse',
  'MCacheSys',
  'BuckHashSys',
  'GCSys',
  'OtherSys',
  'NextGC',
  'TotalAlloc',
  'Mallocs',
  'Frees',
  'Lookups',
  'NumGC',
  'NumForcedGC',
  'PauseTotalNs',
  'GCCPUFraction',
  'Alloc',
  'Goroutines',
  // From a GODEBUG=gctrace=1 log: live heap after the last GC, the heap goal it set, and
  // the largest live heap the run held for three cycles in a row (formats/gctrace.ts peakOf).
  'LastGCLiveHeap',
  'LastGCHeapGoal',
  'PeakLiveHeap',
  // Derived by gomem-gate (see src/analysis/accounting.ts): the classes of process memory,
  // and how much of HeapAlloc the heap profile shows.
  ...MEMORY_CLASSES,
  'profile_coverage',
] as const

/** Fields that count things (objects, GCs, goroutines) rather than bytes. */
const COUNT_FIELDS: ReadonlySet<string> = new Set([
  'HeapObjects',
  'Mallocs',
  'Frees',
  'Lookups',
  'NumGC',
  'NumForcedGC',
  'Goroutines',
])

/** The unit of a MemStats field or derived figure. */
export function memstatsUnit(field: string): 'bytes' | 'count' | 'nanoseconds' | 'fraction' {
  if (field === 'PauseTotalNs') return 'nanoseconds'
  if (field === 'GCCPUFraction' || field === 'profile_coverage') return 'fraction'
  // Every other known field is a size; a name outside the list is counted, not sized.
  const known = (MEMSTATS_FIELDS as readonly string[]).includes(field)
  return known && !COUNT_FIELDS.has(field) ? 'bytes' : 'count'
}
