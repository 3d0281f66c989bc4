// The one line a failed check ends with (the action's setFailed): the first finding named by
// its culprit, or the leak when only a leak failed.
import type { JudgedDiff, Verdict, Violation } from '../policy/types.js'
import { formatDelta, formatPercentChange, formatValue } from '../units.js'
import { escapeTerminal } from './escape.js'
import { verdictFindings, type Finding } from './findings.js'
import { limitShort, partOf } from './wording.js'

/**
 * `gomem-gate: memory regression in main.(*Cache).Put: inuse_space +23.2 MiB (+170%), limit
 * +50% (changes under 4 MiB ignored) [default:allocator:inuse_space]; 4 violations, 1 cause`.
 * Without the diff the first violation stands in for the finding.
 */
export function failureLine(verdict: Verdict, diff?: JudgedDiff): string {
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
  const part = f.kind === 'profile' ? undefined : partOf(f)
  const name =
    (f.kind === 'metric' ? '' : ` in ${escapeTerminal(f.culprit)}`) +
    (part === undefined ? '' : ` (${escapeTerminal(part)})`)
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
  const at = part === undefined ? '' : `${escapeTerminal(part)}: `
  return `${at}${where(v.subject, v.metric)} ${change}, limit ${limitShort(v)} [${v.rule}]`
}

function where(subject: string, metric: string): string {
  return subject === metric ? metric : `${escapeTerminal(subject)} (${metric})`
}
