// An ordered series of snapshots of one process: the values of each metric over time.
import { sumOf, type GcCycle, type MemStats, type Snapshot } from '../formats/model.js'
import { withoutRuntimeLeaf } from './goroutines.js'
import { trendOf } from './trend.js'
import type { SeriesAnalysis, SeriesMetric } from './types.js'

/** Process-wide MemStats figures followed over a series. */
const PROCESS_METRICS: { metric: string; unit: 'bytes' | 'count' }[] = [
  { metric: 'HeapInuse', unit: 'bytes' },
  { metric: 'RSS', unit: 'bytes' },
  { metric: 'Goroutines', unit: 'count' },
]

/** The metric a gctrace run is followed on: the live heap after each GC. */
export const GC_LIVE_HEAP = 'LastGCLiveHeap'

/**
 * Orders the snapshots (profile time when every profile has one, else the numbers in the
 * file names, else as given) and follows HeapInuse, RSS, Goroutines and each allocator's
 * inuse_space. Profiles and MemStats files form two sequences of their own. A gctrace log
 * adds its cycles after them, each run a metric of its own (gcTraceSeries).
 */
export function analyseSeries(snapshots: Snapshot[]): SeriesAnalysis {
  const traces = snapshots.filter((s) => s.gcRuns)
  const files = analyseFiles(snapshots.filter((s) => !s.gcRuns))
  if (traces.length === 0) return files
  const runs = gcTraceSeries(traces)
  if (files.labels.length === 0) return { ...runs, order: 'as given' }
  // Both: one axis, the files' snapshots then the cycles; each metric null off its own part.
  const pad = (m: SeriesMetric, before: number, after: number): SeriesMetric => ({
    ...m,
    values: [...Array<null>(before).fill(null), ...m.values, ...Array<null>(after).fill(null)],
  })
  return {
    labels: [...files.labels, ...runs.labels],
    order: files.order,
    metrics: [
      ...files.metrics.map((m) => pad(m, 0, runs.labels.length)),
      ...runs.metrics.map((m) => pad(m, files.labels.length, 0)),
    ],
  }
}

/**
 * Cycles taken from each gctrace run: the leak rules expect snapshots spread over a run (the
 * fixtures' series have 8), and every cycle would crowd the start, where cycles come fastest
 * and whole-MiB ties and floating garbage decide most steps (measured on the fixtures).
 */
export const GC_POINTS = 12

/**
 * The cycles of gctrace logs as a series: per run, up to GC_POINTS cycles evenly spread over
 * its time (`@Ts`), in order, as points of one LastGCLiveHeap metric (null at the other runs'
 * points, so each run is judged on its own). With several runs the metric names the run:
 * `LastGCLiveHeap (pkg)`, or `(run 2)`.
 */
export function gcTraceSeries(traces: Snapshot[]): Omit<SeriesAnalysis, 'order'> {
  const runs = traces.flatMap((s) =>
    s.gcRuns!.map((run, i) => ({ s, run, i, cycles: spreadOverTime(run.cycles) })),
  )
  const total = runs.reduce((n, r) => n + r.cycles.length, 0)
  const labels: string[] = []
  const metrics: SeriesMetric[] = []
  for (const { s, run, i, cycles } of runs) {
    const where = run.name || `${traces.length > 1 ? `${basename(s.source)} ` : ''}run ${i + 1}`
    const metric = runs.length > 1 ? `${GC_LIVE_HEAP} (${where})` : GC_LIVE_HEAP
    const values: (number | null)[] = Array<null>(total).fill(null)
    for (const c of cycles) {
      values[labels.length] = c.live
      labels.push(`${s.source}:${c.line} gc ${c.n}`)
    }
    metrics.push(seriesMetric(metric, metric, 'bytes', values))
  }
  return { labels, metrics }
}

/** The last cycle at or before each of GC_POINTS evenly spaced times, first to last, once each. */
function spreadOverTime(cycles: GcCycle[]): GcCycle[] {
  if (cycles.length <= GC_POINTS) return cycles
  const first = cycles[0].at
  const span = cycles[cycles.length - 1].at - first
  const picked: GcCycle[] = []
  let j = 0
  for (let k = 0; k < GC_POINTS; k++) {
    const t = first + (span * k) / (GC_POINTS - 1)
    while (j + 1 < cycles.length && cycles[j + 1].at <= t) j++
    if (picked[picked.length - 1] !== cycles[j]) picked.push(cycles[j])
  }
  return picked
}

function analyseFiles(snapshots: Snapshot[]): SeriesAnalysis {
  const orderedProfiles = orderSnapshots(snapshots.filter((s) => s.profile))
  // Goroutine profiles taken beside MemStats files (a capture saves both at each point) are
  // a sequence of their own: mixed in, they would double every point of the series.
  const stats = snapshots.filter((s) => s.memstats && !s.profile)
  const statFiles = stats.filter((s) => !s.goroutines)
  const orderedStats = orderSnapshots(statFiles.length > 0 ? statFiles : stats)
  const orderedGoroutines =
    statFiles.length > 0 ? orderSnapshots(stats.filter((s) => s.goroutines)) : []
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
    let values = statSeries.map((m) => m[metric] ?? null)
    // MemStats files without a goroutine count (expvar): the goroutine profiles give it.
    if (
      metric === 'Goroutines' &&
      values.every((x) => x === null) &&
      orderedGoroutines.length === values.length
    ) {
      values = orderedGoroutines.map((s) => s.memstats!.Goroutines ?? null)
    }
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
  // Goroutines per function they wait in (the stack's first frame past the scheduler's),
  // one point per snapshot: names the goroutines that pile up.
  const goroutineFiles = orderedGoroutines.length > 0 ? orderedGoroutines : orderedStats
  if (goroutineFiles.length === labels.length && goroutineFiles.every((s) => s.goroutines)) {
    const perSnapshot = goroutineFiles.map((s) => {
      const counts = new Map<string, number>()
      for (const st of s.goroutines!.stacks) {
        const fn = withoutRuntimeLeaf(st.frames)[0]?.function
        if (fn) counts.set(fn, (counts.get(fn) ?? 0) + st.count)
      }
      return counts
    })
    for (const fn of new Set(perSnapshot.flatMap((c) => [...c.keys()]))) {
      const values = perSnapshot.map((c) => c.get(fn) ?? 0)
      if (values.some((x) => x !== values[0])) {
        metrics.push(seriesMetric('Goroutines', fn, 'count', values))
      }
    }
  }
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
