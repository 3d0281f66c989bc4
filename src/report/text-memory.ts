// Terminal "Where the memory is": each side's classes as aligned horizontal bars.
import type { Accounting, Diff } from '../analysis/types.js'
import { formatBytes, formatDelta } from '../units.js'
import { coverageLines, memoryView, rssLabel } from './memory.js'
import { cut, paint, visibleWidth, wrap } from './text-layout.js'

/** Cells of the longest bar. */
export const BAR_CELLS = 30
/** Fewest cells a bar keeps on a narrow terminal (labels are cut first). */
const MIN_BAR_CELLS = 8
/** Fewest columns a label keeps. */
const NAME_MIN = 12
const FULL = '█'
const EMPTY = '░'
/** Shown for a class too small to fill half a cell, so that it does not look empty. */
const SLIVER = '▏'
const SYS_LABEL = 'Sys (Go runtime total)'

/**
 * A block per side (baseline, then candidate): class, bytes, a bar on a scale shared by both
 * sides, the change on the candidate's; then Sys, RSS and the profile's coverage. [] without
 * MemStats. No escape codes unless `color`; the changes stay plain (the classes are not
 * judged: only a judged change beyond the noise is coloured). Within `width` columns: the bars
 * shorten to MIN_BAR_CELLS, then the labels are cut.
 */
export function memoryLines(
  diff: Pick<Diff, 'accounting'>,
  color: boolean,
  width = Infinity,
): string[] {
  const view = memoryView(diff)
  if (!view) return []
  const sides = (['baseline', 'candidate'] as const).filter((s) => view[s])
  const labels = [...view.rows.map((r) => r.label), SYS_LABEL, rssLabel(view)]
  const values = sides.flatMap((s) => figures(view[s]!).map(formatBytes))
  const valueWidth = Math.max(...values.map(visibleWidth))
  const scale = Math.max(1, ...sides.flatMap((s) => view[s]!.classes.map((c) => c.bytes)))

  // Changes (candidate side, with a baseline) are right-aligned in a column after the bars.
  const { baseline, candidate } = view
  const deltas = new Map<string, number>()
  if (baseline && candidate) {
    for (const r of view.rows)
      if (r.baseline !== null && r.candidate !== null) deltas.set(r.class, r.candidate - r.baseline)
    deltas.set('sys', candidate.sys - baseline.sys)
    if (baseline.rss && candidate.rss) deltas.set('rss', candidate.rss.bytes - baseline.rss.bytes)
  }
  const deltaWidth = Math.max(0, ...[...deltas.values()].map((d) => formatDelta(d, 'bytes').length))
  const change = (key: string) => {
    const d = deltas.get(key)
    if (d === undefined) return ''
    return '  ' + formatDelta(d, 'bytes').padStart(deltaWidth)
  }

  // Label, value, bar and change within the width: the bar gives way first, then the labels.
  const rest = 4 + 2 + valueWidth + 2 + (deltas.size > 0 ? 2 + deltaWidth : 0)
  const natural = Math.max(...labels.map(visibleWidth))
  const cells = Math.max(MIN_BAR_CELLS, Math.min(BAR_CELLS, width - rest - natural))
  const labelWidth = Math.max(NAME_MIN, Math.min(natural, width - rest - cells))
  const line = (label: string, bytes: number, rest: string) => {
    const name = cut(label, labelWidth, 'end')
    const pad = ' '.repeat(labelWidth - visibleWidth(name))
    return `    ${name}${pad}  ${formatBytes(bytes).padStart(valueWidth)}${rest}`
  }

  const out: string[] = []
  for (const side of sides) {
    const a = view[side]!
    const withChange = side === 'candidate'
    out.push(`  ${side}`)
    for (const r of view.rows) {
      const bytes = r[side]
      if (bytes === null) continue
      const rest = `  ${bar(bytes, scale, color, cells)}${withChange ? change(r.class) : ''}`
      out.push(line(r.label, bytes, rest))
    }
    // Sys and RSS have no bar; their changes stay in the column.
    const noBar = (key: string) =>
      withChange && deltas.has(key) ? ' '.repeat(2 + cells) + change(key) : ''
    out.push(line(SYS_LABEL, a.sys, noBar('sys')))
    if (a.rss) out.push(line(rssLabel(view), a.rss.bytes, noBar('rss')))
  }
  for (const sentence of coverageLines(view)) out.push(...wrap(sentence, width, '  '))
  return out
}

/** The byte figures a side prints (classes, Sys, RSS), for the column width. */
function figures(a: Accounting): number[] {
  return [...a.classes.map((c) => c.bytes), a.sys, ...(a.rss ? [a.rss.bytes] : [])]
}

/** `██████░░░…`: `cells` cells in all, filled in proportion to `bytes / scale`. */
export function bar(bytes: number, scale: number, color: boolean, cells = BAR_CELLS): string {
  const exact = (Math.max(0, bytes) / scale) * cells
  let filled = FULL.repeat(Math.min(cells, Math.round(exact)))
  if (filled === '' && bytes > 0) filled = SLIVER
  const empty = EMPTY.repeat(cells - Array.from(filled).length)
  return filled + paint(empty, 'dim', color)
}
