// A profile without its samples: what later stages need once it is folded.
import { emptyProfile, type HeapProfile, type ProfileHead } from '../formats/model.js'

/** The description of a profile (types, period, time): plain data a worker can post. */
export function headOf(p: HeapProfile): ProfileHead {
  return {
    sampleTypes: p.sampleTypes,
    defaultSampleType: p.defaultSampleType,
    period: p.period,
    timeNanos: p.timeNanos,
  }
}

/** The profile again on the main thread, without samples (they were folded). */
export function thinProfile(head: ProfileHead): HeapProfile {
  return emptyProfile(head)
}
