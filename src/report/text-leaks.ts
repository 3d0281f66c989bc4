// Terminal leak sections: the suspects, the allocators growing along, the series' values.
import type { SeriesAnalysis } from '../analysis/types.js'
import type { LeakSuspect } from '../policy/types.js'
import { escapeTerminal as clean, truncate } from './escape.js'
import {
  allocatorGroups,
  isProcessWide,
  noLeakText,
  orderedSuspects,
  orderText,
  pValue,
  seriesLength,
  slopeText,
  spreadIndices,
  tabledSeries,
} from './leaks.js'
import { columns, paint, wrap, type Cell } from './text-layout.js'
import { MISSING, valueText } from './wording.js'

/** Most snapshots in the table of values; more are thinned evenly. */
const TEXT_SERIES_ROWS = 30
/** Longest function name in a column header. */
const HEADER_NAME = 40

/**
 * The `Leak suspects` section's lines (table, allocators, values per snapshot), or a
 * `Leak check` one-liner when a series shows no leak; the title comes first, [] for neither.
 * Every line within `width` columns.
 */
export function leakLines(
  series: SeriesAnalysis | undefined,
  raw: LeakSuspect[],
  color: boolean,
  check?: { snapshots: number; minSnapshots: number },
  width = Infinity,
): [string, string[]] {
  const suspects = orderedSuspects(raw)
  if (suspects.length === 0)
    return series
      ? ['Leak check', wrap(noLeakText(series, clean, check), width, '  ', '    ')]
      : ['', []]
  const out = columns(
    [
      ['subject', 'metric', 'per snapshot', 'snapshots', 'first → last', 'p'],
      ...suspects.map((s): Cell[] => [
        clean(s.subject),
        clean(s.metric),
        { text: slopeText(s.slopePerSnapshot, s.unit), style: 'red' },
        String(s.snapshots),
        `${valueText(s.first, s.unit)} → ${valueText(s.last, s.unit)}`,
        pValue(s.p),
      ]),
    ],
    'gmrrrr',
    color,
    width,
  )
  const groups = allocatorGroups(suspects)
  for (const g of groups) {
    const what = groups.length === 1 ? 'it' : g.metrics.map((m) => clean(m)).join(', ')
    const list = g.allocators.map(
      (a) => `${clean(a.function)} (${slopeText(a.slopePerSnapshot, 'bytes')} per snapshot)`,
    )
    out.push(
      '',
      ...wrap(`allocators growing with ${what}: ${list.join(', ')}`, width, '  ', '    '),
    )
  }
  if (series) out.push('', ...valueLines(series, suspects, color, width))
  return ['Leak suspects', out]
}

function valueLines(
  series: SeriesAnalysis,
  suspects: LeakSuspect[],
  color: boolean,
  width: number,
): string[] {
  const n = seriesLength(series)
  const metrics = tabledSeries(series, suspects)
  const picked = spreadIndices(n, TEXT_SERIES_ROWS)
  const head = [
    '#',
    ...metrics.map((m) => (isProcessWide(m) ? m.metric : clean(truncate(m.subject, HEADER_NAME)))),
    'snapshot',
  ]
  const rows: Cell[][] = picked.map((i) => [
    String(i + 1),
    ...metrics.map((m) => {
      const v = m.values[i]
      return v === null || v === undefined ? MISSING : valueText(v, m.unit)
    }),
    { text: series.labels[i] !== undefined ? clean(series.labels[i]) : MISSING, style: 'dim' },
  ])
  const title = wrap(`values per snapshot (${n}, ${orderText(series)})`, width, '  ', '    ')
  const thinned =
    picked.length < n ? [paint(`  ${picked.length} of ${n} snapshots shown`, 'dim', color)] : []
  return [
    ...title,
    ...columns([head, ...rows], 'r' + 'r'.repeat(metrics.length) + 'm', color, width),
    ...thinned,
  ]
}
