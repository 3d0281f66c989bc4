// The one line a failed check ends with (the action's setFailed): the worst violation, or
// the leak when only a leak failed.
import type { Verdict, Violation } from '../policy/types.js'
import { formatDelta, formatValue } from '../units.js'

/** `gomem-gate: memory regression: inuse_space +27.2 MiB, limit +20% … [rule] and 2 more violation(s)`. */
export function failureLine(verdict: Verdict): string {
  const { violations, leakSuspects } = verdict
  if (violations.length === 0 && leakSuspects.length > 0) {
    const l = leakSuspects[0]
    const n = leakSuspects.length - 1
    return (
      `gomem-gate: memory leak within the run: ${where(l.subject, l.metric)} ` +
      `${formatDelta(l.slopePerSnapshot, l.unit)} per snapshot over ${l.snapshots} snapshots` +
      (n > 0 ? ` and ${n} more suspect(s)` : '')
    )
  }
  const n = violations.length - 1
  return `gomem-gate: memory regression: ${describe(violations[0])}${n > 0 ? ` and ${n} more violation(s)` : ''}`
}

function describe(v: Violation): string {
  const change = v.delta === null ? formatValue(v.candidate, v.unit) : formatDelta(v.delta, v.unit)
  return `${where(v.subject, v.metric)} ${change}, limit ${v.limitText} [${v.rule}]`
}

function where(subject: string, metric: string): string {
  return subject === metric ? metric : `${subject} (${metric})`
}
