import { fixtureBytes, snapshot } from '../helpers/fixtures.js'

describe('MemStats readers', () => {
  test('json.Marshal(runtime.MemStats): every diffable field, none of the rounded ones', () => {
    const s = snapshot('baseline-seed1.memstats.json')
    expect(s.format).toBe('memstats-json')
    const m = s.memstats!
    expect(m.HeapSys).toBe(m.HeapInuse + m.HeapIdle)
    expect(m.Sys).toBe(
      m.HeapSys + m.StackSys + m.MSpanSys + m.MCacheSys + m.BuckHashSys + m.GCSys + m.OtherSys,
    )
    expect(m.LastGC).toBeUndefined()
    expect(m.PauseEnd).toBeUndefined()
    expect(m.NumGC).toBeGreaterThan(0)
  })

  test('values past 2^53 are dropped, not rounded (NextGC is ~2^63 while GC is off)', () => {
    const raw = JSON.parse(fixtureBytes('leak-cache.memstats.json').toString('utf8'))
    const m = snapshot('leak-cache.memstats.json').memstats!
    expect(m.NextGC).toBe(raw.NextGC > Number.MAX_SAFE_INTEGER ? undefined : raw.NextGC)
    expect(m.HeapAlloc).toBe(raw.HeapAlloc)
  })

  test('expvar /debug/vars: the memstats key', () => {
    const s = snapshot('expvar.json')
    expect(s.format).toBe('expvar')
    expect(s.memstats!.HeapAlloc).toBeGreaterThan(0)
    expect(s.memstats!.Sys).toBeGreaterThan(s.memstats!.HeapAlloc)
  })

  test('Prometheus scrape from client_golang maps onto MemStats fields', () => {
    const s = snapshot('prometheus.txt')
    expect(s.format).toBe('prometheus')
    const m = s.memstats!
    for (const f of [
      'HeapAlloc',
      'HeapInuse',
      'HeapIdle',
      'HeapReleased',
      'StackInuse',
      'Sys',
      'Mallocs',
      'Goroutines',
      'RSS',
      'NumGC',
    ]) {
      expect(m[f]).toBeGreaterThan(0)
    }
    expect(m.HeapSys).toBe(m.HeapInuse + m.HeapIdle)
    expect(m.RSS).toBeGreaterThan(m.HeapInuse)
  })
})
