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
const HEADING = '#### Where the memory is'
const markdown = () => render(input(accountingDiff(), failVerdict()), 'markdown')
const text = (color = false) => render(input(accountingDiff(), failVerdict(), { color }), 'text')

describe('where the memory is, in markdown', () => {
  test('one row per class with both sides, the change and what it is', () => {
    const rows = tableAfter(markdown(), HEADING)
    expect(cells(rows[0])).toEqual(['Class', 'Baseline', 'Candidate', 'Δ', 'What it is'])
    expect(cells(rows[2])).toEqual([
      'Live heap objects (`live_heap`)',
      '12 MiB',
      '14.1 MiB',
      '+2.1 MiB',
      escapeProse(CLASS_INFO.live_heap.explain),
    ])
    expect(rows.slice(2).map((r) => cells(r)[0])).toEqual([
      ...Object.entries(CLASS_INFO).map(([k, v]) => `${v.label} (\`${k}\`)`),
      '**Sys (Go runtime total)**',
      'RSS (current)',
    ])
    // The long explanations are not cut short.
    const idle = rows.find((r) => r.includes('retained_idle'))!
    expect(cells(idle)[4]).toBe(escapeProse(CLASS_INFO.retained_idle.explain))
    expect(cells(idle)[4]).toContain('GOGC changes how much the heap grows before a GC\\.')
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
    for (const c of a.classes) {
      const row = rows.find((r) => r[0].endsWith(`(\`${c.class}\`)`))!
      expect(row[2]).toBe(formatBytes(c.bytes))
    }
    const sysRow = rows.find((r) => r[0].includes('Sys'))!
    expect(sysRow.slice(1, 4)).toEqual(['53.1 MiB', formatBytes(sys), '+6.49 MiB'])
    expect(rows.find((r) => r[0] === 'RSS (current)')!.slice(1, 4)).toEqual([
      '36 MiB',
      '40 MiB',
      '+4 MiB',
    ])
  })

  test('the profile’s coverage, then why it differs from HeapAlloc', () => {
    const md = markdown()
    const c = accountingDiff().accounting.candidate!.coverage!
    expect(md).toContain(
      'The heap profile covers 216% of the live heap \\(sampling one allocation per 512 KiB allocated\\); 100% in the baseline\\.',
    )
    expect(md).toContain(escapeProse(coverageNote(c)!))
  })

  test('a pie per side, in MiB, after the table; tables stay', () => {
    const md = markdown()
    const section = md.split(HEADING)[1].split('\n#### ')[0]
    const [base, cand] = mermaidBlocks(section)
    expect(base.split('\n')[0]).toBe('pie title Baseline memory (55 MiB)')
    const mib = ['14.1', '8.9', '3.9', '20.8', '0.31', '9.21', '0.37', '1.39', '0.56', '1.25']
    expect(cand.split('\n')).toEqual([
      'pie title Candidate memory (60.8 MiB)',
      ...Object.values(CLASS_INFO).map((c, i) => `    "${c.label}" : ${mib[i]}`),
    ])
    expect(section.indexOf('| Class |')).toBeLessThan(section.indexOf('```mermaid'))
  })

  test('sits between the totals and MemStats, which no longer repeats the classes', () => {
    const md = markdown()
    expect(md.indexOf('#### Totals')).toBeLessThan(md.indexOf(HEADING))
    expect(md.indexOf(HEADING)).toBeLessThan(md.indexOf('#### MemStats'))
    const fields = tableAfter(md, '#### MemStats')
      .slice(2)
      .map((r) => cells(r)[0])
    expect(fields).toEqual(['Sys', 'HeapInuse', 'StackInuse', 'NumGC'])
  })

  test('without a baseline: the candidate alone, no change column', () => {
    const verdict = { ...passVerdict(), status: 'no-baseline' as const }
    const md = render(input(candidateOnlyAccountingDiff(), verdict), 'markdown')
    const rows = tableAfter(md, HEADING)
    expect(cells(rows[0])).toEqual(['Class', 'Candidate', 'What it is'])
    expect(cells(rows[2]).slice(0, 2)).toEqual(['Live heap objects (`live_heap`)', '14.1 MiB'])
    expect(mermaidBlocks(md)).toHaveLength(1)
    expect(md).not.toContain('Baseline memory')
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
