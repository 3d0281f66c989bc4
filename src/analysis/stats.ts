// Distribution-free statistics for repeated measurements (benchmark runs), as benchstat
// does them: the median, a confidence interval for it from order statistics, and the
// Mann–Whitney U test. Pure functions of plain arrays; inputs are never modified.
import { normalCdf } from './normal.js'

/** Largest n + m for which mannWhitneyU computes the exact distribution. */
export const EXACT_LIMIT = 50

/** The median: the middle value, or the mean of the two middle values. NaN for no values. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN
  const s = sorted(xs)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** A confidence interval for a median. */
export interface MedianInterval {
  lo: number
  hi: number
  /** The coverage the interval really has: order statistics only give discrete levels. */
  confidence: number
  /**
   * True when there are too few values for the confidence asked: the interval is then the
   * widest there is (min to max) and covers less (e.g. 93.75 % for 5 values at 95 %).
   */
  tooFew: boolean
}

/**
 * A distribution-free confidence interval for the median of `xs`: the order statistics
 * x(k) and x(n+1-k), with k the largest for which the interval still covers the median with
 * probability `confidence` (1 - 2·P(B < k), B ~ Binomial(n, 1/2)). NaN bounds for no values.
 */
export function medianCI(xs: readonly number[], confidence = 0.95): MedianInterval {
  const n = xs.length
  if (n === 0) return { lo: NaN, hi: NaN, confidence: 0, tooFew: true }
  const s = sorted(xs)
  // below = P(B <= k - 1), grown term by term: P(B = j) = C(n, j) / 2^n.
  let term = Math.pow(0.5, n)
  let below = 0
  let k = 0
  for (let j = 0; j < n >> 1; j++) {
    below += term
    if (1 - 2 * below < confidence) break
    k = j + 1
    term = (term * (n - j)) / (j + 1)
  }
  if (k === 0) return { lo: s[0], hi: s[n - 1], confidence: coverage(n, 1), tooFew: true }
  return { lo: s[k - 1], hi: s[n - k], confidence: coverage(n, k), tooFew: false }
}

/** The Mann–Whitney U test of two samples, with how p was computed. */
export interface MannWhitney {
  /** U of the first sample: pairs (x, y) with x > y, ties counted as one half. */
  u: number
  /** Two-sided p-value: how likely a rank sum at least this far from its mean is by chance. */
  p: number
  /** 'exact' (permutation distribution, ties included) or 'normal' (approximation). */
  method: 'exact' | 'normal'
}

/**
 * The two-sided p-value of the Mann–Whitney U test: 1 when `xs` and `ys` are identical,
 * small when one sample's values sit above the other's. Exact (the permutation
 * distribution of the rank sum, ties handled by midranks) when n + m <= EXACT_LIMIT;
 * else the normal approximation with the tie and continuity corrections. 1 when a sample
 * is empty.
 */
export function mannWhitneyU(xs: readonly number[], ys: readonly number[]): number {
  return mannWhitney(xs, ys).p
}

/** mannWhitneyU with U and the method used. */
export function mannWhitney(xs: readonly number[], ys: readonly number[]): MannWhitney {
  const n = xs.length
  const m = ys.length
  if (n === 0 || m === 0) return { u: 0, p: 1, method: 'exact' }
  const { ranks2, ties } = doubledMidranks([...xs, ...ys])
  let w2 = 0
  for (let i = 0; i < n; i++) w2 += ranks2[i]
  const u = w2 / 2 - (n * (n + 1)) / 2
  if (n + m <= EXACT_LIMIT) return { u, p: exactP(ranks2, n, w2), method: 'exact' }

  const big = n + m
  const variance = ((n * m) / 12) * (big + 1 - ties / (big * (big - 1)))
  if (variance <= 0) return { u, p: 1, method: 'normal' }
  const z = (Math.abs(u - (n * m) / 2) - 0.5) / Math.sqrt(variance)
  return { u, p: z <= 0 ? 1 : Math.min(1, 2 * (1 - normalCdf(z))), method: 'normal' }
}

/**
 * P(|W - E[W]| >= |w - E[W]|) over all ways to pick which n of the N values form the first
 * sample, W being the (doubled) rank sum of the pick: counted by dynamic programming over
 * (values picked, rank sum). Computed on the smaller sample, which gives the same deviation.
 */
function exactP(ranks2: number[], n: number, w2: number): number {
  const big = ranks2.length
  let pick = n
  let observed = w2
  if (n > big - n) {
    pick = big - n
    observed = ranks2.reduce((a, b) => a + b, 0) - w2
  }
  const mean2 = pick * (big + 1)
  const deviation = Math.abs(observed - mean2)
  const maxSum = [...ranks2]
    .sort((a, b) => b - a)
    .slice(0, pick)
    .reduce((a, b) => a + b, 0)
  // ways[k][s]: subsets of k of the values seen so far whose doubled ranks sum to s.
  const ways = Array.from({ length: pick + 1 }, () => new Float64Array(maxSum + 1))
  ways[0][0] = 1
  ranks2.forEach((r, seen) => {
    for (let k = Math.min(pick, seen + 1); k >= 1; k--) {
      const row = ways[k]
      const prev = ways[k - 1]
      for (let s = maxSum; s >= r; s--) row[s] += prev[s - r]
    }
  })
  let total = 0
  let extreme = 0
  ways[pick].forEach((count, s) => {
    total += count
    if (Math.abs(s - mean2) >= deviation) extreme += count
  })
  return Math.min(1, extreme / total)
}

/** Twice the midrank of each value (integers), and the tie term sum(t^3 - t). */
function doubledMidranks(values: number[]): { ranks2: number[]; ties: number } {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b])
  const ranks2 = new Array<number>(values.length)
  let ties = 0
  for (let i = 0; i < order.length;) {
    let j = i
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++
    // Ranks i+1 .. j+1 share their mean; doubled, that is i + j + 2.
    for (let k = i; k <= j; k++) ranks2[order[k]] = i + j + 2
    const t = j - i + 1
    ties += t * t * t - t
    i = j + 1
  }
  return { ranks2, ties }
}

/** Coverage of [x(k), x(n+1-k)]: 1 - 2·P(B <= k - 1), B ~ Binomial(n, 1/2). */
function coverage(n: number, k: number): number {
  let term = Math.pow(0.5, n)
  let below = 0
  for (let j = 0; j < k; j++) {
    below += term
    term = (term * (n - j)) / (j + 1)
  }
  return Math.max(0, 1 - 2 * below)
}

function sorted(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b)
}
