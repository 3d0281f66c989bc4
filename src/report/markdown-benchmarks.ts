// The markdown "Benchmarks" section: one row per benchmark and unit, medians of the runs.
import { benchChange, benchSignificance, benchValue, shownBenchmarks } from './benchmarks.js'
import { escapeMarkdown } from './escape.js'
import { moreLine, table } from './markdown-verdict.js'
import type { ReportInput } from './types.js'

const LEGEND =
  'Medians of the runs (`go test -count`). p: two-sided Mann–Whitney U test of the runs; ' +
  '`~`: the change is within run-to-run noise (p ≥ 0.05). ' +
  'A test needs 4 runs per side; B/op and allocs/op are counted, not timed, so fewer runs are judged on the medians.'

/** The benchmarks table (capped at `limit` rows), or undefined without benchmark input. */
export function benchmarksSection({ diff }: ReportInput, limit: number): string | undefined {
  const all = diff.benchmarks ?? []
  if (all.length === 0) return undefined
  const compared = all.some((c) => c.baseline !== null)
  const rows = shownBenchmarks(all, limit)
  if (!compared) {
    const body = rows.map((c) => [
      escapeMarkdown(c.label),
      escapeMarkdown(c.metric),
      benchValue(c.candidate, c.metric),
      String(c.samples.candidate),
    ])
    return (
      `#### Benchmarks\n\n${table(['Benchmark', 'Metric', 'Candidate', 'Runs'], body, 'llrr')}` +
      moreLine(all.length, rows.length, 'rows')
    )
  }
  const body = rows.map((c) => {
    const mark = c.significance === 'significant' ? '**' : ''
    return [
      escapeMarkdown(c.label),
      escapeMarkdown(c.metric),
      benchValue(c.baseline, c.metric),
      benchValue(c.candidate, c.metric),
      // Our own words and numbers; only `~` needs escaping (GitHub reads ~x~ as strikethrough).
      `${mark}${benchChange(c).replace('~', '\\~')}${mark}`,
      c.baseline === null ? benchSignificance(c) : `${benchSignificance(c)} · ${c.significance}`,
    ]
  })
  const head = ['Benchmark', 'Metric', 'Baseline', 'Candidate', 'Δ', 'p / significance']
  return (
    `#### Benchmarks\n\n${table(head, body, 'llrrrl')}` +
    `${moreLine(all.length, rows.length, 'rows')}\n\n_${LEGEND}_`
  )
}
