// mergeShards: one verdict from the union's judgement and each shard's own.
import { loadPolicy } from '../../src/policy/config.js'
import { evaluate } from '../../src/policy/evaluate.js'
import { MISSING_PROBLEM, mergeShards } from '../../src/policy/shards.js'
import type { Judged } from '../../src/policy/types.js'
import { leakyCacheDiff, makeDiff, MiB } from './diffs.js'

const TODAY = '2026-06-15'
const judge = (d: ReturnType<typeof makeDiff>): Judged =>
  evaluate(d, loadPolicy(undefined, '.github/gomem-gate.yml'), TODAY)

const unchanged = () =>
  judge(
    makeDiff({
      totals: { inuse_space: [40 * MiB, 40.5 * MiB] },
      memstats: { HeapInuse: [48 * MiB, 48.2 * MiB] },
      allocators: [{ fn: 'main.(*Cache).Put', values: [12 * MiB, 12.1 * MiB] }],
    }),
  )

describe('mergeShards', () => {
  test('all shards passing: the union passes, every shard is listed by name', () => {
    const m = mergeShards(
      unchanged(),
      [
        { name: 'b', judged: unchanged() },
        { name: 'a', judged: unchanged() },
      ],
      ['a'],
    )
    expect(m.verdict.status).toBe('pass')
    expect(m.verdict.shards).toEqual([
      { name: 'a', status: 'pass', violations: 0 },
      { name: 'b', status: 'pass', violations: 0 },
    ])
    expect(m.verdict.violations).toEqual([])
  })

  test('a failing shard fails the verdict; its violations lead, tagged with it', () => {
    const leak = judge(leakyCacheDiff())
    expect(leak.verdict.status).toBe('fail')
    const m = mergeShards(
      unchanged(),
      [
        { name: 'a', judged: unchanged() },
        { name: 'b', judged: leak },
      ],
      [],
    )
    expect(m.verdict.status).toBe('fail')
    expect(m.verdict.violations).toHaveLength(leak.verdict.violations.length)
    expect(m.verdict.violations.every((v) => v.shard === 'b')).toBe(true)
    expect(m.verdict.shards!.find((s) => s.name === 'b')).toEqual({
      name: 'b',
      status: 'fail',
      violations: leak.verdict.violations.length,
    })
    expect(m.verdict.changed).toBe(true)
  })

  test('a union violation a shard has with the same figures is not counted twice', () => {
    const leak = judge(leakyCacheDiff())
    const m = mergeShards(leak, [{ name: 'b', judged: judge(leakyCacheDiff()) }], [])
    expect(m.verdict.violations).toHaveLength(leak.verdict.violations.length)
    expect(m.verdict.violations.every((v) => v.shard === 'b')).toBe(true)
  })

  test('a union violation with other figures than the shard has is kept beside it', () => {
    const leak = judge(leakyCacheDiff())
    const bigger = judge(leakyCacheDiff())
    const union: Judged = {
      ...bigger,
      verdict: {
        ...bigger.verdict,
        violations: bigger.verdict.violations.map((v) => ({ ...v, candidate: v.candidate * 2 })),
      },
    }
    const m = mergeShards(union, [{ name: 'b', judged: leak }], [])
    const n = leak.verdict.violations.length
    expect(m.verdict.violations).toHaveLength(2 * n)
    expect(m.verdict.violations.slice(0, n).every((v) => v.shard === 'b')).toBe(true)
    expect(m.verdict.violations.slice(n).every((v) => v.shard === undefined)).toBe(true)
  })

  test('a missing shard and a failed one fail a verdict that has no violation, each named', () => {
    const m = mergeShards(
      unchanged(),
      [
        { name: 'a', judged: unchanged() },
        { name: 'd', problem: 'input profiles: x/*.pb.gz: the pattern matched no files' },
      ],
      ['a', 'c'],
    )
    expect(m.verdict.status).toBe('fail')
    expect(m.verdict.violations).toEqual([])
    expect(m.verdict.shards).toEqual([
      { name: 'a', status: 'pass', violations: 0 },
      { name: 'c', status: 'missing', violations: 0, problem: MISSING_PROBLEM },
      {
        name: 'd',
        status: 'failed',
        violations: 0,
        problem: 'input profiles: x/*.pb.gz: the pattern matched no files',
      },
    ])
  })

  test("a shard's warnings are named for it; the diff stays the union's", () => {
    const union = unchanged()
    const part = unchanged()
    part.verdict.warnings = [{ code: 'nothing-compared', message: 'nothing to compare' }]
    const m = mergeShards(union, [{ name: 'a', judged: part }], [])
    expect(m.diff).toBe(union.diff)
    expect(m.verdict.warnings.map((w) => w.message)).toContain('shard a: nothing to compare')
  })
})
