// Markdown "Where the memory is": the classes of process memory, their meaning, and pies.
import { CLASS_INFO } from '../analysis/accounting.js'
import type { Accounting } from '../analysis/types.js'
import { formatBytes, formatDelta } from '../units.js'
import { escapeProse } from './escape.js'
import { table } from './markdown-verdict.js'
import { pieChart } from './mermaid.js'
import {
  chartedTotal,
  coverageLines,
  memoryView,
  rssExplain,
  rssLabel,
  SYS_EXPLAIN,
  type MemoryView,
} from './memory.js'
import type { ReportInput } from './types.js'
import { MISSING, valueText } from './wording.js'

/** How much of the section a rendering includes. */
export interface MemoryLimits {
  /** Mermaid pies of each side. */
  charts: boolean
  /** The "What it is" column. */
  explain: boolean
}

const MiB = 1024 * 1024

/**
 * The classes table (Class | Baseline | Candidate | Δ | What it is, or just Candidate), the
 * Sys and RSS rows, the profile's coverage, then a pie per side; undefined without MemStats.
 */
export function memorySection({ diff }: ReportInput, limits: MemoryLimits): string | undefined {
  const view = memoryView(diff)
  if (!view) return undefined
  const parts = [`#### Where the memory is\n\n${classTable(view, limits.explain)}`]
  const coverage = coverageLines(view)
  if (coverage.length > 0) parts.push(coverage.map(escapeProse).join(' '))
  if (limits.charts) {
    if (view.baseline) parts.push(pie('Baseline', view.baseline))
    if (view.candidate) parts.push(pie('Candidate', view.candidate))
  }
  return parts.join('\n\n')
}

function classTable(view: MemoryView, explain: boolean): string {
  const sides = (['baseline', 'candidate'] as const).filter((s) => view[s])
  const compared = sides.length === 2
  const head = [
    'Class',
    ...sides.map((s) => (s === 'baseline' ? 'Baseline' : 'Candidate')),
    ...(compared ? ['Δ'] : []),
    ...(explain ? ['What it is'] : []),
  ]
  const line = (
    name: string,
    get: (a: Accounting) => number | undefined,
    what: string,
  ): string[] => {
    const values = sides.map((s) => {
      const a = view[s]
      return a ? (get(a) ?? null) : null
    })
    const [b, c] = values
    const delta = !compared
      ? []
      : b !== null && c !== null
        ? [formatDelta(c - b, 'bytes')]
        : [MISSING]
    return [
      name,
      ...values.map((v) => valueText(v, 'bytes')),
      ...delta,
      ...(explain ? [escapeProse(what)] : []),
    ]
  }
  const rows = view.rows.map((r) =>
    line(
      `${r.label} (\`${r.class}\`)`,
      (a) => a.classes.find((x) => x.class === r.class)?.bytes,
      r.explain,
    ),
  )
  rows.push(line('**Sys (Go runtime total)**', (a) => a.sys, SYS_EXPLAIN))
  if (view.baseline?.rss || view.candidate?.rss)
    rows.push(line(rssLabel(view), (a) => a.rss?.bytes, rssExplain(view)))
  const align = 'l' + 'r'.repeat(head.length - 1 - (explain ? 1 : 0)) + (explain ? 'l' : '')
  return table(head, rows, align)
}

/** `pie title Candidate memory (60.8 MiB)` with a slice per nonzero class, in MiB. */
function pie(side: string, a: Accounting): string {
  return pieChart(
    `${side} memory (${formatBytes(chartedTotal(a))})`,
    a.classes
      .filter((c) => c.bytes > 0)
      .map((c) => ({ label: CLASS_INFO[c.class].label, value: c.bytes / MiB })),
  )
}
