// pprof-format returns a number or a bigint per value, and negative int64 values come back
// unsigned. Every value crosses this border once.

import { GateError } from '../errors.js'

const TWO_63 = 1n << 63n

/** Converts a decoded protobuf integer to a signed JavaScript number. */
export function toNumber(v: number | bigint): number {
  if (typeof v === 'number') return v
  return Number(v >= TWO_63 ? BigInt.asIntN(64, v) : v)
}

/**
 * True for a MemStats value worth keeping: finite and exact as a double. Larger ones are
 * sentinels (NextGC is 2^64-1 while GC is off) or were rounded by JSON.parse.
 */
export function isExact(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER
}

/**
 * The one rule for a figure read from a text or JSON file: bytes and counts are finite,
 * non-negative, safe integers; fractions are finite and non-negative. Anything else (NaN,
 * Infinity, a 400-digit number, `-1`, `abc`, empty) is a GateError 'MALFORMED' naming the
 * file, the field and the value (its first 40 characters).
 */
export function figure(
  raw: unknown,
  source: string,
  field: string,
  kind: 'integer' | 'fraction' = 'integer',
): number {
  const v = typeof raw === 'number' ? raw : typeof raw === 'string' ? strictNumber(raw) : NaN
  const ok =
    Number.isFinite(v) &&
    v >= 0 &&
    (kind === 'fraction' || (Number.isInteger(v) && v <= Number.MAX_SAFE_INTEGER))
  if (ok) return v
  throw new GateError(
    'MALFORMED',
    `${source}: ${field} is ${JSON.stringify(String(raw).slice(0, 40))}, not a ${
      kind === 'integer' ? 'non-negative whole number' : 'non-negative finite number'
    }`,
    'regenerate the file; a figure of memory cannot be negative, fractional or unbounded',
  )
}

/** Longer than any figure Go prints (20 digits, or a float with its exponent). */
const MAX_DIGITS = 40

/** A decimal number as Go prints one; anything else (empty, `0x10`, `Infinity`) is NaN. */
function strictNumber(text: string): number {
  return text.length <= MAX_DIGITS && /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)
    ? Number(text)
    : NaN
}

/**
 * NextGC (and /gc/heap/goal:bytes) while GC is off: ~2^63–2^64, past 2^53, so rounded by any
 * reader. Not a goal: it is left out, not refused. Past 2^64 it is no uint64 and is refused.
 */
export function isGoalSentinel(v: number): boolean {
  return Number.isFinite(v) && v > Number.MAX_SAFE_INTEGER && v <= 2 ** 64
}
