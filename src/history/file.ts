// The history file: read with a size cap and checked field by field (it travels through
// artifacts, so it is untrusted), appended to within caps, written in a stable order.
import { writeFileSync } from 'node:fs'
import { readSmallText } from '../driver/files.js'
import { GateError } from '../errors.js'
import type { History, HistoryEntry, HistoryKey } from './types.js'

/** The name the history has inside a baseline artifact. */
export const HISTORY_FILE = 'gomem-gate-history.json'

/** Largest history file read; anything bigger is refused before parsing. */
export const MAX_HISTORY_READ = 4 * 1024 * 1024

/** What appendEntry keeps: the newest `entries`, within `bytes` once serialized. */
export interface HistoryCap {
  entries: number
  bytes: number
}

/** 200 entries, 1 MiB. */
export const HISTORY_CAP: HistoryCap = { entries: 200, bytes: 1024 * 1024 }

/** An empty history. */
export function newHistory(): History {
  return { schemaVersion: 1, tool: 'gomem-gate', entries: [] }
}

/** Reads and checks a history file; every problem is a GateError naming `label` and the file. */
export function readHistory(path: string, label = '--history'): History {
  const where = `${label} ${path}`
  const text = readSmallText(
    path,
    label,
    MAX_HISTORY_READ,
    'gomem-gate keeps histories under 1 MiB; start a new one',
  )
  return parseHistory(text, where)
}

/** Parses the text of a history file; `where` names it in errors. */
export function parseHistory(text: string, where: string): History {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new GateError(
      'MALFORMED',
      `${where}: not JSON`,
      'a history file is written by gomem-gate record',
    )
  }
  const h = value as Partial<History> | null
  if (typeof h !== 'object' || h === null || h.tool !== 'gomem-gate') {
    throw new GateError(
      'MALFORMED',
      `${where}: not a gomem-gate history (no "tool": "gomem-gate")`,
      'a history file is written by gomem-gate record',
    )
  }
  if (h.schemaVersion !== 1) {
    throw new GateError(
      'MALFORMED',
      `${where}: schemaVersion ${JSON.stringify(h.schemaVersion)} is not supported (this gomem-gate reads 1)`,
      'use the gomem-gate version that wrote it, or start a new history',
    )
  }
  if (!Array.isArray(h.entries)) {
    throw new GateError('MALFORMED', `${where}: "entries" is not a list`, 'start a new history')
  }
  return {
    schemaVersion: 1,
    tool: 'gomem-gate',
    entries: h.entries.map((e, i) => checkEntry(e, `${where}: entries[${i}]`)),
  }
}

/**
 * `history` with `entry` added last, keeping the newest `cap.entries` entries and dropping the
 * oldest until the serialized file fits in `cap.bytes` (the new entry is always kept).
 */
export function appendEntry(
  history: History,
  entry: HistoryEntry,
  cap: HistoryCap = HISTORY_CAP,
): History {
  const all = [...history.entries, entry].slice(-Math.max(1, cap.entries))
  const sizes = all.map((e) => Buffer.byteLength(entryLine(e)) + 2)
  let size = Buffer.byteLength(serializeHistory(newHistory())) + sizes.reduce((a, b) => a + b, 0)
  let first = 0
  while (size > cap.bytes && first < all.length - 1) size -= sizes[first++]
  return { schemaVersion: 1, tool: 'gomem-gate', entries: all.slice(first) }
}

/** The file's text: fixed key order, one entry per line, ending in a newline. */
export function serializeHistory(history: History): string {
  const head = `{\n  "schemaVersion": 1,\n  "tool": "gomem-gate",\n  "entries": [`
  if (history.entries.length === 0) return `${head}]\n}\n`
  return `${head}\n${history.entries.map((e) => `    ${entryLine(e)}`).join(',\n')}\n  ]\n}\n`
}

