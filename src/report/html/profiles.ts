// The per-profile section of the HTML page: every profile (a package's files from go-test)
// with its focus total, change and top grower; new and gone ones named.
import { escapeHtmlText as esc } from '../escape.js'
import { countsText, profileCounts, profilesOf, topGrowerOf } from '../profiles.js'
import type { ReportInput } from '../types.js'
import { changeText, MISSING, valueText } from '../wording.js'
import { table } from './sections.js'

/** The section, every profile in it (a page has room); undefined without profiles. */
export function profilesSection(input: ReportInput): string | undefined {
  const profiles = profilesOf(input.diff)
  if (!profiles) return undefined
  const focus = input.verdict.focus
  const counts = profileCounts(profiles)
  const rows = profiles.map((p) => {
    const t = p.totals[focus]
    const grower = topGrowerOf(p, focus)
    const name = esc(p.name)
    return [
      p.violations > 0 ? `<strong>${name}</strong>` : name,
      t ? valueText(t.candidate, t.unit) : MISSING,
      p.presence ?? (t ? changeText(t, t.unit) : MISSING),
      grower
        ? `${esc(grower.function)} ${grower.delta === null ? valueText(grower.candidate, grower.unit) : changeText(grower, grower.unit)}`
        : MISSING,
    ]
  })
  return (
    `<section id="profiles"><h2>Per profile (${esc(focus)})</h2>\n<p>${esc(countsText(counts))}</p>\n` +
    `${table(['Profile', esc(focus), 'Change', 'Top grower'], rows, 'profiles')}</section>`
  )
}
