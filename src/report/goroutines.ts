// The goroutine section: totals and the stacks that gained goroutines (markdown and text).
import type { GoroutineDiff } from '../analysis/types.js'
import type { Frame } from '../formats/model.js'
import { formatCount, formatDelta } from '../units.js'
import { escapeHtml, escapeMarkdown, escapeTerminal } from './escape.js'
import { table } from './markdown-verdict.js'

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

/** Markdown: the totals line, a table of the stacks that grew most, their full stacks collapsed. */
export function goroutinesSection(
  g: GoroutineDiff | undefined,
  withStacks: boolean,
): string | undefined {
  if (!g) return undefined
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
      const lines = s.frames.map((f) =>
        escapeHtml(f.file ? `${f.function} (${f.file}:${f.line})` : f.function),
      )
      parts.push(
        `<details><summary>Stack holding the most new goroutines</summary>\n<pre>\n${lines.join('\n')}\n</pre>\n</details>`,
      )
    }
  }
  return parts.join('\n\n')
}

/** Text: the totals line and the stacks that grew most; [] without goroutine profiles. */
export function goroutineLines(g: GoroutineDiff | undefined): string[] {
  if (!g) return []
  const compared = g.baseline !== null
  const rows = g.stacks
    .filter((s) => (compared ? (s.delta ?? 0) > 0 : s.candidate > 0))
    .slice(0, GOROUTINE_STACKS)
  return [
    `  ${totalText(g)} goroutines`,
    ...rows.map((s) => {
      const n = compared ? formatDelta(s.delta ?? 0, 'count') : formatCount(s.candidate)
      return `  ${n.padStart(10)}  ${stackName(s.frames).map(escapeTerminal).join(' ← ')}`
    }),
  ]
}
