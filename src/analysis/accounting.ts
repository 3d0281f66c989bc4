// Where a Go process's memory went: MemStats split into classes that add up to Sys exactly,
// plus what RSS holds beyond the runtime, and how much of the live heap the profile shows.
import type { MemStats } from '../formats/model.js'
import { formatBytes } from '../units.js'
import type { Accounting, ClassBytes, Coverage, MemoryClass } from './types.js'

/** A class's name for people and the one sentence that explains it to a newcomer. */
export const CLASS_INFO: Record<MemoryClass, { label: string; explain: string }> = {
  live_heap: {
    label: 'Live heap objects',
    explain:
      'Objects your code allocated that are still reachable (HeapAlloc); the heap profile samples these.',
  },
  fragmentation: {
    label: 'Fragmentation in used spans',
    explain:
      'Free slots inside heap spans that also hold live objects (HeapInuse − HeapAlloc); many objects of mixed lifetimes raise it.',
  },
  retained_idle: {
    label: 'Free heap kept by the runtime',
    explain:
      'Heap the runtime freed but still holds, ready for reuse (HeapIdle − HeapReleased); it counts in RSS. GOMEMLIMIT or debug.FreeOSMemory make the runtime hand it back sooner, GOGC changes how much the heap grows before a GC.',
  },
  released: {
    label: 'Heap returned to the OS',
    explain:
      'Freed heap the runtime has given back to the OS (HeapReleased); still reserved address space, not in RSS.',
  },
  stacks: {
    label: 'Goroutine stacks',
    explain:
      'Stack memory of goroutines (StackSys); thousands of blocked, leaked goroutines show up here.',
  },
  gc_metadata: {
    label: 'GC metadata',
    explain: 'Bitmaps and work buffers the garbage collector needs (GCSys); grows with the heap.',
  },
  span_cache: {
    label: 'Span and cache structures',
    explain: 'The runtime’s bookkeeping of heap spans and per-P caches (MSpanSys + MCacheSys).',
  },
  profiling: {
    label: 'Profiling buckets',
    explain:
      'The memory profiler’s own hash table of call stacks (BuckHashSys); large with MemProfileRate = 1.',
  },
  other_runtime: {
    label: 'Other runtime memory',
    explain:
      'Everything else the runtime allocated off-heap (OtherSys): timers, channels of the runtime, traces.',
  },
  outside_go: {
    label: 'Outside the Go runtime (at least)',
    explain:
      'RSS beyond all the memory the runtime holds (Sys − HeapReleased), so a lower bound: the binary’s code and data, cgo and C allocations, memory-mapped files.',
  },
}

const NEEDED = [
  'HeapAlloc',
  'HeapInuse',
  'HeapIdle',
  'HeapReleased',
  'StackSys',
  'MSpanSys',
  'MCacheSys',
  'BuckHashSys',
  'GCSys',
  'OtherSys',
]

/**
 * The classes of a side's MemStats, or undefined when a field they need is missing. The Go
 * classes add up to HeapSys + StackSys + MSpanSys + MCacheSys + BuckHashSys + GCSys + OtherSys,
 * which is Sys; outside_go is RSS − (Sys − HeapReleased), never below zero.
 */
export function accountingOf(ms: MemStats): Accounting | undefined {
  if (NEEDED.some((f) => ms[f] === undefined)) return undefined
  const classes: ClassBytes[] = [
    { class: 'live_heap', bytes: ms.HeapAlloc },
    { class: 'fragmentation', bytes: ms.HeapInuse - ms.HeapAlloc },
    { class: 'retained_idle', bytes: ms.HeapIdle - ms.HeapReleased },
    { class: 'released', bytes: ms.HeapReleased },
    { class: 'stacks', bytes: ms.StackSys },
    { class: 'gc_metadata', bytes: ms.GCSys },
    { class: 'span_cache', bytes: ms.MSpanSys + ms.MCacheSys },
    { class: 'profiling', bytes: ms.BuckHashSys },
    { class: 'other_runtime', bytes: ms.OtherSys },
  ]
  const sys = classes.reduce((s, c) => s + c.bytes, 0)
  const rss =
    ms.RSS !== undefined
      ? { bytes: ms.RSS, source: 'RSS' as const }
      : ms.MaxRSS !== undefined
        ? { bytes: ms.MaxRSS, source: 'MaxRSS' as const }
        : undefined
  if (rss)
    classes.push({ class: 'outside_go', bytes: Math.max(0, rss.bytes - (sys - ms.HeapReleased)) })
  return { classes, sys, rss }
}

/** The derived figures a policy can gate, by class name, for one side's MemStats. */
export function classFields(a: Accounting): Record<string, number> {
  return Object.fromEntries(a.classes.map((c) => [c.class, c.bytes]))
}

/** How much of HeapAlloc the profile's inuse_space covers. */
export function coverageOf(inuseSpace: number, heapAlloc: number, period: number): Coverage {
  return {
    profiled: inuseSpace,
    heapAlloc,
    ratio: heapAlloc > 0 ? inuseSpace / heapAlloc : 0,
    period,
  }
}

/**
 * A plain sentence when the profile and the runtime disagree a lot (outside 0.7–1.3), or
 * undefined. Sampling, the last GC and objects freed since are the usual reasons.
 */
export function coverageNote(c: Coverage): string | undefined {
  if (c.heapAlloc === 0 || (c.ratio >= 0.7 && c.ratio <= 1.3)) return undefined
  const rate =
    c.period > 1 ? `one sample per ${formatBytes(c.period)} allocated` : 'every allocation'
  const pct = `${Math.round(c.ratio * 100)}%`
  return (
    `The heap profile shows ${formatBytes(c.profiled)} of ${formatBytes(c.heapAlloc)} live heap (${pct}). ` +
    `It records ${rate} and shows live objects as of the last GC, so objects allocated or freed since then, ` +
    `and sampling noise on a small heap, make it differ from HeapAlloc.`
  )
}
