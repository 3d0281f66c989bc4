// Judging benchmark results: for each benchmark and unit, the last matching rule.
import type { BenchmarkChange } from '../analysis/types.js'
import { formatValue, type Unit } from '../units.js'
import { warning, type Warning } from '../warnings.js'
import { increaseText } from './check.js'
import { benchmarkSignificance } from './significance.js'
import type { BenchmarkRule, Violation } from './types.js'

/** What judging the benchmarks found. */
export interface BenchmarkJudgement {
  violations: Violation[]
  /** Some judged median moved by at least its rule's floor, beyond noise. */
  changed: boolean
}

/** The unit reports use for a benchmark unit. */
export function benchmarkUnit(metric: string): Unit {
  if (metric === 'B/op') return 'bytes'
  if (metric === 'ns/op') return 'nanoseconds'
  return 'count'
}

/**
 * Judges every benchmark change against the rule that applies to it: the last rule whose
 * pattern matches its name and whose metric is its unit (the caller passes
 * DEFAULT_BENCHMARK_RULES when the policy has none). Relative checks need a baseline and,
 * with `ignoreNoise`, a change the Mann–Whitney test does not call noise; ceilings are
 * always checked on the candidate's median. A
 * benchmark that allocated nothing and now allocates is one `new-allocations` violation on
 * allocs/op (its B/op growth from 0 is not listed again). Configured rules that match no
 * benchmark are reported in `warnings`.
 */
export function judgeBenchmarks(
  changes: BenchmarkChange[] | undefined,
  rules: readonly BenchmarkRule[],
  hasBaseline: boolean,
  warnings: Warning[],
): BenchmarkJudgement {
  if (!changes || changes.length === 0) return { violations: [], changed: false }
  const used = new Set<BenchmarkRule>()
  const out: Violation[] = []
  let changed = false
  for (const c of changes) {
    const rule = ruleFor(rules, c)
    if (!rule) continue
    used.add(rule)
    const judged = judgeOne(rule, c, hasBaseline)
    out.push(...judged.violations)
    changed ||= judged.changed
  }
  for (const r of rules) {
    if (r.line > 0 && !used.has(r)) {
      warnings.push(
        warning(
          'pattern-matches-nothing',
          `${r.id}: no benchmark matching ${JSON.stringify(r.match.text)} reports ${r.metric}`,
          r.id,
        ),
      )
    }
  }
  const fresh = new Set(out.filter((v) => v.kind === 'new-allocations').map((v) => v.subject))
  const violations = out.filter(
    (v) => !(v.metric === 'B/op' && v.baseline === 0 && fresh.has(v.subject)),
  )
  return { violations, changed }
}

/** The last rule on this unit whose pattern matches the name (sub-benchmark path, no -N). */
function ruleFor(rules: readonly BenchmarkRule[], c: BenchmarkChange): BenchmarkRule | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    if (rules[i].metric === c.metric && rules[i].match.test(c.name)) return rules[i]
  }
  return undefined
}

function judgeOne(
  rule: BenchmarkRule,
  c: BenchmarkChange,
  hasBaseline: boolean,
): { violations: Violation[]; changed: boolean } {
  const unit = benchmarkUnit(c.metric)
  const baseline = hasBaseline ? c.baseline : null
  const delta = baseline === null ? null : c.candidate - baseline
  const base = {
    rule: rule.id,
    scope: 'benchmark' as const,
    metric: c.metric,
    subject: c.label,
    sampleType: null,
    unit,
    baseline,
    candidate: c.candidate,
    delta,
    // Not a sampled figure: run-to-run noise is judged by the Mann–Whitney test instead.
    sigma: 0,
    method: 'runs' as const,
    significance: 'significant' as const,
    changeSignificance: baseline === null ? null : benchmarkSignificance(c),
  }
  const out: Violation[] = []
  const value = (n: number) => `${formatValue(n, unit)}${unit === 'count' ? ` ${c.metric}` : ''}`
  if (rule.max !== undefined && c.candidate > rule.max) {
    out.push({ ...base, kind: 'max', limit: rule.max, limitText: `<= ${value(rule.max)}` })
  }
  // Noise never fails; without enough runs for a test only counted units are trusted.
  const significance = benchmarkSignificance(c)
  const trusted =
    !rule.ignoreNoise ||
    significance === 'significant' ||
    (significance === 'inconclusive' && c.counted)
  if (rule.maxIncrease === undefined || baseline === null || delta === null || !trusted) {
    return { violations: out, changed: false }
  }
  const floor = rule.minChange ?? 0
  const changed = delta !== 0 && Math.abs(delta) >= floor
  if (c.metric === 'allocs/op' && baseline === 0) {
    if (c.candidate >= Math.max(1, floor)) {
      out.push({
        ...base,
        kind: 'new-allocations',
        limit: 0,
        limitText: 'no allocations (0 allocs/op in the baseline)',
      })
    }
    return { violations: out, changed }
  }
  const relative = rule.maxIncrease * Math.abs(baseline)
  if (delta > relative && delta >= floor) {
    out.push({
      ...base,
      kind: 'max-increase',
      limit: baseline + Math.max(relative, floor),
      limitText: increaseText(rule.maxIncrease, floor, unit),
    })
  }
  return { violations: out, changed }
}
