// The words every report shares: the verdict line, the focus total, changes and limits.
import type { Change } from '../analysis/types.js'
import type { JudgedDiff, JudgedRow, Significance, Verdict, Violation } from '../policy/types.js'
import {
  formatDelta,
  formatDeltaIn,
  formatPercentChange,
  formatValue,
  type Unit,
} from '../units.js'
import { leakPhrase } from './leaks.js'
import { unjudgedText } from './shards.js'

/** Shown where a figure is missing (no baseline, no limit). */
export const MISSING = '—'

type Escape = (s: string) => string
const plain: Escape = (s) => s

/**
 * The verdict in a few words: `2 rules violated`, `no memory regression`, `memory leak within
 * the run — HeapInuse +3.1 MiB per snapshot`, `no baseline yet — …`. A leak suspect's name
 * goes through `esc`.
 */
export function verdictDetail(verdict: Verdict, esc: Escape = plain): string {
  const n = verdict.violations.length
  const rules = new Set(verdict.violations.map((v) => v.rule)).size
  const violated =
    `${rules} rule${rules === 1 ? '' : 's'} violated` +
    (rules !== n ? ` (${n} violation${n === 1 ? '' : 's'})` : '')
  const waived = verdict.waived.length
  const leaks = verdict.leakSuspects ?? []
  const leak = leaks.length > 0 ? leakPhrase(leaks, esc) : undefined
  switch (verdict.status) {
    case 'fail': {
      // A merged verdict with shards it could not judge says so, whatever else it found.
      const unjudged = unjudgedText(verdict, esc)
      const also = unjudged ? `; not judged: ${unjudged}` : ''
      if (leak && n > 0) return `${violated}, and a memory leak within the run: ${leak}${also}`
      if (leak) return `memory leak within the run — ${leak}${also}`
      if (n > 0) return violated + also
      return unjudged ? `not every shard was judged — ${unjudged}` : 'memory regression'
    }
    case 'no-baseline': {
      const detail = baselineUnavailable(verdict)
        ? 'could not judge — the baseline could not be fetched' +
          (n > 0 ? `; without it, ${violated}` : '')
        : n > 0
          ? `no baseline yet — ${violated}`
          : 'no baseline yet — nothing to compare against'
      return leak ? `${detail}; possible leak within the run: ${leak}` : detail
    }
    default: {
      const notes = [
        waived > 0 ? `${waived} violation${waived === 1 ? '' : 's'} waived` : '',
      ].filter(Boolean)
      // A limit exceeded within the noise, or nothing compared, rules no regression out.
      const judged = couldNotJudge(verdict) ? couldNotJudgeText(verdict) : 'no memory regression'
      const detail = judged + (notes.length > 0 ? ` (${notes.join(', ')})` : '')
      return leak ? `${detail}, but a possible leak within the run: ${leak}` : detail
    }
  }
}

/**
 * Whether a passing verdict could not judge: no limit broken beyond the noise, but some
 * exceeded within it (too few runs, or too few samples), or nothing was on both sides to
 * compare ('nothing-compared'), or the baseline could not be fetched ('baseline-unavailable').
 * Reports mark it as a warning, not a pass.
 */
export function couldNotJudge(verdict: Verdict): boolean {
  if (verdict.status === 'no-baseline') return baselineUnavailable(verdict)
  return verdict.status === 'pass' && (verdict.inconclusive.length > 0 || nothingCompared(verdict))
}

/** A baseline exists but could not be fetched ('baseline-unavailable', set by the Action). */
function baselineUnavailable(verdict: Verdict): boolean {
  return verdict.warnings.some((w) => w.code === 'baseline-unavailable')
}

function nothingCompared(verdict: Verdict): boolean {
  return verdict.warnings.some((w) => w.code === 'nothing-compared')
}

function couldNotJudgeText(verdict: Verdict): string {
  if (nothingCompared(verdict)) return 'could not judge — nothing in the baseline to compare with'
  const unsure = verdict.inconclusive.length
  const limits = `${unsure} limit${unsure === 1 ? '' : 's'}`
  return `could not judge — ${limits} exceeded within the sampling noise, no regression ruled out`
}

/**
 * The one-line verdict: `memory regression — 2 rules violated`, `no memory regression`,
 * `memory leak within the run — HeapInuse +3.1 MiB per snapshot`, …
 */
export function verdictHeadline(verdict: Verdict, esc: Escape = plain): string {
  const detail = verdictDetail(verdict, esc)
  return verdict.status === 'fail' && verdict.violations.length > 0
    ? `memory regression — ${detail}`
    : detail
}

