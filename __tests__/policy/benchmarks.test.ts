import { diff } from '../../src/analysis/diff.js'
import { GateError } from '../../src/errors.js'
import type { Snapshot } from '../../src/formats/model.js'
import { defaultPolicy, loadPolicy } from '../../src/policy/config.js'
import { evaluate } from '../../src/policy/evaluate.js'
import type { Verdict } from '../../src/policy/types.js'
import { snapshot } from '../helpers/fixtures.js'

const FILE = '.github/gomem-gate.yml'
const TODAY = '2026-06-15'

/** A benchmark file with the given runs: [name-with-suffix, {unit: samples}]. */
function bench(source: string, results: [string, Record<string, number[]>][]): Snapshot {
  return {
    source,
    format: 'benchfmt',
    benchmarks: {
      config: {},
      results: results.map(([label, metrics]) => {
        const m = /^(.*)-(\d+)$/.exec(label)
        return {
          name: m ? m[1] : label,
          procs: m ? Number(m[2]) : 1,
          pkg: 'example.com/p',
          metrics,
        }
      }),
    },
    warnings: [],
  }
}

const six = (v: number) => [v, v, v, v, v, v]
const judge = (b: Snapshot[], c: Snapshot[], yaml?: string): Verdict =>
  evaluate(diff(b, c), yaml === undefined ? defaultPolicy() : loadPolicy(yaml, FILE), TODAY).verdict
const found = (v: Verdict) => v.violations.map((x) => `${x.kind} ${x.subject} ${x.metric}`).sort()

describe('benchmark rules on the fixture pair (built-in defaults)', () => {
  const { diff: d, verdict: v } = evaluate(
    diff([snapshot('bench-baseline.txt')], [snapshot('bench-candidate.txt')]),
    defaultPolicy(),
    TODAY,
  )

  test('the doubled B/op fails, the 0 → 1 allocs/op is its own finding, the rest passes', () => {
    expect(v.status).toBe('fail')
    expect(found(v)).toEqual([
      'max-increase BenchmarkEncode/large B/op',
      'max-increase BenchmarkEncode/large allocs/op',
      'max-increase BenchmarkEncode/large-2 B/op',
      'max-increase BenchmarkEncode/large-2 allocs/op',
      'new-allocations BenchmarkCacheGet allocs/op',
      'new-allocations BenchmarkCacheGet-2 allocs/op',
    ])
    expect(v.violations.every((x) => x.scope === 'benchmark')).toBe(true)
    const fresh = v.violations.find((x) => x.kind === 'new-allocations')!
    expect(fresh).toMatchObject({ baseline: 0, candidate: 1, delta: 1, limit: 0 })
    expect(fresh.limitText).not.toMatch(/∞|Infinity/)
  })

  test('ns/op is reported with its significance but not judged by default', () => {
    const ns = d.benchmarks!.filter((c) => c.metric === 'ns/op')
    expect(ns.some((c) => c.significance === 'significant')).toBe(true)
    expect(v.violations.some((x) => x.metric === 'ns/op')).toBe(false)
  })

  test('the diff has medians, p and runs per benchmark and unit', () => {
    const large = d.benchmarks!.find(
      (c) => c.label === 'BenchmarkEncode/large' && c.metric === 'B/op',
    )!
    expect(large).toMatchObject({
      baseline: 21616,
      procs: 1,
      samples: { baseline: 6, candidate: 6 },
    })
    expect(large.candidate / large.baseline!).toBeGreaterThan(1.8)
    expect(large.p).toBeCloseTo(2 / 924, 10)
    expect(large.significance).toBe('significant')
    const serve = d.benchmarks!.find((c) => c.label === 'BenchmarkServe-2' && c.metric === 'B/op')!
    expect(serve.significance).toBe('noise')
    const small = d.benchmarks!.find(
      (c) => c.label === 'BenchmarkEncode/small' && c.metric === 'allocs/op',
    )!
    expect(small).toMatchObject({ baseline: 6, candidate: 6, delta: 0, relative: 0, p: 1 })
  })

  test('go test -json as the candidate judges the same', () => {
    const j = judge([snapshot('bench-baseline.txt')], [snapshot('bench-candidate.json')])
    expect(found(j)).toEqual(found(v))
  })
})

