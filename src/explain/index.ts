// `gomem-gate explain`'s core: one snapshot in, an Explanation out.
export { ADVICE_THRESHOLDS, adviceFor, type AdviceInput } from './advice.js'
export { explain, hasAnything, type ExplainOptions } from './explain.js'
export * from './types.js'
