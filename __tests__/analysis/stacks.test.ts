// --stacks on a profile with many distinct stacks: the interned, pruned fold must equal a
// plain grouping by names for every stack it keeps, and leave out only the tiny ones.
import { diff } from '../../src/analysis/index.js'
import { samplesOf } from '../../src/formats/fold/decoded.js'
import { STACK_MIN_SHARE, StackTable } from '../../src/formats/fold/stack-table.js'
import { isRuntimeFrame, matchKey } from '../../src/formats/names.js'
import { decoded, snapshotWith } from '../helpers/fixtures.js'

/** Whole-stack sums the obvious way: leading runtime frames dropped, names joined. */
function reference(file: string): Map<string, number[]> {
  const out = new Map<string, number[]>()
  for (const s of samplesOf(decoded(file))) {
    if (s.values.every((v) => v === 0)) continue // no allocation to attribute
    const names = s.frames.map((f) => f.function)
    const own = names.findIndex((n) => !isRuntimeFrame(n))
    const key = names
      .slice(own < 0 ? 0 : own)
      .map(matchKey)
      .join(' ← ')
    const sums = out.get(key) ?? s.values.map(() => 0)
    s.values.forEach((v, c) => (sums[c] += v))
    out.set(key, sums)
  }
  return out
}

describe('grouping by call stack on many stacks', () => {
  const file = 'many-functions.pb.gz'
  const d = diff([], [snapshotWith(file, { stacks: true })], { stacks: true })
  const types = d.sampleTypes.map((t) => t.type)
  const all = reference(file)
  const totals = types.map((_, c) => [...all.values()].reduce((s, v) => s + v[c], 0))
  const big = new Map(
    [...all].filter(([, v]) => v.some((x, c) => Math.abs(x) >= STACK_MIN_SHARE * totals[c])),
  )

  test('every stack over 0.01% of the total in some sample type, with exact sums', () => {
    expect(all.size).toBeGreaterThan(big.size)
    expect(big.size).toBeGreaterThan(100)
    for (const [c, type] of types.entries()) {
      const ours = new Map(
        d.stacks!.filter((r) => r.sampleType === type).map((r) => [r.function, r.candidate]),
      )
      const expected = new Map(
        [...big].filter(([, v]) => v[c] !== 0).map(([k, v]) => [k, v[c]] as const),
      )
      expect(ours).toEqual(expected)
    }
  })

  test('the stacks left out are counted in a warning', () => {
    const line = d.warnings.map((w) => w.message).find((w) => w.startsWith('--stacks:'))
    expect(line).toBe(
      `--stacks: ${(all.size - big.size).toLocaleString('en-US')} call stacks under 0.01% of their profile's total in every sample type are left out`,
    )
  })
})

describe('the stack table', () => {
  test('50,000 stacks of 1-30 ids, with repeats: the same sums as a map of strings', () => {
    const table = new StackTable(2)
    const expected = new Map<string, number[]>()
    let x = 12345
    const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) % 1000
    const v = new Float64Array(2)
    const w = new Float64Array(2)
    for (let i = 0; i < 50_000; i++) {
      // Short ids over a small alphabet, so stacks repeat and hashes collide in the table.
      const ids = Array.from({ length: 1 + (next() % 30) }, () => next() % 7)
      v[0] = 1
      v[1] = next()
      for (const id of ids) table.push(id)
      table.commit(v, w, i)
      const sums = expected.get(ids.join()) ?? [0, 0]
      sums[0] += v[0]
      sums[1] += v[1]
      expected.set(ids.join(), sums)
    }
    const { stacks, omitted } = table.kept(Float64Array.from([1, 1]), 0)
    expect(omitted).toBe(0)
    expect(stacks).toHaveLength(expected.size)
    const wrong = stacks.filter((s) => {
      const sums = expected.get(Array.from(s.ids).join())
      return !sums || sums[0] !== s.sums[0] || sums[1] !== s.sums[1]
    })
    expect(wrong).toEqual([])
  })
})
