// The judged diff: the policy's decision written onto every row, once, for renderers to read.
import type { AllocatorChange, Diff, ProfileDiff } from '../analysis/types.js'
import { isIgnored, isIgnoredStack, listedSeries } from './ignore.js'
import { benchmarkSignificance, significanceOf } from './significance.js'
import type { JudgedDiff, JudgedProfile, JudgedRow, Matcher, Scope, Verdict } from './types.js'

/**
 * `diff` with each row's significance (at `policy.confidence`, or by the runs' p) and
 * whether a waiver in `verdict` silenced it. Ignored functions and packages (stacks by their
 * leaf, series by their allocator) are dropped; totals and MemStats are kept whole.
 */
export function judgeDiff(
  diff: Diff,
  verdict: Pick<Verdict, 'waived' | 'violations' | 'inconclusive' | 'focus'>,
  policy: { ignore: Matcher[]; confidence: number },
): JudgedDiff {
  // The focus is the verdict's (focus.ts), not the diff's.
  const rest: Omit<Diff, 'focus' | 'focusAsked'> & Partial<Pick<Diff, 'focus' | 'focusAsked'>> = {
    ...diff,
  }
  delete rest.focus
  delete rest.focusAsked
  // A waived `profile:` violation says nothing of the whole side's rows.
  const waived = new Set(
    verdict.waived.filter((w) => !w.profile).map((w) => key(w.scope, w.subject, w.metric)),
  )
  const isWaived = (scope: Scope, subject: string, metric: string) =>
    waived.has(key(scope, subject, metric))
  const sig = (c: { delta: number | null; p?: number | null }, sigma: number) =>
    significanceOf(c.delta, sigma, policy.confidence, c.p)
  const rows = (list: AllocatorChange[], scope: Scope | null): JudgedRow[] =>
    list
      .filter((r) => !(scope === null ? isIgnoredStack(policy, r) : isIgnored(policy, r)))
      // Object.assign, not a spread: the same object, ~10x faster for thousands of rows in V8.
      .map((r) =>
        Object.assign({}, r, {
          significance: sig(r, r.sigma),
          waived: scope !== null && isWaived(scope, r.function, r.sampleType),
        }),
      )
  return {
    ...rest,
    totals: Object.fromEntries(
      Object.entries(diff.totals).map(([t, c]) => [
        t,
        { ...c, significance: sig(c, c.sigma), waived: isWaived('total', t, t) },
      ]),
    ),
    memstats: Object.fromEntries(
      Object.entries(diff.memstats).map(([f, c]) => [
        // MemStats are counted, not sampled: no sampling noise.
        f,
        { ...c, significance: sig(c, 0), waived: isWaived('memstats', f, f) },
      ]),
    ),
    allocators: rows(diff.allocators, 'allocator'),
    packages: rows(diff.packages, 'package'),
    stacks: diff.stacks ? rows(diff.stacks, null) : undefined,
    benchmarks: diff.benchmarks?.map((c) => ({
      ...c,
      significance: benchmarkSignificance(c),
      waived: isWaived('benchmark', c.label, c.metric),
    })),
    series: diff.series ? listedSeries(diff.series, policy.ignore) : undefined,
    profiles: diff.profiles ? judgeProfiles(diff.profiles, verdict, policy, sig) : undefined,
  }
}

/** How many growers of each sample type a profile lists. */
export const PROFILE_GROWERS = 3

function judgeProfiles(
  profiles: ProfileDiff[],
  verdict: Pick<Verdict, 'violations' | 'inconclusive' | 'focus'>,
  policy: { ignore: Matcher[] },
  sig: (c: { delta: number | null; p?: number | null }, sigma: number) => JudgedRow['significance'],
): JudgedProfile[] {
  const count = new Map<string, number>()
  for (const v of [...verdict.violations, ...verdict.inconclusive]) {
    if (v.profile !== undefined) count.set(v.profile, (count.get(v.profile) ?? 0) + 1)
  }
  const judged = profiles.map((p): JudgedProfile => {
    const shown = new Map<string, number>()
    const growers: JudgedRow[] = []
    // Rows come sorted by delta: the first of each type that grew are its top growers.
    for (const r of p.allocators) {
      const n = shown.get(r.sampleType) ?? 0
      if (n >= PROFILE_GROWERS || (r.delta ?? r.candidate) <= 0 || isIgnored(policy, r)) continue
      shown.set(r.sampleType, n + 1)
      growers.push(Object.assign({}, r, { significance: sig(r, r.sigma), waived: false }))
    }
    return {
      name: p.name,
      ...(p.presence ? { presence: p.presence } : {}),
      files: p.files,
      totals: Object.fromEntries(
        Object.entries(p.totals).map(([t, c]) => [
          t,
          { ...c, significance: sig(c, c.sigma), waived: false },
        ]),
      ),
      growers,
      violations: count.get(p.name) ?? 0,
    }
  })
  const growth = (p: JudgedProfile) => {
    const t = p.totals[verdict.focus]
    return t ? (t.delta ?? t.candidate) : 0
  }
  return judged.sort(
    (a, b) =>
      Number(a.presence === 'gone') - Number(b.presence === 'gone') ||
      b.violations - a.violations ||
      growth(b) - growth(a) ||
      (a.name < b.name ? -1 : 1),
  )
}

function key(scope: Scope, subject: string, metric: string): string {
  return `${scope}\u0000${subject}\u0000${metric}`
}
