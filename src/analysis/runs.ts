// Repeated runs per side: every figure becomes the median over the runs, and whether it
// changed is decided by the Mann–Whitney U test, as benchstat does.
import { MEMSTATS_FIELDS, type Snapshot } from '../formats/model.js'
import { warning } from '../warnings.js'
import { diffBenchmarks } from './benchmarks.js'
import { diff, type DiffOptions } from './diff.js'
import { mannWhitneyU, median, medianCI } from './stats.js'
import type { AllocatorChange, Change, Diff } from './types.js'

/** Fewest runs per side for a significance test; fewer get a note instead of a verdict. */
export const MIN_RUNS = 4

/**
 * Diffs N baseline runs against M candidate runs (each run a list of files). Totals,
 * MemStats and allocator rows hold medians and a Mann–Whitney `p` (null when a side has
 * fewer than MIN_RUNS runs); sampling sigmas are 0, as run-to-run spread replaces them.
 * Stacks, accounting and goroutines come from the candidate run with the median total.
 */
export function diffRuns(
  baseRuns: Snapshot[][],
  candRuns: Snapshot[][],
  opts: DiffOptions = {},
): Diff {
  const base = baseRuns.map((run) => diff([], run, opts))
  const cand = candRuns.map((run) => diff([], run, opts))
  const hasBaseline = base.length > 0
  const focus = opts.sampleType ?? cand[0].focus
  const repOf = (side: Diff[]) =>
    side[medianIndex(side.map((d) => d.totals[focus]?.candidate ?? 0))]
  const candRep = repOf(cand)
  const baseRep = hasBaseline ? repOf(base) : undefined
  const template = diff(
    hasBaseline ? baseRuns[base.indexOf(baseRep!)] : [],
    candRuns[cand.indexOf(candRep)],
    opts,
  )
  const testable = hasBaseline && base.length >= MIN_RUNS && cand.length >= MIN_RUNS
  const combine = <T extends Change>(values: (d: Diff) => number | undefined, extra: T): T => {
    const cs = cand.map(values).map((v) => v ?? 0)
    const bs = hasBaseline ? base.map(values).map((v) => v ?? 0) : []
    const c = median(cs)
    const b = hasBaseline ? median(bs) : null
    return {
      ...extra,
      baseline: b,
      candidate: c,
      delta: b === null ? null : c - b,
      p: testable ? mannWhitneyU(bs, cs) : null,
      ci: { baseline: hasBaseline ? interval(bs) : null, candidate: interval(cs) },
    }
  }

  const totals = Object.fromEntries(
    Object.entries(template.totals).map(([t, c]) => [
      t,
      combine((d) => d.totals[t]?.candidate, { ...c, sigma: 0 }),
    ]),
  )
  const memstats = Object.fromEntries(
    MEMSTATS_FIELDS.filter((f) => [...base, ...cand].some((d) => d.memstats[f])).map((f) => {
      const unit = [...cand, ...base].find((d) => d.memstats[f])!.memstats[f].unit
      return [
        f,
        combine((d) => d.memstats[f]?.candidate, {
          unit,
          baseline: null,
          candidate: 0,
          delta: null,
        }),
      ]
    }),
  )
  const rows = (pick: (d: Diff) => AllocatorChange[]) => {
    const byKey = new Map<string, AllocatorChange>()
    for (const d of [candRep, ...cand, ...base]) {
      for (const r of pick(d)) if (!byKey.has(keyOf(r))) byKey.set(keyOf(r), r)
    }
    const index = [...base, ...cand].map((d) => new Map(pick(d).map((r) => [keyOf(r), r])))
    const at = (d: Diff) => index[[...base, ...cand].indexOf(d)]
    return [...byKey.entries()]
      .map(([key, r]) => {
        const row = combine((d) => at(d).get(key)?.candidate, { ...r, sigma: 0 })
        const cum = (side: Diff[]) => median(side.map((d) => at(d).get(key)?.cumCandidate ?? 0))
        return { ...row, cumBaseline: hasBaseline ? cum(base) : null, cumCandidate: cum(cand) }
      })
      .sort(
        (x, y) => (y.delta ?? y.candidate) - (x.delta ?? x.candidate) || y.candidate - x.candidate,
      )
  }

  const relabel = (d: Diff, side: 'baseline' | 'candidate', run: number) =>
    d.files.map((f) => ({ ...f, side, run }))
  const warnings = [...template.warnings]
  if (hasBaseline && !testable) {
    warnings.push(
      warning(
        'too-few-runs',
        `${base.length} baseline and ${cand.length} candidate run(s): at least ${MIN_RUNS} per side are needed to call a change significant; changes over a limit are inconclusive`,
      ),
    )
  }
  return {
    ...template,
    hasBaseline,
    focus,
    totals,
    memstats,
    allocators: rows((d) => d.allocators),
    packages: rows((d) => d.packages),
    files: [
      ...base.flatMap((d, i) => relabel(d, 'baseline', i + 1)),
      ...cand.flatMap((d, i) => relabel(d, 'candidate', i + 1)),
    ],
    // Benchmark runs are samples already: every run's results are pooled.
    benchmarks: diffBenchmarks(baseRuns.flat(), candRuns.flat(), hasBaseline, warnings),
    runs: { baseline: base.length, candidate: cand.length, minRuns: MIN_RUNS },
    warnings,
  }
}

function interval(xs: number[]): [number, number] {
  const { lo, hi } = medianCI(xs, 0.95)
  return [lo, hi]
}

function keyOf(r: AllocatorChange): string {
  return `${r.sampleType}\u0000${r.function}`
}

/** Index of the median value (the lower middle for an even count). */
function medianIndex(values: number[]): number {
  const order = values.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0])
  return order[(order.length - 1) >> 1][1]
}
