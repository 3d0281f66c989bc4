// Markdown "Leak suspects": sustained growth within the candidate's run, its chart and values.
import type { SeriesAnalysis, SeriesMetric } from '../analysis/types.js'
import type { LeakSuspect } from '../policy/types.js'
import { escapeHtml, escapeMarkdown, truncate } from './escape.js'
import {
  allocatorGroups,
  chartedSeries,
  isProcessWide,
  noLeakText,
  orderedSuspects,
  orderText,
  seriesLength,
  slopeText,
  spreadIndices,
  tabledSeries,
} from './leaks.js'
import { details, moreLine, table } from './markdown-verdict.js'
import { lineChart, LINE_COLOURS, LINE_SWATCHES } from './mermaid.js'
import type { ReportInput } from './types.js'
import { MISSING, valueText } from './wording.js'

/** How much of the section a rendering includes. */
export interface LeakLimits {
  /** Most suspects listed. */
  rows: number
  /** The mermaid line chart of the series. */
  charts: boolean
  /** Most snapshots in the table of values; 0 leaves the table out. */
  seriesRows: number
}

const MiB = 1024 * 1024
/** Longest function name in a column header. */
const HEADER_NAME = 60

/**
 * The suspects table with the allocators growing along, the series as a chart and a table of
 * values; a one-line "No leak" when a series shows none; undefined without series or suspects.
 */
export function leaksSection(input: ReportInput, limits: LeakLimits): string | undefined {
  const { diff, verdict } = input
  const suspects = orderedSuspects(verdict.leakSuspects ?? [])
  const series = diff.series
  if (suspects.length === 0)
    return series ? `✅ ${noLeakText(series, escapeMarkdown, input.verdict.leakCheck)}` : undefined
  const shown = suspects.slice(0, Math.max(1, limits.rows))
  const rows = shown.map((s) => [
    escapeMarkdown(s.subject),
    escapeMarkdown(s.metric),
    slopeText(s.slopePerSnapshot, s.unit),
    String(s.snapshots),
    `${valueText(s.first, s.unit)} → ${valueText(s.last, s.unit)}`,
  ])
  const head = ['Leak suspect', 'Metric', 'Per snapshot', 'Snapshots', 'First → Last']
  const parts = [
    `${table(head, rows, 'llrrr')}` + moreLine(suspects.length, shown.length, 'suspects'),
  ]
  const groups = allocatorGroups(suspects)
  for (const g of groups) {
    const what = groups.length === 1 ? 'it' : g.metrics.map(escapeMarkdown).join(', ')
    const list = g.allocators.map(
      (a) => `${code(a.function)} (${slopeText(a.slopePerSnapshot, 'bytes')} per snapshot)`,
    )
    parts.push(`Allocators growing with ${what}: ${list.join(', ')}.`)
  }
  if (series) {
    if (limits.charts) {
      const chart = seriesChart(series, suspects)
      if (chart)
        parts.push(details(`Chart of the series (${seriesLength(series)} snapshots)`, chart))
    }
    if (limits.seriesRows > 0) parts.push(valuesTable(series, suspects, limits.seriesRows))
  }
  return parts.join('\n\n')
}

/** A line chart in MiB of the charted series that are known at every snapshot, and its key. */
function seriesChart(series: SeriesAnalysis, suspects: LeakSuspect[]): string | undefined {
  const n = seriesLength(series)
  const lines = chartedSeries(series, suspects)
    .filter((m) => m.values.length === n && m.values.every((v) => v !== null))
    .slice(0, LINE_COLOURS.length)
  if (lines.length === 0 || n < 2) return undefined
  const title = lines.map((m) => m.subject).join(' / ') + ' (MiB)'
  const chart = lineChart(
    title,
    'MiB',
    n,
    lines.map((m) => ({ values: m.values.map((v) => (v ?? 0) / MiB) })),
  )
  const key = lines.map((m, i) => `${LINE_SWATCHES[i]} ${name(m)}`).join(' · ')
  return `${chart}\n\n${key}`
}

/** The tabled series per snapshot, in a collapsed block; evenly thinned past `limit` rows. */
function valuesTable(series: SeriesAnalysis, suspects: LeakSuspect[], limit: number): string {
  const n = seriesLength(series)
  const metrics = tabledSeries(series, suspects)
  const picked = spreadIndices(n, limit)
  const rows = picked.map((i) => [
    String(i + 1),
    series.labels[i] !== undefined ? escapeMarkdown(series.labels[i]) : MISSING,
    ...metrics.map((m) => {
      const v = m.values[i]
      return v === null || v === undefined ? MISSING : valueText(v, m.unit)
    }),
  ])
  const head = ['#', 'Snapshot', ...metrics.map((m) => name(m))]
  const thinned =
    picked.length < n
      ? `\n\n${picked.length} of ${n} snapshots shown; \`--format json\` has them all.`
      : ''
  return [
    `<details><summary>Values per snapshot (${n}, ${escapeHtml(orderText(series))})</summary>`,
    '',
    table(head, rows, 'rl' + 'r'.repeat(metrics.length)) + thinned,
    '',
    '</details>',
  ].join('\n')
}

/** A metric's name, or a function's name as code (escaped, shortened for a header). */
function name(m: SeriesMetric): string {
  return isProcessWide(m) ? escapeMarkdown(m.metric) : code(truncate(m.subject, HEADER_NAME))
}

/**
 * Untrusted text in monospace: `<code>` rather than backticks, so the markdown escapes inside
 * still apply and nothing can close the span early.
 */
function code(s: string): string {
  return `<code>${escapeMarkdown(s)}</code>`
}
