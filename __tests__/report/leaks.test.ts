// Growth within one run: the verdict's words, the suspects, the series, in every format.
import { trendOf } from '../../src/analysis/trend.js'
import type { Diff, SeriesAnalysis } from '../../src/analysis/types.js'
import type { Verdict } from '../../src/policy/types.js'
import { render } from '../../src/report/index.js'
import type { JsonReport } from '../../src/report/types.js'
import { cells, failVerdict, input, MiB, passVerdict, tableAfter } from './helpers.js'
import {
  accountingDiff,
  leakingSeries,
  leakSuspects,
  leakVerdict,
  mermaidBlocks,
  seriesDiff,
} from './memory-helpers.js'

const ESC = '\u001b'
const leaking = (): [Diff, Verdict] => {
  const d = seriesDiff()
  return [d, leakVerdict(d.series!)]
}
const md = (d: Diff, v: Verdict, extra = {}) => render(input(d, v, extra), 'markdown')

/** The leaking series with every metric flat (noise only). */
function flatSeries(): SeriesAnalysis {
  const s = leakingSeries()
  const noise = [0, 0.2, -0.1, 0.1, 0, -0.2, 0.1, 0]
  s.metrics = s.metrics.map((m) => {
    const values = m.values.map((_, i) => Math.round((m.values[0]! / MiB + noise[i]) * MiB))
    return { ...m, values, trend: trendOf(values) }
  })
  return s
}

describe('the verdict names the leak', () => {
  test('a leak alone', () => {
    const [d, v] = leaking()
    expect(md(d, v).split('\n')[0]).toBe(
      '### ❌ gomem-gate: memory leak within the run — HeapInuse +3 MiB per snapshot (+2 more suspects)',
    )
  })

  test('violations and a leak', () => {
    const [d] = leaking()
    const v = { ...failVerdict(), leakSuspects: leakSuspects(d.series!).slice(0, 1) }
    expect(md(d, v).split('\n')[0]).toBe(
      '### ❌ gomem-gate: memory regression in main\\.\\(\\*Cache\\)\\.Put — inuse\\_space +18 MiB (+900%), limit \\+10%; and a memory leak within the run: HeapInuse +3 MiB per snapshot',
    )
  })

  test('a suspect that does not fail the check (leaks.fail off)', () => {
    const [d] = leaking()
    const v = { ...passVerdict(), leakSuspects: leakSuspects(d.series!).slice(2) }
    expect(md(d, v).split('\n')[0]).toBe(
      '### ✅ gomem-gate: no memory regression, but a possible leak within the run: main\\.\\(\\*Cache\\)\\.Put +3 MiB per snapshot',
    )
  })

  test('the headline is the process-wide figure that grew the most for its size', () => {
    const [d] = leaking()
    const [heap] = leakSuspects(d.series!)
    const goroutines = {
      ...heap,
      subject: 'Goroutines',
      metric: 'Goroutines',
      unit: 'count' as const,
      slopePerSnapshot: 833.33,
      first: 3501,
      last: 9335,
      allocators: [],
    }
    const v = { ...leakVerdict(d.series!), leakSuspects: [heap, goroutines] }
    expect(md(d, v).split('\n')[0]).toBe(
      '### ❌ gomem-gate: memory leak within the run — Goroutines +833 per snapshot (+1 more suspect)',
    )
  })

  test('in the JSON summary and the text verdict line too', () => {
    const [d, v] = leaking()
    const json = JSON.parse(render(input(d, v), 'json')) as JsonReport
    expect(json.summary).toBe(
      'memory leak within the run — HeapInuse +3 MiB per snapshot (+2 more suspects): inuse_space 12 MiB → 30.5 MiB (+18.5 MiB, +154%)',
    )
    expect(render(input(d, v, { width: 200 }), 'text').split('\n')[0]).toBe(
      'FAIL  gomem-gate: memory leak within the run — HeapInuse +3 MiB per snapshot (+2 more suspects) (policy: built-in defaults)',
    )
  })
})

