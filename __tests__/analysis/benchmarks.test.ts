import { diff } from '../../src/analysis/diff.js'
import { readSnapshot } from '../../src/formats/index.js'
import type { Snapshot } from '../../src/formats/model.js'
import type { Diff } from '../../src/analysis/types.js'
import { defaultPolicy } from '../../src/policy/config.js'
import { evaluate } from '../../src/policy/evaluate.js'

/** The diff as the policy judged it: benchmark rows carry their significance. */
const judged = (d: Diff) => evaluate(d, defaultPolicy(), '2026-06-15').diff

const read = (name: string, lines: string[]): Snapshot =>
  readSnapshot(Buffer.from(lines.join('\n') + '\n'), name)

describe('diffBenchmarks (Diff.benchmarks)', () => {
  test('runs from several files of one side add up; units in report order', () => {
    const b1 = read('b1.txt', ['pkg: p', 'BenchmarkA 10 100 ns/op 5 x/op 64 B/op 1 allocs/op'])
    const b2 = read('b2.txt', ['pkg: p', 'BenchmarkA 10 110 ns/op 5 x/op 64 B/op 1 allocs/op'])
    const c = read('c.txt', ['pkg: p', 'BenchmarkA 10 120 ns/op 6 x/op 128 B/op 2 allocs/op'])
    const d = diff([b1, b2], [c])
    expect(d.benchmarks!.map((x) => [x.metric, x.baseline, x.candidate, x.samples])).toEqual([
      ['B/op', 64, 128, { baseline: 2, candidate: 1 }],
      ['allocs/op', 1, 2, { baseline: 2, candidate: 1 }],
      ['ns/op', 105, 120, { baseline: 2, candidate: 1 }],
      ['x/op', 5, 6, { baseline: 2, candidate: 1 }],
    ])
    const bytes = judged(d).benchmarks![0]
    expect(bytes).toMatchObject({
      p: null,
      significance: 'inconclusive',
      relative: 1,
      counted: true,
    })
    expect(bytes.note).toMatch(/2\+1 runs: a significance test needs 4 per side/)
  })

  test('benchmarks match across a changed package path when the name is unambiguous', () => {
    const b = read('b.txt', ['pkg: old/p', ...Array(4).fill('BenchmarkA-8 10 100 ns/op')])
    const c = read('c.txt', ['pkg: new/p', ...Array(4).fill('BenchmarkA-8 10 100 ns/op')])
    const [row] = judged(diff([b], [c])).benchmarks!
    expect(row).toMatchObject({ label: 'BenchmarkA-8', baseline: 100, p: 1, significance: 'noise' })
  })

  test('new, gone and same-named benchmarks of two packages', () => {
    const b = read('b.txt', ['pkg: a', 'BenchmarkX 1 1 ns/op', 'BenchmarkGone 1 1 ns/op'])
    const c = read('c.txt', [
      'pkg: a',
      'BenchmarkX 1 2 ns/op',
      'BenchmarkNew 1 1 ns/op',
      'pkg: b',
      'BenchmarkX 1 3 ns/op',
    ])
    const d = diff([b], [c])
    expect(d.benchmarks!.map((x) => [x.label, x.baseline, x.note])).toEqual([
      ['a.BenchmarkX', 1, expect.stringContaining('1+1 runs')],
      ['BenchmarkNew', null, 'not in the baseline'],
      ['b.BenchmarkX', null, 'not in the baseline'],
    ])
    expect(d.warnings.map((w) => w.message)).toContain(
      '1 benchmark is in the baseline only: BenchmarkGone',
    )
  })

  test('without a baseline: candidate medians only; without benchmarks: undefined', () => {
    const c = read('c.txt', ['BenchmarkA 1 5 ns/op', 'BenchmarkA 1 7 ns/op'])
    const [row] = diff([], [c]).benchmarks!
    expect(row).toMatchObject({ baseline: null, candidate: 6, delta: null, p: null })
    expect(row.note).toBeUndefined()
    expect(row.ci.candidate).toEqual([5, 7])
    expect(diff([], []).benchmarks).toBeUndefined()
  })

  test('a baseline without benchmarks is a warning, not a comparison against zero', () => {
    const b = readSnapshot(Buffer.from('{"HeapAlloc": 1, "Sys": 2}'), 'm.json')
    const c = read('c.txt', ['BenchmarkA 1 5 B/op'])
    const d = diff([b], [c])
    expect(d.benchmarks![0].baseline).toBeNull()
    expect(d.warnings.map((w) => w.message)).toContain(
      'the baseline has no benchmark results: benchmarks are not compared',
    )
  })
})
