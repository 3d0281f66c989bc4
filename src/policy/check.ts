// Judging one measurement against one rule: the arithmetic of max-increase and max.
import { formatValue } from '../units.js'
import { judgementOf } from './evidence.js'
import { sampleTypeOf } from './focus.js'
import { significanceOf } from './significance.js'
import type { Measurement, Rule, Violation } from './types.js'

/**
 * The violations of `rule` by `m` (zero, one or two: a ceiling and a relative increase).
 * The relative check needs a baseline value and `withBaseline`; the ceiling never does.
 * A relative violation is `delta > maxIncrease × |baseline|` and `delta >= floor`, so a
 * zero baseline fails on any growth of at least the floor, without dividing by zero. The
 * evidence behind `m` (judgementOf) sets the floor and how sure an excess must be: a
 * sampled one 'significant' at `confidence`, else 'inconclusive'; one within a history's
 * spread is no violation at all.
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
  const judgement = judgementOf(rule, m, confidence)
  const spread = judgement.spread
  const base = {
    rule: rule.id,
    ...(m.profile !== undefined ? { profile: m.profile } : {}),
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
    method: judgement.method,
    ...(spread
      ? {
          history: {
            entries: spread.n,
            center: spread.center,
            sigma: spread.sigma,
            upper: spread.upper,
          },
        }
      : {}),
    changeSignificance: significanceOf(delta, m.sigma, confidence, m.p),
  }
  const push = (v: Omit<Violation, keyof typeof base | 'significance'>, excess: number) => {
    const significance = judgement.significance(excess, m.candidate)
    if (significance !== 'noise') out.push({ ...base, ...v, significance })
  }
  if (rule.max !== undefined && m.candidate > rule.max) {
    push(
      { kind: 'max', limit: rule.max, limitText: `< ${formatValue(rule.max, m.unit)}` },
      m.candidate - rule.max,
    )
  }
  const maxIncrease = judgement.maxIncrease
  if (maxIncrease !== undefined && baseline !== null && delta !== null) {
    const relative = maxIncrease * Math.abs(baseline)
    const floor = judgement.floor
    if (delta > relative && delta >= floor) {
      push(
        {
          kind: 'max-increase',
          limit: baseline + Math.max(relative, floor),
          limitText:
            increaseText(maxIncrease, floor, m.unit) +
            (spread ? `, beyond the spread of ${spread.n} runs` : ''),
        },
        delta,
      )
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