describe('leak suspects in markdown', () => {
  test('right after the violations: process-wide first, then allocators', () => {
    const [d] = leaking()
    const out = md(d, { ...failVerdict(), leakSuspects: leakSuspects(d.series!).reverse() })
    expect(out.indexOf('| Cause |')).toBeLessThan(out.indexOf('| Leak suspect |'))
    expect(out.indexOf('| Leak suspect |')).toBeLessThan(out.indexOf('violations, by rule'))
    const head = out.split('\n').find((l) => l.startsWith('| Leak suspect |'))!
    const rows = [head, ...tableAfter(out, '| Leak suspect |')].map(cells)
    expect(rows[0]).toEqual(['Leak suspect', 'Metric', 'Per snapshot', 'Snapshots', 'First → Last'])
    expect(rows.slice(2)).toEqual([
      ['HeapInuse', 'HeapInuse', '+3 MiB', '8', '14 MiB → 35 MiB'],
      ['RSS', 'RSS', '+3 MiB', '8', '30 MiB → 51 MiB'],
      ['main\\.\\(\\*Cache\\)\\.Put', 'inuse\\_space', '+3 MiB', '8', '2 MiB → 23 MiB'],
    ])
    expect(out).toContain(
      'Allocators growing with it: <code>main\\.\\(\\*Cache\\)\\.Put</code> (+3 MiB per snapshot).',
    )
  })

  test('the series as a line chart, its key, and the values in a collapsed table', () => {
    const [d, v] = leaking()
    const out = md(d, v)
    const section = out.split('| Leak suspect |')[1].split('\n<details><summary>All')[0]
    const [chart] = mermaidBlocks(section)
    expect(chart).toContain('    title "HeapInuse / RSS / main.(Cache).Put (MiB)"')
    expect(chart).toContain('    x-axis "Snapshot" ["1", "2", "3", "4", "5", "6", "7", "8"]')
    expect(chart).toContain('    line [14, 17, 20, 23.5, 26, 29, 32.5, 35]')
    expect(chart.match(/^ {4}line /gm)).toHaveLength(3)
    expect(section).toContain('🟧 HeapInuse · 🟦 RSS · 🟩 <code>main\\.\\(\\*Cache\\)\\.Put</code>')
    expect(section).toContain('<details><summary>Chart of the series (8 snapshots)</summary>\n\n')
    expect(section).toContain(
      '<details><summary>Values per snapshot (8, ordered by file name)</summary>',
    )
    const rows = tableAfter(section, '<details><summary>Values').map(cells)
    expect(rows[0]).toEqual([
      '#',
      'Snapshot',
      'HeapInuse',
      'RSS',
      'Goroutines',
      '<code>main\\.\\(\\*Cache\\)\\.Put</code>',
    ])
    expect(rows[2]).toEqual(['1', 'run/heap\\-1\\.pb\\.gz', '14 MiB', '30 MiB', '50', '2 MiB'])
    expect(rows).toHaveLength(10)
  })

  test('a metric unknown in some snapshot stays in the table, not in the chart', () => {
    const [d, v] = leaking()
    d.series!.metrics[1].values[3] = null
    const out = md(d, v)
    expect(mermaidBlocks(out)[0].match(/^ {4}line /gm)).toHaveLength(2)
    expect(cells(tableAfter(out, '<details><summary>Values')[5])[3]).toBe('—')
  })

  test('a long series is thinned evenly in the table, first and last kept', () => {
    const s = leakingSeries()
    const n = 120
    s.labels = Array.from({ length: n }, (_, i) => `heap-${i + 1}`)
    s.metrics = s.metrics.map((m) => {
      const values = Array.from({ length: n }, (_, i) => (i + 1) * MiB)
      return { ...m, values, trend: trendOf(values) }
    })
    const d = { ...seriesDiff(), series: s }
    const out = md(d, leakVerdict(s))
    const rows = tableAfter(out, '<details><summary>Values').slice(2).map(cells)
    expect(rows).toHaveLength(50)
    expect(rows[0][0]).toBe('1')
    expect(rows[49][0]).toBe('120')
    expect(out).toContain('50 of 120 snapshots shown; `--format json` has them all.')
  })

  test('a series without suspects: one line saying so', () => {
    const d = { ...seriesDiff(), series: flatSeries() }
    const out = md(d, passVerdict())
    expect(out).not.toContain('| Leak suspect |')
    expect(out).not.toContain('xychart')
    expect(out).toMatch(
      /^✅ No leak: nothing grew steadily over 8 snapshots \(HeapInuse [+-]?\d[^)]* per snapshot, p = [\d.]+\)\.$/m,
    )
  })

  test('no series, no suspects: nothing about leaks', () => {
    const out = md(accountingDiff(), failVerdict())
    expect(out).not.toMatch(/Leak suspects|No leak|xychart|memory leak/)
  })
})

