import { GateError } from '../../src/errors.js'
import { readSnapshot } from '../../src/formats/index.js'
import type { BenchmarkResult, BenchmarkSet } from '../../src/formats/model.js'
import { median } from '../../src/analysis/stats.js'
import { fixtureBytes, snapshot } from '../helpers/fixtures.js'

const NAMES = [
  'BenchmarkEncode/small',
  'BenchmarkEncode/large',
  'BenchmarkCacheGet',
  'BenchmarkCompress',
  'BenchmarkServe',
]

function find(set: BenchmarkSet, name: string, procs: number): BenchmarkResult {
  const r = set.results.find((x) => x.name === name && x.procs === procs)
  if (!r) throw new Error(`no ${name} at procs ${procs}`)
  return r
}

/** The text fixture wrapped in test2json events, every line cut in two events. */
function asTestJson(text: string, pkg = 'gomemgate/fixtures/service'): string {
  const events: string[] = []
  for (const line of text.split(/(?<=\n)/)) {
    const cut = Math.min(line.length, 17)
    for (const part of [line.slice(0, cut), line.slice(cut)]) {
      if (part) events.push(JSON.stringify({ Action: 'output', Package: pkg, Output: part }))
    }
  }
  events.push(JSON.stringify({ Action: 'pass', Package: pkg, Elapsed: 1 }))
  return events.join('\n') + '\n'
}

