// Whether a change stands out of the noise: the one place significance is computed.
import { normalQuantile } from '../analysis/normal.js'
import { DEFAULT_CONFIDENCE, RUNS_ALPHA } from './defaults.js'
import type { Significance } from './types.js'

/**
 * 'significant' when |delta| is at least the one-sided critical z of `confidence` times
 * `sigma` (any nonzero change of an exact figure is); 'noise' within one sigma (or no
 * change); 'inconclusive' in between. With repeated runs `p` decides instead: below
 * RUNS_ALPHA significant, else noise; null (too few runs) inconclusive. Null without a baseline.
 */
export function significanceOf(
  delta: number | null,
  sigma: number,
  confidence: number,
  p?: number | null,
): Significance | null {
  if (delta === null) return null
  // Repeated runs: the U test decides; too few runs cannot.
  if (p !== undefined) return p === null ? 'inconclusive' : p < RUNS_ALPHA ? 'significant' : 'noise'
  const size = Math.abs(delta)
  if (size === 0) return 'noise'
  if (sigma === 0 || size >= normalQuantile(confidence) * sigma) return 'significant'
  return size <= sigma ? 'noise' : 'inconclusive'
}

/**
 * How sure a broken limit is: 'significant' when the excess (over a ceiling, or the change
 * past a relative limit) is significant by significanceOf, else 'inconclusive' (a limit
 * exceeded within the noise never fails).
 */
export function excessSignificance(
  excess: number,
  sigma: number,
  confidence: number,
  p?: number | null,
): Exclude<Significance, 'noise'> {
  return significanceOf(excess, sigma, confidence, p) === 'significant'
    ? 'significant'
    : 'inconclusive'
}

/**
 * A benchmark change by its Mann–Whitney p (benchstat's verdicts): below RUNS_ALPHA
 * significant, else noise; without a p (too few runs, or no baseline) inconclusive.
 */
export function benchmarkSignificance(c: { delta: number | null; p: number | null }): Significance {
  // A benchmark always has a p (null: too few runs), so the confidence plays no part.
  return significanceOf(c.delta, 0, DEFAULT_CONFIDENCE, c.p) ?? 'inconclusive'
}