describe('fitting a GitHub comment', () => {
  test('charts go first; the tables stay', () => {
    const [d, v] = leaking()
    const full = md(d, v)
    expect(mermaidBlocks(full)).toHaveLength(1)
    expect(full).toContain('`█')
    const trimmed = md(d, v, { maxLength: full.length - 1 })
    expect(trimmed.length).toBeLessThan(full.length)
    expect(mermaidBlocks(trimmed)).toHaveLength(0)
    expect(trimmed).not.toContain('🟧')
    expect(trimmed).not.toContain('`█')
    for (const heading of ['| Leak suspect |', '<summary>Memory breakdown', '<summary>Values'])
      expect(trimmed).toContain(heading)
    expect(trimmed).toContain('- **Live heap objects**')
    expect(trimmed).toContain('--format json')
  })

  test('at the last level the explanations and the values per snapshot go too', () => {
    const [d, v] = leaking()
    const many = Array.from({ length: 400 }, (_, i) => ({
      ...failVerdict().violations[1],
      rule: `rule-${i}-${'x'.repeat(250)}`,
    }))
    const out = md(d, { ...v, status: 'fail', violations: many }, { maxLength: 10_000 })
    expect(out.length).toBeLessThanOrEqual(10_000)
    expect(mermaidBlocks(out)).toHaveLength(0)
    expect(out).not.toContain('Values per snapshot')
    expect(out).not.toContain('- **Live heap objects**')
    expect(tableAfter(out, '| Leak suspect |')).toHaveLength(4)
  })
})

