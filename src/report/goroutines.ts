// The goroutine section: totals and the stacks that gained goroutines, and the leaked
// goroutines of a goroutineleak profile by stack (markdown and text).
import type { GoroutineDiff } from '../analysis/types.js'
import type { Frame } from '../formats/model.js'
import { formatCount, formatDelta } from '../units.js'
import { escapeMarkdown, escapeTerminal } from './escape.js'
import { frameLine } from './markdown-allocators.js'
import { table } from './markdown-verdict.js'
import { words, wrap, wrapWords } from './text-layout.js'
import type { ReportLinks } from './types.js'

/** Stacks listed in a report. */
export const GOROUTINE_STACKS = 5

/** The frames that name a stack in a table cell: the first few below the runtime's own. */
function stackName(frames: Frame[]): string[] {
  return frames.slice(0, 3).map((f) => f.function)
}

/** `1 → 6,668 (+6,667)`, or the candidate alone without a baseline. */
function totalText(g: GoroutineDiff): string {
  if (g.baseline === null) return formatCount(g.candidate)
  return `${formatCount(g.baseline)} → ${formatCount(g.candidate)} (${formatDelta(g.candidate - g.baseline, 'count')})`
}

/** The leaked stacks listed: the candidate's, most leaked first (analysis sorts by delta). */
function leakedRows(l: GoroutineDiff) {
  return l.stacks.filter((s) => s.candidate > 0).slice(0, GOROUTINE_STACKS)
}

/** `6 goroutines leaked (goroutineleak profile; baseline 0)`. */
function leakedText(l: GoroutineDiff): string {
  const base =
    l.baseline === null ? 'the baseline has no leak profile' : `baseline ${formatCount(l.baseline)}`
  return `${formatCount(l.candidate)} goroutine${l.candidate === 1 ? '' : 's'} leaked (goroutineleak profile; ${base})`
}

/** Markdown: the leaked goroutines line and a table of their stacks. */
function leakedSection(l: GoroutineDiff): string {
  const parts = [`**${leakedText(l)}.**`]
  const rows = leakedRows(l)
  if (rows.length > 0) {
    const name = (frames: Frame[]) => stackName(frames).map(escapeMarkdown).join(' ← ')
    parts.push(
      table(
        ['Leaked at (innermost first)', 'Baseline', 'Candidate'],
        rows.map((s) => [
          name(s.frames),
          s.baseline === null ? '—' : formatCount(s.baseline),
          formatCount(s.candidate),
        ]),
        'lrr',
      ),
    )
  }
  return parts.join('\n\n')
}

/** Markdown: the totals line, a table of the stacks that grew most, their full stacks collapsed. */
export function goroutinesSection(
  g: GoroutineDiff | undefined,
  withStacks: boolean,
  leaked?: GoroutineDiff,
  source?: ReportLinks['source'],
): string | undefined {
  if (!g) return leaked ? `#### Goroutines\n\n${leakedSection(leaked)}` : undefined
  const compared = g.baseline !== null
  const rows = g.stacks
    .filter((s) => (compared ? (s.delta ?? 0) > 0 : s.candidate > 0))
    .slice(0, GOROUTINE_STACKS)
  const parts = [`#### Goroutines\n\n${totalText(g)} goroutines.`]
  if (rows.length > 0) {
    const name = (frames: Frame[]) => stackName(frames).map(escapeMarkdown).join(' ← ')
    parts.push(
      compared
        ? table(
            ['Stack (innermost first)', 'Δ', 'Baseline → Candidate'],
            rows.map((s) => [
              name(s.frames),
              formatDelta(s.delta ?? 0, 'count'),
              `${formatCount(s.baseline ?? 0)} → ${formatCount(s.candidate)}`,
            ]),
            'lrr',
          )
        : table(
            ['Stack (innermost first)', 'Goroutines'],
            rows.map((s) => [name(s.frames), formatCount(s.candidate)]),
            'lr',
          ),
    )
    if (withStacks) {
      const s = rows[0]
      const lines = s.frames.map((f) => frameLine(f, source))
      parts.push(
        `<details><summary>Stack holding the most new goroutines</summary>\n<pre>\n${lines.join('\n')}\n</pre>\n</details>`,
      )
    }
  }
  if (leaked) parts.push(leakedSection(leaked))
  return parts.join('\n\n')
}

/**
 * Text: a count and the stack it belongs to (after `before`, ahead of `after`), wrapped under
 * itself between frames, each `←` kept with the frame before it.
 */
function countLine(n: string, frames: Frame[], width: number, before = '', after = ''): string[] {
  const names = stackName(frames).map(escapeTerminal)
  const list = [
    ...words(before),
    ...names.map((f, i) => (i < names.length - 1 ? `${f} ←` : f)),
    ...words(after),
  ]
  return wrapWords(list, width, `  ${n.padStart(10)}  `, ' '.repeat(14))
}

/** Text: the leaked goroutines line and their stacks. */
function leakedLines(l: GoroutineDiff, width: number): string[] {
  return [
    ...wrap(leakedText(l), width, '  ', '    '),
    ...leakedRows(l).flatMap((s) => {
      const was = s.baseline === null ? '' : `(baseline ${formatCount(s.baseline)})`
      return countLine(formatCount(s.candidate), s.frames, width, 'leaked at', was)
    }),
  ]
}

/**
 * Text: the totals line and the stacks that grew most, then any leaked goroutines, within
 * `width` columns; [] without goroutine profiles.
 */
export function goroutineLines(
  g: GoroutineDiff | undefined,
  leaked?: GoroutineDiff,
  width = Infinity,
): string[] {
  const tail = leaked ? leakedLines(leaked, width) : []
  if (!g) return tail
  const compared = g.baseline !== null
  const rows = g.stacks
    .filter((s) => (compared ? (s.delta ?? 0) > 0 : s.candidate > 0))
    .slice(0, GOROUTINE_STACKS)
  return [
    ...wrap(`${totalText(g)} goroutines`, width, '  ', '    '),
    ...rows.flatMap((s) => {
      const n = compared ? formatDelta(s.delta ?? 0, 'count') : formatCount(s.candidate)
      return countLine(n, s.frames, width)
    }),
    ...tail,
  ]
}
