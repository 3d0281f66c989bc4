import { accountingOf, coverageNote } from '../../src/analysis/accounting.js'
import { diff } from '../../src/analysis/index.js'
import { MEMORY_CLASSES } from '../../src/analysis/types.js'
import { snapshot } from '../helpers/fixtures.js'

const MiB = 1024 * 1024
const sources = [
  'baseline-seed1.memstats.json',
  'leak-cache.memstats.json',
  'leak-goroutines.memstats.json',
  'drop-buffers.memstats.json',
  'baseline-seed1.heap.txt',
  'baseline-seed1.runtime-metrics.json',
  'drop-buffers.runtime-metrics.json',
  'expvar.json',
  'prometheus.txt',
]

describe('where the process memory went', () => {
  test.each(sources)('%s: the Go classes add up to Sys exactly', (name) => {
    const ms = snapshot(name).memstats!
    const a = accountingOf(ms)!
    const go = a.classes.filter((c) => c.class !== 'outside_go')
    expect(go.map((c) => c.class)).toEqual(MEMORY_CLASSES.filter((c) => c !== 'outside_go'))
    expect(go.reduce((s, c) => s + c.bytes, 0)).toBe(ms.Sys)
    expect(a.sys).toBe(ms.Sys)
    expect(go.every((c) => c.bytes >= 0)).toBe(true)
  })

  test('RSS beyond the runtime is its own class, where a file gives RSS', () => {
    const prom = accountingOf(snapshot('prometheus.txt').memstats!)!
    expect(prom.rss?.source).toBe('RSS')
    const json = accountingOf(snapshot('baseline-seed1.memstats.json').memstats!)!
    expect(json.rss?.source).toBe('RSS')
    const outside = json.classes.find((c) => c.class === 'outside_go')!
    const ms = snapshot('baseline-seed1.memstats.json').memstats!
    expect(outside.bytes).toBe(Math.max(0, ms.RSS - (ms.Sys - ms.HeapReleased)))
    const trailer = accountingOf(snapshot('baseline-seed1.heap.txt').memstats!)!
    expect(trailer.rss?.source).toBe('MaxRSS')
  })

  test('dropped buffers: retained idle heap and RSS grow while the live heap does not', () => {
    const d = diff(
      [snapshot('baseline-seed1.pb.gz'), snapshot('baseline-seed1.memstats.json')],
      [snapshot('drop-buffers.pb.gz'), snapshot('drop-buffers.memstats.json')],
    )
    const m = d.memstats
    expect(m.retained_idle.delta!).toBeGreaterThan(16 * MiB)
    expect(m.RSS.delta!).toBeGreaterThan(16 * MiB)
    expect(Math.abs(m.live_heap.delta!)).toBeLessThan(4 * MiB)
    expect(d.accounting.candidate!.classes.map((c) => c.class)).toContain('outside_go')
  })

  test('profile coverage: inuse_space against HeapAlloc, with a sentence when far apart', () => {
    const d = diff([], [snapshot('baseline-seed1.pb.gz'), snapshot('baseline-seed1.memstats.json')])
    const c = d.accounting.candidate!.coverage!
    expect(c.period).toBe(524288)
    expect(c.ratio).toBeCloseTo(d.totals.inuse_space.candidate / c.heapAlloc, 10)
    expect(d.memstats.profile_coverage.candidate).toBeCloseTo(c.ratio, 10)
    expect(coverageNote({ ...c, profiled: c.heapAlloc * 0.3, ratio: 0.3 })).toMatch(
      /shows .* of .* live heap \(30%\).*one sample per 512 KiB/,
    )
    expect(coverageNote({ ...c, ratio: 1 })).toBeUndefined()
  })
})
