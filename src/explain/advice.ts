// The advice rules of `explain`: each compares a few figures of one snapshot against a named
// threshold (docs/explain.md lists them) and says what to look at when it is crossed.
import type { MemStats } from '../formats/model.js'
import { formatBytes, formatCount } from '../units.js'
import type { Advice } from './types.js'

const MiB = 1024 * 1024

/** The thresholds of the rules, by name; docs/explain.md quotes them. */
export const ADVICE_THRESHOLDS = {
  /** retained-idle: HeapIdle − HeapReleased at least this… */
  retainedIdleMin: 32 * MiB,
  /** …and at least this many times the live heap (HeapAlloc). */
  retainedIdleOfLive: 1,
  /** heap-goal: NextGC at least this many times HeapAlloc… */
  heapGoalOfLive: 4,
  /** …and at least this far above it. */
  heapGoalAbove: 64 * MiB,
  /** goroutines: at least this many goroutines… */
  goroutinesMin: 1000,
  /** …or StackInuse at least this… */
  stackInuseMin: 32 * MiB,
  /** …and at least this part of Sys. */
  stackInuseOfSys: 0.25,
  /** outside-go: RSS − (Sys − HeapReleased) at least this… */
  outsideGoMin: 32 * MiB,
  /** …and at least this part of RSS. */
  outsideGoOfRss: 0.2,
  /** fragmentation: HeapInuse − HeapAlloc at least this… */
  fragmentationMin: 8 * MiB,
  /** …and at least this part of HeapAlloc. */
  fragmentationOfLive: 0.5,
  /** sampling: a sampled profile's inuse_space outside this band of HeapAlloc. */
  coverageLow: 0.7,
  coverageHigh: 1.3,
} as const

/** What the rules read: MemStats of the snapshot, RSS, goroutines and the profile's coverage. */
export interface AdviceInput {
  memstats?: MemStats
  rss?: { bytes: number; source: 'RSS' | 'MaxRSS' }
  /** RSS beyond the runtime's resident memory (the `outside_go` class). */
  outsideGo?: number
  goroutines?: number
  coverage?: { ratio: number; period: number; profiled: number; heapAlloc: number }
}

const pct = (r: number) => `${Math.round(r * 100)}%`

