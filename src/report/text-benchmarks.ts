// The terminal "Benchmarks" table, benchstat style: medians, the change or `~` for noise, p.
import type { JudgedBenchmark, JudgedDiff } from '../policy/types.js'
import { benchChange, benchSignificance, benchValue, shownBenchmarks } from './benchmarks.js'
import { escapeTerminal as clean } from './escape.js'
import { columns, type Cell, type Style } from './text-layout.js'

/** Rows the terminal shows; `--format json` lists every benchmark. */
const TEXT_BENCHMARKS = 100

/** The table's lines ([] without benchmark input); no escape codes unless `color`. */
export function benchmarkLines(diff: JudgedDiff, color: boolean): string[] {
  const every = diff.benchmarks ?? []
  if (every.length === 0) return []
  const all = shownBenchmarks(every, TEXT_BENCHMARKS)
  const more =
    every.length > all.length
      ? [`  … and ${every.length - all.length} more rows not shown (--format json lists them all)`]
      : []
  if (!every.some((c) => c.baseline !== null)) {
    const rows: Cell[][] = all.map((c) => [
      clean(c.label),
      clean(c.metric),
      benchValue(c.candidate, c.metric),
      `n=${c.samples.candidate}`,
    ])
    return [
      ...columns([['benchmark', 'metric', 'candidate', 'runs'], ...rows], 'llrr', color),
      ...more,
    ]
  }
  const rows: Cell[][] = all.map((c) => [
    clean(c.label),
    clean(c.metric),
    benchValue(c.baseline, c.metric),
    benchValue(c.candidate, c.metric),
    { text: benchChange(c), style: style(c) },
    { text: benchSignificance(c), style: c.significance === 'significant' ? 'plain' : 'dim' },
  ])
  return [
    ...columns(
      [['benchmark', 'metric', 'baseline', 'candidate', 'Δ', 'p'], ...rows],
      'llrrrl',
      color,
    ),
    ...more,
    '',
    '  medians of the runs; ~: within run-to-run noise (Mann–Whitney p >= 0.05)',
  ]
}

/** Red for a significant increase, green for a decrease (MB/s the other way round), yellow unsure. */
function style(c: JudgedBenchmark): Style {
  if (c.delta === null || c.delta === 0 || c.significance === 'noise') return 'plain'
  if (c.significance === 'inconclusive') return 'yellow'
  const worse = c.metric.endsWith('/s') ? c.delta < 0 : c.delta > 0
  return worse ? 'red' : 'green'
}
