// Whether a change stands out of the heap sampling noise.
import { normalQuantile } from '../analysis/normal.js'
import { RUNS_ALPHA } from './defaults.js'
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
