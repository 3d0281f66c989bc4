// Hostile text inputs, each derived in code from a real fixture: one very long line, a file
// cut at many offsets, impossible values put into real files. Every one must end (the jest
// timeout is the hang guard) in one GateError line naming the file, or be read as before.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GateError } from '../../src/errors.js'
import { readSnapshot } from '../../src/formats/index.js'
import { fixtureBytes } from '../helpers/fixtures.js'
import { runFromSources } from '../helpers/cli-sources.js'

const text = (name: string) => fixtureBytes(name).toString('utf8')
const dir = mkdtempSync(join(tmpdir(), 'gomem-hostile-'))

function failure(content: string, source: string): GateError {
  try {
    readSnapshot(Buffer.from(content), source)
  } catch (err) {
    expect(err).toBeInstanceOf(GateError)
    const e = err as GateError
    expect(e.oneLine()).not.toContain('\n')
    expect(e.message).toContain(source)
    return e
  }
  throw new Error(`expected ${source} to be refused`)
}

/** Runs compare with `content` as the candidate; expects exit 2 and one line naming it. */
async function refusedByCli(content: string, name: string, baseline: string): Promise<string> {
  const file = join(dir, name)
  writeFileSync(file, content)
  const r = await runFromSources([
    'compare',
    '--baseline',
    join('fixtures', baseline),
    '--candidate',
    file,
  ])
  expect(r.status).toBe(2)
  const lines = r.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain(name)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  return lines[0]
}

const LONG = 300 * 1024

describe('one very long line', () => {
  test('a debug=1 heap frame line of 300 KB', async () => {
    const heap = text('baseline-seed1.heap.txt')
    const at = heap.indexOf('\n#\t') + 1
    const end = heap.indexOf('\n', at)
    const hostile = heap.slice(0, end) + 'x'.repeat(LONG) + heap.slice(end)
    expect(failure(hostile, 'long.heap.txt').code).toBe('MALFORMED')
    // The regex it replaces backtracked on a frame without `+0x`, `:` or a line number.
    const noOffset = heap.slice(0, at) + '#\t0x1\t' + 'a+'.repeat(LONG / 2) + '\t' + heap.slice(end)
    expect(failure(noOffset, 'long2.heap.txt').code).toBe('MALFORMED')
    await refusedByCli(hostile, 'long.heap.txt', 'baseline-seed1.heap.txt')
  })

  test('a goroutine debug=1 line of 300 KB', async () => {
    const g = text('baseline-seed1.goroutine.txt')
    const at = g.indexOf('\n#\t') + 1
    const end = g.indexOf('\n', at)
    const frame = g.slice(0, end) + '\t'.repeat(LONG) + g.slice(end)
    expect(failure(frame, 'long.goroutine.txt').code).toBe('MALFORMED')
    const rec = g.indexOf('\n') + 1
    const record =
      g.slice(0, rec) + '1 @' + ' 0x1'.repeat(LONG / 4) + ' !' + g.slice(g.indexOf('\n', rec))
    expect(failure(record, 'long2.goroutine.txt').code).toBe('MALFORMED')
    await refusedByCli(frame, 'long.goroutine.txt', 'baseline-seed1.goroutine.txt')
  })

  test('a gctrace line of 150,000 spaces is skipped, the log read as before', () => {
    const trace = text('baseline-seed1.gctrace.txt')
    const nl = trace.indexOf('\n')
    const before = readSnapshot(Buffer.from(trace), 't.gctrace.txt').memstats
    for (const line of [
      ' '.repeat(150_000),
      'gc 1 @0.1s 1%: ' + ' '.repeat(150_000),
      'gc ' + ', '.repeat(75_000),
    ]) {
      const hostile = trace.slice(0, nl + 1) + line + trace.slice(nl)
      expect(readSnapshot(Buffer.from(hostile), 't.gctrace.txt').memstats).toEqual(before)
    }
  })

  test('a Prometheus sample line of 300 KB', () => {
    const prom = text('prometheus.txt')
    const hostile = prom + 'go_memstats_alloc_bytes{' + 'a="b",'.repeat(LONG / 6) + '\n'
    expect(() => readSnapshot(Buffer.from(hostile), 'p.txt')).not.toThrow(RangeError)
  })
})

