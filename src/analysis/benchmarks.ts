// Diffs `go test -bench` results: per benchmark and unit, the medians of the runs on both
// sides and whether the change stands out of run-to-run noise (Mann–Whitney U).
import { benchmarkLabel } from '../formats/benchfmt.js'
import type { BenchmarkResult, Snapshot } from '../formats/model.js'
import { mannWhitneyU, median, medianCI } from './stats.js'
import { warning, type Warning } from '../warnings.js'
import type { BenchmarkChange } from './types.js'

/** Fewest runs per side for a significance test (at 4 + 4 the smallest p is 2/70 ≈ 0.029). */
export const MIN_BENCHMARK_RUNS = 4
/** Units the runtime counts rather than times. */
export const COUNTED_UNITS: readonly string[] = ['B/op', 'allocs/op']
/** Units in report order; others follow in the order first seen. */
const UNIT_ORDER = ['B/op', 'allocs/op', 'ns/op', 'MB/s']
/** Benchmarks named one by one in a warning. */
const MAX_NAMED = 5

/**
 * Per benchmark of the candidate (package, name, GOMAXPROCS) and per unit: medians, delta,
 * relative change and p (the policy judges significance from p). Several files of one side add their runs together.
 * Benchmarks match across sides by package, name and GOMAXPROCS, or by name and
 * GOMAXPROCS alone when the package differs and that is unambiguous. Undefined when the
 * candidate has no benchmark results; problems go to `warnings`.
 */
export function diffBenchmarks(
  baseline: Snapshot[],
  candidate: Snapshot[],
  hasBaseline: boolean,
  warnings: Warning[],
): BenchmarkChange[] | undefined {
  const cand = mergeSide(candidate)
  if (cand.length === 0) return undefined
  const base = mergeSide(baseline)
  if (hasBaseline && base.length === 0)
    warnings.push(
      warning(
        'baseline-without-benchmarks',
        'the baseline has no benchmark results: benchmarks are not compared',
      ),
    )

  const labels = labelsOf(cand)
  const find = matcher(base, cand)
  const matched = new Set<BenchmarkResult>()
  const out: BenchmarkChange[] = []
  for (const c of cand) {
    const b = hasBaseline ? find(c) : undefined
    if (b) matched.add(b)
    for (const unit of unitsOf(c))
      out.push(change(c, labels.get(c) ?? benchmarkLabel(c), unit, b?.metrics[unit], hasBaseline))
  }
  const gone = base.filter((b) => !matched.has(b)).map(benchmarkLabel)
  if (hasBaseline && gone.length > 0) {
    const named = gone.slice(0, MAX_NAMED).join(', ')
    const more = gone.length > MAX_NAMED ? ` and ${gone.length - MAX_NAMED} more` : ''
    warnings.push(
      warning(
        'benchmarks-gone',
        `${gone.length} benchmark${gone.length === 1 ? ' is' : 's are'} in the baseline only: ${named}${more}`,
      ),
    )
  }
  return out
}

function change(
  c: BenchmarkResult,
  label: string,
  metric: string,
  bs: number[] | undefined,
  hasBaseline: boolean,
): BenchmarkChange {
  const cs = c.metrics[metric]
  const candidate = median(cs)
  const baseline = bs && bs.length > 0 ? median(bs) : null
  const delta = baseline === null ? null : candidate - baseline
  const relative =
    baseline === null || delta === null
      ? null
      : baseline === 0
        ? delta === 0
          ? 0
          : null
        : delta / Math.abs(baseline)
  const runs = { baseline: bs?.length ?? 0, candidate: cs.length }
  const testable = runs.baseline >= MIN_BENCHMARK_RUNS && runs.candidate >= MIN_BENCHMARK_RUNS
  const p = baseline !== null && testable ? mannWhitneyU(bs!, cs) : null
  const out: BenchmarkChange = {
    name: c.name,
    procs: c.procs,
    pkg: c.pkg,
    label,
    metric,
    baseline,
    candidate,
    delta,
    relative,
    p,
    samples: runs,
    ci: { baseline: bs && bs.length > 0 ? interval(bs) : null, candidate: interval(cs) },
    counted: COUNTED_UNITS.includes(metric),
  }
  const note = noteOf(hasBaseline, baseline, runs)
  if (note) out.note = note
  return out
}

