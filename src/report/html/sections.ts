// The server-rendered parts of the HTML report: findings, memory breakdown, leak series,
// totals, MemStats and warnings. Every untrusted string goes through escapeHtmlText.
import type { SeriesMetric } from '../../analysis/types.js'
import type { Violation } from '../../policy/types.js'
import { formatDelta } from '../../units.js'
import { benchChange, benchSignificance, benchValue } from '../benchmarks.js'
import { escapeHtmlText as esc } from '../escape.js'
import { chartedSeries, leakPhrase, noLeakText } from '../leaks.js'
import { coverageLines, memoryView, rssExplain, rssLabel, SYS_EXPLAIN } from '../memory.js'
import {
  allMemstatsFields,
  allWarnings,
  focusRows,
  growers,
  hasDeltas,
  totalTypes,
} from '../select.js'
import type { ReportInput } from '../types.js'
import {
  changeText,
  MISSING,
  noiseText,
  originText,
  percentText,
  valueText,
  violationChange,
  deltaText,
  partOf,
} from '../wording.js'

/** A table from already-escaped cells; columns after the first are right-aligned numbers. */
export function table(head: string[], rows: string[][], className = ''): string {
  const th = head.map((h) => `<th>${h}</th>`).join('')
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')
  const cls = className ? ` class="${className}"` : ''
  return `<table${cls}><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`
}

/** Violations, inconclusive findings, waived ones and leak suspects; undefined when none. */
export function findingsSection({ verdict }: ReportInput): string | undefined {
  const parts: string[] = []
  const row = (v: Violation, change: string) => [
    esc(v.rule),
    esc(partOf(v) ? `${v.subject} (${partOf(v)})` : v.subject),
    esc(v.metric),
    valueText(v.baseline, v.unit),
    valueText(v.candidate, v.unit),
    change,
    esc(v.limitText),
  ]
  const head = ['Rule', 'Subject', 'Metric', 'Baseline', 'Candidate', 'Change', 'Limit']
  if (verdict.violations.length > 0) {
    const rows = verdict.violations.map((v) => row(v, esc(violationChange(v))))
    parts.push(`<h3>Violations</h3>\n${table(head, rows, 'findings')}`)
  }
  if (verdict.inconclusive.length > 0) {
    const rows = verdict.inconclusive.map((v) =>
      row(v, `${esc(violationChange(v))} (noise ${esc(noiseText(v))})`),
    )
    parts.push(`<h3>Inconclusive: over the limit, within the noise</h3>\n${table(head, rows)}`)
  }
  if (verdict.waived.length > 0) {
    const rows = verdict.waived.map((v) => [
      ...row(v, esc(violationChange(v))),
      `${esc(v.waiver.reason)} (until ${esc(v.waiver.expires)})`,
    ])
    parts.push(`<h3>Waived</h3>\n${table([...head, 'Waiver'], rows)}`)
  }
  const leaks = verdict.leakSuspects ?? []
  if (leaks.length > 0) parts.push(`<h3>Leak suspects</h3>\n<p>${leakPhrase(leaks, esc)}</p>`)
  if (parts.length === 0) return undefined
  return `<section id="findings"><h2>Findings</h2>\n${parts.join('\n')}</section>`
}

/** The top growers of the focus sample type (largest allocators without a baseline). */
export function growersSection({ diff, verdict, top }: ReportInput): string | undefined {
  const rows = focusRows(diff.allocators, verdict.focus)
  if (rows.length === 0) return undefined
  const compared = hasDeltas(rows)
  const shown = growers(rows, top)
  if (shown.length === 0) return undefined
  const title = compared ? 'Top growing allocators' : 'Largest allocators'
  const origin = diff.origin ? `<p>The top grower is ${originText(diff.origin, esc)}.</p>\n` : ''
  const body = shown.map((r) => [
    `<code>${esc(r.function)}</code>`,
    ...(compared ? [deltaText(r, r.unit), esc(percentText(r))] : []),
    valueText(r.baseline, r.unit),
    valueText(r.candidate, r.unit),
  ])
  const head = ['Function', ...(compared ? ['Δ', '%'] : []), 'Baseline', 'Candidate']
  return `<section id="allocators"><h2>${title} (${esc(verdict.focus)})</h2>\n${origin}${table(head, body)}</section>`
}

