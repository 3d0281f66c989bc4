// The trend in the PR comment: the main figures over the baseline branch's last pushes and
// this change's value, as a table and mermaid line charts, collapsed under <details>.
import type { History } from '../history/types.js'
import type { Unit } from '../units.js'
import { codeFence, escapeHtml, escapeMarkdown } from './escape.js'
import { historyMetrics, type HistoryMetric } from './history-metrics.js'
import { table } from './markdown-verdict.js'
import { chartNumber, mermaidLabel, xyChartInit } from './mermaid.js'
import type { ReportInput } from './types.js'
import { valueText } from './wording.js'

const MIB = 1024 * 1024

/**
 * The collapsed trend section, when the compare had a history with entries: a table of each
 * followed figure (branch median, range, this change) and, with `charts`, one line chart
 * per figure whose branch values exist.
 */
export function historySection(input: ReportInput, charts: boolean): string | undefined {
  const history = input.history
  if (!history || history.entries.length === 0) return undefined
  const metrics = historyMetrics({ ...input, history }).filter((m) => m.values.length > 0)
  if (metrics.length === 0) return undefined
  const n = Math.max(...metrics.map((m) => m.values.length))
  const rows = metrics.map((m) => [
    label(m),
    valueText(median(m.values), m.unit),
    `${valueText(Math.min(...m.values), m.unit)} – ${valueText(Math.max(...m.values), m.unit)}`,
    valueText(m.candidate, m.unit),
  ])
  const parts = [
    `<details><summary>Trend on the baseline branch (last ${n} of ${history.entries.length} pushes, ${escapeHtml(span(history))})</summary>`,
    '',
    table(['Figure', `Median of ${n}`, 'Range', 'This change'], rows, 'lrrr'),
    ...(charts ? metrics.map((m) => '\n' + trendChart(m)) : []),
    '',
    '</details>',
  ]
  return parts.join('\n')
}

/** One figure's chart: the branch's values (pushes 1…n, oldest first), then this change's. */
export function trendChart(m: HistoryMetric): string {
  const scale = m.unit === 'bytes' ? MIB : 1
  const values = [...m.values, m.candidate].map((v) => v / scale)
  const top = Math.max(0, ...values)
  const categories = [...m.values.map((_, i) => `"${i + 1}"`), '"this"']
  const title = m.subject === m.metric ? m.metric : `${m.metric} of ${m.subject}`
  const body = [
    xyChartInit(),
    'xychart-beta',
    `    title "${mermaidLabel(title)}"`,
    `    x-axis "Push" [${categories.join(', ')}]`,
    `    y-axis "${yTitle(m.unit)}" 0 --> ${chartNumber(top > 0 ? top * 1.1 : 1)}`,
    `    line [${values.map((v) => chartNumber(v, 3)).join(', ')}]`,
  ]
  return codeFence(body.join('\n'), 'mermaid')
}

function yTitle(unit: Unit): string {
  return unit === 'bytes' ? 'MiB' : unit === 'count' ? 'count' : unit
}

function label(m: HistoryMetric): string {
  return m.subject === m.metric
    ? escapeMarkdown(m.metric)
    : `${escapeMarkdown(m.metric)} of ${escapeMarkdown(m.subject)}`
}

function span(h: History): string {
  const day = (t: string) => t.slice(0, 10)
  const first = day(h.entries[0].time)
  const last = day(h.entries[h.entries.length - 1].time)
  return first === last ? first : `${first} to ${last}`
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
