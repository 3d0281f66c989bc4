// Markdown sections about the verdict: heading, summary, violations, waivers.
import { markdownTable } from 'markdown-table'
import { escapeMarkdown } from './escape.js'
import { BUILT_IN_SOURCE, DEFAULT_CONFIG_PATH } from '../policy/config.js'
import { formatPercentChange } from '../units.js'
import { escapeProse, truncate } from './escape.js'
import type { Finding } from './findings.js'
import type { Violation } from '../policy/types.js'
import { leakPhrase } from './leaks.js'
import { runLinks, waiverSnippet } from './markdown-links.js'
import type { ReportInput } from './types.js'
import {
  changeText,
  couldNotJudge,
  deltaText,
  expiredWaiverText,
  focusPhrase,
  INCONCLUSIVE_SHORT,
  limitShort,
  marksLegend,
  methodsLine,
  MISSING,
  noiseText,
  partOf,
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

/** A collapsed block: `summary` is already HTML-escaped, `body` markdown (a blank line after). */
export function details(summary: string, body: string): string {
  const legend = marksLegend(body)
  const tail = legend ? `\n\n${legendLine(legend)}` : ''
  return `<details><summary>${summary}</summary>\n\n${body}${tail}\n\n</details>`
}

/** What the marks mean, as a small line under a table. */
export function legendLine(legend: string): string {
  return `<sub>${escapeProse(legend)}</sub>`
}

/** Longest culprit name in the heading and the findings table. */
const NAME = 80

/**
 * The heading, then one line: what the verdict rests on, the policy, the run's links. With
 * findings the heading names the first: `memory regression in main.(*Cache).Put — inuse_space
 * +23.2 MiB (+170%), limit +50%`.
 */
export function headingSection(input: ReportInput, found: Finding[]): string {
  const { diff, verdict } = input
  const icon = couldNotJudge(verdict) ? '⚠️' : ICONS[verdict.status]
  const top = verdict.status === 'fail' ? found[0] : undefined
  const leaks = verdict.leakSuspects ?? []
  const what = top
    ? findingHeadline(top) +
      (leaks.length > 0
        ? `; and a memory leak within the run: ${leakPhrase(leaks, escapeMarkdown)}`
        : '')
    : verdictHeadline(verdict, escapeMarkdown)
  const heading = `### ${icon} gomem-gate: ${what}`
  const violations = verdict.violations.length
  const causes =
    top && violations > 0
      ? `${found.length} cause${found.length === 1 ? '' : 's'}, ${violations} limit${violations === 1 ? '' : 's'} exceeded`
      : undefined
  const line = [
    focusPhrase(diff, verdict, escapeMarkdown),
    causes,
    `policy: ${escapeMarkdown(verdict.policySource)}`,
    runLinks(input.links),
  ].filter((p): p is string => !!p)
  // The findings table has its own footnote; the line's marks (`(+2 MiB, ~)`) need theirs.
  const legend = top ? undefined : marksLegend(line.join(' · '))
  return `${heading}\n\n${line.join(' · ')}${legend ? `\n\n${legendLine(legend)}` : ''}`
}

/** `memory regression in X — inuse_space +23.2 MiB (+170%), limit +50%`, names escaped. */
function findingHeadline(f: Finding): string {
  const name = escapeMarkdown(truncate(f.culprit, NAME))
  const through = f.kind === 'origin' ? ' through it' : ''
  const change =
    f.delta === null
      ? valueText(f.candidate, f.unit)
      : `${deltaText(f, f.unit)}${through} (${formatPercentChange(f.baseline ?? 0, f.candidate)})`
  const limit = limitShort(f.lead).replace(/, at least .*$/, '')
  const subject = f.kind === 'metric' ? partSuffix(f) : ` in ${name}${partSuffix(f)}`
  return `memory regression${subject} — ${escapeMarkdown(f.metric)} ${change}, limit ${escapeMarkdown(limit)}`
}

/**
 * ` (example.com/shop/cache)`, escaped: the shard and profile a finding is from (not the
 * profile when the finding is named by it).
 */
function partSuffix(f: Finding): string {
  const part = partOf({
    shard: f.lead.shard,
    profile: f.kind === 'profile' ? undefined : (f.profile ?? f.lead.profile),
  })
  return part === undefined ? '' : ` (${escapeMarkdown(truncate(part, NAME))})`
}

/**
 * How a finding names one of its violations: the metric, with the subject when it is not the
 * culprit, and the part it is from (a shard, a profile) unless the heading names that already.
 */
function evidenceName(f: Finding, v: Violation): string {
  const own = v.subject === v.metric || v.subject === f.culprit
  const name = own ? v.metric : `${truncate(v.subject, NAME)} ${v.metric}`
  const part = partOf({
    shard: v.shard === f.lead.shard ? undefined : v.shard,
    profile: v.profile === f.lead.profile ? undefined : v.profile,
  })
  return part ? `${name} (${part})` : name
}

/** A violation's subject and metric, and where it comes from (a shard, a profile), escaped. */
function subjectCell(v: {
  subject: string
  metric: string
  shard?: string
  profile?: string
}): string {
  const what = escapeMarkdown(v.subject === v.metric ? v.metric : `${v.subject} (${v.metric})`)
  const part = partOf(v)
  return part ? `${what} · ${escapeMarkdown(part)}` : what
}

/** Our own short text kept on one line: its spaces made non-breaking. */
function nowrap(s: string): string {
  return s.replace(/ /g, '\u00a0')
}

/** Most findings in the table; the rest are counted. */
const MAX_FINDINGS = 5
/** Most other violations named as one finding's evidence. */
const MAX_EVIDENCE = 3

/** The findings, one row per cause with its evidence; undefined without violations. */
export function findingsSection(found: Finding[]): string | undefined {
  if (found.length === 0) return undefined
  const rows = found.slice(0, MAX_FINDINGS).map((f) => {
    const through = f.kind === 'origin' ? ' through it' : ''
    const others = f.leadShown ? f.violations.slice(1) : f.violations
    const evidence = others
      .slice(0, MAX_EVIDENCE)
      .map((v) => `${escapeMarkdown(evidenceName(f, v))} ${changeText(v, v.unit)}`)
    if (others.length > MAX_EVIDENCE) evidence.push(`${others.length - MAX_EVIDENCE} more`)
    return [
      `**${escapeMarkdown(truncate(f.culprit, NAME))}**${partSuffix(f)}${f.kind === 'metric' ? '' : ` ${escapeMarkdown(f.metric)}${through}`}`,
      nowrap(
        f.delta === null
          ? valueText(f.candidate, f.unit)
          : changeText({ ...f, significance: null }, f.unit),
      ),
      nowrap(escapeMarkdown(limitShort(f.lead))),
      evidence.length > 0 ? evidence.join(' · ') : MISSING,
    ]
  })
  const body = table(['Cause', 'Change', 'Limit', 'Also seen in'], rows, 'lrll')
  const more = moreLine(found.length, rows.length, 'causes')
  const legend = marksLegend(body)
  return body + more + (legend ? `\n\n${legendLine(legend)}` : '')
}

/** Every violation with its rule and how it was judged, collapsed; undefined without any. */
export function violationsSection({ verdict }: ReportInput, limit: number): string | undefined {
  const all = verdict.violations
  if (all.length === 0) return undefined
  const rows = all
    .slice(0, limit)
    .map((v) => [
      escapeMarkdown(v.rule),
      subjectCell(v),
      valueText(v.baseline, v.unit),
      valueText(v.candidate, v.unit),
      violationChange(v),
      escapeMarkdown(limitShort(v)),
    ])
  const head = ['Rule', 'Subject', 'Baseline', 'Candidate', 'Change', 'Limit']
  const how = methodsLine(all, escapeMarkdown)
  const n = all.length
  return details(
    `All ${n} violation${n === 1 ? '' : 's'}, by rule`,
    `${table(head, rows, 'llrrrl')}${moreLine(all.length, rows.length, 'violations')}\n\n${how}`,
  )
}

/** Thresholds exceeded within the sampling noise, with what to do; undefined when none. */
export function inconclusiveSection({ verdict }: ReportInput, limit: number): string | undefined {
  const all = verdict.inconclusive
  if (all.length === 0) return undefined
  const rows = all
    .slice(0, limit)
    .map((v) => [subjectCell(v), violationChange(v), noiseText(v), escapeMarkdown(limitShort(v))])
  const head = ['Over the limit, within the noise', 'Change', 'Noise (1σ)', 'Limit']
  const body = table(head, rows, 'lrrl')
  const legend = marksLegend(body)
  return (
    `${body}${moreLine(all.length, rows.length, 'rows')}` +
    (legend ? `\n\n${legendLine(legend)}` : '') +
    `\n\n${escapeMarkdown(INCONCLUSIVE_SHORT)}`
  )
}

/** The waivers that would accept the first finding, collapsed; undefined without a date. */
export function waiverSection(input: ReportInput, found: Finding[]): string | undefined {
  const top = found[0]
  if (input.verdict.status !== 'fail' || !top) return undefined
  const snippet = waiverSnippet(top, input.today)
  if (!snippet) return undefined
  return details(
    'Intended? Accept it with a waiver',
    `Add to ${escapeMarkdown(policyFile(input.verdict.policySource))}, with the reason:\n\n${snippet}`,
  )
}

/** The policy file a waiver goes in: the one used, else the default path. */
function policyFile(source: string): string {
  return source === BUILT_IN_SOURCE ? DEFAULT_CONFIG_PATH : source
}

/** Waived violations with reason and expiry, collapsed; undefined when none. */
export function waiversSection({ verdict }: ReportInput, limit: number): string | undefined {
  if (verdict.waived.length === 0) return undefined
  const rows = verdict.waived
    .slice(0, limit)
    .map((w) => [
      subjectCell(w),
      violationChange(w),
      escapeMarkdown(w.waiver.reason),
      escapeMarkdown(w.waiver.expires),
    ])
  const head = ['Subject', 'Change', 'Reason', 'Expires']
  const n = verdict.waived.length
  return details(
    `${n} violation${n === 1 ? '' : 's'} waived`,
    table(head, rows, 'lrll') + moreLine(n, rows.length, 'waived violations'),
  )
}

/** Waivers that expired, one line each (they no longer apply); undefined when none. */
export function expiredSection({ verdict }: ReportInput, limit: number): string | undefined {
  if (verdict.expiredWaivers.length === 0) return undefined
  const lines = verdict.expiredWaivers
    .slice(0, limit)
    .map((w) => `- ⚠️ The ${expiredWaiverText(w, escapeMarkdown)}.`)
  return lines.join('\n') + moreLine(verdict.expiredWaivers.length, lines.length, 'expired waivers')
}
