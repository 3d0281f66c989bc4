// A fold crossing from a worker to the main thread must arrive whole.
import { deserialize, serialize } from 'node:v8'
import { emptyAggregate, addProfile, foldProfile } from '../../src/analysis/aggregate.js'
import { packAggregate, unpackAggregate } from '../../src/io/aggregate-transfer.js'
import { snapshot } from '../helpers/fixtures.js'

describe('aggregate transfer', () => {
  test('a fold with heaviest stacks comes back equal after a structured clone', () => {
    const agg = foldProfile(snapshot('leak-cache.pb.gz').profile!)
    expect([...agg.functions.values()].some((n) => n.heaviest.some((h) => h))).toBe(true)
    const back = unpackAggregate(deserialize(serialize(packAggregate(agg))))
    expect(back).toEqual(agg)
  })

  test('with --stacks, two files, other sample types and functions without a heaviest stack', () => {
    const agg = emptyAggregate(['inuse_space', 'alloc_objects'], true)
    addProfile(agg, snapshot('baseline-seed1.pb.gz').profile!)
    addProfile(agg, snapshot('leak-goroutines.pb.gz').profile!)
    expect(agg.stacks!.size).toBeGreaterThan(0)
    expect([...agg.functions.values()].some((n) => n.heaviest.every((h) => !h))).toBe(true)
    const back = unpackAggregate(deserialize(serialize(packAggregate(agg))))
    expect(back).toEqual(agg)
    expect(back.stacksOmitted).toBe(agg.stacksOmitted)
  })
})
