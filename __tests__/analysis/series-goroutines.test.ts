// A series of what `gomem-gate capture --every` saves at each point: a MemStats file and a
// goroutine profile side by side. They are two sequences of one axis, not twice the points,
// and the goroutines are also followed per function they wait in.
import { analyseSeries } from '../../src/analysis/series.js'
import type { Snapshot } from '../../src/formats/model.js'
import { judgeLeaks } from '../../src/policy/leaks.js'
import { DEFAULT_LEAKS } from '../../src/policy/defaults.js'

const frame = (fn: string) => ({ function: fn, file: '', line: 0 })
const parked = (fn: string, count: number) => ({
  frames: [frame('runtime.gopark'), frame('runtime.chanrecv1'), frame(fn), frame('main.main')],
  count,
})

function point(k: number, leaking: boolean): Snapshot[] {
  const blocked = leaking ? 5 * k : 0
  return [
    {
      source: `cap/${String(k).padStart(3, '0')}-goroutine.pb.gz`,
      format: 'goroutine-pprof',
      goroutines: {
        total: 4 + blocked,
        stacks: [
          parked('main.worker', 4),
          ...(blocked ? [parked('main.waitForever', blocked)] : []),
        ],
      },
      memstats: { Goroutines: 4 + blocked },
      warnings: [],
    },
    {
      source: `cap/${String(k).padStart(3, '0')}-vars.json`,
      format: 'expvar',
      memstats: { HeapInuse: 8 << 20, Sys: 20 << 20 },
      warnings: [],
    },
  ]
}

test('one point per snapshot; the goroutine count comes from the goroutine profiles', () => {
  const s = analyseSeries([1, 2, 3, 4, 5, 6].flatMap((k) => point(k, false)))
  expect(s.labels).toEqual([1, 2, 3, 4, 5, 6].map((k) => `cap/00${k}-vars.json`))
  const g = s.metrics.find((m) => m.metric === 'Goroutines' && m.subject === 'Goroutines')!
  expect(g.values).toEqual([4, 4, 4, 4, 4, 4])
  expect(s.metrics.filter((m) => m.subject !== m.metric)).toEqual([])
})

test('goroutines piling up are a suspect named by the function they wait in, not an allocator', () => {
  const s = analyseSeries([1, 2, 3, 4, 5, 6].flatMap((k) => point(k, true)))
  const suspects = judgeLeaks(s, DEFAULT_LEAKS, [])
  expect(suspects.map((x) => `${x.subject} ${x.metric}`).sort()).toEqual([
    'Goroutines Goroutines',
    'main.waitForever Goroutines',
  ])
  const total = suspects.find((x) => x.subject === 'Goroutines')!
  expect(total.allocators).toEqual([])
  expect(suspects.find((x) => x.subject === 'main.waitForever')!.last).toBe(30)
})