/** Writes the history file; a failure names the file. */
export function writeHistory(path: string, history: History, label = '--history'): void {
  try {
    writeFileSync(path, serializeHistory(history))
  } catch (err) {
    throw new GateError(
      'READ_FAILED',
      `${label} ${path}: ${(err as Error).message}`,
      'choose a writable path',
    )
  }
}

/** The figure `key` of every entry that has it, oldest first. */
export function historyValues(history: History, key: HistoryKey): number[] {
  const out: number[] = []
  for (const e of history.entries) {
    const v = figureOf(e, key)
    if (v !== undefined) out.push(v)
  }
  return out
}

function figureOf(e: HistoryEntry, key: HistoryKey): number | undefined {
  switch (key.scope) {
    case 'total':
      return own(e.totals, key.metric)
    case 'memstats':
      return own(e.memstats, key.metric) ?? own(e.classes, key.metric)
    case 'allocator': {
      const byType = own(e.allocators, key.metric)
      return byType ? own(byType, key.subject) : undefined
    }
    case 'benchmark':
      return own(e.benchmarks, key.key)
  }
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined
}

function entryLine(e: HistoryEntry): string {
  const ordered = {
    commit: e.commit,
    time: e.time,
    ...(e.goVersion !== undefined ? { goVersion: e.goVersion } : {}),
    period: e.period,
    totals: sorted(e.totals),
    memstats: sorted(e.memstats),
    classes: sorted(e.classes),
    allocators: Object.fromEntries(
      Object.keys(e.allocators)
        .sort()
        .map((t) => [t, sorted(e.allocators[t])]),
    ),
    benchmarks: sorted(e.benchmarks),
  }
  return JSON.stringify(ordered)
}

function sorted(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.keys(r)
      .sort()
      .map((k) => [k, r[k]]),
  )
}

function checkEntry(value: unknown, where: string): HistoryEntry {
  const e = value as Record<string, unknown> | null
  const bad = (what: string): never => {
    throw new GateError('MALFORMED', `${where}: ${what}`, 'start a new history')
  }
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return bad('not an object')
  if (typeof e.commit !== 'string') bad('"commit" is not a string')
  if (typeof e.time !== 'string') bad('"time" is not a string')
  if (e.goVersion !== undefined && typeof e.goVersion !== 'string')
    bad('"goVersion" is not a string')
  if (typeof e.period !== 'number' || !Number.isFinite(e.period)) bad('"period" is not a number')
  const numbers = (field: string): Record<string, number> => {
    const r = e[field] ?? {}
    if (typeof r !== 'object' || r === null || Array.isArray(r))
      return bad(`"${field}" is not an object`)
    for (const [k, v] of Object.entries(r)) {
      if (typeof v !== 'number' || !Number.isFinite(v))
        bad(`"${field}"."${k.slice(0, 80)}" is not a number`)
    }
    return r as Record<string, number>
  }
  const types = e.allocators ?? {}
  if (typeof types !== 'object' || types === null || Array.isArray(types))
    bad('"allocators" is not an object')
  const allocators: Record<string, Record<string, number>> = {}
  for (const t of Object.keys(types as object)) {
    const r = (types as Record<string, unknown>)[t]
    if (typeof r !== 'object' || r === null || Array.isArray(r))
      bad(`"allocators"."${t.slice(0, 80)}" is not an object`)
    for (const [k, v] of Object.entries(r as object)) {
      if (typeof v !== 'number' || !Number.isFinite(v))
        bad(`"allocators"."${t.slice(0, 80)}"."${k.slice(0, 80)}" is not a number`)
    }
    allocators[t] = r as Record<string, number>
  }
  return {
    commit: e.commit as string,
    time: e.time as string,
    ...(e.goVersion !== undefined ? { goVersion: e.goVersion as string } : {}),
    period: e.period as number,
    totals: numbers('totals'),
    memstats: numbers('memstats'),
    classes: numbers('classes'),
    allocators,
    benchmarks: numbers('benchmarks'),
  }
}
