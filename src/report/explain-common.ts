// What every explain renderer shows the same way: the headline, section titles, labels.
import type { Explanation } from '../explain/types.js'
import type { Frame } from '../formats/model.js'
import { formatBytes, formatCount } from '../units.js'

/** Frames of a heaviest stack shown under an allocator or a goroutine stack. */
export const STACK_FRAMES = 6

/** Section titles, the same in every format. */
export const TITLES = {
  memory: 'Where the memory is',
  coverage: 'What the heap profile covers',
  allocators: 'Top live allocators',
  goroutines: 'Goroutines',
  gc: 'Last GC (gctrace)',
  advice: 'Advice',
  warnings: 'Warnings',
  files: 'Files',
} as const

/** `RSS 41.2 MiB · Sys 59.5 MiB · live heap 14.1 MiB · heap profile 16.6 MiB`, from what is known. */
export function headline(e: Explanation): string {
  const parts: string[] = []
  if (e.rss)
    parts.push(`${e.rss.source === 'MaxRSS' ? 'MaxRSS' : 'RSS'} ${formatBytes(e.rss.bytes)}`)
  if (e.sys !== undefined) parts.push(`Sys ${formatBytes(e.sys)}`)
  const live = e.classes.find((c) => c.class === 'live_heap')
  if (live) parts.push(`live heap ${formatBytes(live.bytes)}`)
  if (e.profile && e.profile.unit === 'bytes')
    parts.push(`heap profile ${formatBytes(e.profile.total)} ${e.profile.sampleType}`)
  if (e.goroutines) parts.push(goroutineCount(e.goroutines.total))
  if (e.gc) parts.push(`last GC: live heap ${formatBytes(e.gc.liveHeap)}`)
  return parts.join(' · ')
}

/** The RSS row's label. */
export function rssRowLabel(e: Explanation): string {
  return e.rss?.source === 'MaxRSS' ? 'RSS (MaxRSS, peak)' : 'RSS (current)'
}

/** `12%`, or '' for null. */
export function share(r: number | null): string {
  return r === null ? '' : `${(r * 100).toFixed(r < 0.095 ? 1 : 0)}%`
}

/** How the allocators' sample type reads: `inuse_space, flat`. */
export function allocatorsTitle(e: Explanation): string {
  return `${TITLES.allocators} (${e.profile?.sampleType ?? 'inuse_space'}, flat)`
}

/** The frames shown of a stack (leaf first), the rest counted. */
export function shownFrames(frames: Frame[]): { frames: Frame[]; more: number } {
  return { frames: frames.slice(0, STACK_FRAMES), more: Math.max(0, frames.length - STACK_FRAMES) }
}

/** `1 goroutine`, `6,668 goroutines`. */
export function goroutineCount(n: number): string {
  return `${formatCount(n)} goroutine${n === 1 ? '' : 's'}`
}

/** The gctrace figures as sentences; [] without them. */
export function gcLines(e: Explanation): string[] {
  if (!e.gc) return []
  const g = e.gc
  const goal = g.heapGoal !== undefined ? `, heap goal ${formatBytes(g.heapGoal)}` : ''
  const lines = [`The last GC marked ${formatBytes(g.liveHeap)} live${goal}.`]
  if (g.peakLiveHeap !== undefined)
    lines.push(
      `The largest live heap the run held for three cycles in a row: ${formatBytes(g.peakLiveHeap)}.`,
    )
  return lines
}
