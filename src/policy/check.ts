// Judging one measurement against one rule: the arithmetic of max-increase and max.
import { formatValue } from '../units.js'
import type { Measurement, Rule, Violation } from './types.js'

/**
 * The violations of `rule` by `m` (zero, one or two: a ceiling and a relative increase).
 * The relative check needs a baseline value and `withBaseline`; the ceiling never does.
 * A relative violation is `delta > maxIncrease × |baseline|` and `delta >= minChange`, so a
 * zero baseline fails on any growth of at least minChange, without dividing by zero.
 */
export function checkRule(rule: Rule, m: Measurement, withBaseline: boolean): Violation[] {
  const out: Violation[] = []
  const baseline = withBaseline ? m.baseline : null
  const delta = baseline === null ? null : m.candidate - baseline
  const base = {
    rule: rule.id,
    scope: m.scope,
    metric: m.metric,
    subject: m.subject,
    unit: m.unit,
    baseline,
    candidate: m.candidate,
    delta,
  }
  if (rule.max !== undefined && m.candidate > rule.max) {
    out.push({
      ...base,
      kind: 'max',
      limit: rule.max,
      limitText: `< ${formatValue(rule.max, m.unit)}`,
    })
  }
  if (rule.maxIncrease !== undefined && baseline !== null && delta !== null) {
    const relative = rule.maxIncrease * Math.abs(baseline)
    const floor = rule.minChange ?? 0
    if (delta > relative && delta >= floor) {
      out.push({
        ...base,
        kind: 'max-increase',
        limit: baseline + Math.max(relative, floor),
        limitText: increaseText(rule.maxIncrease, floor, m.unit),
      })
    }
  }
  return out
}

/** `+20% (changes under 4 MiB ignored)`, or just `+20%` without a floor. */
export function increaseText(
  maxIncrease: number,
  minChange: number,
  unit: Measurement['unit'],
): string {
  const pct = `+${formatValue(maxIncrease, 'fraction')}`
  return minChange > 0 ? `${pct} (changes under ${formatValue(minChange, unit)} ignored)` : pct
}
