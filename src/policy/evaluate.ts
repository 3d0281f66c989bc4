// The verdict: every rule against every measurement, waivers applied, and the diff judged
// row by row. Pure: `today` is passed in by the shell.
import type { Diff } from '../analysis/types.js'
import type { History } from '../history/types.js'
import { warning, type Warning } from '../warnings.js'
import { judgeBenchmarks } from './benchmarks.js'
import { checkRule } from './check.js'
import { HISTORY_MIN_ENTRIES, judgementOf } from './evidence.js'
import { DEFAULT_BENCHMARK_RULES } from './config-benchmarks.js'
import { focusOf, originOf } from './focus.js'
import { judgeDiff } from './judge.js'
import { listedSeries } from './ignore.js'
import { judgeLeakedGoroutines, judgeLeaks, LEAKED_GOROUTINES } from './leaks.js'
import { measure } from './measurements.js'
import type {
  Judged,
  Measurement,
  Policy,
  Rule,
  Verdict,
  Violation,
  WaivedViolation,
  Waiver,
} from './types.js'

/**
 * Judges `diff` against `policy` on the day `today` (YYYY-MM-DD, UTC): the verdict, and the
 * diff with every row's significance and waived state, ignored subjects left out (judgeDiff).
 * Without a baseline the status is 'no-baseline' (never a failure) but ceiling violations are
 * still listed. Unexpired waivers move matching violations to `waived`; expired ones are
 * listed in `expiredWaivers` and ignored. Status is 'fail' when an unwaived violation
 * remains. The verdict's focus is the sample type of the worst violation (focusOf).
 */
export function evaluate(diff: Diff, policy: Policy, today: string, history?: History): Judged {
  const verdict = judgeRules(diff, policy, today, history)
  const judged = judgeDiff(diff, verdict, policy)
  // A failure's report says where the growth comes from in the program's own code.
  const origin =
    verdict.violations.length > 0 ? originOf(judged.allocators, verdict.focus) : undefined
  return { diff: origin ? { ...judged, origin } : judged, verdict }
}

function judgeRules(diff: Diff, policy: Policy, today: string, history?: History): Verdict {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new Error(`evaluate: today must be YYYY-MM-DD, got ${today}`)
  const measurements = measure(diff, policy, history)
  const warnings: Warning[] = []
  if (history && history.entries.length < HISTORY_MIN_ENTRIES) {
    warnings.push(
      warning(
        'history-too-short',
        `the history has ${history.entries.length} of the ${HISTORY_MIN_ENTRIES} entries it needs to learn the noise: judged as without one`,
      ),
    )
  }
  const found = new Map<string, Violation>()
  let changed = false
  // Whether any rule saw a figure on both sides (or a series): else nothing was compared.
  let compared = diff.series !== undefined
  for (const rule of policy.rules) {
    const judged = selectFor(rule, measurements, warnings)
    for (const m of judged) {
      compared ||= m.baseline !== null
      if (diff.hasBaseline && rule.maxIncrease !== undefined && m.baseline !== null) {
        const moved = Math.abs(m.candidate - m.baseline)
        // The floor the rule judges with (evidence.ts), so exact figures count as they fail.
        changed ||= moved > 0 && moved >= judgementOf(rule, m, policy.confidence).floor
      }
      for (const v of checkRule(rule, m, diff.hasBaseline, policy.confidence)) {
        const key = violationKey(v)
        // One entry per (rule, subject, metric); a broken ceiling outranks a relative increase.
        if (!found.has(key) || v.kind === 'max') found.set(key, v)
      }
    }
  }
  const rules = policy.benchmarks ?? DEFAULT_BENCHMARK_RULES
  const bench = judgeBenchmarks(diff.benchmarks, rules, diff.hasBaseline, warnings)
  changed ||= bench.changed
  compared ||= (diff.benchmarks ?? []).some((b) => b.samples.baseline > 0)
  if (diff.hasBaseline && !compared) {
    warnings.push(
      warning(
        'nothing-compared',
        'no figure a rule judges is in both the baseline and the candidate: nothing was compared',
      ),
    )
  }
  for (const v of bench.violations) {
    const key = violationKey(v)
    if (!found.has(key) || v.kind === 'max') found.set(key, v)
  }

  // Goroutines a goroutineleak profile reports leaked: violations a waiver can silence.
  for (const v of judgeLeakedGoroutines(diff.leakedGoroutines, policy.leaks)) {
    found.set(violationKey(v), v)
  }

  const active = policy.waivers.filter((w) => today <= w.expires)
  const violations: Violation[] = []
  const inconclusive: Violation[] = []
  const waived: WaivedViolation[] = []
  for (const v of found.values()) {
    const waiver = active.find((w) => waives(w, v))
    if (waiver) waived.push({ ...v, waiver: { reason: waiver.reason, expires: waiver.expires } })
    else if (v.significance === 'inconclusive') inconclusive.push(v)
    else violations.push(v)
  }
  violations.sort(byImportance)
  inconclusive.sort(byImportance)
  waived.sort(byImportance)

  const series = diff.series ? listedSeries(diff.series, policy.ignore) : undefined
  const leakSuspects = judgeLeaks(series, policy.leaks, warnings)
  const leaking =
    policy.leaks.fail &&
    (leakSuspects.length > 0 || violations.some((v) => v.metric === LEAKED_GOROUTINES))
  return {
    // A leak within one run needs no baseline, so it fails even on the first run.
    status: leaking
      ? 'fail'
      : !diff.hasBaseline
        ? 'no-baseline'
        : violations.length > 0
          ? 'fail'
          : 'pass',
    focus: focusOf(diff, violations),
    violations,
    inconclusive,
    waived,
    expiredWaivers: policy.waivers
      .filter((w) => today > w.expires)
      .map((w) => ({
        subject: w.match.text,
        ...(w.metric !== undefined ? { metric: w.metric } : {}),
        reason: w.reason,
        expires: w.expires,
      })),
    policySource: policy.source,
    confidence: policy.confidence,
    changed,
    leakSuspects,
    leakCheck: diff.series
      ? { snapshots: diff.series.labels.length, minSnapshots: policy.leaks.minSnapshots }
      : undefined,
    warnings,
  }
}

