// How a figure is judged, decided in one place from the evidence behind it: the sampling
// model for a sampled profile, the U test for repeated runs, the program's own size for
// exact figures (MemStats, MemProfileRate = 1), the measured spread when a history has it.
import { spreadOf, type Spread } from '../history/spread.js'
import { excessSignificance } from './significance.js'
import type { Measurement, Method, Rule, Significance } from './types.js'

/** Below this, a change of an exact byte figure is size-class rounding and bookkeeping. */
export const EXACT_FLOOR_MIN = 64 * 1024

/** Entries a history needs before its spread judges a figure; fewer fall back with a note. */
export const HISTORY_MIN_ENTRIES = 5

/**
 * One-sided confidence of the history's prediction bound. Stricter than a sampled change's:
 * a history judges every rule and allocator at once, and unchanged code must never fail.
 */
export const HISTORY_CONFIDENCE = 0.999

/** The limits a rule applies to one measurement, given its evidence. */
export interface Judgement {
  method: Method
  /** Changes smaller than this never fail a relative check. */
  floor: number
  /** Largest allowed relative increase (the rule's, or its history threshold). */
  maxIncrease?: number
  /** With a history: the bound unchanged code stays under. */
  spread?: Spread
  /** How sure an excess over a limit is; 'noise' drops the violation. */
  significance(excess: number, candidate: number): Significance
}

/**
 * The judgement of `m` under `rule`. A built-in rule's floor follows the evidence (its
 * `evidence` settings): for exact figures a fraction of the program's size instead of fixed
 * bytes, and with a history of the figure its own threshold, beyond which the history's
 * spread decides. A user's rule keeps its own floor and threshold; a history only adds the
 * spread's verdict to them.
 */
export function judgementOf(rule: Rule, m: Measurement, confidence: number): Judgement {
  const values = m.history ?? []
  const exact = m.exact && m.unit === 'bytes' && rule.evidence !== undefined
  const floor = exact
    ? Math.max(EXACT_FLOOR_MIN, rule.evidence!.exactFloor * Math.abs(m.size ?? m.baseline ?? 0))
    : (rule.minChange ?? 0)
  if (values.length >= HISTORY_MIN_ENTRIES) {
    const spread = spreadOf(values, HISTORY_CONFIDENCE)
    return {
      method: 'history',
      floor,
      maxIncrease: rule.evidence?.historyMaxIncrease ?? rule.maxIncrease,
      spread,
      // Within the spread unchanged code shows, a change is noise whatever the threshold.
      significance: (_excess, candidate) => (candidate > spread.upper ? 'significant' : 'noise'),
    }
  }
  const method = m.p !== undefined ? 'runs' : m.exact ? 'exact' : 'sampling'
  return {
    method,
    floor,
    maxIncrease: rule.maxIncrease,
    significance: (excess) => excessSignificance(excess, m.sigma, confidence, m.p),
  }
}
