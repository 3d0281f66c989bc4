// From one snapshot's diff side (a diff with an empty baseline) to the Explanation: where
// the memory is, what the heap profile covers, who holds it, and what to do about it.
import { CLASS_INFO, coverageNote } from '../analysis/accounting.js'
import type { Diff } from '../analysis/types.js'
import type { MemStats } from '../formats/model.js'
import { formatBytes } from '../units.js'
import { adviceFor } from './advice.js'
import type {
  ExplainedClass,
  ExplainedCoverage,
  ExplainedGoroutines,
  Explanation,
} from './types.js'

/** How much an explanation lists. */
export interface ExplainOptions {
  /** Allocators and goroutine stacks listed. */
  top: number
  /** The sample type allocators are listed by; default inuse_space, else the diff's focus. */
  sampleType?: string
}

/** The explanation of a diff's candidate side; the baseline, if any, is ignored. Pure. */
export function explain(d: Diff, opts: ExplainOptions): Explanation {
  const top = Math.max(0, Math.floor(opts.top))
  const ms: MemStats = {}
  for (const [k, v] of Object.entries(d.memstats)) ms[k] = v.candidate
  const acc = d.accounting.candidate
  const sys = acc?.sys
  const classes: ExplainedClass[] = (acc?.classes ?? []).map((c) => ({
    class: c.class,
    label: CLASS_INFO[c.class].label,
    bytes: c.bytes,
    inSys: c.class !== 'outside_go',
    shareOfSys: c.class !== 'outside_go' && sys ? c.bytes / sys : null,
    sentence: CLASS_INFO[c.class].explain,
  }))

  const coverage = coverageOf(d, ms)
  const names = d.sampleTypes.map((t) => t.type)
  const sampleType =
    opts.sampleType ??
    (names.includes('inuse_space') ? 'inuse_space' : names.length ? d.focus : undefined)
  const total = sampleType ? d.totals[sampleType] : undefined
  const rows = sampleType
    ? d.allocators
        .filter((a) => a.sampleType === sampleType && a.candidate > 0)
        .sort((x, y) => y.candidate - x.candidate || (x.function < y.function ? -1 : 1))
    : []
  const allocators = rows.slice(0, top).map((a) => ({
    function: a.function,
    package: a.package,
    flat: a.candidate,
    cum: a.cumCandidate,
    share: total && total.candidate > 0 ? a.candidate / total.candidate : 0,
    stack: a.stack,
  }))

  const goroutines = goroutinesOf(d, ms, top)
  const outside = acc?.classes.find((c) => c.class === 'outside_go')?.bytes
  const advice = adviceFor({
    memstats: ms,
    rss: acc?.rss,
    outsideGo: outside,
    goroutines: goroutines?.total,
    coverage,
  })
  return {
    files: d.files.map((f) => ({ source: f.source, format: f.format })),
    ...(acc?.rss
      ? { rss: acc.rss }
      : ms.RSS !== undefined
        ? { rss: { bytes: ms.RSS, source: 'RSS' as const } }
        : {}),
    ...(sys !== undefined ? { sys } : ms.Sys !== undefined ? { sys: ms.Sys } : {}),
    classes,
    ...(coverage ? { coverage } : {}),
    ...(sampleType && total
      ? {
          profile: {
            sampleType,
            unit: total.unit,
            total: total.candidate,
            period: d.periods.candidate[0] ?? 0,
          },
        }
      : {}),
    allocators,
    moreAllocators: Math.max(0, rows.length - allocators.length),
    ...(goroutines ? { goroutines } : {}),
    ...(ms.LastGCLiveHeap !== undefined
      ? {
          gc: {
            liveHeap: ms.LastGCLiveHeap,
            ...(ms.LastGCHeapGoal !== undefined ? { heapGoal: ms.LastGCHeapGoal } : {}),
            ...(ms.PeakLiveHeap !== undefined ? { peakLiveHeap: ms.PeakLiveHeap } : {}),
          },
        }
      : {}),
    advice,
    warnings: d.warnings,
  }
}

/** Coverage with the reasons the profile differs from HeapAlloc; undefined without both. */
function coverageOf(d: Diff, ms: MemStats): ExplainedCoverage | undefined {
  const c = d.accounting.candidate?.coverage
  if (!c || c.heapAlloc === 0) return undefined
  const rate =
    c.period > 1
      ? ` (sampling one allocation per ${formatBytes(c.period)} allocated)`
      : c.period === 1
        ? ' (recording every allocation)'
        : ''
  const sentences = [
    `The heap profile shows ${formatBytes(c.profiled)} in use, ${Math.round(c.ratio * 100)}% of the live heap, HeapAlloc ${formatBytes(c.heapAlloc)}${rate}.`,
  ]
  const note = coverageNote(c)
  if (note) sentences.push(note)
  if (c.period > 1)
    sentences.push(
      `Its values are estimates: each sampled allocation is scaled up to stand for the bytes allocated between samples.`,
    )
  sentences.push(
    `In-use figures are as of the last completed GC: objects allocated since then are not in it yet, while HeapAlloc counts them (and garbage not yet collected).`,
  )
  if (ms.Sys !== undefined) {
    const rest = ms.Sys - ms.HeapAlloc
    sentences.push(
      `The profile sees heap objects only: ${formatBytes(rest)} of Sys (${formatBytes(ms.Sys)}) is not live heap — goroutine stacks, GC metadata, free heap the runtime keeps, fragmentation inside spans and runtime structures (the classes above); memory outside Go (cgo, mmap, the binary) is not even in Sys.`,
    )
  }
  return {
    profiled: c.profiled,
    heapAlloc: c.heapAlloc,
    ratio: c.ratio,
    period: c.period,
    sentences,
  }
}

function goroutinesOf(d: Diff, ms: MemStats, top: number): ExplainedGoroutines | undefined {
  const g = d.goroutines
  if (g) {
    const stacks = g.stacks
      .filter((s) => s.candidate > 0)
      .map((s) => ({ frames: s.frames, count: s.candidate }))
    return {
      total: g.candidate,
      source: 'goroutine profile',
      stacks: stacks.slice(0, top),
      moreStacks: Math.max(0, stacks.length - top),
    }
  }
  if (ms.Goroutines !== undefined)
    return { total: ms.Goroutines, source: 'MemStats', stacks: [], moreStacks: 0 }
  return undefined
}

/** Whether a snapshot gave explain anything to say: MemStats, a heap profile or goroutines. */
export function hasAnything(e: Explanation): boolean {
  return (
    e.gc !== undefined ||
    e.sys !== undefined ||
    e.rss !== undefined ||
    e.profile !== undefined ||
    e.goroutines !== undefined
  )
}
