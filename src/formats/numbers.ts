// pprof-format returns a number or a bigint per value, and negative int64 values come back
// unsigned. Every value crosses this border once.

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
