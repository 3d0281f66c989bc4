// Terminal "Where the memory is": each side's classes as aligned horizontal bars.
import type { Accounting, Diff } from '../analysis/types.js'
import { formatBytes, formatDelta } from '../units.js'
import { coverageLines, memoryView, rssLabel } from './memory.js'
import { deltaStyle, paint, visibleWidth } from './text-layout.js'

/** Cells of the longest bar. */
export const BAR_CELLS = 30
const FULL = '█'
const EMPTY = '░'
/** Shown for a class too small to fill half a cell, so that it does not look empty. */
const SLIVER = '▏'
const SYS_LABEL = 'Sys (Go runtime total)'
/** Width the coverage sentences are wrapped at. */
const WRAP = 96

/**
 * A block per side (baseline, then candidate): class, bytes, a bar on a scale shared by both
 * sides, the change on the candidate's; then Sys, RSS and the profile's coverage. [] without
 * MemStats. No escape codes unless `color`.
 */
export function memoryLines(diff: Pick<Diff, 'accounting'>, color: boolean): string[] {
  const view = memoryView(diff)
  if (!view) return []
  const sides = (['baseline', 'candidate'] as const).filter((s) => view[s])
  const labels = [...view.rows.map((r) => r.label), SYS_LABEL, rssLabel(view)]
  const labelWidth = Math.max(...labels.map(visibleWidth))
  const values = sides.flatMap((s) => figures(view[s]!).map(formatBytes))
  const valueWidth = Math.max(...values.map(visibleWidth))
  const scale = Math.max(1, ...sides.flatMap((s) => view[s]!.classes.map((c) => c.bytes)))
  const line = (label: string, bytes: number, rest: string) =>
    `    ${label.padEnd(labelWidth)}  ${formatBytes(bytes).padStart(valueWidth)}${rest}`

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
    return '  ' + paint(formatDelta(d, 'bytes').padStart(deltaWidth), deltaStyle(d), color)
  }

  const out: string[] = []
  for (const side of sides) {
    const a = view[side]!
    const withChange = side === 'candidate'
    out.push(`  ${side}`)
    for (const r of view.rows) {
      const bytes = r[side]
      if (bytes === null) continue
      const rest = `  ${bar(bytes, scale, color)}${withChange ? change(r.class) : ''}`
      out.push(line(r.label, bytes, rest))
    }
    // Sys and RSS have no bar; their changes stay in the column.
    const noBar = (key: string) =>
      withChange && deltas.has(key) ? ' '.repeat(2 + BAR_CELLS) + change(key) : ''
    out.push(line(SYS_LABEL, a.sys, noBar('sys')))
    if (a.rss) out.push(line(rssLabel(view), a.rss.bytes, noBar('rss')))
  }
  for (const sentence of coverageLines(view)) out.push(...wrap(sentence, '  '))
  return out
}

/** The byte figures a side prints (classes, Sys, RSS), for the column width. */
function figures(a: Accounting): number[] {
  return [...a.classes.map((c) => c.bytes), a.sys, ...(a.rss ? [a.rss.bytes] : [])]
}

/** `██████░░░…`: BAR_CELLS cells in all, filled in proportion to `bytes / scale`. */
export function bar(bytes: number, scale: number, color: boolean): string {
  const exact = (Math.max(0, bytes) / scale) * BAR_CELLS
  let filled = FULL.repeat(Math.min(BAR_CELLS, Math.round(exact)))
  if (filled === '' && bytes > 0) filled = SLIVER
  const empty = EMPTY.repeat(BAR_CELLS - Array.from(filled).length)
  return filled + paint(empty, 'dim', color)
}

/** Words of `text` on lines of at most WRAP characters, each starting with `indent`. */
export function wrap(text: string, indent: string): string[] {
  const lines: string[] = []
  let current = ''
  // A number stays on the line of its unit.
  for (const word of text.split(/ (?!(?:B|KiB|MiB|GiB|TiB|PiB)\b)/)) {
    if (current && visibleWidth(indent + current + ' ' + word) > WRAP) {
      lines.push(indent + current)
      current = word
    } else current = current ? `${current} ${word}` : word
  }
  if (current) lines.push(indent + current)
  return lines
}
