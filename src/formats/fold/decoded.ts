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
  /** The frames of each location, inlined calls expanded, innermost first. */
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
    locations,
    sampleCount: samples.length,
    forEachSample: (visit) => stacks.forEach((locs, i) => visit(locs, locs.length, values[i], i)),
    locationsOf: (i) => [...stacks[i]],
  }
}
