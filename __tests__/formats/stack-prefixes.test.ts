// StackTable.prefixes: the stacks --stacks leaves out, rolled up into their longest caller
// prefix that is big enough, so the HTML report's flame graph still sees where they went.
import { StackTable } from '../../src/formats/fold/stack-table.js'

/** Adds a stack (names root first, as one reads a flame graph) with one value. */
function add(table: StackTable, ids: number[], value: number, sample: number): void {
  for (const id of [...ids].reverse()) table.push(id)
  table.commit(Float64Array.of(value), Float64Array.of(0), sample)
}

test('many tiny stacks under one caller roll up into it; a big stack stays as it is', () => {
  const [A, B, D] = [1, 2, 3]
  const table = new StackTable(1)
  for (let i = 0; i < 20000; i++) add(table, [A, B, 100 + i], 1, i)
  add(table, [A, D], 1000, 20000)
  const totals = Float64Array.of(21000)
  const { stacks, omitted } = table.kept(totals)
  expect(stacks.map((s) => Array.from(s.ids))).toEqual([[D, A]])
  expect(omitted).toBe(20000)
  const rolled = table.prefixes(totals)
  expect(rolled.map((s) => ({ ids: Array.from(s.ids), sums: s.sums }))).toEqual([
    { ids: [B, A], sums: [20000] },
  ])
  expect(rolled[0].sample).toBe(0)
})

test('a tiny stack whose root frame is tiny too is dropped, not rolled up', () => {
  const table = new StackTable(1)
  add(table, [1, 2], 1e6, 0)
  add(table, [7, 8], 1, 1)
  const totals = Float64Array.of(1e6 + 1)
  expect(table.kept(totals).omitted).toBe(1)
  expect(table.prefixes(totals)).toEqual([])
})

test('the share decides how deep the roll-up goes', () => {
  const table = new StackTable(1)
  // 10 callers of 100 each under A, each with 100 callees of 1: at 2e-3 the callers stay.
  for (let c = 0; c < 10; c++)
    for (let i = 0; i < 100; i++) add(table, [1, 10 + c, 1000 + 100 * c + i], 1, c * 100 + i)
  const totals = Float64Array.of(1000)
  const at = (share: number) =>
    table
      .prefixes(totals, 0.01, share)
      .map((s) => Array.from(s.ids).length)
      .sort()
  expect(at(2e-3)).toEqual(new Array(10).fill(2))
  expect(at(0.5)).toEqual([1])
})
