// Judging one measurement against one rule: the arithmetic of max-increase and max.
import { formatValue } from '../units.js'
import { sampleTypeOf } from './focus.js'
import { excessSignificance, significanceOf } from './significance.js'
import type { Measurement, Rule, Violation } from './types.js'

/**
 * The violations of `rule` by `m` (zero, one or two: a ceiling and a relative increase).
 * The relative check needs a baseline value and `withBaseline`; the ceiling never does.
 * A relative violation is `delta > maxIncrease × |baseline|` and `delta >= minChange`, so a
 * zero baseline fails on any growth of at least minChange, without dividing by zero. A
 * sampled figure is 'significant' only when the change (or the excess over a ceiling) is
 * significant at `confidence` (excessSignificance), else 'inconclusive'.
 */
export function checkRule(
  rule: Rule,
  m: Measurement,
  withBaseline: boolean,
  confidence: number,
): Violation[] {
  const out: Violation[] = []
  const baseline = withBaseline ? m.baseline : null
  const delta = baseline === null ? null : m.candidate - baseline
  const base = {
    rule: rule.id,
    scope: m.scope,
    metric: m.metric,
    subject: m.subject,
    sampleType: sampleTypeOf(m.scope, m.metric),
    unit: m.unit,
    baseline,
    candidate: m.candidate,
    delta,
    sigma: m.sigma,
    ...(m.p !== undefined ? { p: m.p } : {}),
    changeSignificance: significanceOf(delta, m.sigma, confidence, m.p),
  }
  // Exceeding a threshold fails only when the change is beyond the noise: by the runs' U
  // test when there are repeated runs, else by the sampling model.
  const significance = (excess: number) => excessSignificance(excess, m.sigma, confidence, m.p)
  if (rule.max !== undefined && m.candidate > rule.max) {
    out.push({
      ...base,
      kind: 'max',
      significance: significance(m.candidate - rule.max),
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
        significance: significance(delta),
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
