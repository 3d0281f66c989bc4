// Folds the files of one side into one aggregate and one MemStats.
import type { MemStats, Snapshot } from '../formats/model.js'
import { addProfile, emptyAggregate, type SideAggregate } from './aggregate.js'

/** pprof's order of heap sample types; other types follow in the order met. */
const ORDER = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']

/** The union of sample type names (with units) over all snapshots. */
export function sampleTypesOf(snapshots: Snapshot[]): { type: string; unit: string }[] {
  const seen = new Map<string, string>()
  for (const s of snapshots) for (const t of s.profile?.sampleTypes ?? []) seen.set(t.type, t.unit)
  const names = [...seen.keys()].sort((a, b) => rank(a) - rank(b))
  return names.map((type) => ({ type, unit: seen.get(type) ?? '' }))
}

function rank(t: string): number {
  const i = ORDER.indexOf(t)
  return i < 0 ? ORDER.length : i
}

/** Aggregates every profile of a side; undefined when the side has none. */
export function aggregateSide(
  snapshots: Snapshot[],
  sampleTypes: string[],
  withStacks = false,
): SideAggregate | undefined {
  const profiles = snapshots.filter((s) => s.profile)
  if (profiles.length === 0) return undefined
  const agg = emptyAggregate(sampleTypes, withStacks)
  for (const s of profiles) addProfile(agg, s.profile!)
  return agg
}

/**
 * The MemStats of a side. Each dedicated MemStats file (JSON, expvar, Prometheus) is one
 * process, so several are added up; the trailer of a debug=1 heap profile counts only when
 * the side has no dedicated file (it usually describes the same process).
 */
export function memstatsOfSide(
  snapshots: Snapshot[],
  side: string,
  warnings: string[],
): MemStats | undefined {
  const dedicated = snapshots.filter((s) => s.memstats && s.format !== 'heap-text')
  const sources = dedicated.length > 0 ? dedicated : snapshots.filter((s) => s.memstats)
  if (sources.length === 0) return undefined
  if (sources.length > 1) {
    warnings.push(
      `${side}: ${sources.length} files carry MemStats; their values are added up as separate processes`,
    )
  }
  const out: MemStats = {}
  for (const s of sources) {
    for (const [k, v] of Object.entries(s.memstats!)) {
      // A fraction does not add up across processes: keep the largest.
      out[k] = k === 'GCCPUFraction' ? Math.max(out[k] ?? 0, v) : (out[k] ?? 0) + v
    }
  }
  return out
}
