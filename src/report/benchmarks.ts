// What every report says about benchmark results: values in their unit, the change, the
// significance (benchstat's `~` for noise), and the JSON rows.
import type { JudgedBenchmark } from '../policy/types.js'
import {
  formatBytes,
  formatCount,
  formatDelta,
  formatDuration,
  formatPercentChange,
} from '../units.js'
import type { JsonBenchmark } from './types.js'
import { MISSING } from './wording.js'

/**
 * The rows a report shows when it cannot show them all: significant changes first, then
 * the unsure ones, then the rest, up to `limit`, in the order of the input. A run of
 * thousands of benchmarks must not bury the one that grew past row 50.
 */
export function shownBenchmarks(all: JudgedBenchmark[], limit: number): JudgedBenchmark[] {
  const n = Math.max(0, Math.floor(limit))
  if (all.length <= n) return all
  const rank = (c: JudgedBenchmark) =>
    c.significance === 'significant'
      ? 0
      : c.significance === 'inconclusive' && c.baseline !== null
        ? 1
        : 2
  const keep = all
    .map((c, i) => ({ c, i }))
    .sort((x, y) => rank(x.c) - rank(y.c) || x.i - y.i)
    .slice(0, n)
  return keep.sort((x, y) => x.i - y.i).map((k) => k.c)
}

/** A median in its unit: `21.11 KiB` (B/op), `156.4 µs` (ns/op), `8` (allocs/op), `58.2` (others). */
export function benchValue(n: number | null, metric: string): string {
  if (n === null) return MISSING
  if (metric === 'B/op') return formatBytes(n)
  if (metric === 'ns/op') return formatDuration(n)
  if (metric === 'allocs/op' || Math.abs(n) >= 1000) return formatCount(n)
  return n === 0 ? '0' : String(Number(n.toPrecision(4)))
}

/**
 * The change: `~` when the test calls it noise (benchstat's mark), `—` without a baseline,
 * else delta and relative change, `+18.6 KiB (+85.3%)`, `+1 (new)` from zero.
 */
export function benchChange(c: JudgedBenchmark): string {
  if (c.baseline === null || c.delta === null) return MISSING
  if (c.significance === 'noise') return '~'
  const pct = formatPercentChange(c.baseline, c.candidate)
  if (c.metric === 'B/op') return `${formatDelta(c.delta, 'bytes')} (${pct})`
  if (c.metric === 'ns/op') return `${formatDelta(c.delta, 'nanoseconds')} (${pct})`
  const d = benchValue(c.delta, c.metric)
  return `${c.delta > 0 ? '+' : ''}${d} (${pct})`
}

/** `p=0.002 n=6+6`, or why there is no p: `n=1+1, too few runs`, `not in the baseline`. */
export function benchSignificance(c: JudgedBenchmark): string {
  const n = `n=${c.samples.baseline}+${c.samples.candidate}`
  if (c.p !== null) return `p=${c.p.toFixed(3)} ${n}`
  if (c.baseline === null) return c.note === undefined ? MISSING : c.note
  return `${n}, too few runs`
}

/** One benchmark row of the JSON report. */
export function jsonBenchmark(c: JudgedBenchmark): JsonBenchmark {
  return {
    name: c.name,
    procs: c.procs,
    pkg: c.pkg,
    metric: c.metric,
    baseline: c.baseline,
    candidate: c.candidate,
    delta: c.delta,
    relative: c.relative,
    p: c.p,
    significance: c.significance,
    samples: { baseline: c.samples.baseline, candidate: c.samples.candidate },
  }
}
