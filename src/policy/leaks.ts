// Judging a series: which sustained rises are leaks; and the goroutines a goroutineleak
// profile reports leaked.
import type { GoroutineDiff, SeriesAnalysis, SeriesMetric } from '../analysis/types.js'
import { warning, type Warning } from '../warnings.js'
import type { LeakPolicy, LeakSuspect, Violation } from './types.js'

/** Most allocators named under a process-wide leak. */
const MAX_ALLOCATORS = 5

/**
 * Leak suspects: metrics whose upward trend is significant (Mann–Kendall at `alpha`),
 * sustained (up in at least 60 % of the steps, no single step over half the rise) and
 * large enough (the policy's floor). The caller leaves ignored allocators out of the series
 * (ignore.ts listedSeries).
 */
export function judgeLeaks(
  series: SeriesAnalysis | undefined,
  policy: LeakPolicy,
  warnings: Warning[],
): LeakSuspect[] {
  if (!series) return []
  const n = series.labels.length
  if (n < policy.minSnapshots) {
    warnings.push(
      warning(
        'series-too-short',
        `the series has ${n} snapshot(s); at least ${policy.minSnapshots} are needed to call a leak (leaks.min-snapshots)`,
      ),
    )
    return []
  }
  // Per-function goroutine counts are suspects of their own, not allocators.
  const isAllocator = (m: SeriesMetric) => m.subject !== m.metric && m.metric !== 'Goroutines'
  const leaking = series.metrics.filter((m) => isLeak(m, policy))
  const allocators = leaking
    .filter(isAllocator)
    .sort((a, b) => b.trend.slopePerSnapshot - a.trend.slopePerSnapshot)
    .slice(0, MAX_ALLOCATORS)
    .map((m) => ({ function: m.subject, slopePerSnapshot: m.trend.slopePerSnapshot }))
  return leaking.map((m) =>
    suspectOf(m, isAllocator(m) || m.metric === 'Goroutines' ? [] : allocators),
  )
}

/** A series metric as a leak suspect, with the allocators named under it. */
export function suspectOf(
  m: SeriesMetric,
  allocators: LeakSuspect['allocators'] = [],
): LeakSuspect {
  const known = m.values.filter((v): v is number => v !== null)
  return {
    subject: m.subject,
    metric: m.metric,
    unit: m.unit,
    slopePerSnapshot: m.trend.slopePerSnapshot,
    snapshots: known.length,
    first: known[0],
    last: known[known.length - 1],
    p: m.trend.p,
    allocators,
  }
}

function isLeak(m: SeriesMetric, policy: LeakPolicy): boolean {
  // Each metric needs the minimum itself: a gctrace log of several runs has short ones.
  if (m.values.filter((v) => v !== null).length < policy.minSnapshots) return false
  const t = m.trend
  const floor = m.metric === 'Goroutines' ? policy.minGrowthGoroutines : policy.minGrowthBytes
  return (
    t.slopePerSnapshot > 0 &&
    t.p < policy.alpha &&
    t.rise >= floor &&
    t.upSteps >= 0.6 &&
    t.largestStepShare <= 0.5
  )
}

/** The metric of a leaked-goroutines violation, and the rule it names: the leak policy. */
export const LEAKED_GOROUTINES = 'LeakedGoroutines'
export const LEAKED_GOROUTINES_RULE = 'leaks'

/**
 * Leaked goroutines that fail the check, one violation per stack: the candidate's
 * goroutineleak profile (Go 1.26) holds more goroutines leaked at that stack than the
 * baseline's (none when the baseline has no leak profile, or there is no baseline). As for
 * a leak within the run, the policy's `leaks.fail` decides and no baseline is needed; and
 * there is no floor (min-goroutines is for trends): the runtime reports a goroutine leaked
 * only when nothing can ever wake it. Leaks the baseline has as well are reported, not failed.
 */
export function judgeLeakedGoroutines(
  leaked: GoroutineDiff | undefined,
  policy: LeakPolicy,
): Violation[] {
  if (!leaked || !policy.fail) return []
  // Named by their first frames, as reports show them: stacks that share those are one.
  const bySubject = new Map<string, { baseline: number | null; candidate: number }>()
  for (const st of leaked.stacks) {
    const subject = st.frames
      .slice(0, 3)
      .map((f) => f.function)
      .join(' ← ')
    const e = bySubject.get(subject)
    if (!e) bySubject.set(subject, { baseline: st.baseline, candidate: st.candidate })
    else {
      e.candidate += st.candidate
      if (e.baseline !== null && st.baseline !== null) e.baseline += st.baseline
    }
  }
  return [...bySubject]
    .map(([subject, counts]) => ({ subject, ...counts }))
    .filter((s) => s.candidate > (s.baseline ?? 0))
    .map((s) => ({
      rule: LEAKED_GOROUTINES_RULE,
      kind: 'max',
      scope: 'memstats',
      metric: LEAKED_GOROUTINES,
      subject: s.subject,
      sampleType: null,
      unit: 'count',
      baseline: s.baseline,
      candidate: s.candidate,
      delta: s.baseline === null ? null : s.candidate - s.baseline,
      limit: s.baseline ?? 0,
      limitText:
        s.baseline === null || s.baseline === 0
          ? 'no leaked goroutines (goroutineleak profile)'
          : `at most the baseline's ${s.baseline} (goroutineleak profile)`,
      sigma: 0,
      method: 'exact',
      significance: 'significant',
      changeSignificance: s.baseline === null ? null : 'significant',
    }))
}
