import { samplesOf } from '../../src/formats/fold/decoded.js'
import { scale } from '../../src/formats/index.js'
import { decoded, flatByFunction, snapshot, total } from '../helpers/fixtures.js'

const TYPES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']

describe('debug=1 text heap profile reader', () => {
  test.each(['baseline-seed1', 'leak-cache', 'leak-goroutines'])(
    '%s: text and protobuf of the same moment agree exactly after unbiasing',
    (name) => {
      const pb = snapshot(`${name}.pb.gz`)
      const txt = snapshot(`${name}.heap.txt`)
      expect(txt.format).toBe('heap-text')
      expect(txt.profile!.period).toBe(pb.profile!.period)
      for (const t of TYPES) expect(total(txt, t)).toBe(total(pb, t))
      // Writing the protobuf first may add an empty record to the text: compare non-zero ones.
      const nonZero = (m: Map<string, number>) => new Map([...m].filter(([, v]) => v !== 0))
      expect(nonZero(flatByFunction(txt, 'inuse_space'))).toEqual(
        nonZero(flatByFunction(pb, 'inuse_space')),
      )
    },
  )

  test('names frames from the comment lines, not addresses', () => {
    const txt = snapshot('leak-cache.heap.txt')
    const names = [...samplesOf(decoded('leak-cache.heap.txt'))].flatMap((s) =>
      s.frames.map((f) => f.function),
    )
    expect(names).toContain('main.(*Cache).Put')
    expect(names.some((n) => n.startsWith('0x'))).toBe(false)
    expect(txt.warnings).toEqual([])
  })

  test('reads the # runtime.MemStats trailer, including the in-use / sys pairs', () => {
    const m = snapshot('baseline-seed1.heap.txt').memstats!
    for (const f of [
      'HeapAlloc',
      'HeapSys',
      'HeapInuse',
      'Sys',
      'StackInuse',
      'StackSys',
      'MSpanInuse',
      'MCacheSys',
      'NumGC',
      'MaxRSS',
    ]) {
      expect(m[f]).toBeGreaterThan(0)
    }
    expect(m.StackSys).toBeGreaterThanOrEqual(m.StackInuse)
    expect(m.PauseEnd).toBeUndefined()
    expect(m.LastGC).toBeUndefined()
  })

  test("scale() is Go's scaleHeapSample", () => {
    // One 512 KiB object sampled at rate 512 KiB stands for 1/(1-e^-1) objects.
    expect(scale(1, 524288, 524288)).toEqual([1, 829411])
    expect(scale(3, 1572864, 524288)).toEqual([4, 2488234])
    expect(scale(7, 700, 1)).toEqual([7, 700])
    expect(scale(0, 0, 524288)).toEqual([0, 0])
  })
})