describe('leak suspects in text', () => {
  const text = (color = false) => {
    const [d, v] = leaking()
    return render(input(d, v, { color }), 'text')
  }
  const section = (t: string) => t.split('\nLeak suspects\n')[1].split('\n\n')

  test('a table, the allocators growing along, the values per snapshot; no escape codes', () => {
    const t = text()
    expect(t).not.toContain(ESC)
    const [suspects, allocators, values] = section(t)
    const lines = suspects.split('\n')
    expect(lines[0]).toMatch(/^ {2}subject +metric +per snapshot +snapshots +first → last +p$/)
    expect(lines[1]).toMatch(/^ {2}HeapInuse +HeapInuse +\+3 MiB +8 +14 MiB → 35 MiB +<0\.001$/)
    expect(new Set(lines.map((l) => l.length)).size).toBe(1)
    expect(allocators).toBe('  allocators growing with it: main.(*Cache).Put (+3 MiB per snapshot)')
    const rows = values.split('\n')
    expect(rows[0]).toBe('  values per snapshot (8, ordered by file name)')
    expect(rows[1]).toMatch(/^ {2}# +HeapInuse +RSS +Goroutines +main\.\(\*Cache\)\.Put +snapshot$/)
    expect(rows[2]).toMatch(/^ {2}1 +14 MiB +30 MiB +50 +2 MiB +run\/heap-1\.pb\.gz$/)
    expect(rows).toHaveLength(10)
    const nameAt = rows.slice(1).map((l) => l.lastIndexOf('  ') + 2)
    expect(new Set(nameAt).size).toBe(1)
  })

  test('slopes are red with color', () => {
    expect(text(true)).toContain(`${ESC}[31m+3 MiB${ESC}[0m`)
  })

  test('a series without suspects: a one-line leak check', () => {
    const d = { ...seriesDiff(), series: flatSeries() }
    const t = render(input(d, passVerdict()), 'text')
    expect(t).toMatch(
      /\nLeak check\n {2}No leak: nothing grew steadily over 8 snapshots \(HeapInuse /,
    )
    expect(t).not.toContain('Leak suspects')
  })

  test('a hostile name stays on its line', () => {
    const d = seriesDiff('main.\u001b[31mRED\nx')
    const t = render(input(d, leakVerdict(d.series!)), 'text')
    expect(t).not.toContain(ESC)
    expect(t).toContain('allocators growing with it: main.[31mRED x (+3 MiB per snapshot)')
  })
})

describe('leaks and series in JSON', () => {
  const json = (d: Diff, v: Verdict) => JSON.parse(render(input(d, v), 'json')) as JsonReport

  test('suspects with exact numbers, process-wide first', () => {
    const [d, v] = leaking()
    const r = json(d, v)
    expect(r.leakSuspects.map((s) => s.subject)).toEqual(['HeapInuse', 'RSS', 'main.(*Cache).Put'])
    expect(Object.keys(r.leakSuspects[0])).toEqual([
      'subject',
      'metric',
      'slopePerSnapshot',
      'snapshots',
      'unit',
      'first',
      'last',
      'p',
      'allocators',
    ])
    expect(r.leakSuspects[0]).toMatchObject({
      slopePerSnapshot: 3 * MiB,
      snapshots: 8,
      unit: 'bytes',
      first: 14 * MiB,
      last: 35 * MiB,
      allocators: [{ function: 'main.(*Cache).Put', slopePerSnapshot: 3 * MiB }],
    })
    expect(r.leakSuspects[0].p).toBeLessThan(0.001)
  })

  test('the series: labels, order, each metric’s values, slope and p', () => {
    const [d, v] = leaking()
    const s = json(d, v).series!
    expect(Object.keys(s)).toEqual(['labels', 'order', 'metrics'])
    expect(s.labels).toHaveLength(8)
    expect(s.order).toBe('file name')
    expect(Object.keys(s.metrics[0])).toEqual([
      'metric',
      'subject',
      'unit',
      'values',
      'slopePerSnapshot',
      'p',
    ])
    expect(s.metrics.map((m) => m.subject)).toEqual([
      'HeapInuse',
      'RSS',
      'Goroutines',
      'main.(*Cache).Put',
      'bytes.growSlice',
      'main.loadConfig',
    ])
    expect(s.metrics[0].values[3]).toBe(23.5 * MiB)
  })

  test('at most 20 allocator series, the steepest; null without a series', () => {
    const [d, v] = leaking()
    const base = d.series!.metrics[3]
    for (let i = 0; i < 30; i++) {
      const values = base.values.map((x) => (x ?? 0) * (i + 1))
      d.series!.metrics.push({ ...base, subject: `main.f${i}`, values, trend: trendOf(values) })
    }
    const s = json(d, v).series!
    const allocators = s.metrics.filter((m) => m.metric === 'inuse_space')
    expect(allocators).toHaveLength(20)
    expect(allocators[0].subject).toBe('main.f29')
    expect(s.metrics.slice(0, 3).map((m) => m.metric)).toEqual(['HeapInuse', 'RSS', 'Goroutines'])
    const none = json(accountingDiff(), failVerdict())
    expect(none.series).toBeNull()
    expect(none.leakSuspects).toEqual([])
  })
})
