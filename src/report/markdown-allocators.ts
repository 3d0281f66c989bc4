// Markdown sections about allocators: the top growers, their heaviest stacks, packages.
import type { JudgedRow } from '../policy/types.js'
import type { Frame } from '../formats/model.js'
import { escapeHtml, escapeMarkdown } from './escape.js'
import { table } from './markdown-verdict.js'
import { focusRows, growers, hasDeltas, MAX_STACKS } from './select.js'
import { sourceLink } from './markdown-links.js'
import type { ReportInput, ReportLinks } from './types.js'
import { deltaText, originText, percentText, shareText, valueText } from './wording.js'

/** How much of the allocator detail a rendering includes. */
export interface AllocatorLimits {
  growers: number
  stacks: number
  frames: number
  packages: number
}

/**
 * The top growers table and the heaviest stacks of the first few of them; undefined without
 * a profile or when no rows are asked for.
 */
export function growersSection(input: ReportInput, limits: AllocatorLimits): string | undefined {
  const { diff, verdict } = input
  const rows = focusRows(diff.allocators, verdict.focus)
  if (rows.length === 0 && !diff.totals[verdict.focus]) return undefined
  const focus = escapeMarkdown(verdict.focus)
  const compared = hasDeltas(rows)
  const title = compared
    ? `#### Top growing allocators (${focus})`
    : `#### Largest allocators (${focus})`
  const all = growers(rows, Infinity)
  if (all.length === 0) {
    return `${title}\n\n${rows.length === 0 ? 'No allocation samples.' : 'No allocator grew.'}`
  }
  const top = all.slice(0, Math.max(0, Math.floor(limits.growers)))
  if (top.length === 0) return undefined
  const origin = diff.origin
    ? `The top grower is ${originText(diff.origin, escapeMarkdown)}.\n\n`
    : ''
  const parts = [
    `${title}\n\n${origin}${changeTable(top, 'Function', compared, diff.totals[verdict.focus]?.candidate)}`,
  ]
  for (const r of top.slice(0, Math.min(limits.stacks, MAX_STACKS))) {
    if (r.stack.length > 0) parts.push(stackDetails(r, limits.frames, input.links?.source))
  }
  return parts.join('\n\n')
}

/** The top packages by growth (top 5 at most), or undefined when none grew. */
export function packagesSection(input: ReportInput, limits: AllocatorLimits): string | undefined {
  return groupSection(input, input.diff.packages, 'packages', 'Package', limits.packages)
}

/** The top call stacks by growth, when the diff grouped by stack; undefined otherwise. */
export function stacksSection(input: ReportInput, limits: AllocatorLimits): string | undefined {
  const rows = input.diff.stacks
  return rows
    ? groupSection(input, rows, 'call stacks', 'Call stack (leaf first)', limits.packages)
    : undefined
}

function groupSection(
  input: ReportInput,
  all: JudgedRow[],
  what: string,
  column: string,
  limit: number,
): string | undefined {
  const { diff, verdict } = input
  const rows = focusRows(all, verdict.focus)
  const compared = hasDeltas(rows)
  const top = growers(rows, Math.min(5, limit))
  if (top.length === 0) return undefined
  const focus = escapeMarkdown(verdict.focus)
  const title = compared ? `#### Top growing ${what} (${focus})` : `#### Largest ${what} (${focus})`
  return `${title}\n\n${changeTable(top, column, compared, diff.totals[verdict.focus]?.candidate)}`
}

function changeTable(
  rows: JudgedRow[],
  name: string,
  compared: boolean,
  total: number | undefined,
): string {
  if (!compared) {
    return table(
      [name, 'Candidate', 'Share'],
      rows.map((r) => [
        escapeMarkdown(r.function),
        valueText(r.candidate, r.unit),
        shareText(r.candidate, total),
      ]),
      'lrr',
    )
  }
  return table(
    [name, 'Δ', '%', 'Baseline → Candidate'],
    rows.map((r) => [
      escapeMarkdown(r.function),
      deltaText(r, r.unit),
      percentText(r),
      `${valueText(r.baseline, r.unit)} → ${valueText(r.candidate, r.unit)}`,
    ]),
    'lrrr',
  )
}

/**
 * A collapsed `<pre>` of the candidate's heaviest stack through `r`, leaf first; a frame in
 * the repository links to its line at the commit.
 */
function stackDetails(r: JudgedRow, maxFrames: number, source?: ReportLinks['source']): string {
  const frames = r.stack.slice(0, maxFrames).map((f) => frameLine(f, source))
  if (r.stack.length > frames.length) frames.push(`… ${r.stack.length - frames.length} more frames`)
  return [
    `<details><summary>Heaviest stack: ${escapeHtml(r.function)}</summary>`,
    '<pre>',
    ...frames,
    '</pre>',
    '</details>',
  ].join('\n')
}

/** `function (file:line)`, the place a link to the source when it is the repository's. */
export function frameLine(f: Frame, source?: ReportLinks['source']): string {
  if (!f.file) return escapeHtml(f.function)
  const link = sourceLink(f, source)
  // The link's URL and text are built from the shell's values and a checked path only.
  if (link) return `${escapeHtml(f.function)} (<a href="${link.url}">${link.text}</a>)`
  const at = f.line > 0 ? `${escapeHtml(f.file)}:${f.line}` : escapeHtml(f.file)
  return `${escapeHtml(f.function)} (${at})`
}