function noteOf(
  hasBaseline: boolean,
  baseline: number | null,
  runs: { baseline: number; candidate: number },
): string | undefined {
  if (!hasBaseline) return undefined
  if (baseline === null) return 'not in the baseline'
  if (runs.baseline < MIN_BENCHMARK_RUNS || runs.candidate < MIN_BENCHMARK_RUNS) {
    return `${runs.baseline}+${runs.candidate} runs: a significance test needs ${MIN_BENCHMARK_RUNS} per side (go test -count ${MIN_BENCHMARK_RUNS} or more)`
  }
  return undefined
}

function interval(xs: number[]): [number, number] {
  const ci = medianCI(xs, 0.95)
  return [ci.lo, ci.hi]
}

/** The results of a side's files, runs of the same benchmark added together. */
function mergeSide(snapshots: Snapshot[]): BenchmarkResult[] {
  const byKey = new Map<string, BenchmarkResult>()
  for (const s of snapshots) {
    for (const r of s.benchmarks?.results ?? []) {
      const key = `${r.pkg}\u0000${r.name}\u0000${r.procs}`
      const into = byKey.get(key)
      if (!into) {
        byKey.set(key, {
          ...r,
          metrics: Object.fromEntries(Object.entries(r.metrics).map(([u, v]) => [u, [...v]])),
        })
        continue
      }
      for (const [unit, values] of Object.entries(r.metrics))
        (into.metrics[unit] ??= []).push(...values)
    }
  }
  return [...byKey.values()]
}

/**
 * Finds a candidate's baseline: same package, name and procs; else the same name and procs
 * when that pair is unique on both sides (a renamed package).
 */
function matcher(
  base: BenchmarkResult[],
  cand: BenchmarkResult[],
): (c: BenchmarkResult) => BenchmarkResult | undefined {
  const full = (r: BenchmarkResult) => `${r.pkg}\u0000${r.name}\u0000${r.procs}`
  const short = (r: BenchmarkResult) => `${r.name}\u0000${r.procs}`
  const exact = new Map(base.map((b) => [full(b), b]))
  const count = (rs: BenchmarkResult[]) => {
    const n = new Map<string, number>()
    for (const r of rs) n.set(short(r), (n.get(short(r)) ?? 0) + 1)
    return n
  }
  const [inBase, inCand] = [count(base), count(cand)]
  const loose = new Map(base.filter((b) => inBase.get(short(b)) === 1).map((b) => [short(b), b]))
  return (c) => exact.get(full(c)) ?? (inCand.get(short(c)) === 1 ? loose.get(short(c)) : undefined)
}

/** Labels as Go prints them; package-qualified where two packages share a label. */
function labelsOf(results: BenchmarkResult[]): Map<BenchmarkResult, string> {
  const count = new Map<string, number>()
  for (const r of results) count.set(benchmarkLabel(r), (count.get(benchmarkLabel(r)) ?? 0) + 1)
  return new Map(
    results.map((r) => {
      const label = benchmarkLabel(r)
      return [r, (count.get(label) ?? 0) > 1 && r.pkg ? `${r.pkg}.${label}` : label]
    }),
  )
}

/** The candidate's units in report order (B/op, allocs/op, ns/op, MB/s, then the rest). */
function unitsOf(c: BenchmarkResult): string[] {
  const units = Object.keys(c.metrics)
  const rank = (u: string) => {
    const i = UNIT_ORDER.indexOf(u)
    return i < 0 ? UNIT_ORDER.length : i
  }
  return units
    .map((u, i) => ({ u, i }))
    .sort((x, y) => rank(x.u) - rank(y.u) || x.i - y.i)
    .map((x) => x.u)
}
