// What every report shows about growth within a run: suspects in order, their words, series.
import type { SeriesAnalysis, SeriesMetric } from '../analysis/types.js'
import type { LeakSuspect } from '../policy/types.js'
import { formatDelta, type Unit } from '../units.js'
import { truncate } from './escape.js'

type Escape = (s: string) => string
const plain: Escape = (s) => s

/** Process-wide metrics, most telling first. */
const PROCESS_ORDER = ['HeapInuse', 'inuse_space', 'RSS', 'LastGCLiveHeap', 'Goroutines']

/** Most characters of a function name in a headline. */
const HEADLINE_NAME = 80

/** Most allocator series in the JSON report (process-wide metrics are always in). */
export const JSON_SERIES_ALLOCATORS = 20

/** Whether a suspect or series is about the whole process rather than one allocator. */
export function isProcessWide(m: { subject: string; metric: string }): boolean {
  return m.subject === m.metric
}

/**
 * Process-wide suspects first, the one that grew the most relative to where it started
 * leading (the headline), then allocators by slope.
 */
export function orderedSuspects(suspects: LeakSuspect[]): LeakSuspect[] {
  const growth = (s: LeakSuspect) => (s.first > 0 ? (s.last - s.first) / s.first : Infinity)
  const rank = (s: LeakSuspect) => {
    const i = PROCESS_ORDER.indexOf(s.metric)
    return i < 0 ? PROCESS_ORDER.length : i
  }
  const process = suspects
    .filter(isProcessWide)
    .sort((a, b) => growth(b) - growth(a) || rank(a) - rank(b))
  const allocators = suspects
    .filter((s) => !isProcessWide(s))
    .sort((a, b) => b.slopePerSnapshot - a.slopePerSnapshot || byName(a, b))
  return [...process, ...allocators]
}

/** A slope with its sign and unit: `+3.1 MiB`, `+2.5` or `+833` goroutines. */
export function slopeText(slope: number, unit: Unit): string {
  if (unit === 'count' && Math.abs(slope) < 10 && !Number.isInteger(slope)) {
    const s = slope.toFixed(1).replace(/\.0$/, '')
    return slope > 0 ? `+${s}` : s
  }
  return formatDelta(slope, unit)
}

/** A p-value to two significant digits: `0.04`, `<0.001`. */
export function pValue(p: number): string {
  return p < 0.001 ? '<0.001' : String(Number(p.toPrecision(p < 0.01 ? 1 : 2)))
}

