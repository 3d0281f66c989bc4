// The `leaks:` section: how a series of snapshots of one process is judged.
import { parseCount, parsePercent, parseSize } from '../units.js'
import { DEFAULT_LEAKS } from './defaults.js'
import type { LeakPolicy } from './types.js'
import { ConfigReader, describe, scalarValue } from './yaml-reader.js'

const KEYS = ['min-snapshots', 'min-growth', 'min-goroutines', 'confidence', 'fail']

/** Parses `leaks:` (absent: the defaults). */
export function parseLeaks(reader: ConfigReader, node: unknown): LeakPolicy {
  if (node === undefined) return { ...DEFAULT_LEAKS }
  const entries = reader.mapping(node, 'leaks', KEYS)
  const out: LeakPolicy = { ...DEFAULT_LEAKS, line: reader.line(node) }
  const get = (key: string) => entries.get(key)?.value
  const bad = (key: string, help: string) =>
    reader.error(get(key), `leaks.${key}`, `${describe(get(key))} is not allowed`, help)
  // A key that is there must say something: a list, a mapping or `~` is refused by the
  // key's own check below, never taken as the default.
  const text = (key: string) => {
    if (!entries.has(key)) return undefined
    const v = scalarValue(get(key))
    return v === undefined || v === null ? '' : String(v)
  }

  const snapshots = text('min-snapshots')
  if (snapshots !== undefined) {
    const n = Number(snapshots)
    if (!Number.isInteger(n) || n < 3)
      throw bad('min-snapshots', 'use a whole number of at least 3, e.g. 5')
    out.minSnapshots = n
  }
  const growth = text('min-growth')
  if (growth !== undefined) {
    const v = parseSize(growth)
    if (v === undefined) throw bad('min-growth', 'use a size, e.g. 4MiB')
    out.minGrowthBytes = v
  }
  const goroutines = text('min-goroutines')
  if (goroutines !== undefined) {
    const v = parseCount(goroutines)
    if (v === undefined) throw bad('min-goroutines', 'use a count, e.g. 10')
    out.minGrowthGoroutines = v
  }
  const confidence = text('confidence')
  if (confidence !== undefined) {
    const c = parsePercent(confidence)
    if (c === undefined || !confidence.includes('%') || c < 0.5 || c >= 1) {
      throw bad('confidence', 'use a percentage from 50% to 99.9%, e.g. 95%')
    }
    out.alpha = 1 - c
  }
  const fail = scalarValue(get('fail'))
  if (entries.has('fail')) {
    if (typeof fail !== 'boolean')
      throw bad('fail', 'use true (a leak fails the check) or false (report only)')
    out.fail = fail
  }
  return out
}
