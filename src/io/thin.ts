// A profile without its samples: what later stages need once it is folded.
import type { HeapProfile } from '../formats/model.js'

/** The profile's description (types, period, time) with no samples and no locations. */
export function thinProfile(p: HeapProfile): HeapProfile {
  return {
    sampleTypes: p.sampleTypes,
    defaultSampleType: p.defaultSampleType,
    period: p.period,
    timeNanos: p.timeNanos,
    locations: [],
    stackStart: new Uint32Array(1),
    stackLocations: new Uint32Array(0),
    values: new Float64Array(0),
  }
}
