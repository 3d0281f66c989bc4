import {
  EXACT_LIMIT,
  mannWhitney,
  mannWhitneyU,
  median,
  medianCI,
} from '../../src/analysis/stats.js'

/** Every way to split xs ∪ ys into groups of the same sizes; p = share at least as extreme in U. */
function bruteForceP(xs: number[], ys: number[]): number {
  const all = [...xs, ...ys]
  const n = xs.length
  const m = ys.length
  const u = (a: number[], b: number[]) =>
    a.reduce((s, x) => s + b.reduce((t, y) => t + (x > y ? 1 : x === y ? 0.5 : 0), 0), 0)
  const observed = Math.abs(u(xs, ys) - (n * m) / 2)
  let total = 0
  let extreme = 0
  for (let mask = 0; mask < 1 << all.length; mask++) {
    let bits = 0
    for (let i = 0; i < all.length; i++) if (mask & (1 << i)) bits++
    if (bits !== n) continue
    const a = all.filter((_, i) => mask & (1 << i))
    const b = all.filter((_, i) => !(mask & (1 << i)))
    total++
    if (Math.abs(u(a, b) - (n * m) / 2) >= observed - 1e-9) extreme++
  }
  return extreme / total
}

describe('median', () => {
  test('odd and even counts, unsorted input left alone', () => {
    const xs = [5, 1, 3]
    expect(median(xs)).toBe(3)
    expect(xs).toEqual([5, 1, 3])
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([7])).toBe(7)
    expect(median([])).toBeNaN()
  })
})

describe('medianCI', () => {
  test('6 values at 95 %: min to max, which covers 96.9 %', () => {
    const ci = medianCI([3, 1, 4, 1, 5, 9], 0.95)
    expect(ci).toEqual({ lo: 1, hi: 9, confidence: 1 - 2 / 64, tooFew: false })
  })

  test('more values narrow it to inner order statistics', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1)
    // For n = 20 at 95 %: x(6)..x(15) covers 1 - 2·P(B <= 5) = 0.9586.
    const ci = medianCI(xs, 0.95)
    expect([ci.lo, ci.hi]).toEqual([6, 15])
    expect(ci.confidence).toBeCloseTo(0.958611, 5)
    expect(ci.tooFew).toBe(false)
  })

  test('too few values: the widest interval, with the coverage it really has, and a flag', () => {
    expect(medianCI([2, 8, 5, 4, 6], 0.95)).toEqual({
      lo: 2,
      hi: 8,
      confidence: 1 - 2 / 32,
      tooFew: true,
    })
    expect(medianCI([7], 0.95)).toEqual({ lo: 7, hi: 7, confidence: 0, tooFew: true })
    expect(medianCI([], 0.95).tooFew).toBe(true)
  })
})

describe('mannWhitneyU (two-sided p)', () => {
  test('known exact values', () => {
    expect(mannWhitneyU([1, 2, 3, 4], [5, 6, 7, 8])).toBeCloseTo(2 / 70, 12)
    expect(mannWhitneyU([5, 6, 7, 8], [1, 2, 3, 4])).toBeCloseTo(2 / 70, 12)
    expect(mannWhitneyU([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12])).toBeCloseTo(2 / 924, 12)
    expect(mannWhitney([1, 2, 3, 4], [5, 6, 7, 8])).toEqual({ u: 0, p: 2 / 70, method: 'exact' })
  })

  test('identical samples, and all-tied ones, give p = 1', () => {
    expect(mannWhitneyU([1, 2, 3, 4], [1, 2, 3, 4])).toBe(1)
    expect(mannWhitneyU([64, 64, 64, 64, 64, 64], [64, 64, 64, 64, 64, 64])).toBe(1)
  })

  test('constant but different samples (exact B/op) are as extreme as it gets', () => {
    expect(mannWhitneyU([21617, 21617, 21617, 21617], [40049, 40049, 40049, 40049])).toBeCloseTo(
      2 / 70,
      12,
    )
  })

  test('an empty sample gives p = 1', () => {
    expect(mannWhitneyU([], [1, 2])).toBe(1)
  })

  test.each([
    [
      [1, 2, 2, 3, 5, 5],
      [2, 3, 5, 5, 6, 7],
    ],
    [
      [10, 10, 11],
      [10, 12, 12, 13, 9],
    ],
    [
      [3.5, 1, 2, 8, 8],
      [8, 4, 4, 4],
    ],
    [
      [0, 0, 0, 0, 0, 1],
      [1, 1, 1, 1, 0, 1],
    ],
  ])('exact with ties equals brute-force enumeration: %j vs %j', (xs, ys) => {
    expect(mannWhitneyU(xs, ys)).toBeCloseTo(bruteForceP(xs, ys), 12)
  })

  test('above EXACT_LIMIT: normal approximation with tie and continuity corrections (scipy)', () => {
    const xs = Array.from({ length: 30 }, (_, i) => i + 1)
    const ys = Array.from({ length: 30 }, (_, i) => i + 10.5)
    expect(xs.length + ys.length).toBeGreaterThan(EXACT_LIMIT)
    const r = mannWhitney(xs, ys)
    expect(r.method).toBe('normal')
    // scipy.stats.mannwhitneyu(..., method='asymptotic', use_continuity=True)
    expect(r.p).toBeCloseTo(0.0003988101938466105, 6)
    const tx = Array.from({ length: 40 }, (_, i) => i % 7)
    const ty = Array.from({ length: 35 }, (_, i) => (i % 7) + (i % 3 === 0 ? 1 : 0))
    expect(mannWhitneyU(tx, ty)).toBeCloseTo(0.3508101069252504, 6)
  })

  test('the exact path stays fast at its limit', () => {
    const xs = Array.from({ length: 25 }, (_, i) => i % 5)
    const ys = Array.from({ length: 25 }, (_, i) => (i % 6) + 0.5)
    const start = Date.now()
    const p = mannWhitneyU(xs, ys)
    expect(Date.now() - start).toBeLessThan(500)
    expect(p).toBeGreaterThan(0)
    expect(p).toBeLessThanOrEqual(1)
  })
})
