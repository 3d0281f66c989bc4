// The per-profile section of the terminal report: one row per profile (a package's files
// from go-test), its focus total and its top grower; new and gone profiles named.
import type { JudgedRow } from '../policy/types.js'
import type { ReportInput } from './types.js'
import { countsText, profileCounts, profilesOf, shownProfiles, topGrowerOf } from './profiles.js'
import { columns, deltaStyle, wrap, type Cell } from './text-layout.js'
import { changeText, MISSING, valueText } from './wording.js'
import { escapeTerminal as clean } from './escape.js'

/** Most profiles given a row in the terminal. */
const TEXT_PROFILES = 20

/** The section's title and lines; no lines without profiles. */
export function profileLines(
  input: ReportInput,
  color: boolean,
  width: number,
): [string, string[]] {
  const profiles = profilesOf(input.diff)
  const focus = input.verdict.focus
  if (!profiles) return ['', []]
  const counts = profileCounts(profiles)
  const shown = shownProfiles(profiles, TEXT_PROFILES)
  const rows: Cell[][] = shown.map((p) => {
    const t = p.totals[focus]
    const grower = topGrowerOf(p, focus)
    return [
      { text: clean(p.name), style: p.violations > 0 ? 'red' : 'plain' },
      t ? valueText(t.candidate, t.unit) : MISSING,
      p.presence === 'new'
        ? 'new'
        : t
          ? { text: changeText(t, t.unit), style: deltaStyle(t.delta, t.significance) }
          : MISSING,
      grower ? `${clean(grower.function)} ${growth(grower)}` : MISSING,
    ]
  })
  const lines = columns([['profile', focus, 'change', 'top grower'], ...rows], 'lrrw', color, width)
  const hidden = profiles.length - counts.gone.length - shown.length
  if (hidden > 0) lines.push(`  … and ${hidden} more profiles (--format json lists them all)`)
  const list = (label: string, names: string[]) =>
    names.length > 0 ? wrap(`${label}: ${names.map(clean).join(', ')}`, width, '  ', '    ') : []
  lines.push(...list('new', counts.added), ...list('gone (in the baseline only)', counts.gone))
  return [`Per profile (${clean(focus)}): ${countsText(counts)}`, lines]
}

/** A grower's change, or its value in a profile without a baseline. */
function growth(r: JudgedRow): string {
  return r.delta === null ? valueText(r.candidate, r.unit) : changeText(r, r.unit)
}