describe('a text heap profile cut short', () => {
  const heap = text('baseline-seed1.heap.txt')
  const end = heap.indexOf('# runtime.MemStats')
  // Offsets right after a newline that starts a record (or the trailer): record boundaries.
  const boundaries: number[] = []
  for (let at = heap.indexOf('\n') + 1; at > 0 && at <= end; at = heap.indexOf('\n', at) + 1) {
    if (/^\d+: /.test(heap.slice(at, at + 20)) || at === end) boundaries.push(at)
  }
  const isBoundary = new Set(boundaries)
  // A few dozen offsets inside records: spread over the records section, none on a boundary.
  const inside: number[] = []
  const first = boundaries[0]
  for (let k = 0; inside.length < 40; k++) {
    const at = first + 1 + ((k * 7919) % (end - first - 1))
    if (!isBoundary.has(at)) inside.push(at)
  }

  test('at a record boundary: read, with the no-trailer warning', () => {
    expect(boundaries.length).toBeGreaterThan(30)
    const sample = boundaries.filter((_, k) => k % 3 === 0)
    for (const at of sample) {
      const s = readSnapshot(Buffer.from(heap.slice(0, at)), 'cut.heap.txt')
      expect(s.warnings.map((w) => w.code)).toContain('no-memstats-trailer')
    }
  })

  test('inside a record: refused, naming the file and line', () => {
    const codes = new Map<string, number>()
    for (const at of inside) {
      const e = failure(heap.slice(0, at), 'cut.heap.txt')
      expect(e.message).toMatch(/^cut\.heap\.txt:\d+: /)
      codes.set(e.code, (codes.get(e.code) ?? 0) + 1)
    }
    // An unfinished record line is an unexpected line (MALFORMED); the rest are TRUNCATED.
    expect([...codes.keys()].sort()).toEqual(['MALFORMED', 'TRUNCATED'])
    expect(codes.get('TRUNCATED')).toBeGreaterThan(codes.get('MALFORMED')!)
  })

  test('between two frame lines of one record, and in the trailer', () => {
    const rec = heap.indexOf('\n#\t') + 1
    const second = heap.indexOf('\n', rec) + 1
    expect(failure(heap.slice(0, second), 'cut.heap.txt').code).toBe('TRUNCATED')
    // A record line whose frames were all lost, after records that have theirs.
    const noFrames = heap.indexOf('\n', boundaries[10]) + 1
    expect(failure(heap.slice(0, noFrames), 'cut.heap.txt').code).toBe('TRUNCATED')
    expect(failure(heap.slice(0, heap.length - 3), 'cut.heap.txt').code).toBe('TRUNCATED')
  })

  test('through the CLI: exit 2, one line naming the file', async () => {
    const line = await refusedByCli(
      heap.slice(0, inside[5]),
      'cut.heap.txt',
      'baseline-seed1.heap.txt',
    )
    expect(line).toMatch(/cut\.heap\.txt:\d+/)
  })
})

const BIG = '9'.repeat(400)

