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

/** A heap or allocs profile: values are already unbiased (scaled) as pprof shows them. */
export interface HeapProfile {
  sampleTypes: ValueType[]
  /** The profile's own default sample type, '' when it names none. */
  defaultSampleType: string
  /** Bytes between samples (MemProfileRate); 1 means exact; 0 when unknown. */
  period: number
  /** Collection time in Unix nanoseconds, 0 when unknown. */
  timeNanos: number
  /** Samples with identical stacks are merged. */
  samples: StackSample[]
}

/**
 * runtime.MemStats fields by their Go names (HeapAlloc, Sys, NumGC…), plus `Goroutines`
 * and `RSS` when a source knows them. Fields a source lacks are absent, never zero.
 * PauseNs, PauseEnd, LastGC and BySize are not kept (too large for doubles, or not diffable).
 */
export type MemStats = Record<string, number>

/** How a file was recognised. */
export type SourceFormat = 'pprof' | 'heap-text' | 'memstats-json' | 'expvar' | 'prometheus'

/** One input file, decoded. */
export interface Snapshot {
  /** The path as the user gave it; shown in reports. */
  source: string
  format: SourceFormat
  profile?: HeapProfile
  memstats?: MemStats
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
])