/** The measurements a rule judges; warns about configured rules that judge nothing. */
function selectFor(rule: Rule, all: Measurement[], warnings: Warning[]): Measurement[] {
  const profile = rule.profile
  const inProfiles = all.filter((m) =>
    profile ? m.profile !== undefined && profile.test(m.profile) : m.profile === undefined,
  )
  const configured = rule.line > 0
  if (profile && inProfiles.length === 0) {
    if (configured) {
      warnings.push(
        warning(
          'pattern-matches-nothing',
          `${rule.id}: profile pattern ${JSON.stringify(profile.text)} matches no profile (profiles are named by file: one per package from gomem-gate go-test)`,
          rule.id,
        ),
      )
    }
    return []
  }
  const inScope = inProfiles.filter((m) => m.scope === rule.scope && m.metric === rule.metric)
  const what = rule.scope === 'package' ? 'package' : 'function'
  if (inScope.length === 0) {
    if (configured) {
      const missing =
        rule.scope === 'total' || rule.scope === 'memstats'
          ? `metric ${rule.metric} is in no input`
          : `no ${what} in the inputs has ${rule.metric}`
      warnings.push(warning('rule-skipped', `${rule.id}: ${missing}; rule skipped`, rule.id))
    }
    return []
  }
  if (!rule.match) return inScope
  const match = rule.match
  const selected = inScope.filter((m) => match.test(m.subject))
  if (selected.length === 0 && configured) {
    warnings.push(
      warning(
        'pattern-matches-nothing',
        `${rule.id}: ${rule.scope} pattern ${JSON.stringify(match.text)} matches no ${what} with ${rule.metric}`,
        rule.id,
      ),
    )
  }
  return selected
}

/** One entry per rule, profile, subject and metric. */
function violationKey(v: Violation): string {
  return `${v.rule}\u0000${v.profile ?? ''}\u0000${v.subject}\u0000${v.metric}`
}

function waives(w: Waiver, v: Violation): boolean {
  return (
    (w.metric === undefined || w.metric === v.metric) &&
    (w.profile === undefined || (v.profile !== undefined && w.profile.test(v.profile))) &&
    w.match.test(v.subject)
  )
}

/** Ceilings first, then totals and MemStats, then allocators/packages; larger deltas first. */
function byImportance(a: Violation, b: Violation): number {
  return (
    rank(a) - rank(b) ||
    (b.delta ?? b.candidate) - (a.delta ?? a.candidate) ||
    a.rule.localeCompare(b.rule) ||
    a.subject.localeCompare(b.subject)
  )
}

function rank(v: Violation): number {
  const kind = v.kind === 'max' ? 0 : 2
  return kind + (v.scope === 'total' || v.scope === 'memstats' ? 0 : 1)
}