/** Every rule whose threshold the snapshot crosses, in the order of ADVICE_CODES. */
export function adviceFor(input: AdviceInput): Advice[] {
  const out: Advice[] = []
  const t = ADVICE_THRESHOLDS
  const ms = input.memstats ?? {}
  const has = (...f: string[]) => f.every((k) => ms[k] !== undefined)

  if (has('HeapIdle', 'HeapReleased', 'HeapAlloc')) {
    const retained = ms.HeapIdle - ms.HeapReleased
    if (retained >= t.retainedIdleMin && retained >= t.retainedIdleOfLive * ms.HeapAlloc) {
      out.push({
        code: 'retained-idle',
        severity: 'warning',
        text:
          `The runtime keeps ${formatBytes(retained)} of free heap it does not use (HeapIdle − HeapReleased), ` +
          `more than the live heap (${formatBytes(ms.HeapAlloc)}); it counts in RSS. A soft limit (GOMEMLIMIT, ` +
          `debug.SetMemoryLimit) makes the scavenger return it sooner; debug.FreeOSMemory() returns it at once ` +
          `after a burst of short-lived allocations.`,
        figures: { retainedIdle: retained, heapAlloc: ms.HeapAlloc },
      })
    }
  }

  // NextGC against HeapAlloc; from a gctrace log, the last GC's goal against the heap it marked.
  // The readers drop the goal of a GC that is off (~2^63), so a GC turned off is not seen here.
  const [goal, live] = has('NextGC', 'HeapAlloc')
    ? [ms.NextGC, ms.HeapAlloc]
    : has('LastGCHeapGoal', 'LastGCLiveHeap')
      ? [ms.LastGCHeapGoal, ms.LastGCLiveHeap]
      : [undefined, undefined]
  if (
    goal !== undefined &&
    live !== undefined &&
    goal >= t.heapGoalOfLive * live &&
    goal - live >= t.heapGoalAbove
  ) {
    out.push({
      code: 'heap-goal',
      severity: 'info',
      text:
        `The heap goal (${formatBytes(goal)}) is ${(goal / Math.max(1, live)).toFixed(1)}× the live heap ` +
        `(${formatBytes(live)}): the heap may grow that far before the next GC. A lower GOGC (the default is ` +
        `100, a goal of twice the live heap) or a GOMEMLIMIT keeps it smaller, at the cost of more GC work.`,
      figures: { heapGoal: goal, liveHeap: live },
    })
  }

  const stack = ms.StackInuse
  const sys = ms.Sys
  const many = input.goroutines !== undefined && input.goroutines >= t.goroutinesMin
  const bigStacks =
    stack !== undefined &&
    sys !== undefined &&
    sys > 0 &&
    stack >= t.stackInuseMin &&
    stack >= t.stackInuseOfSys * sys
  if (many || bigStacks) {
    const count =
      input.goroutines !== undefined ? `${formatCount(input.goroutines)} goroutines` : ''
    const stacks =
      stack !== undefined ? `${formatBytes(stack)} of goroutine stacks (StackInuse)` : ''
    out.push({
      code: 'goroutines',
      severity: 'warning',
      text:
        `The process holds ${[count, stacks].filter((s) => s).join(' and ')}. Goroutines blocked forever ` +
        `(on a channel, a lock, a request that never ends) keep their stacks and everything they reference: ` +
        `look at the goroutine profile (/debug/pprof/goroutine) for the stacks that hold most of them.`,
      figures: {
        ...(input.goroutines !== undefined ? { goroutines: input.goroutines } : {}),
        ...(stack !== undefined ? { stackInuse: stack } : {}),
        ...(sys !== undefined ? { sys } : {}),
      },
    })
  }

  if (input.rss && input.outsideGo !== undefined) {
    const outside = input.outsideGo
    if (outside >= t.outsideGoMin && outside >= t.outsideGoOfRss * input.rss.bytes) {
      const peak =
        input.rss.source === 'MaxRSS' ? ' (MaxRSS is the peak, so this may overstate it)' : ''
      out.push({
        code: 'outside-go',
        severity: 'warning',
        text:
          `At least ${formatBytes(outside)} (${pct(outside / input.rss.bytes)} of RSS) is memory outside the Go ` +
          `runtime${peak}: cgo or C libraries (their malloc), memory-mapped files (mmap), or a large binary. ` +
          `No Go profile shows it; look at /proc/PID/smaps, or a C heap profiler.`,
        figures: { outsideGo: outside, rss: input.rss.bytes },
      })
    }
  }

  if (has('HeapInuse', 'HeapAlloc') && ms.HeapAlloc > 0) {
    const frag = ms.HeapInuse - ms.HeapAlloc
    if (frag >= t.fragmentationMin && frag >= t.fragmentationOfLive * ms.HeapAlloc) {
      out.push({
        code: 'fragmentation',
        severity: 'info',
        text:
          `${formatBytes(frag)} of the heap's spans are free slots between live objects (HeapInuse − HeapAlloc), ` +
          `${pct(frag / ms.HeapAlloc)} of the live heap. Spans hold objects of one size class; many small objects ` +
          `of mixed lifetimes (a cache, a map that keeps a few entries per span) leave them part empty. Fewer, ` +
          `larger allocations, or pooling, reduce it.`,
        figures: { fragmentation: frag, heapAlloc: ms.HeapAlloc },
      })
    }
  }

  const c = input.coverage
  if (
    c &&
    c.period > 1 &&
    c.heapAlloc > 0 &&
    (c.ratio < t.coverageLow || c.ratio > t.coverageHigh)
  ) {
    out.push({
      code: 'sampling',
      severity: 'info',
      text:
        `The heap profile shows ${pct(c.ratio)} of the live heap, sampling one allocation per ` +
        `${formatBytes(c.period)} allocated on average. For a closer picture set runtime.MemProfileRate lower ` +
        `(e.g. 4096, or 1 to record every allocation, as in tests) at the start of main.`,
      figures: {
        coverage: c.ratio,
        period: c.period,
        profiled: c.profiled,
        heapAlloc: c.heapAlloc,
      },
    })
  }
  return out
}
