// Every cycle of a GODEBUG=gctrace=1 log, on the real logs of fixtures/go/gcload and go/service.
import { readSnapshot } from '../../src/formats/index.js'
import { MAX_GC_RUNS } from '../../src/formats/gctrace.js'
import { fixtureBytes, snapshot } from '../helpers/fixtures.js'

const MiB = 1024 * 1024
const text = (name: string) => fixtureBytes(name).toString('utf8')
const read = (name: string, body: string) => readSnapshot(Buffer.from(body), name)

describe('gctrace cycles', () => {
  test('the leak log: one run, every cycle, live heap from about 1 MiB to about 60 MiB', () => {
    const s = snapshot('sessions-leak.gctrace.txt')
    expect(s.format).toBe('gctrace')
    const [run, ...others] = s.gcRuns!
    expect(others).toHaveLength(0)
    const gcLines = text('sessions-leak.gctrace.txt')
      .split('\n')
      .filter((l) => /^gc \d/.test(l))
    expect(run.cycles).toHaveLength(gcLines.length)
    expect(run.cycles.length).toBeGreaterThanOrEqual(30)
    expect(run.cycles.map((c) => c.n)).toEqual(run.cycles.map((_, i) => i + 1))
    expect(run.cycles[0].live).toBeLessThanOrEqual(2 * MiB)
    expect(run.cycles[run.cycles.length - 1].live).toBeGreaterThanOrEqual(50 * MiB)
    // The program's own last line is not a cycle.
    expect(text('sessions-leak.gctrace.txt')).toContain('\ngcload: leak')
  })

  test('each field of a line, as the log prints it', () => {
    const line = text('baseline-seed1.gctrace.txt').split('\n')[3]
    expect(line).toMatch(
      /^gc 4 @0\.067s .* 16->18->15 MB, 17 MB goal, 0 MB stacks, 0 MB globals, 2 P$/,
    )
    const c = snapshot('baseline-seed1.gctrace.txt').gcRuns![0].cycles[3]
    expect(c).toEqual({
      n: 4,
      at: 0.067,
      heapStart: 16 * MiB,
      heapEnd: 18 * MiB,
      live: 15 * MiB,
      goal: 17 * MiB,
      stacks: 0,
      globals: 0,
      procs: 2,
      forced: false,
      line: 4,
    })
  })

  test('forced cycles are marked; a goal of GC turned off is no goal', () => {
    const cycles = snapshot('baseline-seed1.gctrace.txt').gcRuns![0].cycles
    expect(cycles.filter((c) => c.forced).map((c) => c.n)).toEqual([12, 13, 14, 15])
    expect(cycles[14].goal).toBeUndefined()
    expect(cycles[13].goal).toBe(28 * MiB)
  })

  test('a log of three runs: the counter restarts, each run keeps its own cycles', () => {
    const s = snapshot('sessions-runs.gctrace.txt')
    const runs = s.gcRuns!
    expect(runs).toHaveLength(3)
    for (const r of runs) expect(r.cycles[0].n).toBe(1)
    const total = runs.reduce((n, r) => n + r.cycles.length, 0)
    expect(total).toBe(
      text('sessions-runs.gctrace.txt')
        .split('\n')
        .filter((l) => l.startsWith('gc ')).length,
    )
    // Separate processes add up, as separate files of a side do.
    const m = s.memstats!
    expect(m.NumGC).toBe(runs.reduce((n, r) => n + r.cycles[r.cycles.length - 1].n, 0))
    expect(m.NumForcedGC).toBe(text('sessions-runs.gctrace.txt').split('(forced)').length - 1)
    expect(m.LastGCLiveHeap).toBe(runs.reduce((n, r) => n + r.cycles[r.cycles.length - 1].live, 0))
  })

  test('the last cycle and the peak as MemStats figures', () => {
    const m = snapshot('leak-cache.gctrace.txt').memstats!
    expect(m).toEqual({
      NumGC: 14,
      NumForcedGC: 4,
      LastGCLiveHeap: 38 * MiB,
      LastGCHeapGoal: 78 * MiB,
      // 36 -> 45 -> 38: the 45 MiB of one cycle is not held.
      PeakLiveHeap: 38 * MiB,
    })
  })

  test('a line without stacks and globals (Go before 1.18) is read too', () => {
    // Derived from a real line: the two fields Go 1.18 added taken out.
    const line = text('baseline-seed1.gctrace.txt').split('\n')[0]
    const old = line.replace(', 0 MB stacks, 0 MB globals', '')
    expect(old).toMatch(/MB goal, 2 P$/)
    const c = read('old.txt', old + '\n').gcRuns![0].cycles[0]
    expect(c).toMatchObject({ n: 1, live: 3 * MiB, goal: 4 * MiB, procs: 2 })
    expect(c.stacks).toBeUndefined()
  })

  test('a log cut mid-line: the complete cycles are read, the cut one skipped', () => {
    const full = text('sessions-leak.gctrace.txt')
    const lines = full.split('\n')
    const cut = lines.slice(0, 10).join('\n') + '\n' + lines[10].slice(0, 40)
    const s = read('cut.txt', cut)
    expect(s.gcRuns![0].cycles.map((c) => c.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  test('a go test -v log: test lines skipped, the run named by its package; CRLF too', () => {
    const log = text('sessions-gotest.gctrace.txt')
    const lines = log.split('\n')
    expect(lines[0]).toBe('=== RUN   TestSteady')
    const [run, ...others] = snapshot('sessions-gotest.gctrace.txt').gcRuns!
    expect(others).toHaveLength(0)
    expect(run.name).toBe('gomemgate/fixtures/gcload')
    expect(run.cycles).toHaveLength(lines.filter((l) => l.startsWith('gc ')).length)
    expect(run.cycles[0].line).toBe(2)
    const crlf = read('crlf.txt', log.replace(/\n/g, '\r\n')).gcRuns!
    expect(crlf).toEqual([run])
  })

  test('a 300 KB line is skipped and the log around it read', () => {
    // A real line whose fields repeat to 300 KB: the shape that makes a backtracking pattern hang.
    const lines = text('leak-cache.gctrace.txt').trimEnd().split('\n')
    const [head, ...rest] = lines[5].split(', ')
    const long =
      [head, ...Array<string>(300_000 / 12).fill(rest[2]), ...rest].join(', ') +
      ' '.repeat(10_000) +
      'x'
    expect(long.length).toBeGreaterThan(300_000)
    const s = read('long.txt', [...lines.slice(0, 5), long, ...lines.slice(6)].join('\n'))
    expect(s.gcRuns![0].cycles.map((c) => c.n)).toEqual([
      1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14,
    ])
  })
})

describe('a log of repeated lines', () => {
  // Found by the fuzz campaign: one real line repeated 100,000 times made 100,000 runs, and
  // the series over them took minutes and 4 GB.
  const line = fixtureBytes('baseline-seed1.gctrace.txt')
    .toString('utf8')
    .split('\n')
    .find((l) => l.startsWith('gc 13 '))!

  test(`up to ${MAX_GC_RUNS} runs are read`, () => {
    const log = Array(MAX_GC_RUNS).fill(line).join('\n')
    expect(readSnapshot(Buffer.from(log), 'many.txt').gcRuns).toHaveLength(MAX_GC_RUNS)
  })

  test('one more is refused in one line naming the file and the line', () => {
    const log = Array(100_000).fill(line).join('\n')
    expect(() => readSnapshot(Buffer.from(log), 'repeated.txt')).toThrow(
      `repeated.txt:${MAX_GC_RUNS + 1}: the GC counter restarts more than ${MAX_GC_RUNS} times`,
    )
  })
})
