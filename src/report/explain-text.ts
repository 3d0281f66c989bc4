// The terminal rendering of an Explanation: plain lines within a width, untrusted names
// through escapeTerminal.
import type { Explanation } from '../explain/types.js'
import type { Frame } from '../formats/model.js'
import { formatBytes, formatCount, formatValue } from '../units.js'
import { escapeTerminal } from './escape.js'
import {
  allocatorsTitle,
  gcLines,
  goroutineCount,
  headline,
  rssRowLabel,
  share,
  shownFrames,
  TITLES,
} from './explain-common.js'
import { bar } from './text-memory.js'
import { columns, cut, DEFAULT_WIDTH, paint, wrap, type Cell } from './text-layout.js'

/** Cells of the longest class bar. */
const BAR_CELLS = 20

/** The text rendering; `width` defaults to DEFAULT_WIDTH, no escape codes unless `color`. */
export function renderExplainText(
  e: Explanation,
  opts: { width?: number; color?: boolean } = {},
): string {
  const width = opts.width !== undefined && opts.width > 0 ? opts.width : DEFAULT_WIDTH
  const color = opts.color === true
  const out: string[] = [...wrap(`gomem-gate explain: ${headline(e)}`, width, '', '  ')]
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push('', paint(cut(title, width, 'end'), 'bold', color), ...lines)
  }
  const sentence = (text: string, first = '  ', hang = '    ') => wrap(text, width, first, hang)
  const table = (rows: Cell[][], fit: string) => columns(rows, fit, color, width)

  if (e.classes.length > 0) {
    const scale = Math.max(1, ...e.classes.map((c) => c.bytes))
    const rows: Cell[][] = [['Class', 'Bytes', 'Of Sys', '']]
    for (const c of e.classes)
      rows.push([
        c.label,
        formatBytes(c.bytes),
        share(c.shareOfSys),
        bar(c.bytes, scale, color, BAR_CELLS),
      ])
    if (e.sys !== undefined) rows.push(['Sys (Go runtime total)', formatBytes(e.sys), '100%', ''])
    if (e.rss) rows.push([rssRowLabel(e), formatBytes(e.rss.bytes), '', ''])
    const lines = table(rows, 'errl')
    for (const c of e.classes) lines.push(...sentence(`${c.label}: ${c.sentence}`, '  - ', '    '))
    section(TITLES.memory, lines)
  } else if (e.rss) {
    section(TITLES.memory, [`  ${rssRowLabel(e)}: ${formatBytes(e.rss.bytes)}`])
  }

  if (e.coverage)
    section(
      TITLES.coverage,
      e.coverage.sentences.flatMap((s) => sentence(s)),
    )

  if (e.profile && e.allocators.length > 0) {
    const unit = e.profile.unit
    const lines: string[] = []
    const rows: Cell[][] = [['Flat', 'Share', 'Cum', 'Function']]
    for (const a of e.allocators)
      rows.push([
        formatValue(a.flat, unit),
        share(a.share),
        formatValue(a.cum, unit),
        escapeTerminal(a.function),
      ])
    lines.push(...table(rows, 'rrrg'))
    lines.push('', '  Heaviest stacks (leaf first):')
    for (const a of e.allocators) {
      lines.push(...sentence(escapeTerminal(a.function), '  ', '  '))
      lines.push(...stackLines(a.stack.slice(1), width))
    }
    if (e.moreAllocators > 0) lines.push(`  … ${formatCount(e.moreAllocators)} more allocators`)
    section(allocatorsTitle(e), lines)
  }

  if (e.goroutines) {
    const g = e.goroutines
    const lines = sentence(`${goroutineCount(g.total)} (from the ${g.source})`)
    for (const s of g.stacks) {
      lines.push(
        `  ${formatCount(s.count).padStart(7)}  ${cut(escapeTerminal(s.frames[0]?.function ?? '?'), Math.max(10, width - 11), 'start')}`,
      )
      lines.push(...stackLines(s.frames.slice(1), width))
    }
    if (g.moreStacks > 0) lines.push(`  … ${formatCount(g.moreStacks)} more stacks`)
    section(TITLES.goroutines, lines)
  }

  section(
    TITLES.gc,
    gcLines(e).flatMap((l) => sentence(l)),
  )

  section(
    TITLES.advice,
    e.advice.length > 0
      ? e.advice.flatMap((a) => sentence(`[${a.severity}] ${a.code}: ${a.text}`, '  - ', '    '))
      : sentence('No rule crossed its threshold (docs/explain.md lists them).'),
  )
  section(
    TITLES.warnings,
    e.warnings.flatMap((w) => sentence(`! ${escapeTerminal(w.message)}`)),
  )
  section(
    TITLES.files,
    e.files.map((f) => cut(`  ${escapeTerminal(f.source)} (${f.format})`, width, 'middle')),
  )
  return out.join('\n') + '\n'
}

function stackLines(frames: Frame[], width: number): string[] {
  const { frames: shown, more } = shownFrames(frames)
  const lines = shown.map((f) => cut(`           ← ${escapeTerminal(f.function)}`, width, 'end'))
  if (more > 0) lines.push(`           ← … ${more} more frames`)
  return lines
}
