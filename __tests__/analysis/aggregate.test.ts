import { addProfile, emptyAggregate } from '../../src/analysis/aggregate.js'
import type { HeapProfile } from '../../src/formats/model.js'

const f = (name: string) => ({ function: name, file: 'x.go', line: 1 })

/** A small model (not a file) whose stacks exercise recursion and runtime frames. */
const profile: HeapProfile = {
  sampleTypes: [
    { type: 'inuse_objects', unit: 'count' },
    { type: 'inuse_space', unit: 'bytes' },
  ],
  defaultSampleType: '',
  period: 524288,
  timeNanos: 0,
  samples: [
    // main.walk recursing three times under main.main, allocation in runtime.makeslice.
    {
      frames: [
        f('runtime.mallocgc'),
        f('runtime.makeslice'),
        f('main.walk'),
        f('main.walk'),
        f('main.walk'),
        f('main.main'),
      ],
      values: [2, 2048],
    },
    { frames: [f('main.leaf'), f('main.walk'), f('main.main')], values: [1, 1000] },
    { frames: [f('runtime.malg'), f('runtime.newproc1')], values: [1, 8192] },
  ],
}

describe('aggregation per function', () => {
  const agg = emptyAggregate(['inuse_objects', 'inuse_space'])
  addProfile(agg, profile)
  const fn = (name: string) => agg.functions.get(name)!

  test('leading runtime allocator frames are dropped; the caller gets the flat value', () => {
    expect(fn('main.walk').flat).toEqual([2, 2048])
    expect(agg.functions.get('runtime.makeslice')).toBeUndefined()
  })

  test('recursion is counted once in cum', () => {
    expect(fn('main.walk').cum).toEqual([3, 3048])
    expect(fn('main.main').cum).toEqual([3, 3048])
    expect(fn('main.main').flat).toEqual([0, 0])
  })

  test('an all-runtime stack is kept (goroutine stacks are allocated there)', () => {
    expect(fn('runtime.malg').flat).toEqual([1, 8192])
  })

  test('totals include every sample; packages aggregate the same way', () => {
    expect(agg.totals).toEqual([4, 11240])
    expect(agg.packages.get('main')!.cum).toEqual([3, 3048])
    expect(agg.packages.get('runtime')!.flat).toEqual([1, 8192])
  })

  test('the heaviest stack through a function is kept for the report', () => {
    expect(fn('main.main').heaviest[1]!.map((x) => x.function)).toEqual([
      'main.walk',
      'main.walk',
      'main.walk',
      'main.main',
    ])
  })
})

describe('heaviest stack', () => {
  test('prefers a stack where the function allocates itself over a heavier one through it', () => {
    const agg = emptyAggregate(['inuse_objects', 'inuse_space'])
    addProfile(agg, {
      ...profile,
      samples: [
        { frames: [f('main.child'), f('main.parent'), f('main.main')], values: [1, 9000] },
        { frames: [f('main.parent'), f('main.main')], values: [1, 100] },
      ],
    })
    expect(agg.functions.get('main.parent')!.heaviest[1]![0].function).toBe('main.parent')
    expect(agg.functions.get('main.main')!.heaviest[1]![0].function).toBe('main.child')
  })
})
