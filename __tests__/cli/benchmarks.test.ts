import { cli, tempFile } from '../helpers/cli.js'
import { fixturePath as fx } from '../helpers/fixtures.js'
import type { JsonReport } from '../../src/report/types.js'

const BASE = fx('bench-baseline.txt')
const CAND = fx('bench-candidate.txt')
const CAND_JSON = fx('bench-candidate.json')

describe('gomem-gate compare on go test -bench output, run as a process', () => {
  test('the same run on both sides passes', () => {
    const r = cli(['compare', '-b', BASE, '-c', BASE])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^PASS/)
    expect(r.stdout).toContain('Benchmarks')
  })

  test('the candidate fails on the doubled B/op and the new allocations (text, benchstat ~)', () => {
    const r = cli(['compare', '-b', BASE, '-c', CAND])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^FAIL/)
    expect(r.stdout).toContain('no allocations (0 allocs/op in the baseline)')
    const serve = r.stdout.split('\n').find((l) => /BenchmarkServe-2\s+B\/op/.test(l))
    expect(serve).toMatch(/\s~\s+p=/)
  })

  test('go test -json output works as an input, and the JSON report lists every benchmark', () => {
    const r = cli(['compare', '-f', 'json', '-b', BASE, '-c', CAND_JSON])
    expect(r.status).toBe(1)
    const report = JSON.parse(r.stdout) as JsonReport
    expect(Object.keys(report.benchmarks[0])).toEqual([
      'name',
      'procs',
      'pkg',
      'metric',
      'baseline',
      'candidate',
      'delta',
      'relative',
      'p',
      'significance',
      'samples',
    ])
    const get = (name: string, procs: number, metric: string) =>
      report.benchmarks.find((b) => b.name === name && b.procs === procs && b.metric === metric)!
    expect(get('BenchmarkCacheGet', 2, 'allocs/op')).toMatchObject({
      baseline: 0,
      candidate: 1,
      relative: null,
      significance: 'significant',
      samples: { baseline: 6, candidate: 6 },
    })
    expect(get('BenchmarkEncode/small', 1, 'B/op').significance).toBe('noise')
    expect(report.violations.map((v) => v.scope)).toEqual(report.violations.map(() => 'benchmark'))
    expect(report.files.map((f) => f.format)).toEqual(['benchfmt', 'benchfmt'])
  })

  test('without a baseline: candidate medians only, exit 0', () => {
    const r = cli(['compare', '-f', 'markdown', '-c', CAND])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('<summary>Benchmarks</summary>')
    expect(r.stdout).toContain('| Benchmark | Metric | Candidate | Runs |')
  })

  test('benchmarks next to heap profiles: each is judged by its own rules', () => {
    const r = cli([
      'compare',
      '-f',
      'json',
      '-b',
      fx('baseline-seed1.pb.gz'),
      BASE,
      '-c',
      fx('baseline-seed2.pb.gz'),
      CAND,
    ])
    expect(r.status).toBe(1)
    const report = JSON.parse(r.stdout) as JsonReport
    expect(report.totals.inuse_space).toBeDefined()
    expect(new Set(report.violations.map((v) => v.scope))).toEqual(new Set(['benchmark']))
  })

  test('a config can accept the change: a looser rule for one benchmark and a waiver', () => {
    const config = tempFile(
      'gomem-gate.yml',
      [
        'benchmarks:',
        '  - match: "BenchmarkEncode/*"',
        '    metric: B/op',
        '    max-increase: 100%',
        '  - match: "BenchmarkEncode/*"',
        '    metric: allocs/op',
        '    max-increase: 20%',
        'waivers:',
        '  - subject: "BenchmarkCacheGet*"',
        '    metric: allocs/op',
        '    reason: copies on purpose',
        '    expires: 2999-12-31',
        '',
      ].join('\n'),
    )
    const r = cli(['compare', '--config', config, '-b', BASE, '-c', CAND])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('2 violations waived')
  })

  test('a bad benchmarks section is one line naming file, line and key; exit 2', () => {
    const config = tempFile(
      'gomem-gate.yml',
      'benchmarks:\n  - match: "BenchmarkServe*"\n    metric: MB/s\n    max-increase: 10%\n',
    )
    const r = cli(['compare', '--config', config, '-b', BASE, '-c', CAND])
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toContain(
      `${config}:3: benchmarks[0].metric: MB/s grows when code gets faster`,
    )
  })

  test('go test output without benchmark results is refused; exit 2', () => {
    const empty = tempFile(
      'bench.txt',
      'goos: linux\ngoarch: amd64\npkg: p\nPASS\nok  \tp\t0.01s\n',
    )
    const r = cli(['compare', '-b', BASE, '-c', empty])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`${empty}: go test output without benchmark results`)
  })
})
