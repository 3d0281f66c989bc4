import { diff } from '../../src/analysis/index.js'
import { samplesOf } from '../../src/formats/fold/decoded.js'
import { readSnapshot } from '../../src/formats/index.js'
import { renamedProfile } from '../helpers/rewrite.js'
import { decodedProfile, snapshot, snapshotWith, total } from '../helpers/fixtures.js'

const inuse = <T extends { sampleType: string }>(rows: T[]): T[] =>
  rows.filter((r) => r.sampleType === 'inuse_space')

describe('diff of real profiles', () => {
  test('a leak: totals, MemStats and the top grower with its heaviest stack', () => {
    const base = [snapshot('baseline-seed1.pb.gz'), snapshot('baseline-seed1.memstats.json')]
    const cand = [snapshot('leak-cache.pb.gz'), snapshot('leak-cache.memstats.json')]
    const d = diff(base, cand)
    expect(d.focus).toBe('inuse_space')
    const t = d.totals.inuse_space
    expect(t.baseline).toBe(total(base[0], 'inuse_space'))
    expect(t.candidate).toBe(total(cand[0], 'inuse_space'))
    expect(d.memstats.HeapInuse.delta).toBe(
      cand[1].memstats!.HeapInuse - base[1].memstats!.HeapInuse,
    )
    const top = inuse(d.allocators)[0]
    expect(top).toMatchObject({ function: 'main.(*Cache).Put', package: 'main', unit: 'bytes' })
    expect(top.delta).toBeGreaterThan(16 * 1024 * 1024)
    expect(top.stack[0].function).toBe('main.(*Cache).Put')
    expect(top.stack.map((f) => f.function)).toContain('main.worker')
  })

  test('a closure renumbered by another build still matches its baseline', () => {
    const renumbered = renamedProfile('baseline-seed1.pb.gz', (n) =>
      n.replace(/\.func1$/, '.func3'),
    )
    const base = [snapshot('baseline-seed1.pb.gz')]
    const cand = [readSnapshot(renumbered, 'renumbered.pb.gz')]
    const names = [...samplesOf(decodedProfile(renumbered, 'renumbered.pb.gz'))].flatMap((s) =>
      s.frames.map((f) => f.function),
    )
    expect(names).toContain('main.(*Server).Serve.func3')
    const d = diff(base, cand)
    const rows = d.allocators.filter((r) => r.function.startsWith('main.(*Server).Serve.'))
    expect(new Set(rows.map((r) => r.function))).toEqual(new Set(['main.(*Server).Serve.func*']))
    for (const r of rows) expect(r.cumBaseline).toBe(r.cumCandidate)
    expect(d.allocators.every((r) => r.delta === 0)).toBe(true)
  })

  test('several profiles per side add up, and each file keeps its own totals', () => {
    const base = [snapshot('baseline-seed1.pb.gz'), snapshot('baseline-seed2.pb.gz')]
    const d = diff(base, [snapshot('leak-cache.pb.gz')])
    expect(d.totals.alloc_space.baseline).toBe(
      total(base[0], 'alloc_space') + total(base[1], 'alloc_space'),
    )
    expect(d.files.filter((f) => f.side === 'baseline').map((f) => f.totals.alloc_space)).toEqual([
      total(base[0], 'alloc_space'),
      total(base[1], 'alloc_space'),
    ])
  })

  test('grouping by call stack: rows per whole stack whose flat values add up to the total', () => {
    const read = { stacks: true }
    const d = diff(
      [snapshotWith('baseline-seed1.pb.gz', read)],
      [snapshotWith('leak-cache.pb.gz', read)],
      { stacks: true },
    )
    const rows = inuse(d.stacks!)
    expect(rows[0].function).toMatch(/^main\.\(\*Cache\)\.Put ← main\.\(\*Server\)\.handle ← /)
    expect(rows.reduce((s, r) => s + r.candidate, 0)).toBe(d.totals.inuse_space.candidate)
    expect(diff([], [snapshot('leak-cache.pb.gz')]).stacks).toBeUndefined()
  })

  test('the profile of go test -memprofile focuses on its own default, alloc_space', () => {
    expect(diff([], [snapshot('gotest.memprofile.pb.gz')]).focus).toBe('alloc_space')
  })

  test('no baseline: candidate figures only, baselines are null', () => {
    const d = diff([], [snapshot('leak-cache.pb.gz'), snapshot('leak-cache.memstats.json')])
    expect(d.hasBaseline).toBe(false)
    expect(d.totals.inuse_space.baseline).toBeNull()
    expect(d.memstats.HeapInuse.delta).toBeNull()
    expect(d.allocators.every((r) => r.baseline === null && r.delta === null)).toBe(true)
  })

  test('a baseline with MemStats only still compares MemStats, and says the profile is missing', () => {
    const d = diff(
      [snapshot('baseline-seed1.memstats.json')],
      [snapshot('leak-cache.pb.gz'), snapshot('leak-cache.memstats.json')],
    )
    expect(d.totals.inuse_space.baseline).toBeNull()
    expect(d.memstats.HeapInuse.baseline).toBeGreaterThan(0)
    expect(d.warnings.map((w) => w.message).join('\n')).toMatch(/baseline has no heap profile/)
  })

  test('different sampling periods are compared, with a warning', () => {
    const cand = snapshot('leak-cache.pb.gz')
    const exact = { ...cand, profile: { ...cand.profile!, period: 1 } }
    const d = diff([snapshot('baseline-seed1.pb.gz')], [exact])
    expect(d.warnings.map((w) => w.message).join('\n')).toMatch(
      /sampling periods differ: baseline 524288 bytes, candidate 1 bytes/,
    )
  })

  test('MemStats from two files of one side are added up, with a warning', () => {
    const d = diff(
      [],
      [snapshot('baseline-seed1.memstats.json'), snapshot('baseline-seed2.memstats.json')],
    )
    const a = snapshot('baseline-seed1.memstats.json').memstats!
    const b = snapshot('baseline-seed2.memstats.json').memstats!
    expect(d.memstats.Sys.candidate).toBe(a.Sys + b.Sys)
    expect(d.warnings.map((w) => w.message).join('\n')).toMatch(/2 files carry MemStats/)
  })
})

describe('goroutines', () => {
  test('the stacks that gained goroutines come first', () => {
    const d = diff(
      [snapshot('baseline-seed1.goroutine.pb.gz')],
      [snapshot('leak-goroutines.goroutine.pb.gz')],
    )
    const g = d.goroutines!
    expect(g.candidate - g.baseline!).toBeGreaterThan(1000)
    expect(g.stacks[0].delta).toBeGreaterThan(1000)
    expect(g.stacks[0].frames.map((f) => f.function)).toContain('main.awaitInvalidation')
    expect(d.memstats.Goroutines.delta).toBe(g.candidate - g.baseline!)
  })

  test('debug=2 text of one build matches the protobuf of another by function names', () => {
    const d = diff(
      [snapshot('leak-goroutines.goroutine.pb.gz')],
      [snapshot('leak-goroutines.goroutine-stacks.txt.gz')],
    )
    const leaked = d.goroutines!.stacks.find(
      (st) => st.frames[0].function === 'main.awaitInvalidation',
    )!
    expect(leaked.candidate).toBeGreaterThan(1000)
    expect(leaked.delta).toBe(0)
  })
})