/** `go test -bench` medians per benchmark and unit, with the change and its p-value. */
export function benchmarksSection({ diff }: ReportInput): string | undefined {
  const all = diff.benchmarks ?? []
  if (all.length === 0) return undefined
  const rows = all.map((c) => [
    esc(c.label),
    esc(c.metric),
    benchValue(c.baseline, c.metric),
    benchValue(c.candidate, c.metric),
    esc(benchChange(c)),
    esc(c.baseline === null ? benchSignificance(c) : `${benchSignificance(c)} · ${c.significance}`),
  ])
  const head = ['Benchmark', 'Metric', 'Baseline', 'Candidate', 'Change', 'p']
  return `<section id="benchmarks"><h2>Benchmarks</h2>\n${table(head, rows)}<p class="hint">Medians of the runs; p: two-sided Mann–Whitney U test; ~: within run-to-run noise.</p></section>`
}

/** Each input file: side, path as given, format. */
export function inputsSection({ diff }: ReportInput): string | undefined {
  if (diff.files.length === 0) return undefined
  const rows = diff.files.map((f) => [esc(f.side), `<code>${esc(f.source)}</code>`, esc(f.format)])
  return `<section id="inputs"><details><summary>Inputs (${diff.files.length} files)</summary>\n${table(['Side', 'File', 'Format'], rows)}</details></section>`
}

/** Each sample type's total on both sides. */
export function totalsSection({ diff }: ReportInput): string | undefined {
  const types = totalTypes(diff)
  if (types.length === 0) return undefined
  const rows = types.map((t) => {
    const c = diff.totals[t]
    return [
      esc(t),
      valueText(c.baseline, c.unit),
      valueText(c.candidate, c.unit),
      esc(changeText(c, c.unit)),
    ]
  })
  const head = ['Sample type', 'Baseline', 'Candidate', 'Change']
  return `<section id="totals"><h2>Totals</h2>\n${table(head, rows)}</section>`
}

/** Where the process's memory went, class by class, with Sys, RSS and the profile's coverage. */
export function memorySection({ diff }: ReportInput): string | undefined {
  const view = memoryView(diff)
  if (!view) return undefined
  const line = (name: string, b: number | null, c: number | null, what: string) => [
    name,
    valueText(b, 'bytes'),
    valueText(c, 'bytes'),
    b !== null && c !== null ? formatDelta(c - b, 'bytes') : MISSING,
    esc(what),
  ]
  const rows = view.rows.map((r) =>
    line(`${esc(r.label)} <code>${esc(r.class)}</code>`, r.baseline, r.candidate, r.explain),
  )
  rows.push(
    line(
      '<b>Sys (Go runtime total)</b>',
      view.baseline?.sys ?? null,
      view.candidate?.sys ?? null,
      SYS_EXPLAIN,
    ),
  )
  if (view.baseline?.rss || view.candidate?.rss) {
    rows.push(
      line(
        esc(rssLabel(view)),
        view.baseline?.rss?.bytes ?? null,
        view.candidate?.rss?.bytes ?? null,
        rssExplain(view),
      ),
    )
  }
  const head = ['Class', 'Baseline', 'Candidate', 'Δ', 'What it is']
  const coverage = coverageLines(view)
  return (
    `<section id="memory"><h2>Where the memory is</h2>\n${table(head, rows, 'memory')}` +
    (coverage.length > 0 ? `\n<p>${esc(coverage.join(' '))}</p>` : '') +
    `</section>`
  )
}

/** Okabe–Ito colours: told apart with every common colour-vision deficiency. */
const SERIES_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9']

/** Line patterns, so lines that overlap (a leak's allocator under HeapInuse) both show. */
const SERIES_DASHES = ['', '7 4', '2 3', '9 3 2 3']

