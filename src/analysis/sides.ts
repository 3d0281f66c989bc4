// Merges the files of one side into one fold and one MemStats.
import { GO_HEAP_SAMPLE_TYPES, type MemStats, type Snapshot } from '../formats/model.js'
import { warning, type Warning } from '../warnings.js'
import { mergeFolds, type SideAggregate } from './merge.js'

/** pprof's order of heap sample types; other types follow in the order met. */
const ORDER: readonly string[] = GO_HEAP_SAMPLE_TYPES

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

/** The folds of every profile of a side, merged; undefined when the side has none. */
export function aggregateSide(
  snapshots: Snapshot[],
  sampleTypes: string[],
  withStacks = false,
): SideAggregate | undefined {
  const folds = snapshots.flatMap((s) => (s.profile ? [s.profile.fold] : []))
  return folds.length > 0 ? mergeFolds(folds, sampleTypes, withStacks) : undefined
}

/** Kinds of files that carry MemStats figures, the most complete first. */
const FAMILIES: { name: string; formats: string[] }[] = [
  { name: 'MemStats', formats: ['memstats-json', 'expvar', 'prometheus', 'runtime-metrics'] },
  { name: 'heap profile trailer', formats: ['heap-text'] },
  { name: 'goroutine profile', formats: ['goroutine-pprof', 'goroutine-text'] },
  { name: 'gctrace', formats: ['gctrace'] },
]

/**
 * The MemStats of a side. Files of one kind are separate processes and add up (a full
 * MemStats dump, a debug=1 trailer, a goroutine profile, a gctrace log); each field comes
 * from the most complete kind that has it, so a trailer or a goroutine count never doubles
 * what a MemStats dump of the same process already says.
 */
export function memstatsOfSide(
  snapshots: Snapshot[],
  side: string,
  warnings: Warning[],
): MemStats | undefined {
  const out: MemStats = {}
  let any = false
  for (const family of FAMILIES) {
    const files = snapshots.filter((s) => s.memstats && family.formats.includes(s.format))
    if (files.length === 0) continue
    any = true
    if (files.length > 1 && family.name === 'MemStats') {
      warnings.push(
        warning(
          'memstats-added',
          `${side}: ${files.length} files carry MemStats; their values are added up as separate processes`,
          side,
        ),
      )
    }
    const sum: MemStats = {}
    for (const f of files) {
      for (const [k, v] of Object.entries(f.memstats!)) {
        // A fraction does not add up across processes: keep the largest.
        sum[k] = k === 'GCCPUFraction' ? Math.max(sum[k] ?? 0, v) : (sum[k] ?? 0) + v
      }
    }
    for (const [k, v] of Object.entries(sum)) if (out[k] === undefined) out[k] = v
  }
  return any ? out : undefined
}
