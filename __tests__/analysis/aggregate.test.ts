import { profileFromSamples, type DecodedProfile } from '../../src/formats/fold/decoded.js'
import { foldProfile } from '../../src/formats/fold/fold.js'
import type { Frame } from '../../src/formats/model.js'
import { sideOf } from '../helpers/fixtures.js'

const f = (name: string) => ({ function: name, file: 'x.go', line: 1 })

const head = {
  sampleTypes: [
    { type: 'inuse_objects', unit: 'count' },
    { type: 'inuse_space', unit: 'bytes' },
  ],
  defaultSampleType: '',
  period: 524288,
  timeNanos: 0,
}

/** A profile whose every frame is its own location (no inlining). */
const build = (samples: { frames: Frame[]; values: number[] }[]): DecodedProfile =>
  profileFromSamples(
    head,
    samples.map((s) => ({ locations: s.frames.map((x) => [x]), values: s.values })),
  )

/** A small model (not a file) whose stacks exercise recursion and runtime frames. */
const profile = build([
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
])

describe('aggregation per function', () => {
  const agg = sideOf(foldProfile(profile))
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

  test('the heaviest stack in which a function allocates is kept for the report', () => {
    expect(fn('main.walk').heaviest[1]!.map((x) => x.function)).toEqual([
      'main.walk',
      'main.walk',
      'main.walk',
      'main.main',
    ])
    // main.main never allocates itself: no stack is picked for it.
    expect(fn('main.main').heaviest[1]).toBeUndefined()
  })
})

describe('heaviest stack', () => {
  test('is one in which the function allocates itself, not a heavier one through it', () => {
    const agg = sideOf(
      foldProfile(
        build([
          { frames: [f('main.child'), f('main.parent'), f('main.main')], values: [1, 9000] },
          { frames: [f('main.parent'), f('main.main')], values: [1, 100] },
        ]),
      ),
    )
    expect(agg.functions.get('main.parent')!.heaviest[1]![0].function).toBe('main.parent')
    expect(agg.functions.get('main.child')!.heaviest[1]![0].function).toBe('main.child')
  })
})

describe('inlined frames', () => {
  test('runtime frames are trimmed inside a location, and inlined calls get their own rows', () => {
    // One location: runtime.growslice inlined into main.helper, inlined into main.caller.
    const inlined = [f('runtime.growslice'), f('main.helper'), f('main.caller')]
    const agg = sideOf(
      foldProfile(
        profileFromSamples(head, [{ locations: [inlined, [f('main.main')]], values: [1, 4096] }]),
      ),
    )
    expect(agg.functions.get('main.helper')!.flat).toEqual([1, 4096])
    expect(agg.functions.get('main.caller')!.cum).toEqual([1, 4096])
    expect(agg.functions.get('main.caller')!.flat).toEqual([0, 0])
    expect(agg.functions.get('main.helper')!.heaviest[1]!.map((x) => x.function)).toEqual([
      'main.helper',
      'main.caller',
      'main.main',
    ])
  })
})
