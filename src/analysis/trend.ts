// Robust trend statistics for a short series: Theil–Sen slope and the Mann–Kendall test.
import { normalCdf } from './normal.js'
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
