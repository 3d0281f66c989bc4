// Markdown sections about the verdict: heading, summary, violations, waivers.
import { markdownTable } from 'markdown-table'
import { escapeMarkdown } from './escape.js'
import type { ReportInput } from './types.js'
import {
  couldNotJudge,
  expiredWaiverText,
  focusPhrase,
  INCONCLUSIVE_ADVICE,
  methodsLine,
  noiseText,
  valueText,
  verdictHeadline,
  violationChange,
} from './wording.js'

const ICONS = { fail: '❌', pass: '✅', 'no-baseline': 'ℹ️' } as const

/** A GitHub table; cells must already be escaped. Delimiters are not padded, so size stays linear. */
export function table(head: string[], rows: string[][], align: string): string {
  return markdownTable([head, ...rows], { align: align.split(''), alignDelimiters: false })
}

/** `… and 3 more not shown` under a capped table, or '' when nothing was cut. */
export function moreLine(total: number, shown: number, what: string): string {
  return total > shown ? `\n\n… and ${total - shown} more ${what} not shown.` : ''
}

/** The heading and the one-sentence summary under it. */
export function headingSection({ diff, verdict }: ReportInput): string {
  const icon = couldNotJudge(verdict) ? '⚠️' : ICONS[verdict.status]
  const heading = `### ${icon} gomem-gate: ${verdictHeadline(verdict, escapeMarkdown)}`
  const phrase = focusPhrase(diff, verdict, escapeMarkdown)
  const policy = `policy: ${escapeMarkdown(verdict.policySource)}`
  return `${heading}\n\n${phrase ? `${phrase} · ${policy}` : policy}`
}

/** The violations table (capped at `limit` rows), or undefined when nothing is violated. */
export function violationsSection({ verdict }: ReportInput, limit: number): string | undefined {
  const all = verdict.violations
  if (all.length === 0) return undefined
  const rows = all
    .slice(0, limit)
    .map((v) => [
      escapeMarkdown(v.rule),
      escapeMarkdown(v.subject),
      escapeMarkdown(v.metric),
      valueText(v.baseline, v.unit),
      valueText(v.candidate, v.unit),
      violationChange(v),
      escapeMarkdown(v.limitText),
    ])
  const head = ['Rule', 'Subject', 'Metric', 'Baseline', 'Candidate', 'Change', 'Limit']
  const how = methodsLine(all, escapeMarkdown)
  return `#### Violations\n\n${table(head, rows, 'lllrrrl')}${moreLine(all.length, rows.length, 'violations')}\n\n${how}`
}

/** Thresholds exceeded within the sampling noise, with what to do; undefined when none. */
export function inconclusiveSection({ verdict }: ReportInput, limit: number): string | undefined {
  const all = verdict.inconclusive
  if (all.length === 0) return undefined
  const rows = all
    .slice(0, limit)
    .map((v) => [
      escapeMarkdown(v.rule),
      escapeMarkdown(v.subject),
      escapeMarkdown(v.metric),
      violationChange(v),
      noiseText(v),
      escapeMarkdown(v.limitText),
    ])
  const head = ['Rule', 'Subject', 'Metric', 'Change', 'Noise (1σ)', 'Limit']
  return (
    `#### Inconclusive: over the limit, within the noise\n\n${table(head, rows, 'lllrrl')}` +
    `${moreLine(all.length, rows.length, 'rows')}\n\n${escapeMarkdown(INCONCLUSIVE_ADVICE)}`
  )
}

/** Waived violations with reason and expiry, then expired waivers; undefined when neither. */
export function waiversSection({ verdict }: ReportInput, limit: number): string | undefined {
  const parts: string[] = []
  if (verdict.waived.length > 0) {
    const rows = verdict.waived
      .slice(0, limit)
      .map((w) => [
        escapeMarkdown(w.rule),
        escapeMarkdown(w.subject),
        escapeMarkdown(w.metric),
        violationChange(w),
        escapeMarkdown(w.waiver.reason),
        escapeMarkdown(w.waiver.expires),
      ])
    const head = ['Rule', 'Subject', 'Metric', 'Change', 'Reason', 'Expires']
    parts.push(
      `#### Waived\n\n${table(head, rows, 'lllrll')}` +
        moreLine(verdict.waived.length, rows.length, 'waived violations'),
    )
  }
  if (verdict.expiredWaivers.length > 0) {
    const lines = verdict.expiredWaivers
      .slice(0, limit)
      .map((w) => `- ⚠️ The ${expiredWaiverText(w, escapeMarkdown)}.`)
    parts.push(
      lines.join('\n') + moreLine(verdict.expiredWaivers.length, lines.length, 'expired waivers'),
    )
  }
  return parts.length > 0 ? parts.join('\n\n') : undefined
}
