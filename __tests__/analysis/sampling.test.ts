import { diff } from '../../src/analysis/index.js'
import { rawSamples, samplingModel } from '../../src/formats/fold/sampling.js'
import { evaluate, loadPolicy, significanceOf } from '../../src/policy/index.js'
import { snapshot } from '../helpers/fixtures.js'

const MiB = 1024 * 1024
const TYPES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']

describe('the heap sampling model', () => {
  test('a record of 512 KiB objects at rate 512 KiB: variance from Go’s own scale factor', () => {
    const noise = samplingModel(524288, TYPES)
    // One raw sample of a 512 KiB object is written as 1.58 objects, 829,411 bytes.
    const v = Float64Array.from([1.582, 829411, 1.582, 829411])
    const w = new Float64Array(4)
    noise(v, w)
    const s = 1 / (1 - Math.exp(-(829411 / 1.582) / 524288))
    expect(w[3]).toBeCloseTo((829411 / 1.582) * s * 829411, 0)
    expect(w[2]).toBeCloseTo(s * 1.582, 6)
    expect(rawSamples(1.582, 829411, 524288)).toBeCloseTo(1, 2)
  })

  test('rate 1 means exact: no sampling noise', () => {
    const d = diff([], [snapshot('many-functions.pb.gz')])
    expect(d.periods.candidate).toEqual([1])
    expect(d.totals.inuse_space.sigma).toBe(0)
    expect(d.allocators.every((r) => r.sigma === 0)).toBe(true)
  })

  test('calibrated on real runs: unchanged code stays within the noise, a leak does not', () => {
    const seeds = ['baseline-seed1', 'baseline-seed2', 'baseline-seed3']
    for (const a of seeds) {
      for (const b of seeds) {
        if (a === b) continue
        const t = diff([snapshot(`${a}.pb.gz`)], [snapshot(`${b}.pb.gz`)]).totals.inuse_space
        expect(t.sigma).toBeGreaterThan(MiB)
        expect(Math.abs(t.delta! / t.sigma)).toBeLessThan(3)
      }
    }
    const leak = diff([snapshot('baseline-seed1.pb.gz')], [snapshot('leak-cache.pb.gz')]).totals
      .inuse_space
    expect(leak.delta! / leak.sigma).toBeGreaterThan(4)
  })

  test('a threshold exceeded within the noise is inconclusive and does not fail', () => {
    const policy = loadPolicy(
      'defaults: false\nrules:\n  - metric: inuse_space\n    max-increase: 5%\n    min-change: 1MiB\n',
      'p.yml',
    )
    // Two runs of the same code, ordered so the sampled total went up.
    const runs = [snapshot('baseline-seed1.pb.gz'), snapshot('baseline-seed2.pb.gz')]
    const up = diff([runs[0]], [runs[1]]).totals.inuse_space.delta! > 0 ? runs : runs.reverse()
    const d = diff([up[0]], [up[1]])
    const t = d.totals.inuse_space
    // The 5% / 1 MiB limit is exceeded (the fixtures differ by about 2 MiB, σ ≈ 4.4 MiB)…
    expect(t.delta!).toBeGreaterThan(Math.max(0.05 * t.baseline!, MiB))
    // …but within the noise: inconclusive, and no failure.
    const v = evaluate(d, policy, '2026-11-26').verdict
    expect(v.inconclusive.map((x) => x.metric)).toEqual(['inuse_space'])
    expect(v.inconclusive[0].significance).toBe('inconclusive')
    expect(v.status).toBe('pass')
    const leak = evaluate(
      diff([snapshot('baseline-seed1.pb.gz')], [snapshot('leak-cache.pb.gz')]),
      policy,
      '2026-11-26',
    ).verdict
    expect(leak.status).toBe('fail')
    expect(leak.violations[0].significance).toBe('significant')
  })

  test('significance of a row', () => {
    expect(significanceOf(10 * MiB, 2 * MiB, 0.99)).toBe('significant')
    expect(significanceOf(3 * MiB, 2 * MiB, 0.99)).toBe('inconclusive')
    expect(significanceOf(1 * MiB, 2 * MiB, 0.99)).toBe('noise')
    expect(significanceOf(1, 0, 0.99)).toBe('significant')
    expect(significanceOf(null, 2, 0.99)).toBeNull()
  })
})