/** The candidate's series as an inline SVG line chart (each line scaled to its own peak). */
export function seriesSection({ diff, verdict }: ReportInput): string | undefined {
  const series = diff.series
  if (!series) return undefined
  const metrics = chartedSeries(series, verdict.leakSuspects ?? [])
  const leaks = verdict.leakSuspects ?? []
  const summary =
    leaks.length > 0
      ? `Leak within the run: ${leakPhrase(leaks, esc)}`
      : esc(noLeakText(series, undefined, verdict.leakCheck))
  const chart = metrics.length > 0 ? lineChart(metrics, series.labels.length) : ''
  return `<section id="series"><h2>Leak series</h2>\n<p>${summary}</p>\n${chart}</section>`
}

function lineChart(metrics: SeriesMetric[], points: number): string {
  const [w, h, pad] = [640, 200, 24]
  const x = (i: number) => pad + (points > 1 ? (i * (w - 2 * pad)) / (points - 1) : 0)
  const lines = metrics.map((m, k) => {
    const peak = Math.max(0, ...m.values.map((v) => v ?? 0)) || 1
    const pts = m.values
      .map((v, i) =>
        v === null ? '' : `${x(i).toFixed(1)},${(h - pad - (v / peak) * (h - 2 * pad)).toFixed(1)}`,
      )
      .filter(Boolean)
      .join(' ')
    const colour = SERIES_COLOURS[k % SERIES_COLOURS.length]
    const pattern = SERIES_DASHES[k % SERIES_DASHES.length]
    const dash = pattern ? ` stroke-dasharray="${pattern}"` : ''
    return `<polyline fill="none" stroke="${colour}" stroke-width="2"${dash} points="${pts}"><title>${esc(m.subject)}</title></polyline>`
  })
  const legend = metrics.map((m, k) => {
    const known = m.values.filter((v): v is number => v !== null)
    const range =
      known.length > 0
        ? `${valueText(known[0], m.unit)} → ${valueText(known[known.length - 1], m.unit)}`
        : MISSING
    const name = m.subject === m.metric ? esc(m.metric) : `${esc(m.subject)} (${esc(m.metric)})`
    const colour = SERIES_COLOURS[k % SERIES_COLOURS.length]
    const pattern = SERIES_DASHES[k % SERIES_DASHES.length]
    const dash = pattern ? ` stroke-dasharray="${pattern}"` : ''
    const swatch = `<svg width="28" height="8" aria-hidden="true"><line x1="0" y1="4" x2="28" y2="4" stroke="${colour}" stroke-width="2"${dash}/></svg>`
    return `<li>${swatch} ${name}: ${range}</li>`
  })
  return (
    `<svg class="series" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="metrics over the snapshots">` +
    `<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#999"/>` +
    `${lines.join('')}</svg>\n<p class="hint">${points} snapshots, oldest left; each line is scaled to its own peak.</p>\n<ul class="legend">${legend.join('')}</ul>`
  )
}

/** The MemStats fields present, folded away in a details element. */
export function memstatsSection({ diff }: ReportInput): string | undefined {
  const fields = allMemstatsFields(diff)
  if (fields.length === 0) return undefined
  const rows = fields.map((f) => {
    const c = diff.memstats[f]
    return [
      esc(f),
      valueText(c.baseline, c.unit),
      valueText(c.candidate, c.unit),
      esc(changeText(c, c.unit)),
    ]
  })
  return `<section id="memstats"><details><summary>MemStats (${fields.length} fields)</summary>\n${table(['Field', 'Baseline', 'Candidate', 'Change'], rows)}</details></section>`
}

/** Every warning, diff's then verdict's. */
export function warningsSection({ diff, verdict }: ReportInput): string | undefined {
  const warnings = allWarnings(diff, verdict)
  if (warnings.length === 0) return undefined
  const items = warnings.map((w) => `<li>${esc(w.message)}</li>`).join('')
  return `<section id="warnings"><h2>Warnings</h2><ul>${items}</ul></section>`
}
