// One verdict from the shards of a matrix (`mode: merge`): the union's judgement (every
// shard's files against the whole baseline, the diff the report shows) with each shard's own
// findings tagged by its name. A shard that is missing or could not judge fails the verdict:
// an absent part is never a silent pass.
import type { Judged, ShardState, Verdict, Violation } from './types.js'

/** One shard as the merge job found it: judged, or only a problem (its job failed). */
export interface ShardPart {
  name: string
  /** Its files against the baseline's files of the same shard. */
  judged?: Judged
  /** Why it was not judged (its job reported an error); ignored when `judged` is set. */
  problem?: string
}

/** What a missing shard's state says. */
export const MISSING_PROBLEM = 'no shard artifact was uploaded in this run'

/**
 * The merged judgement. The diff is the union's. Violations, inconclusive and waived ones are
 * every shard's, tagged `shard`, followed by the union's; a union one is dropped when a shard
 * has the same one (rule, profile, subject, metric and the same figures: the shard alone
 * explains it), so nothing is counted twice and nothing a shard found is lost. The status is
 * 'fail' when the union or any shard fails, or when a shard in `expected` (or with only a
 * problem) was not judged; otherwise the union's. Verdict.shards lists every shard by name.
 */
export function mergeShards(union: Judged, shards: ShardPart[], expected: string[]): Judged {
  const states: ShardState[] = []
  const judged: { name: string; verdict: Verdict }[] = []
  for (const s of shards) {
    if (s.judged) {
      const v = s.judged.verdict
      judged.push({ name: s.name, verdict: v })
      states.push({ name: s.name, status: v.status, violations: v.violations.length })
    } else {
      states.push({ name: s.name, status: 'failed', violations: 0, problem: s.problem ?? '' })
    }
  }
  for (const name of expected) {
    if (!states.some((s) => s.name === name))
      states.push({ name, status: 'missing', violations: 0, problem: MISSING_PROBLEM })
  }
  states.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const u = union.verdict
  const tagged = <T extends Violation>(pick: (v: Verdict) => T[]): T[] =>
    judged.flatMap(({ name, verdict }) => pick(verdict).map((v) => ({ ...v, shard: name })))
  const merge = <T extends Violation>(pick: (v: Verdict) => T[]): T[] => {
    const fromShards = tagged(pick)
    const own = pick(u).filter((v) => !fromShards.some((s) => sameFinding(s, v)))
    // A shard's finding is the more precise one: it leads.
    return [...fromShards, ...own]
  }
  const unjudged = states.some((s) => s.status === 'missing' || s.status === 'failed')
  const fails = u.status === 'fail' || unjudged || judged.some((s) => s.verdict.status === 'fail')
  const verdict: Verdict = {
    ...u,
    status: fails ? 'fail' : u.status,
    violations: merge((v) => v.violations),
    inconclusive: merge((v) => v.inconclusive),
    waived: merge((v) => v.waived),
    expiredWaivers: unique([u, ...judged.map((s) => s.verdict)].flatMap((v) => v.expiredWaivers)),
    changed: u.changed || judged.some((s) => s.verdict.changed),
    leakSuspects: [...u.leakSuspects, ...judged.flatMap((s) => s.verdict.leakSuspects)],
    warnings: unique([
      ...u.warnings,
      ...judged.flatMap(({ name, verdict }) =>
        verdict.warnings.map((w) => ({ ...w, message: `shard ${name}: ${w.message}` })),
      ),
    ]),
    shards: states,
  }
  return { diff: union.diff, verdict }
}

/** The same finding on the same figures (the shard's tag aside). */
function sameFinding(a: Violation, b: Violation): boolean {
  return (
    a.rule === b.rule &&
    a.profile === b.profile &&
    a.subject === b.subject &&
    a.metric === b.metric &&
    a.kind === b.kind &&
    a.baseline === b.baseline &&
    a.candidate === b.candidate
  )
}

function unique<T>(items: T[]): T[] {
  const seen = new Set<string>()
  return items.filter((i) => {
    const key = JSON.stringify(i)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