describe('benchmark rules from the config', () => {
  const base = bench('b.txt', [
    [
      'BenchmarkA-2',
      { 'B/op': six(1000), 'allocs/op': six(10), 'ns/op': [100, 101, 99, 100, 102, 98] },
    ],
    ['BenchmarkB/x', { 'B/op': six(1000), 'ns/op': [100, 101, 99, 100, 102, 98] }],
  ])
  const cand = bench('c.txt', [
    [
      'BenchmarkA-2',
      { 'B/op': six(1200), 'allocs/op': six(10), 'ns/op': [130, 131, 129, 130, 132, 128] },
    ],
    ['BenchmarkB/x', { 'B/op': six(1200), 'ns/op': [99, 140, 100, 101, 98, 102] }],
  ])

  test('a config rule overrides the default for the benchmarks it matches (glob on the name, no -N)', () => {
    const v = judge(
      [base],
      [cand],
      'benchmarks:\n  - match: "BenchmarkA*"\n    metric: B/op\n    max-increase: 25%\n',
    )
    expect(found(v)).toEqual(['max-increase BenchmarkB/x B/op'])
  })

  test('ns/op named by a rule fails only when significant', () => {
    const yaml =
      'defaults: false\nbenchmarks:\n  - name: speed\n    match: "regex:^Benchmark"\n    metric: ns/op\n    max-increase: 10%\n'
    const v = judge([base], [cand], yaml)
    // A: +30 %, every run slower (p = 0.002); B/x: median +1 %, noisy.
    expect(found(v)).toEqual(['max-increase BenchmarkA-2 ns/op'])
    expect(v.violations[0].rule).toBe('speed')
    const few = judge(
      [bench('b', [['BenchmarkA', { 'ns/op': [100] }]])],
      [bench('c', [['BenchmarkA', { 'ns/op': [300] }]])],
      yaml,
    )
    expect(few.violations).toEqual([])
  })

  test('ignore-noise: false judges the medians alone', () => {
    const noisy = (xs: number[]) => bench('x', [['BenchmarkN', { 'ns/op': xs }]])
    const b = noisy([100, 300, 100, 300, 100, 300])
    const c = noisy([300, 100, 300, 100, 300, 300])
    const rule =
      'defaults: false\nbenchmarks:\n  - match: "*"\n    metric: ns/op\n    max-increase: 10%\n'
    expect(judge([b], [c], rule).violations).toEqual([])
    expect(found(judge([b], [c], `${rule}    ignore-noise: false\n`))).toEqual([
      'max-increase BenchmarkN ns/op',
    ])
  })

  test('B/op and allocs/op with too few runs for a test are judged on the medians', () => {
    const v = judge(
      [bench('b', [['BenchmarkOnce', { 'B/op': [1000], 'allocs/op': [0] }]])],
      [bench('c', [['BenchmarkOnce', { 'B/op': [2000], 'allocs/op': [3] }]])],
    )
    expect(found(v)).toEqual([
      'max-increase BenchmarkOnce B/op',
      'new-allocations BenchmarkOnce allocs/op',
    ])
  })

  test('max: 0 on allocs/op is a ceiling, checked without a baseline too', () => {
    const yaml = 'benchmarks:\n  - match: "BenchmarkA"\n    metric: allocs/op\n    max: 0\n'
    const v = judge([], [cand], yaml)
    expect(v.status).toBe('no-baseline')
    expect(v.violations).toEqual([
      expect.objectContaining({
        kind: 'max',
        subject: 'BenchmarkA-2',
        limit: 0,
        limitText: '<= 0 allocs/op',
      }),
    ])
  })

  test('a waiver on the benchmark silences it', () => {
    const yaml = `waivers:\n  - subject: "BenchmarkB/*"\n    metric: B/op\n    reason: bigger buffers on purpose\n    expires: 2026-12-31\n`
    const v = judge([base], [cand], yaml)
    expect(found(v)).toEqual(['max-increase BenchmarkA-2 B/op'])
    expect(v.waived.map((w) => w.subject)).toEqual(['BenchmarkB/x'])
  })

  test('a configured rule that matches no benchmark is a warning', () => {
    const v = judge(
      [base],
      [cand],
      'benchmarks:\n  - match: "BenchmarkZ*"\n    metric: B/op\n    max-increase: 5%\n',
    )
    expect(v.warnings.map((w) => w.message)).toContain(
      'benchmarks[0]: no benchmark matching "BenchmarkZ*" reports B/op',
    )
  })

  test('defaults: false drops the built-in benchmark rules', () => {
    expect(judge([base], [cand], 'defaults: false\n').violations).toEqual([])
  })
})

