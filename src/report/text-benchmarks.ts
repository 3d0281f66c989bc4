// The terminal "Benchmarks" table, benchstat style: medians, the change or `~` for noise, p.
import type { JudgedBenchmark, JudgedDiff } from '../policy/types.js'
import { benchChange, benchSignificance, benchValue, shownBenchmarks } from './benchmarks.js'
import { escapeTerminal as clean } from './escape.js'
import { columns, wrap, type Cell, type Style } from './text-layout.js'

/** Rows the terminal shows; `--format json` lists every benchmark. */
const TEXT_BENCHMARKS = 100

/** The table's lines ([] without benchmark input) within `width`; no escape codes unless `color`. */
export function benchmarkLines(diff: JudgedDiff, color: boolean, width = Infinity): string[] {
  const every = diff.benchmarks ?? []
  if (every.length === 0) return []
  const all = shownBenchmarks(every, TEXT_BENCHMARKS)
  const more =
    every.length > all.length
      ? wrap(
          `… and ${every.length - all.length} more rows not shown (--format json lists them all)`,
          width,
          '  ',
          '    ',
        )
      : []
  if (!every.some((c) => c.baseline !== null)) {
    const rows: Cell[][] = all.map((c) => [
      clean(c.label),
      clean(c.metric),
      benchValue(c.candidate, c.metric),
      `n=${c.samples.candidate}`,
    ])
    return [
      ...columns([['benchmark', 'metric', 'candidate', 'runs'], ...rows], 'mmrr', color, width),
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
      'mmrrrl',
      color,
      width,
    ),
    ...more,
    '',
    ...wrap(
      'medians of the runs; ~: within run-to-run noise (Mann–Whitney p >= 0.05)',
      width,
      '  ',
      '    ',
    ),
  ]
}

/**
 * Red for a significant increase, green for a decrease (MB/s the other way round); a change
 * within the noise stays plain, an inconclusive one dim.
 */
function style(c: JudgedBenchmark): Style {
  if (c.delta === null || c.delta === 0 || c.significance === 'noise') return 'plain'
  if (c.significance === 'inconclusive') return 'dim'
  const worse = c.metric.endsWith('/s') ? c.delta < 0 : c.delta > 0
  return worse ? 'red' : 'green'
}