/**
 * The total of the verdict's focus as a phrase, `inuse_space 12 MiB → 30.5 MiB (+18.5 MiB,
 * +154%)`; falls back to HeapInuse/Sys/RSS without a profile; undefined when there is nothing.
 */
export function focusPhrase(
  diff: JudgedDiff,
  verdict: Pick<Verdict, 'focus'>,
  esc: Escape = plain,
): string | undefined {
  const name = diff.totals[verdict.focus]
    ? verdict.focus
    : ['HeapInuse', 'Sys', 'RSS'].find((f) => diff.memstats[f])
  if (!name) return undefined
  const c = diff.totals[name] ?? diff.memstats[name]
  const cand = formatValue(c.candidate, c.unit)
  if (c.baseline === null) return `${esc(name)} ${cand} in the candidate`
  return `${esc(name)} ${formatValue(c.baseline, c.unit)} → ${cand} (${deltaText(c, c.unit)}, ${percentText(c)})`
}

/** The verdict and the focus total in one plain line (the JSON `summary`). */
export function summaryLine(diff: JudgedDiff, verdict: Verdict): string {
  const phrase = focusPhrase(diff, verdict)
  return verdictHeadline(verdict) + (phrase ? `: ${phrase}` : '')
}

/**
 * Where the focus's growth comes from in the program's own code (JudgedDiff.origin):
 * `called from main.auditResponse: +468 MiB of alloc_space through it (0 B → 468 MiB)`, the
 * name through `esc`; its figures are cumulative.
 */
export function originText(r: JudgedRow, esc: Escape = plain): string {
  const type = esc(r.sampleType)
  const cand = formatValue(r.cumCandidate, r.unit)
  if (r.cumBaseline === null) return `called from ${esc(r.function)}: ${cand} of ${type} through it`
  const delta = formatDelta(r.cumCandidate - r.cumBaseline, r.unit)
  return `called from ${esc(r.function)}: ${delta} of ${type} through it (${formatValue(r.cumBaseline, r.unit)} → ${cand})`
}

/**
 * Where a finding comes from, when not the whole program: `shard linux-a`, `example.com/shop/cache`
 * (a profile), `shard linux-a, example.com/shop/cache`. Raw text: each renderer escapes it.
 */
export function partOf(v: { shard?: string; profile?: string }): string | undefined {
  const parts = [v.shard !== undefined ? `shard ${v.shard}` : undefined, v.profile].filter(
    (p): p is string => p !== undefined && p !== '',
  )
  return parts.length > 0 ? parts.join(', ') : undefined
}

/** A value in its unit, or `—` when missing. */
export function valueText(n: number | null, unit: Unit): string {
  return n === null ? MISSING : formatValue(n, unit)
}

/**
 * A signed delta in the unit of the larger value beside it (`-0.69 ms` beside `4.43 ms`), or
 * `—` without a baseline.
 */
export function deltaText(c: Change, unit: Unit): string {
  if (c.delta === null) return MISSING
  return formatDeltaIn(c.delta, unit, Math.max(Math.abs(c.baseline ?? 0), Math.abs(c.candidate)))
}

/**
 * The relative change (`+154%`, `new`), or `—` without a baseline. As benchstat writes it,
 * `~` marks a change the policy judged noise: with repeated runs by the U test (`~ (p=0.34)`,
 * a real one `+12% (p=0.008)`), for a single sampled profile within one sigma. A figure
 * without a judgement (a violation's evidence) shows its plain percentage.
 */
export function percentText(c: Change & { significance?: Significance | null }): string {
  if (c.baseline === null) return MISSING
  const pct = formatPercentChange(c.baseline, c.candidate)
  const noise = c.significance === 'noise'
  if (c.p !== undefined) {
    if (c.p === null) return `${pct} (too few runs)`
    return noise ? `~ (p=${pValue(c.p)})` : `${pct} (p=${pValue(c.p)})`
  }
  return noise && c.delta !== 0 ? '~' : pct
}

function pValue(p: number): string {
  return p < 0.001 ? '<0.001' : p.toFixed(3).replace(/0+$/, '').replace(/\.$/, '')
}

/** A part's share of a total, `65.6%`; `—` without a total. */
export function shareText(part: number, total: number | undefined): string {
  return total ? `${((part / total) * 100).toFixed(1)}%` : MISSING
}

/** Delta and relative change together: `+18.5 MiB (+154%)`, or `—` without a baseline. */
export function changeText(c: Change & { significance?: Significance | null }, unit: Unit): string {
  return c.delta === null ? MISSING : `${deltaText(c, unit)} (${percentText(c)})`
}

