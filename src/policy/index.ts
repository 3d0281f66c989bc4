// The policy stage: YAML config → Policy; Diff + Policy → Verdict.
export { BUILT_IN_SOURCE, DEFAULT_CONFIG_PATH, defaultPolicy, loadPolicy } from './config.js'
export { DEFAULT_RULES } from './defaults.js'
export { evaluate } from './evaluate.js'
export { compileMatcher } from './matcher.js'
export { isIgnored, measure } from './measurements.js'
export { ALL_METRICS, SAMPLE_TYPES, metricUnit } from './metrics.js'
export type * from './types.js'
export { significanceOf } from './significance.js'
