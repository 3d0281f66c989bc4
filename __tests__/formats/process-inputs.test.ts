import { snapshot } from '../helpers/fixtures.js'

describe('runtime/metrics, gctrace and goroutine profiles', () => {
  test('a runtime/metrics dump maps onto MemStats: same Sys and classes as MemStats of that moment', () => {
    const rm = snapshot('baseline-seed1.runtime-metrics.json')
    const ms = snapshot('baseline-seed1.memstats.json').memstats!
    expect(rm.format).toBe('runtime-metrics')
    const m = rm.memstats!
    // Read one after the other: the runtime may move a little memory between the reads.
    for (const f of ['Sys', 'HeapAlloc', 'HeapSys', 'GCSys', 'OtherSys', 'BuckHashSys']) {
      expect(Math.abs(m[f] - ms[f])).toBeLessThanOrEqual(Math.max(0.05 * ms[f], 64 * 1024))
    }
    expect(m.NumGC).toBeGreaterThan(0)
    expect(m.Goroutines).toBeGreaterThan(0)
    // The GC was off while dumping: the goal is a sentinel, dropped.
    expect(m.NextGC).toBeUndefined()
  })

  test('a gctrace log gives the GC count, forced GCs and the live heap after the last GC', () => {
    const s = snapshot('baseline-seed1.gctrace.txt')
    expect(s.format).toBe('gctrace')
    const m = s.memstats!
    expect(m.NumGC).toBeGreaterThan(3)
    expect(m.NumForcedGC).toBeGreaterThanOrEqual(1)
    expect(m.LastGCLiveHeap).toBeGreaterThan(4 * 1024 * 1024)
    expect(m.LastGCHeapGoal).toBeLessThan(Number.MAX_SAFE_INTEGER)
    expect(snapshot('leak-cache.gctrace.txt').memstats!.LastGCLiveHeap).toBeGreaterThan(
      m.LastGCLiveHeap,
    )
  })

  test.each(['goroutine.pb.gz', 'goroutine.txt', 'goroutine-stacks.txt.gz'])(
    'goroutine profile %s: the count and the leaking stack',
    (kind) => {
      const leak = snapshot(`leak-goroutines.${kind}`)
      const base = snapshot(`baseline-seed1.${kind}`)
      const g = leak.goroutines!
      expect(g.total).toBe(g.stacks.reduce((n, s) => n + s.count, 0))
      expect(leak.memstats!.Goroutines).toBe(g.total)
      expect(g.total).toBeGreaterThan(base.goroutines!.total + 1000)
      const top = [...g.stacks].sort((a, b) => b.count - a.count)[0]
      expect(top.count).toBeGreaterThan(1000)
      expect(top.frames.map((f) => f.function)).toContain('main.awaitInvalidation')
    },
  )

  test('the three goroutine formats of one moment agree on the count', () => {
    const counts = ['goroutine.pb.gz', 'goroutine.txt', 'goroutine-stacks.txt.gz'].map(
      (k) => snapshot(`leak-goroutines.${k}`).goroutines!.total,
    )
    expect(new Set(counts).size).toBe(1)
  })
})
