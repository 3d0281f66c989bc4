// Picks what every report shows from the judged diff and verdict: rows, fields, files, commands.
import { MEMORY_CLASSES, type FileSummary } from '../analysis/types.js'
import { MEMSTATS_FIELDS } from '../formats/model.js'
import type { JudgedDiff, JudgedRow, Verdict } from '../policy/types.js'
import type { Warning } from '../warnings.js'
import { shellQuote } from './escape.js'

/** Most heaviest stacks a report expands, to keep the PR comment short. */
export const MAX_STACKS = 5

/**
 * Rows of the focus sample type (the verdict's) with a nonzero figure on either side, by
 * delta descending (by candidate value where there is no baseline), then by candidate, then
 * by name. Ignored subjects are not in the judged rows to begin with.
 */
export function focusRows(rows: JudgedRow[], focus: string): JudgedRow[] {
  return rows
    .filter((r) => r.sampleType === focus && isNonzero(r))
    .sort(
      (x, y) =>
        (y.delta ?? y.candidate) - (x.delta ?? x.candidate) ||
        y.candidate - x.candidate ||
        (x.function < y.function ? -1 : x.function > y.function ? 1 : 0),
    )
}

function isNonzero(r: JudgedRow): boolean {
  return !!(r.baseline || r.candidate || r.cumBaseline || r.cumCandidate)
}

/** Whether the rows carry baseline figures, i.e. deltas can be shown. */
export function hasDeltas(rows: JudgedRow[]): boolean {
  return rows.some((r) => r.delta !== null)
}

/**
 * The first `limit` growers of sorted focus rows: rows that grew (delta > 0), or without
 * baseline figures the largest candidate values.
 */
export function growers(sorted: JudgedRow[], limit: number): JudgedRow[] {
  const compared = hasDeltas(sorted)
  const grown = sorted.filter((r) => (compared ? (r.delta ?? 0) > 0 : r.candidate > 0))
  if (!compared) grown.sort((x, y) => y.candidate - x.candidate)
  return grown.slice(0, Math.max(0, Math.floor(limit)))
}

/** Sample types that have a total, in the diff's (pprof's) order. */
export function totalTypes(diff: JudgedDiff): string[] {
  const ordered = diff.sampleTypes.map((t) => t.type).filter((t) => diff.totals[t])
  const rest = Object.keys(diff.totals).filter((t) => !ordered.includes(t))
  return [...ordered, ...rest.sort()]
}

/** MemStats fields present in the diff, in MEMSTATS_FIELDS order (reports list only these). */
export function memstatsFields(diff: JudgedDiff): string[] {
  return MEMSTATS_FIELDS.filter((f) => diff.memstats[f] !== undefined)
}

/** Derived figures that the memory section shows, so the MemStats tables leave them out. */
const DERIVED_FIELDS: ReadonlySet<string> = new Set([...MEMORY_CLASSES, 'profile_coverage'])

/** The runtime's own MemStats fields present, in MEMSTATS_FIELDS order (the tables' rows). */
export function runtimeMemstatsFields(diff: JudgedDiff): string[] {
  return memstatsFields(diff).filter((f) => !DERIVED_FIELDS.has(f))
}

/**
 * The runtime's MemStats fields worth a row: `changed` ones, and `unchanged` ones (equal on
 * both sides, named only). Fields zero on both sides (or zero without a baseline) and
 * `Alloc` equal to `HeapAlloc` on both sides carry nothing and are in neither.
 */
export function informativeMemstats(diff: JudgedDiff): { changed: string[]; unchanged: string[] } {
  const changed: string[] = []
  const unchanged: string[] = []
  const heap = diff.memstats.HeapAlloc
  for (const f of runtimeMemstatsFields(diff)) {
    const c = diff.memstats[f]
    if (!c.candidate && !c.baseline) continue
    if (f === 'Alloc' && heap && heap.candidate === c.candidate && heap.baseline === c.baseline)
      continue
    if (c.baseline !== null && c.baseline === c.candidate) unchanged.push(f)
    else changed.push(f)
  }
  return { changed, unchanged }
}

/** Every MemStats field present: MEMSTATS_FIELDS order first, then any others by name. */
export function allMemstatsFields(diff: JudgedDiff): string[] {
  const known = memstatsFields(diff)
  const rest = Object.keys(diff.memstats).filter((f) => !known.includes(f))
  return [...known, ...rest.sort()]
}

/** Whether a file holds a heap profile pprof can open. */
export function isProfile(f: FileSummary): boolean {
  return f.format === 'pprof' || f.format === 'heap-text'
}

/**
 * Commands that open the change in pprof: the first baseline profile as `-diff_base` and the
 * first candidate profile; the web UI, then a `-top` of the focus sample type. [] without one.
 */
export function pprofCommands(
  diff: JudgedDiff,
  focus: string,
  paths: Record<string, string> = {},
): string[] {
  const base = diff.files.find((f) => f.side === 'baseline' && isProfile(f))
  const cand = diff.files.find((f) => f.side === 'candidate' && isProfile(f))
  if (!cand) return []
  const path = (source: string) => shellQuote(paths[source] ?? source)
  const files = (base ? `-diff_base=${path(base.source)} ` : '') + path(cand.source)
  const index = /^[A-Za-z0-9_]+$/.test(focus) ? focus : shellQuote(focus)
  return [`go tool pprof -http=: ${files}`, `go tool pprof -top -sample_index=${index} ${files}`]
}

/** The diff's warnings, then the verdict's, without repeating a message. */
export function allWarnings(diff: JudgedDiff, verdict: Verdict): Warning[] {
  const seen = new Set<string>()
  return [...diff.warnings, ...verdict.warnings].filter(
    (w) => !seen.has(w.message) && !!seen.add(w.message),
  )
}
