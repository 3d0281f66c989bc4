// An ordered series of snapshots of one process: the values of each metric over time.
import { sumOf, type MemStats, type Snapshot } from '../formats/model.js'
import { trendOf } from './trend.js'
import type { SeriesAnalysis, SeriesMetric } from './types.js'

/** Process-wide MemStats figures followed over a series. */
const PROCESS_METRICS: { metric: string; unit: 'bytes' | 'count' }[] = [
  { metric: 'HeapInuse', unit: 'bytes' },
  { metric: 'RSS', unit: 'bytes' },
  { metric: 'Goroutines', unit: 'count' },
]

/**
 * Orders the snapshots (profile time when every profile has one, else the numbers in the
 * file names, else as given) and follows HeapInuse, RSS, Goroutines and each allocator's
 * inuse_space. Profiles and MemStats files form two sequences of their own.
 */
export function analyseSeries(snapshots: Snapshot[]): SeriesAnalysis {
  const orderedProfiles = orderSnapshots(snapshots.filter((s) => s.profile))
  const orderedStats = orderSnapshots(snapshots.filter((s) => s.memstats && !s.profile))
  const byTime = orderedProfiles.length > 0 && orderedProfiles.every(hasTime)
  const named = snapshots.some((s) => /\d/.test(basename(s.source)))
  const order = byTime ? 'profile time' : named ? 'file name' : 'as given'

  const metrics: SeriesMetric[] = []
  // MemStats files first; a profile's debug=1 trailer stands in when there are none.
  const statSeries: MemStats[] =
    orderedStats.length > 0
      ? orderedStats.map((s) => s.memstats!)
      : orderedProfiles.map((s) => s.memstats ?? {})
  for (const { metric, unit } of PROCESS_METRICS) {
    const values = statSeries.map((m) => m[metric] ?? null)
    if (values.some((x) => x !== null)) metrics.push(seriesMetric(metric, metric, unit, values))
  }
  if (orderedProfiles.length > 0) {
    // Each file's own fold: its inuse_space total and the flat values of the functions
    // in a stack that holds some (in the order the fold met them).
    const perSnapshot = orderedProfiles.map((s) => {
      const fold = s.profile!.fold
      const c = fold.sampleTypes.indexOf('inuse_space')
      const n = fold.sampleTypes.length
      const flat = new Map<string, number>()
      if (c >= 0) {
        fold.functions.names.forEach((fn, i) => {
          if (sumOf(fold.functions, i, 'cum', c, n) !== 0)
            flat.set(fn, sumOf(fold.functions, i, 'flat', c, n))
        })
      }
      return { total: c < 0 ? 0 : fold.totals[c], flat }
    })
    if (!metrics.some((m) => m.metric === 'HeapInuse')) {
      metrics.push(
        seriesMetric(
          'inuse_space',
          'inuse_space',
          'bytes',
          perSnapshot.map((a) => a.total),
        ),
      )
    }
    const names = new Set(perSnapshot.flatMap((a) => [...a.flat.keys()]))
    for (const fn of names) {
      const values = perSnapshot.map((a) => a.flat.get(fn) ?? 0)
      if (values.some((x) => x !== 0))
        metrics.push(seriesMetric('inuse_space', fn, 'bytes', values))
    }
  }
  const labels = (
    orderedStats.length >= orderedProfiles.length ? orderedStats : orderedProfiles
  ).map((s) => s.source)
  return { labels, order, metrics }
}

function seriesMetric(
  metric: string,
  subject: string,
  unit: 'bytes' | 'count',
  values: (number | null)[],
): SeriesMetric {
  return { metric, subject, unit, values, trend: trendOf(values) }
}

/**
 * Snapshots in time order: by the profiles' own time when every one has it, else by the
 * numbers in the file names (heap-2 before heap-10).
 */
export function orderSnapshots(snapshots: Snapshot[]): Snapshot[] {
  if (snapshots.length > 0 && snapshots.every(hasTime)) {
    return [...snapshots].sort((a, b) => a.profile!.timeNanos - b.profile!.timeNanos)
  }
  const collator = new Intl.Collator('en', { numeric: true })
  return [...snapshots].sort((a, b) => collator.compare(a.source, b.source))
}

function hasTime(s: Snapshot): boolean {
  return (s.profile?.timeNanos ?? 0) > 0
}

function basename(path: string): string {
  return path.split('/').pop() ?? path
}
