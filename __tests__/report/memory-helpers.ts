// Report inputs with memory accounting (figures of a real service run) and a leaking series.
import { suspectOf } from '../../src/policy/leaks.js'
import { accountingOf, classFields, coverageOf } from '../../src/analysis/accounting.js'
import { trendOf } from '../../src/analysis/trend.js'
import type { Diff, SeriesAnalysis, SeriesMetric } from '../../src/analysis/types.js'
import type { MemStats } from '../../src/formats/model.js'
import type { LeakSuspect, Verdict } from '../../src/policy/types.js'
import { leakDiff, MiB, noBaselineDiff, passVerdict } from './helpers.js'

const KiB = 1024
const r = Math.round

/** MemStats of the candidate of a real run (the service fixture under load), RSS from /proc. */
export function candidateMemStats(): MemStats {
  return {
    HeapAlloc: r(14.1 * MiB),
    HeapInuse: 23 * MiB,
    HeapIdle: r(24.7 * MiB),
    HeapReleased: r(20.8 * MiB),
    StackSys: 320 * KiB,
    MSpanSys: 365 * KiB,
    MCacheSys: r(15.2 * KiB),
    BuckHashSys: r(1.39 * MiB),
    GCSys: r(9.21 * MiB),
    OtherSys: 577 * KiB,
    RSS: 40 * MiB,
  }
}

/** The same service before the change: a smaller heap. */
export function baselineMemStats(): MemStats {
  return {
    HeapAlloc: 12 * MiB,
    HeapInuse: 20 * MiB,
    HeapIdle: 22 * MiB,
    HeapReleased: 19 * MiB,
    StackSys: 288 * KiB,
    MSpanSys: 330 * KiB,
    MCacheSys: r(15.2 * KiB),
    BuckHashSys: r(1.39 * MiB),
    GCSys: r(8.5 * MiB),
    OtherSys: 560 * KiB,
    RSS: 36 * MiB,
  }
}

/** The leak diff with both sides' accounting and the derived class fields in `memstats`. */
export function accountingDiff(): Diff {
  const d = leakDiff()
  const b = accountingOf(baselineMemStats())!
  const c = accountingOf(candidateMemStats())!
  b.coverage = coverageOf(12 * MiB, baselineMemStats().HeapAlloc, 524288)
  c.coverage = coverageOf(30.5 * MiB, candidateMemStats().HeapAlloc, 524288)
  const bf = classFields(b)
  const cf = classFields(c)
  for (const k of Object.keys(cf))
    d.memstats[k] = { unit: 'bytes', baseline: bf[k], candidate: cf[k], delta: cf[k] - bf[k] }
  d.memstats.profile_coverage = {
    unit: 'fraction',
    baseline: b.coverage.ratio,
    candidate: c.coverage.ratio,
    delta: c.coverage.ratio - b.coverage.ratio,
  }
  d.accounting = { baseline: b, candidate: c }
  return d
}

/** A first run: only the candidate's accounting. */
export function candidateOnlyAccountingDiff(): Diff {
  const d = noBaselineDiff()
  d.accounting = { candidate: accountingOf(candidateMemStats())! }
  return d
}

function metric(name: string, subject: string, unit: 'bytes' | 'count', values: number[]) {
  return { metric: name, subject, unit, values, trend: trendOf(values) } satisfies SeriesMetric
}

/** Eight snapshots of a process whose cache (and `leaker`) keep growing. */
export function leakingSeries(leaker = 'main.(*Cache).Put'): SeriesAnalysis {
  const mib = (xs: number[]) => xs.map((x) => r(x * MiB))
  return {
    labels: Array.from({ length: 8 }, (_, i) => `run/heap-${i + 1}.pb.gz`),
    order: 'file name',
    metrics: [
      metric('HeapInuse', 'HeapInuse', 'bytes', mib([14, 17, 20, 23.5, 26, 29, 32.5, 35])),
      metric('RSS', 'RSS', 'bytes', mib([30, 33, 36, 39, 42, 45.5, 48, 51])),
      metric('Goroutines', 'Goroutines', 'count', [50, 51, 50, 52, 51, 50, 52, 51]),
      metric('inuse_space', leaker, 'bytes', mib([2, 5, 8, 11, 14, 17, 20, 23])),
      metric('inuse_space', 'main.loadConfig', 'bytes', mib([5, 5, 5, 5, 5, 5, 5, 5])),
      metric('inuse_space', 'bytes.growSlice', 'bytes', mib([1, 1.5, 1, 1.2, 1, 1.4, 1, 1.1])),
    ],
  }
}

/** The leaking series' suspects: HeapInuse and RSS (naming the leaker), and the leaker. */
export function leakSuspects(series: SeriesAnalysis): LeakSuspect[] {
  const [heap, rss, , leaker] = series.metrics
  const allocators = [{ function: leaker.subject, slopePerSnapshot: leaker.trend.slopePerSnapshot }]
  return [suspectOf(heap, allocators), suspectOf(rss, allocators), suspectOf(leaker)]
}

/** The accounting diff with a leaking series. */
export function seriesDiff(leaker?: string): Diff {
  return { ...accountingDiff(), series: leakingSeries(leaker) }
}

/** A verdict that fails on the leak alone (no rule violated). */
export function leakVerdict(series: SeriesAnalysis): Verdict {
  return { ...passVerdict(), status: 'fail', leakSuspects: leakSuspects(series) }
}

/** The bodies of the ```mermaid blocks in `md`. */
export function mermaidBlocks(md: string): string[] {
  return [...md.matchAll(/^(`{3,})mermaid\n([^]*?)\n\1$/gm)].map((m) => m[2])
}
