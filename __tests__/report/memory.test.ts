// "Where the memory is": the classes of a real run's memory, in every format.
import { CLASS_INFO, coverageNote } from '../../src/analysis/accounting.js'
import { render } from '../../src/report/index.js'
import { escapeProse } from '../../src/report/escape.js'
import type { JsonReport } from '../../src/report/types.js'
import { formatBytes } from '../../src/units.js'
import { cells, failVerdict, input, MiB, passVerdict, tableAfter } from './helpers.js'
import {
  accountingDiff,
  candidateMemStats,
  candidateOnlyAccountingDiff,
  mermaidBlocks,
} from './memory-helpers.js'

const ESC = '\u001b'
const HEADING = 'Memory breakdown'
const markdown = () => render(input(accountingDiff(), failVerdict()), 'markdown')
const text = (color = false) => render(input(accountingDiff(), failVerdict(), { color }), 'text')

describe('where the memory is, in markdown', () => {
  test('collapsed, its summary the resident total of each side', () => {
    expect(markdown()).toContain(
      '<details><summary>Memory breakdown: resident 36 MiB → 40 MiB (+11.1%)</summary>\n\n',
    )
  })

  test('one row per resident class with both sides on one bar scale, then the totals', () => {
    const rows = tableAfter(markdown(), HEADING)
    expect(cells(rows[0])).toEqual(['Resident memory', 'Baseline', '', 'Candidate', '', 'Δ'])
    expect(cells(rows[2])).toEqual([
      'Live heap objects',
      '12 MiB',
      '`█████████████▋`',
      '14.1 MiB',
      '`████████████████`',
      '+2.1 MiB',
    ])
    expect(rows.slice(2).map((r) => cells(r)[0])).toEqual([
      ...Object.entries(CLASS_INFO)
        .filter(([k]) => k !== 'released')
        .map(([, v]) => v.label),
      '**Resident total**',
      'Heap returned to the OS (not resident)',
      'Sys (Go runtime total)',
      'RSS (current)',
    ])
    // What each class is, below the table, never cut short.
    expect(markdown()).toContain(
      `- **Free heap kept by the runtime** (\`retained_idle\`): ${escapeProse(CLASS_INFO.retained_idle.explain)}`,
    )
  })

  test('the heap returned to the OS is apart and out of the resident total, and said', () => {
    const a = accountingDiff().accounting.candidate!
    const rows = tableAfter(markdown(), HEADING).map(cells)
    const resident = a.classes.filter((c) => c.class !== 'released')
    const total = rows.find((r) => r[0] === '**Resident total**')!
    expect(total[3]).toBe(formatBytes(resident.reduce((s, c) => s + c.bytes, 0)))
    const released = a.classes.find((c) => c.class === 'released')!.bytes
    expect(rows.find((r) => r[0].startsWith('Heap returned'))![3]).toBe(formatBytes(released))
    expect(rows.find((r) => r[0].startsWith('Heap returned'))![4]).toBe('')
    expect(markdown()).toContain('20\\.8 MiB \\(35%\\) is heap returned to the OS')
  })

  test('the Go classes add up to Sys, which is what MemStats says it is', () => {
    const ms = candidateMemStats()
    const sys =
      ms.HeapInuse +
      ms.HeapIdle +
      ms.StackSys +
      ms.MSpanSys +
      ms.MCacheSys +
      ms.BuckHashSys +
      ms.GCSys +
      ms.OtherSys
    const a = accountingDiff().accounting.candidate!
    const goClasses = a.classes.filter((c) => c.class !== 'outside_go')
    expect(goClasses.reduce((s, c) => s + c.bytes, 0)).toBe(sys)
    const rows = tableAfter(markdown(), HEADING).map(cells)
    for (const c of a.classes.filter((c) => c.class !== 'released')) {
      const row = rows.find((r) => r[0] === CLASS_INFO[c.class].label)!
      expect(row[3]).toBe(formatBytes(c.bytes))
    }
    const sysRow = rows.find((r) => r[0].includes('Sys'))!
    expect([sysRow[1], sysRow[3], sysRow[5]]).toEqual(['53.1 MiB', formatBytes(sys), '+6.49 MiB'])
    const rss = rows.find((r) => r[0] === 'RSS (current)')!
    expect([rss[1], rss[3], rss[5]]).toEqual(['36 MiB', '40 MiB', '+4 MiB'])
  })

  test('the profile’s coverage, then why it differs from HeapAlloc', () => {
    const md = markdown()
    const c = accountingDiff().accounting.candidate!.coverage!
    expect(md).toContain(
      'The heap profile covers 216% of the live heap \\(sampling one allocation per 512 KiB allocated\\); 100% in the baseline\\.',
    )
    expect(md).toContain(escapeProse(coverageNote(c)!))
  })

  test('no pie: mermaid cannot draw two sides on one scale', () => {
    expect(mermaidBlocks(markdown())).toHaveLength(0)
  })

  test('MemStats does not repeat the classes', () => {
    const md = markdown()
    const fields = tableAfter(md, 'MemStats')
      .slice(2)
      .map((r) => cells(r)[0])
    expect(fields).toEqual(['Sys', 'HeapInuse', 'StackInuse', 'NumGC'])
  })

  test('without a baseline: the candidate alone, no change column', () => {
    const verdict = { ...passVerdict(), status: 'no-baseline' as const }
    const md = render(input(candidateOnlyAccountingDiff(), verdict), 'markdown')
    const rows = tableAfter(md, HEADING)
    expect(cells(rows[0])).toEqual(['Resident memory', 'Candidate', ''])
    expect(cells(rows[2]).slice(0, 2)).toEqual(['Live heap objects', '14.1 MiB'])
    expect(md).toContain('<summary>Memory breakdown: resident ')
  })

  test('no section without MemStats', () => {
    expect(
      render(input({ ...accountingDiff(), accounting: {} }, failVerdict()), 'markdown'),
    ).not.toContain(HEADING)
  })
})

