// The model every reader produces and every later stage consumes. Wire formats stop here.

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
 * A heap or allocs profile: values are already unbiased (scaled) as pprof shows them.
 * Samples are kept in flat typed arrays, not as objects: a profile of a million samples
 * stays a few tens of MB and folds quickly.
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
  /** Sample i's stack is stackLocations[stackStart[i] .. stackStart[i + 1]), leaf first. */
  stackStart: Uint32Array
  /** Uint16Array when the profile has fewer than 65,536 locations, to halve its size. */
  stackLocations: Uint16Array | Uint32Array
  /** Sample i's value of sample type t is values[i * sampleTypes.length + t]. */
  values: Float64Array
}

/** Number of samples in a profile. */
export function sampleCount(p: HeapProfile): number {
  return p.stackStart.length - 1
}

/** Each sample as an object, leaf first: for tests and small profiles, not for hot loops. */
export function* samplesOf(p: HeapProfile): Generator<StackSample> {
  const width = p.sampleTypes.length
  for (let i = 0; i < sampleCount(p); i++) {
    const frames: Frame[] = []
    for (let k = p.stackStart[i]; k < p.stackStart[i + 1]; k++)
      frames.push(...p.locations[p.stackLocations[k]])
    yield { frames, values: Array.from(p.values.subarray(i * width, (i + 1) * width)) }
  }
}

/** The total of every sample type, in the profile's order. */
export function profileTotals(p: HeapProfile): number[] {
  const width = p.sampleTypes.length
  const out = new Array<number>(width).fill(0)
  for (let i = 0; i < p.values.length; i++) out[i % width] += p.values[i]
  return out
}

/** Builds a profile from sample objects whose stacks are made of whole locations. */
export function profileFromSamples(
  head: Pick<HeapProfile, 'sampleTypes' | 'defaultSampleType' | 'period' | 'timeNanos'>,
  samples: { locations: Frame[][]; values: number[] }[],
): HeapProfile {
  const index = new Map<Frame[], number>()
  const locations: Frame[][] = []
  const width = head.sampleTypes.length
  const stackStart = new Uint32Array(samples.length + 1)
  const stackLocations = new Uint32Array(samples.reduce((n, s) => n + s.locations.length, 0))
  const values = new Float64Array(samples.length * width)
  let k = 0
  samples.forEach((s, i) => {
    for (const loc of s.locations) {
      let id = index.get(loc)
      if (id === undefined) {
        id = locations.push(loc) - 1
        index.set(loc, id)
      }
      stackLocations[k++] = id
    }
    stackStart[i + 1] = k
    values.set(s.values.slice(0, width), i * width)
  })
  return { ...head, locations, stackStart, stackLocations, values }
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
  warnings: string[]
}

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
  'profile_coverage',
] as const

/** Fields measured in bytes; the rest are counts, nanoseconds or a fraction. */
export const MEMSTATS_BYTE_FIELDS: ReadonlySet<string> = new Set([
  'RSS',
  'MaxRSS',
  'Sys',
  'Alloc',
  'TotalAlloc',
  'HeapAlloc',
  'HeapInuse',
  'HeapIdle',
  'HeapReleased',
  'HeapSys',
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
  'LastGCLiveHeap',
  'LastGCHeapGoal',
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
])

/** The unit of a MemStats field or derived figure. */
export function memstatsUnit(field: string): 'bytes' | 'count' | 'nanoseconds' | 'fraction' {
  if (MEMSTATS_BYTE_FIELDS.has(field)) return 'bytes'
  if (field === 'PauseTotalNs') return 'nanoseconds'
  if (field === 'GCCPUFraction' || field === 'profile_coverage') return 'fraction'
  return 'count'
}