describe('benchmark config errors: one line with file:line and key', () => {
  const error = (yaml: string): string => {
    try {
      loadPolicy(yaml, FILE)
    } catch (e) {
      expect(e).toBeInstanceOf(GateError)
      expect((e as GateError).message).not.toContain('\n')
      return (e as GateError).message
    }
    throw new Error('expected a GateError')
  }
  const rule = (extra: string) => `version: 1\nbenchmarks:\n  - match: "BenchmarkServe*"\n${extra}`

  test.each([
    [
      rule('    metric: B/op\n    max-increase: 10%\n    min-change: lots\n'),
      6,
      'benchmarks[0].min-change',
      'is not a quantity in B/op',
    ],
    [
      rule('    metric: allocs/op\n    max-increase: ten\n'),
      5,
      'benchmarks[0].max-increase',
      'is not a percentage',
    ],
    [
      rule('    metric: MB/s\n    max-increase: 10%\n'),
      4,
      'benchmarks[0].metric',
      'judge ns/op instead',
    ],
    [
      rule('    metric: B/op\n    min-change: 64B\n'),
      3,
      'benchmarks[0]',
      'needs max-increase, max or both',
    ],
    [
      rule('    metric: B/op\n    max: 1KiB\n    min-change: 64B\n'),
      6,
      'benchmarks[0].min-change',
      'only applies to max-increase',
    ],
    [
      rule('    metric: B/op\n    max-increase: 10%\n    ignore-noise: maybe\n'),
      6,
      'benchmarks[0].ignore-noise',
      'is not true or false',
    ],
    [
      rule('    metric: B/op\n    max-increase: 10%\n    threshold: 3\n'),
      6,
      'benchmarks[0].threshold',
      'unknown key',
    ],
    ['benchmarks:\n  - metric: B/op\n    max-increase: 10%\n', 2, 'benchmarks[0].match', 'missing'],
    [
      rule('    metric: B/op\n    max-increase: 10%\n').replace('"BenchmarkServe*"', '"regex:("'),
      3,
      'benchmarks[0].match',
      'not a valid regular expression',
    ],
    ['benchmarks: yes\n', 1, 'benchmarks', 'expected a list'],
  ])('%#', (yaml, line, key, problem) => {
    const msg = error(yaml)
    expect(msg.startsWith(`${FILE}:${line}: ${key}: `)).toBe(true)
    expect(msg).toContain(problem)
  })

  test('quantities follow the unit: sizes for B/op, counts for allocs/op, durations for ns/op', () => {
    const p = loadPolicy(
      'benchmarks:\n' +
        '  - {match: "*", metric: B/op, max-increase: 10%, min-change: 1KiB}\n' +
        '  - {match: "*", metric: allocs/op, max-increase: 10%, min-change: 2}\n' +
        '  - {match: "*", metric: ns/op, max-increase: 10%, min-change: 2us}\n' +
        '  - {match: "*", metric: wire-bytes/op, max: 2500.5}\n',
      FILE,
    )
    expect(p.benchmarks!.slice(2).map((r) => [r.metric, r.minChange ?? r.max])).toEqual([
      ['B/op', 1024],
      ['allocs/op', 2],
      ['ns/op', 2000],
      ['wire-bytes/op', 2500.5],
    ])
  })
})