describe('where the memory is, in text', () => {
  const section = (t: string) => t.split('\nWhere the memory is\n')[1].split('\n\n')[0].split('\n')

  test('a block per side with aligned bars on one scale, no escape codes', () => {
    const t = text()
    expect(t).not.toContain(ESC)
    const lines = section(t)
    expect(lines[0]).toBe('  baseline')
    const cand = lines.indexOf('  candidate')
    expect(cand).toBeGreaterThan(0)
    const bars = lines.filter((l) => /[█░▏]/.test(l))
    expect(bars).toHaveLength(20)
    expect(new Set(bars.map((l) => l.search(/[█░▏]/))).size).toBe(1)
    for (const l of bars) expect(l.match(/[█░▏]+/)![0]).toHaveLength(30)
    // The largest class fills the bar; the others in proportion.
    const released = lines.slice(cand).find((l) => l.includes('Heap returned to the OS'))!
    expect(released).toMatch(/ {2}20\.8 MiB {2}█{30} {3}\+1\.8 MiB$/)
    const live = lines.slice(cand).find((l) => l.includes('Live heap objects'))!
    expect(live.match(/█+/)![0]).toHaveLength(Math.round((14.1 / 20.8) * 30))
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}Sys \(Go runtime total\) +53\.1 MiB$/))
    expect(lines.slice(cand).find((l) => l.includes('Sys'))).toMatch(/59\.5 MiB {34}\+6\.49 MiB$/)
    expect(lines.filter((l) => l.includes('RSS (current)'))).toHaveLength(2)
  })

  test('values and changes line up in columns', () => {
    const lines = section(text())
    const rows = lines.filter((l) => l.startsWith('    '))
    const valueEnd = (l: string) => {
      const m = /\d (B|KiB|MiB)\b/.exec(l)!
      return m.index + m[0].length
    }
    expect(new Set(rows.map(valueEnd)).size).toBe(1)
    const changed = lines
      .slice(lines.indexOf('  candidate'))
      .filter((l) => l.startsWith('    ') && /\d (B|KiB|MiB)$/.test(l))
    expect(changed).toHaveLength(12)
    expect(new Set(changed.map((l) => Array.from(l).length)).size).toBe(1)
  })

  test('the coverage sentences are wrapped, a number kept with its unit', () => {
    const lines = text().split('\n')
    const start = lines.findIndex((l) => l.startsWith('  The heap profile covers'))
    expect(start).toBeGreaterThan(0)
    for (const l of lines.slice(start, start + 5)) {
      expect(l.length).toBeLessThanOrEqual(100)
      expect(l).not.toMatch(/^ {2}(B|KiB|MiB)\b/)
    }
  })

  test('with color the empty part is dimmed; the changes, not judged, stay plain', () => {
    // The title is bold here.
    const lines = text(true).split('Where the memory is')[1].split('\n\n')[0].split('\n')
    expect(lines.join('\n')).toContain(`${ESC}[2m░`)
    expect(
      lines.find((l) => l.includes('Live heap objects') && l.endsWith('+2.1 MiB')),
    ).toBeDefined()
    expect(lines.join('\n')).not.toMatch(new RegExp(`${ESC}\\[3[12]m`))
  })
})

describe('where the memory is, in JSON', () => {
  test('each side’s classes exactly as accounted, null for a side without MemStats', () => {
    const r = JSON.parse(render(input(accountingDiff(), failVerdict()), 'json')) as JsonReport
    expect(r.accounting.candidate).toEqual(accountingDiff().accounting.candidate!.classes)
    expect(r.accounting.candidate![0]).toEqual({
      class: 'live_heap',
      bytes: Math.round(14.1 * MiB),
    })
    expect(Object.keys(r.accounting.baseline![0])).toEqual(['class', 'bytes'])
    // The derived fields stay gateable figures in `memstats`.
    expect(r.memstats.live_heap.candidate).toBe(Math.round(14.1 * MiB))
    expect(r.memstats.profile_coverage.unit).toBe('fraction')
    const first = JSON.parse(
      render(input(candidateOnlyAccountingDiff(), passVerdict()), 'json'),
    ) as JsonReport
    expect(first.accounting.baseline).toBeNull()
    expect(first.accounting.candidate).toHaveLength(10)
  })
})
