// The shards of a merged verdict (Verdict.shards, `mode: merge`) in every report: a table of
// each shard's state, and the words naming the shards that failed or were not judged.
import type { ShardState, Verdict } from '../policy/types.js'

type Escape = (s: string) => string
const plain: Escape = (s) => s

/** Shards not judged (missing, or their job failed): they fail the verdict. */
export function unjudgedShards(verdict: Pick<Verdict, 'shards'>): ShardState[] {
  return (verdict.shards ?? []).filter((s) => s.status === 'missing' || s.status === 'failed')
}

/**
 * `shard c missing (no shard artifact was uploaded in this run), shard d failed (input
 * profiles: …)`, names and problems through `esc`; undefined when every shard was judged.
 */
export function unjudgedText(
  verdict: Pick<Verdict, 'shards'>,
  esc: Escape = plain,
): string | undefined {
  const bad = unjudgedShards(verdict)
  if (bad.length === 0) return undefined
  return bad
    .map((s) => `shard ${esc(s.name)} ${s.status}` + (s.problem ? ` (${esc(s.problem)})` : ''))
    .join(', ')
}

/** `shard b failed the check` / `shards a, b failed the check`; undefined when none did. */
export function failingShardsText(
  verdict: Pick<Verdict, 'shards'>,
  esc: Escape = plain,
): string | undefined {
  const failing = (verdict.shards ?? []).filter((s) => s.status === 'fail')
  if (failing.length === 0) return undefined
  const names = failing.map((s) => esc(s.name)).join(', ')
  return `${failing.length === 1 ? 'shard' : 'shards'} ${names} failed the check`
}

/** A shard's state in words: `pass`, `fail`, `no baseline`, `missing`, `failed`. */
const STATUS_TEXT: Record<ShardState['status'], string> = {
  pass: 'pass',
  fail: 'fail',
  'no-baseline': 'no baseline',
  missing: 'missing',
  failed: 'failed',
}

/** One row per shard: name, state, violations, problem (raw: each renderer escapes). */
export function shardRows(verdict: Pick<Verdict, 'shards'>): [string, string, string, string][] {
  return (verdict.shards ?? []).map((s) => [
    s.name,
    STATUS_TEXT[s.status],
    s.status === 'missing' || s.status === 'failed' ? '—' : String(s.violations),
    s.problem ?? '',
  ])
}