describe('impossible values in real files', () => {
  test('a 400-digit rate or count in a heap text', async () => {
    const heap = text('baseline-seed1.heap.txt')
    const rate = heap.replace(/@ heap\/\d+/, `@ heap/${BIG}`)
    expect(failure(rate, 'rate.heap.txt').message).toMatch(/heap\/.*"9{40}"/)
    const nl = heap.indexOf('\n') + 1
    const count = heap.slice(0, nl) + heap.slice(nl).replace(/^\d+:/, `${BIG}:`)
    expect(failure(count, 'count.heap.txt').code).toBe('MALFORMED')
    const trailer = heap.replace(/# HeapAlloc = \d+/, '# HeapAlloc = -1')
    expect(failure(trailer, 'trailer.heap.txt').message).toContain('HeapAlloc')
    await refusedByCli(rate, 'rate.heap.txt', 'baseline-seed1.heap.txt')
  })

  test('MemStats JSON: negative, fractional, 1e400, 400 digits', async () => {
    const json = text('baseline-seed1.memstats.json')
    for (const bad of ['-1', '1.5', '1e400', BIG]) {
      const hostile = json.replace(/"HeapInuse": \d+/, `"HeapInuse": ${bad}`)
      const e = failure(hostile, 'm.json')
      expect(e.code).toBe('MALFORMED')
      expect(e.message).toContain('HeapInuse')
    }
    expect(() =>
      readSnapshot(Buffer.from(json.replace(/"HeapAlloc": \d+/, '"HeapAlloc": NaN')), 'm.json'),
    ).toThrow(GateError)
    await refusedByCli(
      json.replace(/"HeapInuse": \d+/, '"HeapInuse": -1'),
      'neg.memstats.json',
      'baseline-seed1.memstats.json',
    )
  })

  test('Prometheus: NaN, +Inf, -1, abc, empty; HELP lines only', async () => {
    const prom = text('prometheus.txt')
    for (const bad of ['NaN', '+Inf', '-1', 'abc', '', BIG]) {
      const hostile = prom.replace(
        /^go_memstats_heap_alloc_bytes .*$/m,
        `go_memstats_heap_alloc_bytes ${bad}`,
      )
      const e = failure(hostile, 'p.txt')
      expect(e.code).toBe('MALFORMED')
      expect(e.message).toContain('go_memstats_heap_alloc_bytes')
    }
    const help =
      prom
        .split('\n')
        .filter((l) => l.startsWith('# HELP'))
        .join('\n') + '\n'
    expect(failure(help, 'help.txt').code).toBe('MALFORMED')
    await refusedByCli(help, 'help.prom.txt', 'baseline-seed1.memstats.json')
  })

  test('benchmark output: B/op -1, a 400-digit allocs/op', async () => {
    const bench = text('bench-candidate.txt')
    expect(bench).toMatch(/ \d+ B\/op/)
    const neg = bench.replace(/ \d+ B\/op/, ' -1 B/op')
    expect(failure(neg, 'b.txt').message).toContain('B/op')
    const big = bench.replace(/ \d+ allocs\/op/, ` ${BIG} allocs/op`)
    expect(failure(big, 'b.txt').code).toBe('MALFORMED')
    await refusedByCli(neg, 'neg.bench.txt', 'bench-baseline.txt')
  })

  test('a goroutine profile whose header total disagrees with its records', async () => {
    const g = text('leak-goroutines.goroutine.txt')
    const total = Number(/total (\d+)/.exec(g)![1])
    const hostile = g.replace(/total \d+/, `total ${total + 5}`)
    const e = failure(hostile, 'g.txt')
    expect(e.message).toContain(String(total + 5))
    expect(e.message).toContain(String(total))
    expect(failure(g.replace(/total \d+/, `total ${BIG}`), 'g.txt').code).toBe('MALFORMED')
    await refusedByCli(hostile, 'total.goroutine.txt', 'baseline-seed1.goroutine.txt')
  })

  test('a gctrace line with a 400-digit heap', async () => {
    const trace = text('baseline-seed1.gctrace.txt')
    const hostile = trace.replace(/ \d+->/, ` ${BIG}->`)
    expect(failure(hostile, 't.gctrace.txt').message).toMatch(/t\.gctrace\.txt:1: /)
    await refusedByCli(hostile, 'big.gctrace.txt', 'baseline-seed1.gctrace.txt')
  })
})

describe('sides of different kinds', () => {
  test('benchmark results against heap profiles: refused, not a fall to 0 B', async () => {
    const r = await runFromSources([
      'compare',
      '--baseline',
      'fixtures/baseline-seed1.heap.txt',
      '--candidate',
      'fixtures/bench-candidate.txt',
    ])
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toContain(
      'the candidate has only benchmark results and the baseline only heap profiles: nothing to compare',
    )
  })
})
