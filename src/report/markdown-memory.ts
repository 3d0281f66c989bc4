// Markdown "Memory breakdown": the resident classes of process memory as a table with bars
// on one scale for both sides, the heap returned to the OS apart (not resident, not in the
// total), Sys and RSS, the profile's coverage and what each class is; collapsed.
import type { Accounting } from '../analysis/types.js'
import { formatBytes, formatPercentChange } from '../units.js'
import { escapeHtml, escapeProse } from './escape.js'
import { details, table } from './markdown-verdict.js'
import {
  coverageLines,
  memoryView,
  rssExplain,
  rssLabel,
  SYS_EXPLAIN,
  type MemoryView,
} from './memory.js'
import type { ReportInput } from './types.js'
import { deltaText, MISSING, valueText } from './wording.js'

/** How much of the section a rendering includes. */
export interface MemoryLimits {
  /** The bars. */
  charts: boolean
  /** What each class is, under the table. */
  explain: boolean
}

/** Widest bar, in character cells. */
export const BAR_WIDTH = 16
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉']

/**
 * A bar of `value` on a scale where `max` fills BAR_WIDTH cells, in eighths of a cell; a
 * nonzero value shows at least a sliver. '' for nothing.
 */
export function bar(value: number, max: number): string {
  if (!(value > 0) || !(max > 0)) return ''
  const eighths = Math.max(1, Math.round((value / max) * BAR_WIDTH * 8))
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]
}

/** Resident memory as charted: every class but the heap returned to the OS. */
export function residentTotal(a: Accounting): number {
  return a.classes.filter((c) => c.class !== 'released').reduce((s, c) => s + c.bytes, 0)
}

function released(a: Accounting | undefined): number | null {
  if (!a) return null
  return a.classes.find((c) => c.class === 'released')?.bytes ?? 0
}

/**
 * The collapsed breakdown: classes with a bar per side (one scale for both, so sizes compare),
 * the resident total, the released heap apart, Sys and RSS; undefined without MemStats.
 */
export function memorySection({ diff }: ReportInput, limits: MemoryLimits): string | undefined {
  const view = memoryView(diff)
  if (!view) return undefined
  const parts = [classTable(view, limits.charts)]
  const note = releasedNote(view)
  if (note) parts.push(escapeProse(note))
  const coverage = coverageLines(view)
  if (coverage.length > 0) parts.push(coverage.map(escapeProse).join(' '))
  if (limits.explain) parts.push(explanations(view))
  return details(escapeHtml(summaryOf(view)), parts.join('\n\n'))
}

/** `Memory breakdown: resident 50.6 MiB → 77.9 MiB (+54%)`, or the candidate's alone. */
function summaryOf(view: MemoryView): string {
  const b = view.baseline && residentTotal(view.baseline)
  const c = view.candidate && residentTotal(view.candidate)
  if (b !== undefined && c !== undefined)
    return `Memory breakdown: resident ${formatBytes(b)} → ${formatBytes(c)} (${formatPercentChange(b, c)})`
  const one = c ?? b
  return one === undefined ? 'Memory breakdown' : `Memory breakdown: resident ${formatBytes(one)}`
}

function classTable(view: MemoryView, bars: boolean): string {
  const sides = (['baseline', 'candidate'] as const).filter((s) => view[s])
  const compared = sides.length === 2
  const resident = view.rows.filter((r) => r.class !== 'released' && (r.baseline || r.candidate))
  const max = Math.max(0, ...resident.flatMap((r) => [r.baseline ?? 0, r.candidate ?? 0]))
  const head = [
    'Resident memory',
    ...sides.flatMap((s) => [s === 'baseline' ? 'Baseline' : 'Candidate', ...(bars ? [''] : [])]),
    ...(compared ? ['Δ'] : []),
  ]
  const line = (name: string, values: (number | null)[], withBars: boolean): string[] => {
    const cells = values.flatMap((v) => [
      valueText(v, 'bytes'),
      ...(bars ? [withBars && v !== null && v > 0 ? `\`${bar(v, max)}\`` : ''] : []),
    ])
    const [b, c] = values
    const delta = !compared
      ? []
      : [
          b !== null && c !== null
            ? deltaText({ baseline: b, candidate: c, delta: c - b }, 'bytes')
            : MISSING,
        ]
    return [name, ...cells, ...delta]
  }
  const of = (get: (a: Accounting) => number | null | undefined) =>
    sides.map((s) => {
      const a = view[s]
      return a ? (get(a) ?? null) : null
    })
  const rows = resident.map((r) =>
    line(
      r.label,
      sides.map((s) => r[s]),
      true,
    ),
  )
  rows.push(line('**Resident total**', of(residentTotal), false))
  rows.push(line('Heap returned to the OS (not resident)', of(released), false))
  rows.push(
    line(
      'Sys (Go runtime total)',
      of((a) => a.sys),
      false,
    ),
  )
  if (view.baseline?.rss || view.candidate?.rss)
    rows.push(
      line(
        rssLabel(view),
        of((a) => a.rss?.bytes),
        false,
      ),
    )
  const align = 'l' + (bars ? 'rl' : 'r').repeat(sides.length) + (compared ? 'r' : '')
  return table(head, rows, align)
}

/**
 * What the released heap means when it is a large part of Sys: `Of the candidate's Sys
 * (94 MiB), 16.1 MiB (17%) is heap returned to the OS: …`; undefined when it is small.
 */
function releasedNote(view: MemoryView): string | undefined {
  const c = view.candidate
  const bytes = released(c)
  if (!c || !bytes || c.sys <= 0 || bytes / c.sys < 0.25) return undefined
  const pct = Math.round((bytes / c.sys) * 100)
  return (
    `Of the candidate's Sys (${formatBytes(c.sys)}), ${formatBytes(bytes)} (${pct}%) is heap ` +
    'returned to the OS: address space only, not in RSS, so not in the resident total.'
  )
}

/** One line per class shown: its name and what it is. */
function explanations(view: MemoryView): string {
  const lines = view.rows.map((r) => `- **${r.label}** (\`${r.class}\`): ${escapeProse(r.explain)}`)
  lines.push(`- **Sys**: ${escapeProse(SYS_EXPLAIN)}`)
  if (view.baseline?.rss || view.candidate?.rss)
    lines.push(`- **${rssLabel(view)}**: ${escapeProse(rssExplain(view))}`)
  return lines.join('\n')
}
