// Flattens a Diff into the figures rules judge: totals, MemStats fields, allocators, packages.
import type { AllocatorChange, Diff, ProfileDiff } from '../analysis/types.js'
import { historyValues } from '../history/file.js'
import type { History, HistoryKey } from '../history/types.js'
import { isIgnored } from './ignore.js'
import type { Measurement, Policy, Scope } from './types.js'

/**
 * One Measurement per sample type total, per MemStats field, and per allocator and package
 * row (flat values), skipping ignored rows. With a baseline, a function or package missing
 * from it counts as 0 there (it is new), unless the baseline has no heap profile at all
 * (then only MemStats are compared, as its warning says); totals and MemStats fields keep null.
 * Each carries the program's size it is part of, and its values in `history` when given.
 */
export function measure(
  diff: Diff,
  policy: Pick<Policy, 'ignore'> & Partial<Pick<Policy, 'rules'>>,
  history?: History,
): Measurement[] {
  const out: Measurement[] = []
  const past = (key: HistoryKey) => (history ? { history: historyValues(history, key) } : {})
  // Profile figures are exact only when every heap profile recorded every allocation.
  const profiles = diff.files.filter((f) => f.format === 'pprof' || f.format === 'heap-text')
  const exactProfiles = profiles.length > 0 && profiles.every((f) => f.period === 1)
  out.push(...figures(diff, exactProfiles, (scope, metric) => past({ scope, metric })))
  // A baseline of MemStats only has no allocators to compare with: none is new against it.
  const profiledBaseline =
    diff.hasBaseline && !diff.warnings.some((w) => w.code === 'baseline-without-profile')
  const rows = (scope: Scope, list: AllocatorChange[]) => {
    for (const row of list) {
      if (isIgnored(policy, row)) continue
      const baseline = row.baseline ?? (profiledBaseline ? 0 : null)
      out.push({
        scope,
        metric: row.sampleType,
        subject: row.function,
        unit: row.unit,
        baseline,
        candidate: row.candidate,
        sigma: row.sigma,
        exact: exactProfiles,
        ...(row.p !== undefined ? { p: row.p } : {}),
        size: diff.totals[row.sampleType]?.baseline ?? null,
        // The history keeps allocators, not packages.
        ...(scope === 'allocator'
          ? past({ scope: 'allocator', metric: row.sampleType, subject: row.function })
          : {}),
      })
    }
  }
  rows('allocator', diff.allocators)
  rows('package', diff.packages)
  if (diff.profiles) out.push(...profileMeasurements(diff.profiles, policy))
  return out
}

/**
 * One Measurement per sample type total and per MemStats field of `d` (a diff, or one
 * profile's part of it); `more` adds fields by scope and metric (its history, its profile).
 */
function figures(
  d: Pick<Diff, 'totals' | 'memstats'>,
  exactProfiles: boolean,
  more: (scope: 'total' | 'memstats', metric: string) => Partial<Measurement>,
): Measurement[] {
  const out: Measurement[] = []
  for (const [metric, change] of Object.entries(d.totals)) {
    out.push({
      scope: 'total',
      metric,
      subject: metric,
      unit: change.unit,
      baseline: change.baseline,
      candidate: change.candidate,
      sigma: change.sigma,
      exact: exactProfiles,
      ...(change.p !== undefined ? { p: change.p } : {}),
      size: change.baseline,
      ...more('total', metric),
    })
  }
  for (const [metric, change] of Object.entries(d.memstats)) {
    out.push({
      scope: 'memstats',
      metric,
      subject: metric,
      unit: change.unit,
      baseline: change.baseline,
      candidate: change.candidate,
      // MemStats are counted, not sampled: no sampling noise.
      sigma: 0,
      exact: true,
      ...(change.p !== undefined ? { p: change.p } : {}),
      size: change.baseline,
      ...more('memstats', metric),
    })
  }
  return out
}

/**
 * The figures of each profile (Measurement.profile set) for the rules with `profile:`: its
 * totals and MemStats, and its allocation sites when such a rule judges allocators. A gone
 * profile has nothing left to judge; a new one has no baseline, so only ceilings judge it.
 */
function profileMeasurements(
  profiles: ProfileDiff[],
  policy: Pick<Policy, 'ignore'> & Partial<Pick<Policy, 'rules'>>,
): Measurement[] {
  const scoped = (policy.rules ?? []).filter((r) => r.profile)
  if (scoped.length === 0) return []
  const allocators = scoped.some((r) => r.scope === 'allocator')
  const out: Measurement[] = []
  for (const p of profiles) {
    if (p.presence === 'gone' || !scoped.some((r) => r.profile!.test(p.name))) continue
    const common = { profile: p.name }
    out.push(...figures(p, p.exact, () => common))
    if (!allocators) continue
    const known = p.presence !== 'new' && Object.values(p.totals).some((t) => t.baseline !== null)
    for (const row of p.allocators) {
      if (isIgnored(policy, row)) continue
      out.push({
        ...common,
        scope: 'allocator',
        metric: row.sampleType,
        subject: row.function,
        unit: row.unit,
        baseline: row.baseline ?? (known ? 0 : null),
        candidate: row.candidate,
        sigma: row.sigma,
        exact: p.exact,
        size: p.totals[row.sampleType]?.baseline ?? null,
      })
    }
  }
  return out
}
