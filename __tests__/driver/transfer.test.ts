// A snapshot crossing from a worker to the main thread (a structured clone) must arrive whole.
import { deserialize, serialize } from 'node:v8'
import { foldProfile } from '../../src/formats/fold/fold.js'
import { decoded, snapshotWith } from '../helpers/fixtures.js'

const cloned = <T>(x: T): T => deserialize(serialize(x)) as T

describe('aggregate transfer', () => {
  test('a fold with heaviest stacks comes back equal after a structured clone', () => {
    const agg = foldProfile(decoded('leak-cache.pb.gz'))
    expect(agg.functions.heaviest.length).toBeGreaterThan(0)
    const back = cloned(agg)
    expect(back).toEqual(agg)
  })

  test('with --stacks, other sample types and functions without a heaviest stack', () => {
    const agg = foldProfile(decoded('leak-goroutines.pb.gz'), {
      stacks: true,
      columns: ['inuse_space', 'alloc_objects'],
    })
    expect(agg.stacks!.names.length).toBeGreaterThan(0)
    const heavy = new Set(agg.functions.heaviest.map(([i]) => i))
    expect(agg.functions.names.some((_, i) => !heavy.has(i))).toBe(true)
    const back = cloned(agg)
    expect(back).toEqual(agg)
    expect(back.stacksOmitted).toBe(agg.stacksOmitted)
  })

  test('a snapshot with its profile and MemStats trailer comes back equal', () => {
    const s = snapshotWith('leak-cache.heap.txt', { stacks: true })
    expect(cloned(s)).toEqual(s)
  })
})
