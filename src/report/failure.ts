// The one line a failed check ends with (the action's setFailed): the first finding named by
// its culprit, or the leak when only a leak failed.
import type { JudgedDiff, Verdict, Violation } from '../policy/types.js'
import { formatDelta, formatPercentChange, formatValue } from '../units.js'
import { escapeTerminal } from './escape.js'
import { verdictFindings, type Finding } from './findings.js'
import { failingShardsText, unjudgedText } from './shards.js'
import { limitShort, partOf } from './wording.js'

/**
 * `gomem-gate: memory regression in main.(*Cache).Put: inuse_space +23.2 MiB (+170%), limit
 * +50% (changes under 4 MiB ignored) [default:allocator:inuse_space]; 4 violations, 1 cause`.
 * Without the diff the first violation stands in for the finding.
 */
export function failureLine(verdict: Verdict, diff?: JudgedDiff): string {
  // A merged verdict (matrix shards) names the shards that failed and those not judged.
  const failing = failingShardsText(verdict, escapeTerminal)
  const unjudged = unjudgedText(verdict, escapeTerminal)
  const shards = (failing ? `; ${failing}` : '') + (unjudged ? `; not judged: ${unjudged}` : '')
  if (unjudged && verdict.violations.length === 0 && verdict.leakSuspects.length === 0)
    return `gomem-gate: not every shard was judged: ${unjudged}${failing ? `; ${failing}` : ''}`
  return partLine(verdict, diff) + shards
}

function partLine(verdict: Verdict, diff?: JudgedDiff): string {
  const { violations, leakSuspects } = verdict
  if (violations.length === 0 && leakSuspects.length > 0) {
    const l = leakSuspects[0]
    const n = leakSuspects.length - 1
    const culprit = l.allocators[0]?.function
    return (
      `gomem-gate: memory leak within the run: ${where(l.subject, l.metric)} ` +
      `${formatDelta(l.slopePerSnapshot, l.unit)} per snapshot over ${l.snapshots} snapshots` +
      (culprit ? `, growing with ${escapeTerminal(culprit)}` : '') +
      (n > 0 ? ` and ${n} more suspect(s)` : '')
    )
  }
  const found = diff ? verdictFindings(diff, verdict) : []
  const top = found[0]
  const n = violations.length
  const count =
    n > 1
      ? `; ${n} violations` +
        (found.length > 0 ? `, ${found.length} cause${found.length === 1 ? '' : 's'}` : '')
      : ''
  return `gomem-gate: memory regression${top ? describeFinding(top) : `: ${describe(violations[0])}`}${count}`
}

function describeFinding(f: Finding): string {
  const part = partOf({
    shard: f.lead.shard,
    profile: f.kind === 'profile' ? undefined : (f.profile ?? f.lead.profile),
  })
  const from = part ? ` (${escapeTerminal(part)})` : ''
  const name = f.kind === 'metric' ? from : ` in ${escapeTerminal(f.culprit)}${from}`
  const through = f.kind === 'origin' ? ' through it' : ''
  const change =
    f.delta === null
      ? formatValue(f.candidate, f.unit)
      : `${formatDelta(f.delta, f.unit)}${through} (${formatPercentChange(f.baseline ?? 0, f.candidate)})`
  const v = f.lead
  return `${name}: ${escapeTerminal(f.metric)} ${change}, limit ${limitShort(v)} [${v.rule}]`
}

function describe(v: Violation): string {
  const change = v.delta === null ? formatValue(v.candidate, v.unit) : formatDelta(v.delta, v.unit)
  const part = partOf(v)
  const from = part ? ` (${escapeTerminal(part)})` : ''
  return `${where(v.subject, v.metric)}${from} ${change}, limit ${limitShort(v)} [${v.rule}]`
}

function where(subject: string, metric: string): string {
  return subject === metric ? metric : `${escapeTerminal(subject)} (${metric})`
}
