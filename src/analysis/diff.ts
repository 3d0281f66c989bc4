// Diffs a baseline side against a candidate side: totals, MemStats and every allocator.
import { GateError } from '../errors.js'
import { STACK_MIN_SHARE, type StackFold } from '../formats/fold/stack-table.js'
import { MEMSTATS_FIELDS, memstatsUnit, type MemStats, type Snapshot } from '../formats/model.js'
import { warning, type Warning } from '../warnings.js'
import { accountingOf, classFields, coverageOf } from './accounting.js'
import { diffBenchmarks } from './benchmarks.js'
import { diffGoroutines, diffLeakedGoroutines } from './goroutines.js'
import { analyseSeries } from './series.js'
import { unitOf, type Unit } from '../units.js'
import type { SideAggregate } from './merge.js'
import { aggregateSide, memstatsOfSide, sampleTypesOf } from './sides.js'
import type {
  Accounting,
  AllocatorChange,
  Change,
  Diff,
  FileSummary,
  TotalChange,
} from './types.js'

/** Options of a compare. */
export interface DiffOptions {
  /** The sample type reports focus on; default: the candidate profiles' own default, else inuse_space. */
  sampleType?: string
  /**
   * Also group by whole call stack (Diff.stacks), from the folds' stacks: the files must be
   * read with `stacks` too. Costly on big profiles, so off by default. `'prefixes'`: they were
   * read so (the HTML report), the small stacks rolled up into their callers.
   */
  stacks?: StackFold
  /** Snapshots of one candidate process over time, for leak detection within a run. */
  series?: Snapshot[]
}

/** Compares two sides. An empty baseline list means there is no baseline. */
export function diff(baseline: Snapshot[], candidate: Snapshot[], opts: DiffOptions = {}): Diff {
  const warnings: Warning[] = []
  for (const s of [...baseline, ...candidate]) warnings.push(...s.warnings)
  const hasBaseline = baseline.length > 0
  const sampleTypes = sampleTypesOf([...baseline, ...candidate])
  const names = sampleTypes.map((t) => t.type)
  const focus = chooseFocus(candidate, names, opts.sampleType)

  const base = hasBaseline ? aggregateSide(baseline, names, !!opts.stacks) : undefined
  const cand = aggregateSide(candidate, names, !!opts.stacks)
  const totals: Record<string, TotalChange> = {}
  sampleTypes.forEach((t, c) => {
    if (!cand && !base) return
    totals[t.type] = {
      unit: unitOf(t.unit),
      ...change(base ? base.totals[c] : null, cand ? cand.totals[c] : 0),
      sigma: Math.sqrt((base?.totalsVar[c] ?? 0) + (cand?.totalsVar[c] ?? 0)),
    }
  })

  const periods = { baseline: periodsOf(baseline), candidate: periodsOf(candidate) }
  if (
    hasBaseline &&
    periods.baseline.length &&
    periods.candidate.length &&
    periods.baseline.join() !== periods.candidate.join()
  ) {
    warnings.push(
      warning(
        'sampling-periods-differ',
        `sampling periods differ: baseline ${periods.baseline.join(', ')} bytes, candidate ${periods.candidate.join(', ')} bytes; values are unbiased, but noise differs`,
      ),
    )
  }
  if (hasBaseline && cand && !base)
    warnings.push(
      warning(
        'baseline-without-profile',
        'the baseline has no heap profile: only MemStats are compared',
      ),
    )
  const omitted = (base?.stacksOmitted ?? 0) + (cand?.stacksOmitted ?? 0)
  if (opts.stacks && omitted > 0) {
    const rolled = opts.stacks === 'prefixes'
    warnings.push(
      warning(
        'stacks-omitted',
        `${rolled ? '' : '--stacks: '}${omitted.toLocaleString('en-US')} call stacks under ${STACK_MIN_SHARE * 100}% of their profile's total in every sample type ${rolled ? 'are rolled up into their callers' : 'are left out'}`,
      ),
    )
  }

  const inuse = names.indexOf('inuse_space')
  const b = hasBaseline
    ? sideFigures(
        baseline,
        'baseline',
        base && inuse >= 0 ? base.totals[inuse] : undefined,
        warnings,
      )
    : {}
  const c = sideFigures(
    candidate,
    'candidate',
    cand && inuse >= 0 ? cand.totals[inuse] : undefined,
    warnings,
  )
  return {
    hasBaseline,
    sampleTypes,
    focus,
    focusAsked: !!opts.sampleType,
    totals,
    memstats: diffFigures(b.figures, c.figures),
    accounting: { baseline: b.accounting, candidate: c.accounting },
    goroutines: diffGoroutines(baseline, candidate, hasBaseline),
    leakedGoroutines: diffLeakedGoroutines(baseline, candidate, hasBaseline),
    benchmarks: diffBenchmarks(baseline, candidate, hasBaseline, warnings),
    series: opts.series && opts.series.length > 0 ? analyseSeries(opts.series) : undefined,
    allocators: rows(base, cand, 'functions', sampleTypes, hasBaseline),
    packages: rows(base, cand, 'packages', sampleTypes, hasBaseline),
    stacks: opts.stacks ? rows(base, cand, 'stacks', sampleTypes, hasBaseline) : undefined,
    files: [...summaries(baseline, 'baseline'), ...summaries(candidate, 'candidate')],
    periods,
    warnings,
  }
}