/** A violation's change, `~` by the significance of its change (not of its verdict). */
export function violationChange(v: Violation): string {
  return changeText({ ...v, significance: v.changeSignificance }, v.unit)
}

/** `waiver for X expired on 2026-01-31 and no longer applies`, with X escaped by `esc`. */
export function expiredWaiverText(
  w: { subject: string; metric?: string; expires: string },
  esc: Escape = plain,
): string {
  const what = esc(w.subject) + (w.metric ? ` (${esc(w.metric)})` : '')
  return `waiver for ${what} expired on ${esc(w.expires)} and no longer applies`
}

/** The noise behind a row: ± its sampling sigma, or with repeated runs the U test's p. */
export function noiseText(v: Violation): string {
  if (v.p !== undefined) return v.p === null ? 'too few runs' : `p=${v.p.toFixed(3)}`
  return `± ${formatValue(v.sigma, v.unit)}`
}

/** What to do when a change is within the sampling noise. */
export const INCONCLUSIVE_ADVICE =
  'The heap profile samples one allocation per 512 KiB by default, so these changes are within ' +
  'its noise. For exact numbers run the tests with -memprofilerate=1, or set ' +
  'runtime.MemProfileRate = 1 at the start of TestMain; or repeat the runs (see docs/comparing.md in gomem-gate).'

/** INCONCLUSIVE_ADVICE in one sentence, for the PR comment. */
export const INCONCLUSIVE_SHORT =
  'Within the heap sampling noise: for exact figures run with -memprofilerate=1, or repeat the runs (docs/comparing.md).'

/** How a finding was judged, in words (Violation.method; evidence.ts decides). */
const METHOD_TEXT: Record<Violation['method'], string> = {
  sampling: 'beyond the heap sampling noise',
  exact: 'on exact figures',
  runs: 'by repeated runs (Mann–Whitney)',
  history: "beyond the spread of the branch's history",
}

/**
 * One line saying how the findings were judged: `Judged on exact figures: HeapAlloc,
 * HeapInuse; beyond the heap sampling noise: inuse_space`. Subjects
 * through `esc`, three per method at most.
 */
export function methodsLine(violations: Violation[], esc: Escape = plain): string | undefined {
  if (violations.length === 0) return undefined
  const by = new Map<Violation['method'], string[]>()
  for (const v of violations) {
    const list = by.get(v.method) ?? []
    if (!list.includes(v.subject)) list.push(v.subject)
    by.set(v.method, list)
  }
  const parts = [...by].map(([method, subjects]) => {
    const shown = subjects.slice(0, 3).map(esc).join(', ')
    const more = subjects.length > 3 ? ` and ${subjects.length - 3} more` : ''
    return `${METHOD_TEXT[method]}: ${shown}${more}`
  })
  return `Judged ${parts.join('; ')}.`
}

/**
 * A limit in few words: the policy's `+10% (changes under 144 KiB ignored)` becomes
 * `+10%, at least +144 KiB` (a change fails only past both); a bare count floor names its unit
 * (`at least +1 allocs/op`). Other limits are as the policy wrote them.
 */
export function limitShort(v: Pick<Violation, 'limitText' | 'metric' | 'unit'>): string {
  const m = /^(.*?) \(changes under (.+?) ignored\)(.*)$/.exec(v.limitText)
  if (!m) return v.limitText
  const floor =
    v.unit === 'count' && /^[\d,.]+$/.test(m[2]) && v.metric.includes('/')
      ? `${m[2]} ${v.metric}`
      : m[2]
  return `${m[1]}, at least +${floor}${m[3]}`
}

/** What the marks in a table mean, for a footnote under it: only the marks `md` uses. */
export const MARKS: { test: RegExp; text: string }[] = [
  { test: /(?:\| |\(|, )\\?~(?: [|(]|\))/, text: '~: within the noise' },
  { test: /\(new\)|\| new [|(]/, text: 'new: not in the baseline' },
  { test: /\| ± /, text: '±: one standard deviation of the sampling noise' },
  { test: /×\d/, text: '×N: N times the baseline' },
  { test: /\d pp \|/, text: 'pp: percentage points' },
]

/** `~ within the noise · new: not in the baseline`, or undefined when `md` uses no mark. */
export function marksLegend(md: string): string | undefined {
  const used = MARKS.filter((m) => m.test.test(md)).map((m) => m.text)
  return used.length > 0 ? used.join(' · ') : undefined
}
