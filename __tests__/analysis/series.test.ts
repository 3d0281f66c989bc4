import { readdirSync } from 'node:fs'
import { diff } from '../../src/analysis/index.js'
import { trendOf } from '../../src/analysis/trend.js'
import { evaluate, loadPolicy } from '../../src/policy/index.js'
import { render } from '../../src/report/index.js'
import { snapshot } from '../helpers/fixtures.js'

const series = (name: string) =>
  readdirSync(`fixtures/series/${name}`).map((f) => snapshot(`series/${name}/${f}`))

const judge = (name: string, policyText?: string) => {
  const d = diff([], [], { series: series(name) })
  const judged = evaluate(d, loadPolicy(policyText, 'p.yml'), '2026-11-26')
  return { d, v: judged.verdict, judged }
}

describe('leaks within one run', () => {
  test('a steady leak is a suspect, with its slope and the allocator responsible', () => {
    const { d, v } = judge('leak')
    expect(d.series!.labels).toHaveLength(8)
    expect(v.status).toBe('fail')
    const heap = v.leakSuspects.find((s) => s.metric === 'HeapInuse')!
    expect(heap.snapshots).toBe(8)
    expect(heap.slopePerSnapshot).toBeGreaterThan(1024 * 1024)
    expect(heap.allocators[0].function).toBe('main.(*Cache).Put')
    expect(v.leakSuspects.map((s) => s.subject)).toContain('main.(*Cache).Put')
  })

  test('a flat series is not a leak', () => {
    const { v } = judge('flat')
    expect(v.leakSuspects).toEqual([])
    expect(v.status).toBe('no-baseline')
  })

  test('leaked goroutines: the goroutine count is a suspect', () => {
    const { v } = judge('goroutines')
    const g = v.leakSuspects.find((s) => s.metric === 'Goroutines')!
    expect(g.last - g.first).toBeGreaterThan(1000)
  })

  test('files are ordered by the numbers in their names (or profile time), not as given', () => {
    const shuffled = series('leak').reverse()
    const d = diff([], [], { series: shuffled })
    expect(d.series!.labels[0]).toMatch(/-001\./)
    expect(['profile time', 'file name']).toContain(d.series!.order)
  })

  test('too few snapshots: no verdict, a note', () => {
    const few = series('leak').filter((s) => /-00[1-3]\./.test(s.source))
    const d = diff([], [], { series: few })
    const v = evaluate(d, loadPolicy(undefined, 'x'), '2026-11-26').verdict
    expect(v.leakSuspects).toEqual([])
    expect(v.warnings.map((w) => w.message).join()).toMatch(
      /3 snapshot\(s\); at least 5 are needed/,
    )
  })

  test('leaks: fail: false reports without failing', () => {
    const { v } = judge('leak', 'leaks:\n  fail: false\n')
    expect(v.leakSuspects.length).toBeGreaterThan(0)
    expect(v.status).toBe('no-baseline')
  })
})

describe('trend shape', () => {
  const MiB = 1024 * 1024
  test('one jump is not sustained growth', () => {
    const t = trendOf([10, 10, 10, 10, 40, 40, 40, 40].map((x) => x * MiB))
    expect(t.largestStepShare).toBe(1)
  })
  test('steady growth is significant, spread over the steps', () => {
    const t = trendOf([10, 13, 16, 19, 22, 25, 28, 31].map((x) => x * MiB))
    expect(t.p).toBeLessThan(0.01)
    expect(t.upSteps).toBe(1)
    expect(t.slopePerSnapshot).toBe(3 * MiB)
  })
  test('noise is not a trend', () => {
    expect(trendOf([20, 22, 19, 21, 20, 22, 19, 21]).p).toBeGreaterThan(0.2)
  })
})

test('a too-short series says why there is no verdict, in the report too', () => {
  const few = readdirSync('fixtures/series/flat')
    .filter((f) => /-00[1-3]\./.test(f))
    .map((f) => snapshot(`series/flat/${f}`))
  const d = diff([], [], { series: few })
  const judged = evaluate(d, loadPolicy(undefined, 'x'), '2026-11-26')
  const v = judged.verdict
  expect(v.leakCheck).toEqual({ snapshots: 3, minSnapshots: 5 })
  const md = render({ ...judged, top: 10, version: 'test' }, 'markdown')
  expect(md).toMatch(/No leak verdict: the series has 3 snapshots, at least 5 are needed/)
})