describe('go test -bench output (benchfmt)', () => {
  test('the text fixtures are sniffed by content and keep the configuration lines', () => {
    for (const name of ['bench-baseline.txt', 'bench-candidate.txt']) {
      const s = snapshot(name)
      expect(s.format).toBe('benchfmt')
      expect(s.warnings).toEqual([])
      expect(s.profile).toBeUndefined()
      expect(s.benchmarks!.config).toMatchObject({ goos: 'linux', goarch: 'amd64' })
      expect(s.benchmarks!.config.cpu).toBeTruthy()
      expect(s.benchmarks!.config.pkg).toBeUndefined()
    }
  })

  test('each benchmark at each -cpu value is its own result, with 6 runs of every unit', () => {
    const set = snapshot('bench-baseline.txt').benchmarks!
    expect(set.results).toHaveLength(NAMES.length * 2)
    for (const name of NAMES) {
      for (const procs of [1, 2]) {
        const r = find(set, name, procs)
        expect(r.pkg).toBe('gomemgate/fixtures/service')
        for (const unit of ['ns/op', 'B/op', 'allocs/op']) expect(r.metrics[unit]).toHaveLength(6)
      }
    }
    // `BenchmarkServe-2` is BenchmarkServe at GOMAXPROCS 2; no suffix means 1.
    expect(set.results.some((r) => r.name.endsWith('-2'))).toBe(false)
  })

  test('sub-benchmarks keep their path, and custom metrics and MB/s are read', () => {
    const set = snapshot('bench-baseline.txt').benchmarks!
    expect(find(set, 'BenchmarkEncode/large', 2).metrics['B/op'].every((v) => v > 20000)).toBe(true)
    const compress = find(set, 'BenchmarkCompress', 1)
    expect(Object.keys(compress.metrics)).toEqual([
      'ns/op',
      'MB/s',
      'wire-bytes/op',
      'B/op',
      'allocs/op',
    ])
    expect(compress.metrics['wire-bytes/op']).toEqual([2424, 2424, 2424, 2424, 2424, 2424])
    expect(compress.metrics['MB/s'][0]).toBe(58)
    expect(compress.metrics['MB/s'][1]).toBe(54.87)
    expect(find(set, 'BenchmarkCacheGet', 1).metrics['allocs/op']).toEqual([0, 0, 0, 0, 0, 0])
  })

  test('go test -json output gives the same benchmarks, reassembled from split events', () => {
    const json = snapshot('bench-candidate.json')
    const text = snapshot('bench-candidate.txt')
    expect(json.format).toBe('benchfmt')
    expect(json.warnings).toEqual([])
    expect(json.benchmarks!.config).toEqual(text.benchmarks!.config)
    const shape = (set: BenchmarkSet) =>
      set.results.map((r) => ({
        key: `${r.pkg} ${r.name} ${r.procs}`,
        units: Object.fromEntries(Object.entries(r.metrics).map(([u, v]) => [u, v.length])),
      }))
    expect(shape(json.benchmarks!)).toEqual(shape(text.benchmarks!))
    // A separate run: counted figures agree, timings need not.
    for (const r of text.benchmarks!.results) {
      const j = find(json.benchmarks!, r.name, r.procs)
      expect(median(j.metrics['allocs/op'])).toBeCloseTo(median(r.metrics['allocs/op']), -3)
      const [a, b] = [median(j.metrics['B/op']), median(r.metrics['B/op'])]
      if (r.name !== 'BenchmarkServe') expect(Math.abs(a - b)).toBeLessThanOrEqual(0.01 * b)
    }
  })

  test('the same run as text and as test2json events reads identically', () => {
    const text = fixtureBytes('bench-candidate.txt').toString('utf8')
    const fromText = readSnapshot(Buffer.from(text), 'bench.txt')
    const fromJson = readSnapshot(Buffer.from(asTestJson(text)), 'bench.json')
    expect(fromJson.benchmarks).toEqual(fromText.benchmarks)
  })

  test('a malformed result line is a warning with its line number, not a failure', () => {
    const text = [
      'goos: linux',
      'pkg: example.com/p',
      'BenchmarkA-4   \t 100\t  12.5 ns/op\t  64 B/op\t  1 allocs/op',
      'BenchmarkA-4   \t 100\t  12.0 ns/op\t  64 B/op',
      'BenchmarkA-4   \t 100\t  oops ns/op',
      'BenchmarkB     \t notanumber',
      'BenchmarkB/sub-8',
      'Benchmarking is fun',
      'PASS',
    ].join('\n')
    const s = readSnapshot(Buffer.from(text), 'b.txt')
    expect(s.warnings.map((w) => w.message)).toEqual([
      'b.txt:5: malformed benchmark line (oops is not a number): "BenchmarkA-4   \\t 100\\t  oops ns/op"',
      'b.txt:6: malformed benchmark line (no iteration count): "BenchmarkB     \\t notanumber"',
    ])
    expect(s.benchmarks!.results).toEqual([
      {
        name: 'BenchmarkA',
        procs: 4,
        pkg: 'example.com/p',
        metrics: { 'ns/op': [12.5, 12], 'B/op': [64, 64], 'allocs/op': [1] },
      },
    ])
  })

  test('a malformed line inside go test -json names the line of its event', () => {
    const lines = [
      { Action: 'output', Package: 'p', Output: 'BenchmarkX-2 \t' },
      { Action: 'output', Package: 'p', Output: '  10\t 5 ns/op\n' },
      { Action: 'output', Package: 'p', Output: 'BenchmarkX-2 \t 10 \t 5\n' },
    ].map((e) => JSON.stringify(e))
    const s = readSnapshot(Buffer.from(lines.join('\n')), 'b.json')
    expect(s.warnings).toHaveLength(1)
    expect(s.warnings[0].message).toMatch(/^b\.json:3: malformed benchmark line \(values and units/)
    expect(s.benchmarks!.results[0]).toMatchObject({ name: 'BenchmarkX', procs: 2, pkg: 'p' })
  })

  test('the same benchmark name in two packages stays two benchmarks', () => {
    const text = [
      'pkg: a',
      'BenchmarkX 10 5 ns/op',
      'pkg: b',
      'BenchmarkX 10 7 ns/op',
      'BenchmarkX 10 8 ns/op',
    ].join('\n')
    const set = readSnapshot(Buffer.from(text), 'x.txt').benchmarks!
    expect(set.results.map((r) => [r.pkg, r.metrics['ns/op']])).toEqual([
      ['a', [5]],
      ['b', [7, 8]],
    ])
  })

  test('go test output without benchmark results is refused with a hint', () => {
    for (const [text, source] of [
      ['goos: linux\ngoarch: amd64\npkg: p\nPASS\nok  \tp\t0.1s\n', 'x.txt'],
      [JSON.stringify({ Action: 'output', Package: 'p', Output: 'PASS\n' }) + '\n', 'x.json'],
    ]) {
      try {
        readSnapshot(Buffer.from(text), source)
        throw new Error('expected a GateError')
      } catch (err) {
        expect(err).toBeInstanceOf(GateError)
        expect((err as GateError).code).toBe('UNKNOWN_FORMAT')
        expect((err as GateError).message).toContain(source)
        expect((err as GateError).hint).toContain('-benchmem')
      }
    }
  })

  test('results after a long test log are still found', () => {
    const log = Array.from(
      { length: 300 },
      (_, i) => `=== RUN   TestThing${i}\n--- PASS: TestThing${i} (0.00s)`,
    )
    const text = [...log, 'goos: linux', 'BenchmarkZ 5 1 ns/op', 'PASS'].join('\n')
    const s = readSnapshot(Buffer.from(text), 'log.txt')
    expect(s.format).toBe('benchfmt')
    expect(s.benchmarks!.results).toHaveLength(1)
  })
})
