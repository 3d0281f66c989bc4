import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cli, tempDir } from '../helpers/cli.js'
import { fixturePath as fx } from '../helpers/fixtures.js'

/** The files of one real run: protobuf profile and MemStats dump. */
const run = (name: string) => [fx(`${name}.pb.gz`), fx(`${name}.memstats.json`)]

describe('gomem-gate compare, run as a process on real fixtures', () => {
  test.each([
    ['baseline-seed1', 'baseline-seed2'],
    ['baseline-seed1', 'baseline-seed3'],
    ['baseline-seed2', 'baseline-seed3'],
    ['baseline-seed3', 'baseline-seed1'],
  ])('unchanged code (%s vs %s) passes with the defaults', (a, b) => {
    const r = cli(['compare', '--baseline', ...run(a), '--candidate', ...run(b)])
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/PASS/)
    expect(r.status).toBe(0)
  })

  test('an unbounded cache fails and names the growing allocator', () => {
    const r = cli([
      'compare',
      '--baseline',
      ...run('baseline-seed1'),
      '--candidate',
      ...run('leak-cache'),
    ])
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/FAIL/)
    expect(r.stdout).toContain('main.(*Cache).Put')
  })

  test('leaked goroutines fail on the stack memory they hold', () => {
    const r = cli([
      'compare',
      '-f',
      'json',
      '-b',
      ...run('baseline-seed1'),
      '-c',
      ...run('leak-goroutines'),
    ])
    expect(r.status).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.violations.map((v: { metric: string }) => v.metric)).toContain('StackInuse')
  })

  test('extra temporary garbage fails on alloc_space while in-use stays put', () => {
    const r = cli([
      'compare',
      '-f',
      'json',
      '-b',
      ...run('baseline-seed1'),
      '-c',
      ...run('alloc-churn'),
    ])
    expect(r.status).toBe(1)
    const report = JSON.parse(r.stdout)
    const metrics = report.violations.map((v: { metric: string }) => v.metric)
    expect(metrics).toContain('alloc_space')
    expect(metrics).not.toContain('inuse_space')
  })

  test('an improvement passes and shows negative deltas', () => {
    const r = cli([
      'compare',
      '-f',
      'json',
      '-b',
      ...run('baseline-seed1'),
      '-c',
      ...run('improvement'),
    ])
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.status).toBe('pass')
    expect(report.totals.alloc_space.delta).toBeLessThan(0)
  })

  test('no baseline: exit 0 and the report says so', () => {
    const r = cli(['compare', '--candidate', ...run('leak-cache')])
    expect(r.status).toBe(0)
    expect(r.stdout.toLowerCase()).toContain('no baseline')
    const j = JSON.parse(cli(['compare', '-f', 'json', '-c', ...run('leak-cache')]).stdout)
    expect(j.status).toBe('no-baseline')
    expect(j.totals.inuse_space.baseline).toBeNull()
  })

  test('the JSON contract: status, violations, totals, memstats, allocators sorted by delta', () => {
    const r = cli([
      'compare',
      '-f',
      'json',
      '-b',
      ...run('baseline-seed1'),
      '-c',
      ...run('leak-cache'),
    ])
    const j = JSON.parse(r.stdout)
    expect(j.status).toBe('fail')
    for (const v of j.violations) {
      for (const k of ['rule', 'metric', 'subject', 'baseline', 'candidate', 'limit'])
        expect(v).toHaveProperty(k)
    }
    for (const t of ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']) {
      const c = j.totals[t]
      expect(c.delta).toBe(c.candidate - c.baseline)
      expect(Number.isInteger(c.candidate)).toBe(true)
    }
    expect(j.memstats.HeapInuse.delta).toBe(
      j.memstats.HeapInuse.candidate - j.memstats.HeapInuse.baseline,
    )
    const deltas = j.allocators.map((a: { delta: number }) => a.delta)
    expect(deltas).toEqual([...deltas].sort((a, b) => b - a))
    expect(j.allocators[0].function).toBe('main.(*Cache).Put')
    expect(j.allocators[0].sampleType).toBe('inuse_space')
  })

  test('the same run read as protobuf and as debug=1 text gives the same totals', () => {
    const a = JSON.parse(cli(['compare', '-f', 'json', '-c', fx('leak-cache.pb.gz')]).stdout)
    const b = JSON.parse(cli(['compare', '-f', 'json', '-c', fx('leak-cache.heap.txt')]).stdout)
    for (const [type, total] of Object.entries(a.totals) as [string, { sigma: number }][]) {
      const { sigma, ...figures } = total
      const { sigma: textSigma, ...textFigures } = b.totals[type]
      expect(textFigures).toEqual(figures)
      // The sampling noise is summed in another order: equal up to rounding.
      expect(textSigma).toBeCloseTo(sigma, 3)
    }
  })

  test('globs are expanded and several files per side are added up and listed per file', () => {
    const r = cli([
      'compare',
      '-f',
      'json',
      '--baseline',
      'fixtures/baseline-seed[12].pb.gz',
      '--candidate',
      fx('baseline-seed3.pb.gz'),
      fx('leak-cache.pb.gz'),
    ])
    const j = JSON.parse(r.stdout)
    const sides = j.files.map((f: { side: string }) => f.side)
    expect(sides).toEqual(['baseline', 'baseline', 'candidate', 'candidate'])
    const perFile = j.files.filter((f: { side: string }) => f.side === 'candidate')
    const sum = perFile.reduce(
      (s: number, f: { totals: Record<string, number> }) => s + f.totals.inuse_space,
      0,
    )
    expect(j.totals.inuse_space.candidate).toBe(sum)
  })

  test('markdown to a file with -o: verdict line, tables and the pprof command', () => {
    const out = join(tempDir(), 'report.md')
    const r = cli([
      'compare',
      '-f',
      'markdown',
      '-o',
      out,
      '-b',
      ...run('baseline-seed1'),
      '-c',
      ...run('leak-cache'),
    ])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    const md = readFileSync(out, 'utf8')
    expect(md.split('\n')[0]).toMatch(/^### .*regression/)
    expect(md).toContain('go tool pprof')
    expect(md).toContain('baseline-seed1.pb.gz')
    expect(md).toMatch(/\| *Function/)
  })

  test('--sample-type changes the focus, and an unknown one is a usage error', () => {
    const j = JSON.parse(
      cli([
        'compare',
        '-f',
        'json',
        '--sample-type',
        'alloc_space',
        '-b',
        ...run('baseline-seed1'),
        '-c',
        ...run('alloc-churn'),
      ]).stdout,
    )
    expect(j.focus).toBe('alloc_space')
    expect(j.allocators.every((a: { sampleType: string }) => a.sampleType === 'alloc_space')).toBe(
      true,
    )
    const bad = cli(['compare', '--sample-type', 'cpu', '-c', ...run('leak-cache')])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--sample-type cpu/)
  })

  test('--top limits the growers listed', () => {
    const r = cli([
      'compare',
      '--top',
      '3',
      '-f',
      'markdown',
      '-b',
      ...run('baseline-seed1'),
      '-c',
      ...run('leak-cache'),
    ])
    const section = r.stdout.split(/^<details><summary>Allocators.*$/m)[1].split(/^<details>/m)[0]
    const rows = section.split('\n').filter((l) => l.startsWith('|') && !/^\| *[-:]/.test(l))
    expect(rows.length - 1).toBeLessThanOrEqual(3)
  })
})
