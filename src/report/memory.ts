// What every report shows about where a process's memory went: class rows, totals, coverage.
import { CLASS_INFO, coverageNote } from '../analysis/accounting.js'
import type { Accounting, Diff, MemoryClass } from '../analysis/types.js'
import { MEMORY_CLASSES } from '../analysis/types.js'
import { formatBytes } from '../units.js'

/** One class on both sides; null where a side lacks it (or has no accounting). */
export interface ClassRow {
  class: MemoryClass
  label: string
  explain: string
  baseline: number | null
  candidate: number | null
}

/** The accounting of each side, or undefined when neither side has one. */
export interface MemoryView {
  baseline?: Accounting
  candidate?: Accounting
  /** Classes present on either side, in MEMORY_CLASSES order. */
  rows: ClassRow[]
}

/** The classes of both sides, aligned; undefined without any accounting. */
export function memoryView(diff: Pick<Diff, 'accounting'>): MemoryView | undefined {
  const { baseline, candidate } = diff.accounting ?? {}
  if (!baseline && !candidate) return undefined
  const bytes = (a: Accounting | undefined, c: MemoryClass) =>
    a?.classes.find((x) => x.class === c)?.bytes ?? null
  const rows = MEMORY_CLASSES.map((c) => ({
    class: c,
    label: CLASS_INFO[c].label,
    explain: CLASS_INFO[c].explain,
    baseline: bytes(baseline, c),
    candidate: bytes(candidate, c),
  })).filter((r) => r.baseline !== null || r.candidate !== null)
  return { baseline, candidate, rows }
}

/** The RSS row's label: `RSS (current)`, or `RSS (MaxRSS, peak)` when a side only had the peak. */
export function rssLabel(view: MemoryView): string {
  const peak = [view.baseline, view.candidate].some((a) => a?.rss?.source === 'MaxRSS')
  return peak ? 'RSS (MaxRSS, peak)' : 'RSS (current)'
}

/** What the RSS row means. */
export function rssExplain(view: MemoryView): string {
  return rssLabel(view).includes('peak')
    ? 'The most resident memory the process ever had (MaxRSS), not its current size.'
    : 'Memory of the process resident in RAM, as the OS reports it.'
}

/** What the Sys row means. */
export const SYS_EXPLAIN =
  'Everything the Go runtime obtained from the OS; the Go classes above add up to it exactly.'

/**
 * `The heap profile covers 93% of the live heap (sampling one allocation per 512 KiB
 * allocated)`, then accounting.ts's note when profile and runtime disagree; [] without coverage.
 */
export function coverageLines(view: MemoryView): string[] {
  const c = view.candidate?.coverage
  if (!c || c.heapAlloc === 0) return []
  const pct = (r: number) => `${Math.round(r * 100)}%`
  const base = view.baseline?.coverage
  const rate =
    c.period > 1
      ? ` (sampling one allocation per ${formatBytes(c.period)} allocated)`
      : c.period === 1
        ? ' (recording every allocation)'
        : ''
  const baseText = base && base.heapAlloc > 0 ? `; ${pct(base.ratio)} in the baseline` : ''
  const lines = [`The heap profile covers ${pct(c.ratio)} of the live heap${rate}${baseText}.`]
  const note = coverageNote(c)
  if (note) lines.push(note)
  return lines
}

/** Sum of a side's classes as charted (Sys plus what RSS holds outside Go). */
export function chartedTotal(a: Accounting): number {
  return a.classes.reduce((s, c) => s + c.bytes, 0)
}
