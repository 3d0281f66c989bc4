// A heap profile sample by sample, as a reader decodes it: what the fold visits. It stays
// inside src/formats; later stages see the fold only.
import type { Frame, HeapProfile } from '../model.js'

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

/** What describes a profile apart from its samples (and its fold). */
export type ProfileHead = Omit<HeapProfile, 'fold'>

/**
 * A decoded profile: a pprof one keeps its bytes and decodes each sample as it is visited,
 * so a profile of a million samples costs its own size in memory and one pass to fold.
 */
export interface DecodedProfile extends ProfileHead {
  /** The frames of every location as integers: what the fold reads. */
  frames: FrameTable
  /** The frames of each location, inlined calls expanded, innermost first (built on first use). */
  locations: Frame[][]
  /** Number of samples. */
  sampleCount: number
  /** Visits every sample, in order. */
  forEachSample(visit: SampleVisitor): void
  /** The location indexes of sample `i`, leaf first. */
  locationsOf(i: number): number[]
  /** A protobuf profile's samples as they lie in its bytes, for the compiled loop. */
  packed?: PackedSamples
}

/** Samples in pprof's wire format: what compiled.ts reads. */
export interface PackedSamples {
  bytes: Uint8Array
  /** The [start, end) of each sample's bytes, in increasing order. */
  ranges: Uint32Array
  /** Location id → index (−1: none), or undefined when the ids are 1…N in order. */
  index?: Int32Array
  /** The length of the longest sample, in bytes. */
  longest: number
}

/**
 * The frames of every location without an object per frame: location l's frames, inlined
 * calls expanded and innermost first, are entries start[l] … start[l + 1] of `fn` (an index
 * into `functions`) and `line`. Names are worked out once per function from it; Frame
 * objects are made only for the stacks a fold reports.
 */
export interface FrameTable {
  functions: { name: string; file: string }[]
  start: Int32Array
  fn: Int32Array
  line: Float64Array
}

/** Entry `at` of a frame table as a Frame. */
export function frameAt(t: FrameTable, at: number): Frame {
  const f = t.functions[t.fn[at]]
  return { function: f.name, file: f.file, line: t.line[at] }
}

/** Every location's frames as Frame objects. */
export function locationsOf(t: FrameTable): Frame[][] {
  const out: Frame[][] = []
  for (let l = 0; l + 1 < t.start.length; l++) {
    const frames: Frame[] = []
    for (let at = t.start[l]; at < t.start[l + 1]; at++) frames.push(frameAt(t, at))
    out.push(frames)
  }
  return out
}

/** The frame table of locations given as Frame objects (a function per frame). */
function frameTableOf(locations: Frame[][]): FrameTable {
  const start = new Int32Array(locations.length + 1)
  locations.forEach((frames, l) => (start[l + 1] = start[l] + frames.length))
  const total = start[locations.length]
  const fn = new Int32Array(total)
  const line = new Float64Array(total)
  const functions: { name: string; file: string }[] = []
  for (const frames of locations) {
    for (const f of frames) {
      line[functions.length] = f.line
      fn[functions.length] = functions.length
      functions.push({ name: f.function, file: f.file })
    }
  }
  return { functions, start, fn, line }
}

/** One call stack (leaf first) with one value per sample type of its profile. */
export interface StackSample {
  frames: Frame[]
  values: number[]
}

/** Each sample as an object, leaf first: for tests and small profiles, not for hot loops. */
export function samplesOf(p: DecodedProfile): StackSample[] {
  const out: StackSample[] = []
  p.forEachSample((locs, n, values) => {
    const frames: Frame[] = []
    for (let k = 0; k < n; k++) frames.push(...p.locations[locs[k]])
    out.push({ frames, values: Array.from(values) })
  })
  return out
}

/** A profile from sample objects whose stacks are made of whole locations (text profiles, tests). */
export function profileFromSamples(
  head: ProfileHead,
  samples: { locations: Frame[][]; values: number[] }[],
): DecodedProfile {
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
    sampleTypes: head.sampleTypes,
    defaultSampleType: head.defaultSampleType,
    period: head.period,
    timeNanos: head.timeNanos,
    frames: frameTableOf(locations),
    locations,
    sampleCount: samples.length,
    forEachSample: (visit) => stacks.forEach((locs, i) => visit(locs, locs.length, values[i], i)),
    locationsOf: (i) => [...stacks[i]],
  }
}
