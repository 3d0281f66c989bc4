// Builds Diff values for policy tests with realistic numbers; only the fields policy reads matter.
import type { AllocatorChange, Diff } from '../../src/analysis/types.js'
import { metricUnit } from '../../src/policy/metrics.js'

export const KiB = 1024
export const MiB = 1024 * 1024

/** A figure on both sides: [baseline, candidate]; baseline null when absent. */
export type Pair = [number | null, number]

/** One allocator or package row: function (or package path), sample type and flat values. */
export interface Row {
  fn: string
  pkg?: string
  type?: string
  values: Pair
  /** Sampling standard deviation of the delta (default 0: exact). */
  sigma?: number
}

export interface DiffSpec {
  hasBaseline?: boolean
  totals?: Record<string, Pair>
  memstats?: Record<string, Pair>
  allocators?: Row[]
  packages?: Row[]
  /** Sampling standard deviation of each total's delta (default 0: exact). */
  sigma?: Record<string, number>
}

/** A Diff from a compact spec; `hasBaseline: false` nulls every baseline. */
export function makeDiff(spec: DiffSpec): Diff {
  const hasBaseline = spec.hasBaseline ?? true
  const change = ([b, c]: Pair) => {
    const baseline = hasBaseline ? b : null
    return { baseline, candidate: c, delta: baseline === null ? null : c - baseline }
  }
  const row = (r: Row): AllocatorChange => {
    const sampleType = r.type ?? 'inuse_space'
    const c = change(r.values)
    return {
      ...c,
      function: r.fn,
      package: r.pkg ?? packageOf(r.fn),
      sampleType,
      unit: metricUnit(sampleType),
      cumBaseline: c.baseline,
      cumCandidate: c.candidate,
      sigma: r.sigma ?? 0,
      stack: [],
    }
  }
  const totals = Object.fromEntries(
    Object.entries(spec.totals ?? {}).map(([k, v]) => [
      k,
      { ...change(v), unit: metricUnit(k), sigma: spec.sigma?.[k] ?? 0 },
    ]),
  )
  const memstats = Object.fromEntries(
    Object.entries(spec.memstats ?? {}).map(([k, v]) => [k, { ...change(v), unit: metricUnit(k) }]),
  )
  return {
    hasBaseline,
    sampleTypes: Object.keys(totals).map((type) => ({
      type,
      unit: metricUnit(type) === 'bytes' ? 'bytes' : 'count',
    })),
    focus: 'inuse_space',
    totals,
    memstats,
    allocators: (spec.allocators ?? []).map(row),
    packages: (spec.packages ?? []).map(row),
    files: [],
    accounting: {},
    periods: { baseline: hasBaseline ? [524288] : [], candidate: [524288] },
    warnings: [],
  }
}

/** `github.com/acme/svc/cache.(*LRU).Put` → `github.com/acme/svc/cache`. */
export function packageOf(fn: string): string {
  const slash = fn.lastIndexOf('/')
  const dot = fn.indexOf('.', slash + 1)
  return dot < 0 ? fn : fn.slice(0, dot)
}

/**
 * A service whose cache leaks: `main.(*Cache).Put` holds 12 MiB → 30 MiB, the heap grows
 * from 40 MiB to 58 MiB; everything else moves within sampling noise.
 */
export function leakyCacheDiff(): Diff {
  return makeDiff({
    totals: {
      alloc_objects: [1_450_000, 1_520_000],
      alloc_space: [310 * MiB, 334 * MiB],
      inuse_objects: [210_000, 342_000],
      inuse_space: [40 * MiB, 58 * MiB],
    },
    memstats: {
      HeapAlloc: [44 * MiB, 63 * MiB],
      HeapInuse: [48 * MiB, 67 * MiB],
      StackInuse: [1.2 * MiB, 1.25 * MiB],
      Goroutines: [42, 44],
      NumGC: [31, 33],
    },
    allocators: [
      { fn: 'main.(*Cache).Put', values: [12 * MiB, 30 * MiB] },
      { fn: 'encoding/json.(*decodeState).literalStore', values: [6 * MiB, 6.3 * MiB] },
      { fn: 'runtime/pprof.(*profileBuilder).emitLocation', values: [0.5 * MiB, 0.6 * MiB] },
      { fn: 'main.(*Cache).Put', type: 'alloc_space', values: [40 * MiB, 58 * MiB] },
    ],
    packages: [
      { fn: 'main', pkg: 'main', values: [14 * MiB, 32 * MiB] },
      { fn: 'encoding/json', pkg: 'encoding/json', values: [6 * MiB, 6.3 * MiB] },
    ],
  })
}
