// What src/analysis offers later stages.
export { diff, type DiffOptions } from './diff.js'
export { diffRuns, MIN_RUNS } from './runs.js'
export { diffByProfile } from './profiles.js'
export { matchKey, packageOf } from '../formats/names.js'
export type * from './types.js'
