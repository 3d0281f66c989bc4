import { diff } from '../../src/analysis/index.js'
import { evaluate, loadPolicy } from '../../src/policy/index.js'
import { render } from '../../src/report/index.js'
import { MARKDOWN_LIMIT } from '../../src/report/markdown.js'
import { snapshot } from '../helpers/fixtures.js'
import {
  cells,
  failVerdict,
  input,
  leakDiff,
  leakViolations,
  noBaselineDiff,
  passVerdict,
  tableAfter,
} from './helpers.js'

const failing = () => render(input(leakDiff(), failVerdict()), 'markdown')

describe('markdown report', () => {
  test('starts with the verdict and the focus total', () => {
    const lines = failing().split('\n')
    expect(lines[0]).toBe(
      '### ❌ gomem-gate: memory regression in main\\.\\(\\*Cache\\)\\.Put — inuse\\_space +18 MiB (+900%), limit \\+10%',
    )
    expect(lines[2]).toBe(
      'inuse\\_space 12 MiB → 30.5 MiB (+18.5 MiB, +154%) · 1 cause, 2 limits exceeded · policy: \\.gomem\\-gate\\.yml',
    )
    expect(cells(lines[6])).toEqual([
      '**main\\.\\(\\*Cache\\)\\.Put** inuse\\_space',
      '+18\u00a0MiB\u00a0(+900%)',
      '\\+10%',
      'inuse\\_space +18.5 MiB (+154%)',
    ])
  })

  test('a pass says so, and mentions waived violations', () => {
    const md = render(input(leakDiff(), passVerdict()), 'markdown')
    expect(md.split('\n')[0]).toBe('### ✅ gomem-gate: no memory regression')
    expect(md).not.toContain('violations, by rule')
    const waived = { ...failVerdict(), status: 'pass' as const, violations: [] }
    expect(render(input(leakDiff(), waived), 'markdown').split('\n')[0]).toBe(
      '### ✅ gomem-gate: no memory regression (1 violation waived)',
    )
  })

  test('one cause seen in several figures is one finding', () => {
    const v = leakViolations()
    const verdict = { ...failVerdict(), violations: [v[1], { ...v[1], subject: 'main.other' }] }
    expect(render(input(leakDiff(), verdict), 'markdown').split('\n')[2]).toContain(
      ' · 1 cause, 2 limits exceeded · ',
    )
  })

  test('lists each violation with its evidence and limit', () => {
    const rows = tableAfter(failing(), 'All 2 violations')
    expect(cells(rows[0])).toEqual(['Rule', 'Subject', 'Baseline', 'Candidate', 'Change', 'Limit'])
    expect(cells(rows[2])[5]).toBe('\\+10%, at least \\+1 MiB')
    expect(cells(rows[3])).toEqual([
      'cache\\-growth',
      'main\\.\\(\\*Cache\\)\\.Put \\(inuse\\_space\\)',
      '2 MiB',
      '20 MiB',
      '+18 MiB (+900%)',
      '\\+10%',
    ])
  })

  test('a ceiling broken without a baseline shows dashes for the missing figures', () => {
    const ceiling = {
      ...leakViolations()[0],
      kind: 'max' as const,
      baseline: null,
      delta: null,
      limitText: '< 20 MiB',
    }
    const md = render(
      input(noBaselineDiff(), { ...failVerdict(), violations: [ceiling] }),
      'markdown',
    )
    const row = cells(tableAfter(md, 'All 1 violation')[2])
    expect(row.slice(2, 5)).toEqual(['—', '30.5 MiB', '—'])
  })

  test('shows waived violations with reason and expiry, and expired waivers', () => {
    const md = failing()
    expect(cells(tableAfter(md, '1 violation waived')[2])).toEqual([
      'encoding/json\\.Marshal \\(inuse\\_space\\)',
      '+0.5 MiB (+50%)',
      'new encoder buffers',
      '2026\\-12\\-31',
    ])
    expect(md).toContain(
      'waiver for bytes\\.growSlice expired on 2026\\-01\\-31 and no longer applies',
    )
  })

  test('lists growers of the focus type only, biggest first, with their heaviest stack', () => {
    const md = failing()
    const rows = tableAfter(md, 'Allocators (inuse_space)')
    expect(cells(rows[0])).toEqual(['Function', 'Δ', '%', 'Baseline → Candidate'])
    expect(rows.slice(2).map((r) => cells(r)[0])).toEqual([
      'main\\.\\(\\*Cache\\)\\.Put',
      'main\\.loadConfig',
      'encoding/json\\.Marshal',
    ])
    expect(cells(rows[2])).toEqual([
      'main\\.\\(\\*Cache\\)\\.Put',
      '+18 MiB',
      '+900%',
      '2 MiB → 20 MiB',
    ])
    expect(md).toContain(
      [
        '<details><summary>Heaviest stack: main.(*Cache).Put</summary>',
        '<pre>',
        'main.(*Cache).Put (example.com/svc/cache.go:42)',
        'main.handle (example.com/svc/server.go:88)',
        'net/http.HandlerFunc.ServeHTTP (net/http/server.go:2171)',
        'net/http.(*conn).serve (net/http/server.go:2099)',
        '</pre>',
        '</details>',
      ].join('\n'),
    )
  })

  test('respects top', () => {
    const md = render(input(leakDiff(), failVerdict(), { top: 1 }), 'markdown')
    expect(tableAfter(md, 'Allocators')).toHaveLength(3)
    expect(md.match(/Heaviest stack:/g)).toHaveLength(1)
  })

  test('totals for every sample type and MemStats in their fixed order', () => {
    const md = failing()
    expect(
      tableAfter(md, 'Totals')
        .slice(2)
        .map((r) => cells(r)[0]),
    ).toEqual(['alloc\\_objects', 'alloc\\_space', 'inuse\\_objects', 'inuse\\_space'])
    const memstats = tableAfter(md, 'MemStats')
    expect(cells(memstats[0])).toEqual(['Field', 'Baseline', 'Candidate', 'Δ', '%'])
    expect(memstats.slice(2).map((r) => cells(r)[0])).toEqual([
      'Sys',
      'HeapInuse',
      'StackInuse',
      'NumGC',
    ])
    expect(cells(memstats[4])).toEqual(['StackInuse', '512 KiB', '640 KiB', '+128 KiB', '+25%'])
    expect(cells(memstats[5])).toEqual(['NumGC', '12', '30', '+18', '+150%'])
  })

  test('inputs are collapsed, one row per file', () => {
    const md = failing()
    expect(md).toContain('<details><summary>Inputs: 2 baseline, 2 candidate files</summary>')
    const rows = tableAfter(md, '<details><summary>Inputs')
    expect(cells(rows[2])).toEqual([
      'baseline',
      'bench/base/heap\\.pb\\.gz',
      'pprof',
      '12 MiB',
      '512 KiB',
    ])
    expect(rows).toHaveLength(6)
  })

  test('the pprof command names the first baseline and candidate profiles', () => {
    const md = failing()
    expect(md).toContain(
      [
        '```sh',
        "go tool pprof -http=: -diff_base='bench/base/heap.pb.gz' 'bench/cand/heap.pb.gz'",
        "go tool pprof -top -sample_index=inuse_space -diff_base='bench/base/heap.pb.gz' 'bench/cand/heap.pb.gz'",
        '```',
      ].join('\n'),
    )
  })

  test('ends with the warnings, collapsed', () => {
    expect(failing().trimEnd().split('\n').slice(-6)).toEqual([
      '<details><summary>⚠️ 2 warnings</summary>',
      '',
      '- bench/cand/heap\\.pb\\.gz: 3 samples have no function name',
      '- waiver for bytes\\.growSlice has expired',
      '',
      '</details>',
    ])
  })

  test('without a baseline it says so and shows no deltas', () => {
    const verdict = { ...passVerdict(), status: 'no-baseline' as const }
    const md = render(input(noBaselineDiff(), verdict), 'markdown')
    expect(md.split('\n')[0]).toBe(
      '### ℹ️ gomem-gate: no baseline yet — nothing to compare against',
    )
    expect(md).toContain('inuse\\_space 30.5 MiB in the candidate')
    expect(md).not.toMatch(/Δ|→ |\+\d/)
    expect(cells(tableAfter(md, 'Allocators')[2])).toEqual([
      'main\\.\\(\\*Cache\\)\\.Put',
      '20 MiB',
      '65.6%',
    ])
    expect(md).toContain("go tool pprof -http=: 'bench/cand/heap.pb.gz'")
    expect(md).not.toContain('-diff_base')
  })

  test('says when nothing grew, and leaves the table out for --top 0', () => {
    const diff = leakDiff()
    diff.allocators = diff.allocators.map((r) => ({
      ...r,
      candidate: 0,
      delta: -(r.baseline ?? 0),
    }))
    expect(render(input(diff, passVerdict()), 'markdown')).toContain(
      '<details><summary>Allocators (inuse_space) and their heaviest stacks</summary>\n\nNo allocator grew.',
    )
    const none = render(input(leakDiff(), failVerdict(), { top: 0 }), 'markdown')
    expect(none).not.toContain('<summary>Allocators')
    expect(none).not.toContain('Heaviest stack')
  })

  test('MemStats alone: HeapInuse is the headline figure, no allocators, no pprof command', () => {
    const diff = leakDiff()
    Object.assign(diff, { sampleTypes: [], totals: {}, allocators: [], packages: [] })
    diff.files = diff.files.filter((f) => f.format === 'memstats-json')
    const md = render(input(diff, passVerdict()), 'markdown')
    expect(md.split('\n')[2]).toBe(
      'HeapInuse 14 MiB → 33 MiB (+19 MiB, +136%) · policy: built\\-in defaults',
    )
    expect(md).not.toMatch(/Allocators|Totals|go tool pprof/)
    expect(md).toContain('<summary>MemStats</summary>')
  })

  test('stays under GitHub’s comment limit however many violations there are', () => {
    const long = '@x|<b>#1'.repeat(60)
    const many = Array.from({ length: 500 }, (_, i) => ({
      ...leakViolations()[1],
      rule: `${long}${i}`,
      subject: long,
      limitText: long,
    }))
    const md = render(input(leakDiff(), { ...failVerdict(), violations: many }), 'markdown')
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT)
    expect(md.split('\n')[2]).toContain(' · 1 cause, 500 limits exceeded · ')
    expect(md).toContain('more violations not shown')
    expect(md).toContain('--format json')
  })
})

describe('goroutines', () => {
  test('the stack that gained goroutines is named, and its frames escaped', () => {
    const d = diff(
      [snapshot('baseline-seed1.goroutine.txt')],
      [snapshot('leak-goroutines.goroutine.txt')],
    )
    const judged = evaluate(d, loadPolicy(undefined, 'x'), '2026-11-26')
    const v = judged.verdict
    const md = render({ ...judged, top: 10, version: 't' }, 'markdown')
    expect(md).toContain('1 → 6,668 (+6,667) goroutines.')
    expect(md).toMatch(
      /\| main\\\.awaitInvalidation ← main\\\.\\\(\\\*Server\\\)\\\.watch\\\.func1 \| \+6,667 \|/,
    )
    expect(v.violations.map((x) => x.metric)).toContain('Goroutines')
  })
})
