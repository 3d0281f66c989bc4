// One history entry from a compare's candidate side: the figures the rules judge, kept
// small (top allocators only) so a history of hundreds of pushes stays under its cap.
import { MEMORY_CLASSES } from '../analysis/types.js'
import type { JudgedDiff } from '../policy/types.js'
import type { HistoryEntry } from './types.js'

/** Allocators kept per sample type, by candidate flat value. */
export const TOP_ALLOCATORS = 50

/** Who and when an entry is for (the shell knows these, the diff does not). */
export interface EntryMeta {
  commit: string
  /** ISO 8601. */
  time: string
  goVersion?: string
}

const DERIVED: ReadonlySet<string> = new Set<string>([...MEMORY_CLASSES, 'profile_coverage'])

/**
 * The entry for the candidate side of a judged compare: its totals, MemStats fields (derived
 * classes apart, in `classes`), the top TOP_ALLOCATORS functions of each sample type by flat
 * value, benchmark medians keyed `name|unit`, and the heap profile's sampling period.
 */
export function entryOf(result: { diff: JudgedDiff }, meta: EntryMeta): HistoryEntry {
  const { diff } = result
  const totals: Record<string, number> = {}
  for (const [t, c] of Object.entries(diff.totals)) totals[t] = c.candidate
  const memstats: Record<string, number> = {}
  for (const [f, c] of Object.entries(diff.memstats)) {
    if (!DERIVED.has(f) && Number.isFinite(c.candidate)) memstats[f] = c.candidate
  }
  const classes: Record<string, number> = {}
  for (const c of diff.accounting.candidate?.classes ?? []) classes[c.class] = c.bytes
  const allocators: Record<string, Record<string, number>> = {}
  for (const type of Object.keys(diff.totals)) {
    const rows = diff.allocators
      .filter((r) => r.sampleType === type && r.candidate > 0)
      .sort((a, b) => b.candidate - a.candidate || (a.function < b.function ? -1 : 1))
      .slice(0, TOP_ALLOCATORS)
    if (rows.length > 0)
      allocators[type] = Object.fromEntries(rows.map((r) => [r.function, r.candidate]))
  }
  const benchmarks: Record<string, number> = {}
  for (const b of diff.benchmarks ?? []) {
    const key = benchmarkKey(b.name, b.metric)
    // The same name in two packages: the first (as the report lists them) is kept.
    if (!(key in benchmarks)) benchmarks[key] = b.candidate
  }
  const profile = diff.files.find((f) => f.side === 'candidate' && Object.keys(f.totals).length > 0)
  return {
    commit: meta.commit,
    time: meta.time,
    ...(meta.goVersion ? { goVersion: meta.goVersion } : {}),
    period: profile?.period ?? 0,
    totals,
    memstats,
    classes,
    allocators,
    benchmarks,
  }
}

/** How a benchmark's median is keyed in an entry: the JSON report's `name` and `metric`. */
export function benchmarkKey(name: string, metric: string): string {
  return `${name}|${metric}`
}
