import { diff } from '../../src/analysis/diff.js'
import { readSnapshot } from '../../src/formats/index.js'
import { defaultPolicy } from '../../src/policy/config.js'
import { evaluate } from '../../src/policy/evaluate.js'
import { render } from '../../src/report/index.js'
import type { JsonReport, ReportFormat } from '../../src/report/types.js'
import { snapshot } from '../helpers/fixtures.js'

function report(
  format: ReportFormat,
  base = ['bench-baseline.txt'],
  cand = ['bench-candidate.txt'],
) {
  const d = diff(base.map(snapshot), cand.map(snapshot))
  return render(
    { ...evaluate(d, defaultPolicy(), '2026-06-15'), top: 10, version: '0.1.0', width: 200 },
    format,
  )
}

describe('benchmark reports', () => {
  test('markdown: one row per benchmark and unit, ~ escaped, significance spelled out', () => {
    const md = report('markdown')
    expect(md).toContain('<details><summary>Benchmarks</summary>')
    expect(md).toContain('| Benchmark | Metric | Baseline | Candidate | Δ | p / significance |')
    const row = (label: string, metric: string) =>
      md.split('\n').find((l) => l.startsWith(`| ${label} | ${metric} |`))
    expect(row('BenchmarkEncode/small', 'B/op')).toMatch(/\| \\~ \| p=1\.000 n=6\+6 · noise \|$/)
    expect(row('BenchmarkEncode/large\\-2', 'B/op')).toMatch(
      /\| 21\.1 KiB \| 39\.\d+ KiB \| \*\*\+\d+\.?\d* KiB \(\+8\d\.\d%\)\*\* \| p=0\.002 n=6\+6 · significant \|$/,
    )
    expect(row('BenchmarkCacheGet', 'allocs/op')).toContain('| 0 | 1 | **+1 (new)** |')
    expect(md).not.toMatch(/Infinity|∞/)
  })

  test('text: benchstat-style ~ for noise, and the violations name the benchmark', () => {
    const text = report('text')
    const lines = text.split('\n')
    expect(lines.find((l) => /^\s+BenchmarkCompress\s+wire-bytes\/op/.test(l))).toMatch(
      /2,424\s+2,424\s+~\s+p=1\.000 n=6\+6$/,
    )
    expect(text).toMatch(
      /default:benchmark:allocs\/op\s+BenchmarkCacheGet\s+allocs\/op\s+0\s+1\s+\+1 \(new\)/,
    )
  })

  test('JSON: benchmarks[] with p, significance and run counts', () => {
    const r = JSON.parse(report('json')) as JsonReport
    expect(r.benchmarks.length).toBe(34)
    const large = r.benchmarks.find(
      (b) => b.name === 'BenchmarkEncode/large' && b.procs === 2 && b.metric === 'B/op',
    )!
    expect(large.relative).toBeGreaterThan(0.8)
    expect(large.samples).toEqual({ baseline: 6, candidate: 6 })
    expect(r.violations.find((v) => v.kind === 'new-allocations')).toMatchObject({
      scope: 'benchmark',
      subject: 'BenchmarkCacheGet',
      metric: 'allocs/op',
    })
  })

  test('JSON without benchmark input has benchmarks: []', () => {
    const r = JSON.parse(
      report('json', ['baseline-seed1.pb.gz'], ['baseline-seed2.pb.gz']),
    ) as JsonReport
    expect(r.benchmarks).toEqual([])
  })

  test('hostile benchmark names are escaped in markdown and stripped in text', () => {
    const text = 'pkg: p\nBenchmarkX/<img_src=x_onerror=alert(1)>|@admin#1 5 10 B/op\n'
    const s = readSnapshot(Buffer.from(text), 'evil.txt')
    const d = diff([], [s])
    const md = render(
      { ...evaluate(d, defaultPolicy(), '2026-06-15'), top: 10, version: '0' },
      'markdown',
    )
    expect(md).not.toContain('<img')
    expect(md).toContain('&lt;img')
    expect(md).not.toMatch(/[^\\]\|@admin/)
  })
})
