// Exact evidence judged exactly: on real runs at MemProfileRate = 1 the built-in floors
// follow the program's size, while sampled profiles keep their byte floors; and the spread
// a history gives.
import { spreadOf, tQuantile } from '../../src/history/spread.js'
import type { JsonReport } from '../../src/report/types.js'
import { runFromSources } from '../helpers/cli-sources.js'

const side = (dir: string, name: string) => [`${dir}/${name}.pb.gz`, `${dir}/${name}.memstats.json`]
const compare = async (base: string[], cand: string[]) => {
  const r = await runFromSources(['compare', '-f', 'json', '-b', ...base, '-c', ...cand])
  return { status: r.status, report: JSON.parse(r.stdout) as JsonReport }
}

describe('exact evidence (MemProfileRate = 1, MemStats)', () => {
  test('two unchanged seeds pass', async () => {
    const { status, report } = await compare(
      side('fixtures/rate1', 'baseline-seed1'),
      side('fixtures/rate1', 'baseline-seed2'),
    )
    expect(status).toBe(0)
    expect(report.violations).toEqual([])
    expect(report.inconclusive).toEqual([])
  })

  test('a 1.8 MiB leak, under the byte floors sampled profiles need, fails and is named', async () => {
    const { status, report } = await compare(
      side('fixtures/rate1', 'baseline-seed1'),
      side('fixtures/rate1', 'leak-1.8mib'),
    )
    expect(status).toBe(1)
    const found = report.violations.map((v) => [v.rule, v.subject, v.method])
    expect(found).toEqual(
      expect.arrayContaining([
        ['default:HeapAlloc', 'HeapAlloc', 'exact'],
        ['default:allocator:inuse_space', 'main.leakResponseCopies', 'exact'],
      ]),
    )
    const heapAlloc = report.violations.find((v) => v.rule === 'default:HeapAlloc')!
    // 1 % of the program's 14 MiB live heap, not the 2 MiB a sampled profile would need.
    expect(heapAlloc.limitText).toBe('+10% (changes under 144 KiB ignored)')
  })

  test('sampled profiles keep the byte floor and the sampling model', async () => {
    const { report } = await compare(
      side('fixtures', 'baseline-seed1'),
      side('fixtures', 'leak-cache'),
    )
    const total = report.violations.find((v) => v.rule === 'default:inuse_space')!
    expect(total.method).toBe('sampling')
    expect(total.limitText).toBe('+20% (changes under 4 MiB ignored)')
    // MemStats are exact on any rate.
    expect(report.violations.find((v) => v.rule === 'default:HeapAlloc')!.method).toBe('exact')
  })

  test('a function whose allocations grow past +50 % is named on alloc_space', async () => {
    const { report } = await compare(
      side('fixtures', 'baseline-seed1'),
      side('fixtures', 'alloc-churn'),
    )
    const marshal = report.violations.find(
      (v) => v.rule === 'default:allocator:alloc_space' && v.subject === 'encoding/json.Marshal',
    )
    expect(marshal).toMatchObject({ method: 'sampling', significance: 'significant' })
    expect(marshal!.delta! / marshal!.baseline!).toBeGreaterThan(1)
  })
})

describe('the spread a history gives', () => {
  test.each([
    [4, 0.99, 3.747],
    [8, 0.99, 2.896],
    [8, 0.999, 4.501],
    [20, 0.999, 3.552],
  ])('t quantile, %i degrees of freedom at %f, is near the table (%f)', (df, p, table) => {
    expect(Math.abs(tQuantile(p, df) - table) / table).toBeLessThan(0.01)
  })

  test('the median and MAD resist one odd run; the bound is a t prediction bound', () => {
    const runs = [100, 101, 99, 100, 102, 98, 100, 101, 99]
    const odd = [...runs.slice(0, 8), 160]
    const a = spreadOf(runs, 0.999)
    const b = spreadOf(odd, 0.999)
    expect(a.center).toBe(100)
    expect(b.center).toBe(100)
    expect(b.sigma).toBeCloseTo(a.sigma, 6)
    expect(a.upper).toBeCloseTo(100 + tQuantile(0.999, 8) * a.sigma * Math.sqrt(1 + 1 / 9), 9)
  })

  test('identical runs fall back to the standard deviation', () => {
    const s = spreadOf([5, 5, 5, 5, 5, 5, 9], 0.999)
    expect(s.sigma).toBeGreaterThan(0)
    expect(spreadOf([5, 5, 5, 5, 5], 0.999).upper).toBe(5)
  })
})
