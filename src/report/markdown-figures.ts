// Markdown sections of figures and context: totals, MemStats, inputs, pprof command, warnings.
import type { Change } from '../analysis/types.js'
import type { Judgement } from '../policy/types.js'
import { formatBytes, type Unit } from '../units.js'
import { codeFence, escapeMarkdown } from './escape.js'
import { details, moreLine, table } from './markdown-verdict.js'
import { allWarnings, informativeMemstats, isProfile, pprofCommands, totalTypes } from './select.js'
import type { ReportInput } from './types.js'
import { deltaText, MISSING, percentText, valueText } from './wording.js'

/** Most warnings listed; more are counted. */
const MAX_WARNINGS = 20

/** Totals of every sample type; undefined without a profile. */
export function totalsSection({ diff }: ReportInput): string | undefined {
  const types = totalTypes(diff)
  if (types.length === 0) return undefined
  return `#### Totals\n\n${figuresTable('Sample type', types, (t) => diff.totals[t])}`
}

/**
 * The runtime's MemStats fields that carry information, in MEMSTATS_FIELDS order: a field
 * zero on both sides and `Alloc` equal to `HeapAlloc` are left out, fields equal on both
 * sides are named in one line under the table; undefined without any.
 */
export function memstatsSection({ diff }: ReportInput): string | undefined {
  const { changed, unchanged } = informativeMemstats(diff)
  if (changed.length === 0 && unchanged.length === 0) return undefined
  const same =
    unchanged.length > 0 ? `Unchanged: ${unchanged.map(escapeMarkdown).join(', ')}.` : undefined
  const body =
    changed.length > 0 ? figuresTable('Field', changed, (f) => diff.memstats[f]) : undefined
  return `#### MemStats\n\n${[body, same].filter(Boolean).join('\n\n')}`
}

/** Name | Baseline | Candidate | Δ | %, or Name | Candidate when no row has a baseline. */
function figuresTable(
  name: string,
  keys: string[],
  get: (key: string) => Change & Judgement & { unit: Unit },
): string {
  const compared = keys.some((k) => get(k).baseline !== null)
  if (!compared) {
    const rows = keys.map((k) => [escapeMarkdown(k), valueText(get(k).candidate, get(k).unit)])
    return table([name, 'Candidate'], rows, 'lr')
  }
  const rows = keys.map((k) => {
    const c = get(k)
    return [
      escapeMarkdown(k),
      valueText(c.baseline, c.unit),
      valueText(c.candidate, c.unit),
      deltaText(c, c.unit),
      percentText(c),
    ]
  })
  return table([name, 'Baseline', 'Candidate', 'Δ', '%'], rows, 'lrrrr')
}

/** Every input file with its format, focus total and sampling period, collapsed. */
export function inputsSection(
  { diff, verdict, explore }: ReportInput,
  limit: number,
): string | undefined {
  if (diff.files.length === 0) return undefined
  const count = (side: string) => diff.files.filter((f) => f.side === side).length
  const sides =
    (count('baseline') > 0 ? `${count('baseline')} baseline, ` : '') +
    `${count('candidate')} candidate file${count('candidate') === 1 ? '' : 's'}`
  const rows = diff.files.slice(0, limit).map((f) => {
    const total = f.totals[verdict.focus]
    const unit = diff.totals[verdict.focus]?.unit ?? 'bytes'
    return [
      f.side,
      escapeMarkdown(explore?.paths[f.source] ?? f.source),
      f.format + (f.hasMemStats && isProfile(f) ? ' + MemStats' : ''),
      total === undefined ? MISSING : valueText(total, unit),
      f.period > 0 ? formatBytes(f.period) : MISSING,
    ]
  })
  const head = ['Side', 'File', 'Format', `${escapeMarkdown(verdict.focus)} total`, 'Period']
  return [
    `<details><summary>Inputs: ${sides}</summary>`,
    '',
    table(head, rows, 'lllrr') + moreLine(diff.files.length, rows.length, 'files'),
    '',
    '</details>',
  ].join('\n')
}

/** Ready-to-paste pprof commands on the first profile of each side; undefined without one. */
export function commandSection({ diff, verdict, explore }: ReportInput): string | undefined {
  const commands = pprofCommands(diff, verdict.focus, explore?.paths)
  if (commands.length === 0) return undefined
  const what =
    diff.hasBaseline && commands[0].includes('-diff_base=') ? 'the change' : 'the profile'
  const heading = `#### Explore ${what} in pprof`
  if (!explore) return `${heading}\n\n${codeFence(commands.join('\n'), 'sh')}`
  // The links are the shell's (trusted); only their text is escaped.
  const links = explore.links.map((l) => `[${escapeMarkdown(l.text)}](${l.url})`).join(' · ')
  const code = codeFence([...explore.fetch, ...commands].join('\n'), 'sh')
  return `${heading}\n\nThe files: ${links}\n\n${code}`
}

/** Warnings from the diff and the verdict as a list; undefined when there are none. */
export function warningsSection({ diff, verdict }: ReportInput): string | undefined {
  const warnings = allWarnings(diff, verdict)
  if (warnings.length === 0) return undefined
  const lines = warnings.slice(0, MAX_WARNINGS).map((w) => `- ${escapeMarkdown(w.message)}`)
  const n = warnings.length
  return details(
    `⚠️ ${n} warning${n === 1 ? '' : 's'}`,
    lines.join('\n') + moreLine(n, lines.length, 'warnings'),
  )
}