/** The trend's significance: `p = 0.04`, `p < 0.001`. */
export function pText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${pValue(p)}`
}

/** `HeapInuse +3.1 MiB per snapshot`, with the subject escaped by `esc`. */
export function suspectPhrase(s: LeakSuspect, esc: Escape = plain): string {
  return `${esc(truncate(s.subject, HEADLINE_NAME))} ${slopeText(s.slopePerSnapshot, s.unit)} per snapshot`
}

/** The headline suspect's phrase, `(+2 more suspects)` after it when there are others. */
export function leakPhrase(suspects: LeakSuspect[], esc: Escape = plain): string {
  const [first, ...rest] = orderedSuspects(suspects)
  const more = rest.length
  return (
    suspectPhrase(first, esc) + (more > 0 ? ` (+${more} more suspect${more === 1 ? '' : 's'})` : '')
  )
}

/** The distinct lists of allocators named under process-wide suspects, with their metrics. */
export function allocatorGroups(
  suspects: LeakSuspect[],
): { metrics: string[]; allocators: LeakSuspect['allocators'] }[] {
  const groups = new Map<string, { metrics: string[]; allocators: LeakSuspect['allocators'] }>()
  for (const s of orderedSuspects(suspects)) {
    if (!isProcessWide(s) || s.allocators.length === 0) continue
    const key = JSON.stringify(s.allocators)
    const group = groups.get(key) ?? { metrics: [], allocators: s.allocators }
    group.metrics.push(s.metric)
    groups.set(key, group)
  }
  return [...groups.values()]
}

/** How the snapshots were put in order: `ordered by file name`, `in the order given`. */
export function orderText(series: SeriesAnalysis): string {
  return series.order === 'as given' ? 'in the order given' : `ordered by ${series.order}`
}

/** Number of snapshots in the series. */
export function seriesLength(series: SeriesAnalysis): number {
  return Math.max(series.labels.length, ...series.metrics.map((m) => m.values.length))
}

/** Indices 0…n−1, or `limit` of them spread evenly from the first to the last. */
export function spreadIndices(n: number, limit: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i)
  if (n <= limit) return all
  if (limit <= 1) return [n - 1]
  return [...new Set(all.slice(0, limit).map((i) => Math.round((i * (n - 1)) / (limit - 1))))]
}

/**
 * The series worth drawing, in bytes: HeapInuse and RSS (inuse_space without HeapInuse), the
 * live heap of each run of a gctrace log, then the allocator whose leak rises fastest, if any.
 */
export function chartedSeries(series: SeriesAnalysis, suspects: LeakSuspect[]): SeriesMetric[] {
  const process = ['HeapInuse', 'RSS', 'inuse_space']
    .map((m) => series.metrics.find((x) => x.metric === m && isProcessWide(x)))
    .filter((m): m is SeriesMetric => m !== undefined)
    .filter((m, _, all) => m.metric !== 'inuse_space' || !all.some((x) => x.metric === 'HeapInuse'))
  // A gctrace run is named `LastGCLiveHeap (run 2)` when a log holds several.
  const gcRuns = series.metrics.filter((m) => m.metric === 'LastGCLiveHeap')
  const top = topLeakingAllocator(series, suspects)
  return [...process, ...gcRuns, ...(top && !gcRuns.includes(top) ? [top] : [])]
}

/** The charted series plus the goroutine count, for the table of values. */
export function tabledSeries(series: SeriesAnalysis, suspects: LeakSuspect[]): SeriesMetric[] {
  const charted = chartedSeries(series, suspects)
  const goroutines = series.metrics.find((m) => m.metric === 'Goroutines' && isProcessWide(m))
  if (!goroutines) return charted
  const process = charted.filter(isProcessWide)
  return [...process, goroutines, ...charted.filter((m) => !isProcessWide(m))]
}

function topLeakingAllocator(
  series: SeriesAnalysis,
  suspects: LeakSuspect[],
): SeriesMetric | undefined {
  const own = suspects
    .filter((s) => !isProcessWide(s))
    .sort((a, b) => b.slopePerSnapshot - a.slopePerSnapshot || byName(a, b))
  const fn =
    own[0]?.subject ??
    orderedSuspects(suspects).find((s) => s.allocators.length > 0)?.allocators[0]?.function
  if (fn === undefined) return undefined
  return series.metrics.find((m) => m.subject === fn && !isProcessWide(m))
}

/**
 * `No leak: nothing grew steadily over 10 snapshots (HeapInuse +12 KiB per snapshot, p = 0.4).`
 */
export function noLeakText(
  series: SeriesAnalysis,
  esc: Escape = plain,
  check?: { snapshots: number; minSnapshots: number },
): string {
  const n = seriesLength(series)
  if (check && check.snapshots < check.minSnapshots) {
    return `No leak verdict: the series has ${check.snapshots} snapshot${check.snapshots === 1 ? '' : 's'}, at least ${check.minSnapshots} are needed (leaks.min-snapshots).`
  }
  const head = PROCESS_ORDER.map((m) =>
    series.metrics.find((x) => x.metric === m && isProcessWide(x)),
  ).find((m) => m !== undefined)
  const trend = head
    ? ` (${esc(head.metric)} ${slopeText(head.trend.slopePerSnapshot, head.unit)} per snapshot, ${pText(head.trend.p)})`
    : ''
  return `No leak: nothing grew steadily over ${n} snapshot${n === 1 ? '' : 's'}${trend}.`
}

/** Process-wide series, then the allocators with the largest slopes (at most `limit`). */
export function reportedSeries(
  series: SeriesAnalysis,
  limit = JSON_SERIES_ALLOCATORS,
): SeriesMetric[] {
  const process = series.metrics.filter(isProcessWide)
  const allocators = series.metrics
    .filter((m) => !isProcessWide(m))
    .sort((a, b) => b.trend.slopePerSnapshot - a.trend.slopePerSnapshot || byName(a, b))
    .slice(0, limit)
  return [...process, ...allocators]
}

function byName(a: { subject: string }, b: { subject: string }): number {
  return a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0
}
