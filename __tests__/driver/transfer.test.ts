// A fold crossing from a worker to the main thread must arrive whole.
import { deserialize, serialize } from 'node:v8'
import { mergeFolds } from '../../src/analysis/merge.js'
import { foldProfile } from '../../src/formats/fold/fold.js'
import { packFold, packSnapshot, unpackFold, unpackSnapshot } from '../../src/driver/transfer.js'
import { decoded, snapshotWith } from '../helpers/fixtures.js'

describe('aggregate transfer', () => {
  test('a fold with heaviest stacks comes back equal after a structured clone', () => {
    const agg = foldProfile(decoded('leak-cache.pb.gz'))
    expect([...agg.functions.values()].some((n) => n.heaviest.some((h) => h))).toBe(true)
    const back = unpackFold(deserialize(serialize(packFold(agg))))
    expect(back).toEqual(agg)
  })

  test('with --stacks, two files, other sample types and functions without a heaviest stack', () => {
    const agg = mergeFolds(
      ['baseline-seed1.pb.gz', 'leak-goroutines.pb.gz'].map((f) =>
        foldProfile(decoded(f), { stacks: true, columns: ['inuse_space', 'alloc_objects'] }),
      ),
      ['inuse_space', 'alloc_objects'],
      true,
    )
    expect(agg.stacks!.size).toBeGreaterThan(0)
    expect([...agg.functions.values()].some((n) => n.heaviest.every((h) => !h))).toBe(true)
    const back = unpackFold(deserialize(serialize(packFold(agg))))
    expect(back).toEqual(agg)
    expect(back.stacksOmitted).toBe(agg.stacksOmitted)
  })

  test('a snapshot with its profile and MemStats trailer comes back equal', () => {
    const s = snapshotWith('leak-cache.heap.txt', { stacks: true })
    expect(unpackSnapshot(deserialize(serialize(packSnapshot(s))))).toEqual(s)
  })
})
