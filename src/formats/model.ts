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

/** One call stack (leaf first) with one value per sample type of its profile. */
export interface StackSample {
  frames: Frame[]
  values: number[]
}

/**
 * One sample as a visitor sees it: its location indexes (leaf first) in `locs[0 … nLocs)`
 * and one value per sample type. The arrays are scratch space, valid during the call only.
 */
export type SampleVisitor = (
  locs: ArrayLike<number>,
  nLocs: number,
  values: ArrayLike<number>,
  index: number,
) => void

/**
 * A heap or allocs profile: values are already unbiased (scaled) as pprof shows them.
 * Samples are not objects: a pprof profile keeps its decoded bytes and decodes each sample
 * as it is visited, so a profile of a million samples costs its own size in memory and
 * one pass to fold.
 */
export interface HeapProfile {
  sampleTypes: ValueType[]
  /** The profile's own default sample type, '' when it names none. */
  defaultSampleType: string
  /** Bytes between samples (MemProfileRate); 1 means exact; 0 when unknown. */
  period: number
  /** Collection time in Unix nanoseconds, 0 when unknown. */
  timeNanos: number
  /** The frames of each location, inlined calls expanded, innermost first. */
  locations: Frame[][]
  /** Number of samples. */
  sampleCount: number
  /** Visits every sample, in order. */
  forEachSample(visit: SampleVisitor): void
  /** The location indexes of sample `i`, leaf first. */
  locationsOf(i: number): number[]
  /** A protobuf profile's samples as they lie in its bytes, for the compiled fold. */
  packed?: PackedSamples
}

/** Samples in pprof's wire format: what src/analysis/wasm-fold.ts reads. */
export interface PackedSamples {
  bytes: Uint8Array
  /** The [start, end) of each sample's bytes, in increasing order. */
  ranges: Uint32Array
  /** Location id → index (−1: none), or undefined when the ids are 1…N in order. */
  index?: Int32Array
}

/** What describes a profile apart from its samples. */
export type ProfileHead = Pick<
  HeapProfile,
  'sampleTypes' | 'defaultSampleType' | 'period' | 'timeNanos'
>

/** Each sample as an object, leaf first: for tests and small profiles, not for hot loops. */
export function samplesOf(p: HeapProfile): StackSample[] {
  const out: StackSample[] = []
  p.forEachSample((locs, n, values) => {
    const frames: Frame[] = []
    for (let k = 0; k < n; k++) frames.push(...p.locations[locs[k]])
    out.push({ frames, values: Array.from(values) })
  })
  return out
}

/** The total of every sample type, in the profile's order. */
export function profileTotals(p: HeapProfile): number[] {
  const out = new Array<number>(p.sampleTypes.length).fill(0)
  p.forEachSample((_l, _n, values) => {
    for (let t = 0; t < out.length; t++) out[t] += values[t]
  })
  return out
}

/** The description of a profile: plain data, which can cross to another thread. */
export function headOf(p: HeapProfile): ProfileHead {
  return {
    sampleTypes: p.sampleTypes,
    defaultSampleType: p.defaultSampleType,
    period: p.period,
    timeNanos: p.timeNanos,
  }
}

/** A profile without samples: its description only (what is left once it is folded). */
export function emptyProfile(head: ProfileHead): HeapProfile {
  return {
    sampleTypes: head.sampleTypes,
    defaultSampleType: head.defaultSampleType,
    period: head.period,
    timeNanos: head.timeNanos,
    locations: [],
    sampleCount: 0,
    forEachSample: () => {},
    locationsOf: () => [],
  }
}

/** Builds a profile from sample objects whose stacks are made of whole locations. */
export function profileFromSamples(
  head: ProfileHead,
  samples: { locations: Frame[][]; values: number[] }[],
): HeapProfile {
  const index = new Map<Frame[], number>()
  const locations: Frame[][] = []
  const width = head.sampleTypes.length
  const stacks = samples.map((s) =>
    s.locations.map((loc) => {
      let id = index.get(loc)
      if (id === undefined) {
        id = locations.push(loc) - 1
        index.set(loc, id)
      }
      return id
    }),
  )
  const values = samples.map((s) =>
    Float64Array.from({ length: width }, (_, t) => s.values[t] ?? 0),
  )
  return {
    ...emptyProfile(head),
    locations,
    sampleCount: samples.length,
    forEachSample: (visit) => stacks.forEach((locs, i) => visit(locs, locs.length, values[i], i)),
    locationsOf: (i) => [...stacks[i]],
  }
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

/** A goroutine profile: how many goroutines, grouped by identical stack (leaf first). */
export interface GoroutineProfile {
  total: number
  stacks: { frames: Frame[]; count: number }[]
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
  /** Soft problems worth showing next to the results. */
  warnings: Warning[]
}

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
  // From a GODEBUG=gctrace=1 log: live heap after the last GC, and the heap goal it set.
  'LastGCLiveHeap',
  'LastGCHeapGoal',
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
