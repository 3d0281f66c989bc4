import { loadPolicy } from '../../src/policy/config.js'
import { measure } from '../../src/policy/measurements.js'
import { leakyCacheDiff, makeDiff, MiB } from './diffs.js'

describe('measure', () => {
  test('one measurement per total, MemStats field, allocator row and package row', () => {
    const ms = measure(leakyCacheDiff(), loadPolicy(undefined, 'x'))
    const count = (scope: string) => ms.filter((m) => m.scope === scope).length
    expect([count('total'), count('memstats'), count('allocator'), count('package')]).toEqual([
      4, 5, 4, 2,
    ])
    expect(ms.find((m) => m.subject === 'HeapInuse')).toMatchObject({
      unit: 'bytes',
      baseline: 48 * MiB,
    })
    expect(ms.find((m) => m.subject === 'Goroutines')?.unit).toBe('count')
  })

  test('ignored subjects are left out, by function or package path', () => {
    const policy = loadPolicy('ignore:\n  - runtime/pprof\n  - "encoding/json.*"\n', 'x')
    const subjects = measure(leakyCacheDiff(), policy).map((m) => m.subject)
    expect(subjects).not.toContain('runtime/pprof.(*profileBuilder).emitLocation')
    expect(subjects).not.toContain('encoding/json.(*decodeState).literalStore')
    expect(subjects).toContain('encoding/json') // the package row: "encoding/json.*" needs the dot
  })

  test('a function missing from the baseline counts as 0 there; without a baseline all are null', () => {
    const rows = [{ fn: 'main.f', values: [null, MiB] as [null, number] }]
    expect(measure(makeDiff({ allocators: rows }), { ignore: [] })[0].baseline).toBe(0)
    const none = makeDiff({ hasBaseline: false, allocators: rows })
    expect(measure(none, { ignore: [] })[0].baseline).toBeNull()
  })
})