function chooseFocus(candidate: Snapshot[], names: string[], asked?: string): string {
  if (asked) {
    if (names.length > 0 && !names.includes(asked)) {
      throw new GateError(
        'USAGE',
        `--sample-type ${asked}: no profile has this sample type`,
        `use one of ${names.join(', ')}`,
      )
    }
    return asked
  }
  const defaults = new Set(candidate.map((s) => s.profile?.defaultSampleType).filter((d) => d))
  if (defaults.size === 1) {
    const [d] = defaults
    if (d && names.includes(d)) return d
  }
  if (names.includes('inuse_space')) return 'inuse_space'
  return names[0] ?? 'inuse_space'
}

function change(baseline: number | null, candidate: number): Change {
  return { baseline, candidate, delta: baseline === null ? null : candidate - baseline }
}

function rows(
  base: SideAggregate | undefined,
  cand: SideAggregate | undefined,
  kind: 'functions' | 'packages' | 'stacks',
  sampleTypes: { type: string; unit: string }[],
  hasBaseline: boolean,
): AllocatorChange[] {
  const out: AllocatorChange[] = []
  const keys = new Set([...(base?.[kind]?.keys() ?? []), ...(cand?.[kind]?.keys() ?? [])])
  // A side with no profile contributes no figures (null), not zeros.
  const baseKnown = hasBaseline && base !== undefined
  for (const key of keys) {
    const b = base?.[kind]?.get(key)
    const c = cand?.[kind]?.get(key)
    sampleTypes.forEach((t, i) => {
      const bf = b?.flat[i] ?? 0
      const cf = c?.flat[i] ?? 0
      const bc = b?.cum[i] ?? 0
      const cc = c?.cum[i] ?? 0
      if (bf === 0 && cf === 0 && bc === 0 && cc === 0) return
      const flat = change(baseKnown ? bf : null, cf)
      out.push({
        function: key,
        package: (c ?? b)!.package,
        sampleType: t.type,
        unit: unitOf(t.unit),
        // change()'s fields one by one, not spread: one object shape for thousands of rows.
        baseline: flat.baseline,
        candidate: flat.candidate,
        delta: flat.delta,
        cumBaseline: baseKnown ? bc : null,
        cumCandidate: cc,
        sigma: Math.sqrt((baseKnown ? (b?.flatVar[i] ?? 0) : 0) + (c?.flatVar[i] ?? 0)),
        stack: c?.heaviest[i] ?? [],
      })
    })
  }
  return out.sort(
    (x, y) =>
      (y.delta ?? y.candidate) - (x.delta ?? x.candidate) ||
      y.candidate - x.candidate ||
      (x.function < y.function ? -1 : 1),
  )
}

/** Per side: MemStats plus the derived figures (memory classes, profile coverage). */
function sideFigures(
  snapshots: Snapshot[],
  side: 'baseline' | 'candidate',
  profiled: number | undefined,
  warnings: Warning[],
): { figures?: MemStats; accounting?: Accounting } {
  const ms = memstatsOfSide(snapshots, side, warnings)
  if (!ms) return {}
  const figures: MemStats = { ...ms }
  const accounting = accountingOf(ms)
  if (accounting) {
    Object.assign(figures, classFields(accounting))
    if (profiled !== undefined) {
      const period = periodsOf(snapshots)[0] ?? 0
      accounting.coverage = coverageOf(profiled, ms.HeapAlloc, period)
      figures.profile_coverage = accounting.coverage.ratio
    }
  }
  return { figures, accounting }
}

function diffFigures(
  b: MemStats | undefined,
  c: MemStats | undefined,
): Record<string, Change & { unit: Unit }> {
  const out: Record<string, Change & { unit: Unit }> = {}
  if (!c) return out
  for (const field of MEMSTATS_FIELDS) {
    const cv = c[field]
    if (cv === undefined) continue
    out[field] = { unit: memstatsUnit(field), ...change(b?.[field] ?? null, cv) }
  }
  return out
}

function periodsOf(snapshots: Snapshot[]): number[] {
  return [...new Set(snapshots.map((s) => s.profile?.period).filter((p): p is number => !!p))].sort(
    (a, b) => a - b,
  )
}

/** How reports list the input files of a side. */
export function summaries(snapshots: Snapshot[], side: 'baseline' | 'candidate'): FileSummary[] {
  return snapshots.map((s) => {
    const totals: Record<string, number> = {}
    const fold = s.profile?.fold
    fold?.sampleTypes.forEach((t, i) => (totals[t] = fold.totals[i]))
    return {
      side,
      source: s.source,
      format: s.format,
      totals,
      period: s.profile?.period ?? 0,
      hasMemStats: !!s.memstats,
    }
  })
}
