// Robust trend statistics for a short series: Theil–Sen slope and the Mann–Kendall test.
import type { Trend } from './types.js'

/** The trend of the values, in order; null values are skipped. */
export function trendOf(raw: (number | null)[]): Trend {
  const v = raw.filter((x): x is number => x !== null)
  const n = v.length
  if (n < 2) return { slopePerSnapshot: 0, p: 1, rise: 0, upSteps: 0, largestStepShare: 1 }
  const slopes: number[] = []
  let s = 0
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      slopes.push((v[j] - v[i]) / (j - i))
      s += Math.sign(v[j] - v[i])
    }
  }
  let up = 0
  let largest = 0
  for (let i = 1; i < n; i++) {
    const step = v[i] - v[i - 1]
    if (step > 0) up++
    largest = Math.max(largest, step)
  }
  const rise = v[n - 1] - v[0]
  return {
    slopePerSnapshot: median(slopes),
    p: mannKendallP(s, v),
    rise,
    upSteps: up / (n - 1),
    largestStepShare: rise > 0 ? Math.min(1, largest / rise) : 1,
  }
}

/** One-sided p-value of an upward trend from Mann–Kendall's S, with the tie correction. */
function mannKendallP(s: number, v: number[]): number {
  const n = v.length
  const ties = new Map<number, number>()
  for (const x of v) ties.set(x, (ties.get(x) ?? 0) + 1)
  let tieTerm = 0
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5)
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18
  if (s <= 0 || variance <= 0) return 1
  const z = (s - 1) / Math.sqrt(variance)
  return 1 - normalCdf(z)
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * x)
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-x * x)
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2
}
