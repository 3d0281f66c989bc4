// The per-profile section of the PR comment: one row per profile (a package's files from
// go-test), its focus total and its top grower; new and gone profiles named.
import { escapeMarkdown, truncate } from './escape.js'
import { moreLine, table } from './markdown-verdict.js'
import { countsText, profileCounts, profilesOf, shownProfiles, topGrowerOf } from './profiles.js'
import type { ReportInput } from './types.js'
import { changeText, MISSING, valueText } from './wording.js'

/** Longest profile or function name in a cell. */
const NAME = 60

/** The section (with its summary line as `#### ` heading), or undefined without profiles. */
export function profilesSection(input: ReportInput, limit: number): string | undefined {
  const profiles = profilesOf(input.diff)
  if (!profiles || limit <= 0) return undefined
  const focus = input.verdict.focus
  const counts = profileCounts(profiles)
  const shown = shownProfiles(profiles, limit)
  const rows = shown.map((p) => {
    const t = p.totals[focus]
    const grower = topGrowerOf(p, focus)
    const name = escapeMarkdown(short(p.name))
    return [
      p.violations > 0 ? `**${name}**` : name,
      t ? valueText(t.candidate, t.unit) : MISSING,
      p.presence === 'new' ? 'new' : t ? changeText(t, t.unit) : MISSING,
      grower
        ? `${escapeMarkdown(short(grower.function))} ${grower.delta === null ? valueText(grower.candidate, grower.unit) : changeText(grower, grower.unit)}`
        : MISSING,
    ]
  })
  const parts = [`#### ${escapeMarkdown(profilesSummary(input))}`]
  if (rows.length > 0) {
    const head = ['Profile', escapeMarkdown(focus), 'Change', 'Top grower']
    const visible = profiles.length - counts.gone.length
    parts.push(table(head, rows, 'lrrl') + moreLine(visible, rows.length, 'profiles'))
  }
  if (counts.added.length > 0) parts.push(`New: ${names(counts.added)}.`)
  if (counts.gone.length > 0) parts.push(`Gone (in the baseline only): ${names(counts.gone)}.`)
  return parts.join('\n\n')
}

function names(list: string[]): string {
  const shown = list.slice(0, 10).map((n) => escapeMarkdown(short(n)))
  return shown.join(', ') + (list.length > 10 ? ` and ${list.length - 10} more` : '')
}

function short(name: string): string {
  return truncate(name, NAME)
}

/** The section's summary line, plain text: `Per profile (inuse_space): 12 profiles · 2 new`. */
export function profilesSummary(input: ReportInput): string {
  const profiles = profilesOf(input.diff) ?? []
  return `Per profile (${input.verdict.focus}): ${countsText(profileCounts(profiles))}`
}
