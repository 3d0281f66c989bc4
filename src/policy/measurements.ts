// Flattens a Diff into the figures rules judge: totals, MemStats fields, allocators, packages.
import type { AllocatorChange, Diff } from '../analysis/types.js'
import { isIgnored } from './ignore.js'
import type { Measurement, Policy, Scope } from './types.js'

/**
 * One Measurement per sample type total, per MemStats field, and per allocator and package
 * row (flat values), skipping ignored rows. With a baseline, a function or package missing
 * from it counts as 0 there (it is new), unless the baseline has no heap profile at all
 * (then only MemStats are compared, as its warning says); totals and MemStats fields keep null.
 */
export function measure(diff: Diff, policy: Pick<Policy, 'ignore'>): Measurement[] {
  const out: Measurement[] = []
  for (const [metric, change] of Object.entries(diff.totals)) {
    out.push({
      scope: 'total',
      metric,
      subject: metric,
      unit: change.unit,
      baseline: change.baseline,
      candidate: change.candidate,
      sigma: change.sigma,
      ...(change.p !== undefined ? { p: change.p } : {}),
    })
  }
  for (const [metric, change] of Object.entries(diff.memstats)) {
    out.push({
      scope: 'memstats',
      metric,
      subject: metric,
      unit: change.unit,
      baseline: change.baseline,
      candidate: change.candidate,
      // MemStats are counted, not sampled: no sampling noise.
      sigma: 0,
      ...(change.p !== undefined ? { p: change.p } : {}),
    })
  }
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
        ...(row.p !== undefined ? { p: row.p } : {}),
      })
    }
  }
  rows('allocator', diff.allocators)
  rows('package', diff.packages)
  return out
}
