// The heap profiler's sampling model: how uncertain each unbiased value is.
//
// Go samples one allocation per MemProfileRate bytes on average (a Poisson process) and
// writes each record scaled by s = 1 / (1 − exp(−avg / rate)), avg being the record's
// average object size. A record showing c objects and b bytes therefore rests on about
// c / s raw samples, and its estimates have variance s·c (objects) and avg·s·b (bytes).
// With rate 1 every allocation is recorded: variance 0.
/** Which objects column pairs with which bytes column. */
const PAIRS: [string, string][] = [
  ['alloc_objects', 'alloc_space'],
  ['inuse_objects', 'inuse_space'],
]

/**
 * A function filling `w` (per column) with the sampling variance of the values `v` of one
 * record of a profile sampled every `rate` bytes. Columns without a pair get 0; for an
 * exact profile `w` is left as it is, so callers pass zeros.
 */
export function samplingModel(
  rate: number,
  columns: string[],
): (v: Float64Array, w: Float64Array) => void {
  const pairs = PAIRS.map(([o, b]) => [columns.indexOf(o), columns.indexOf(b)]).filter(
    ([o, b]) => o >= 0 && b >= 0,
  )
  // Runs once per record: an exact profile should cost nothing here.
  if (rate <= 1 || pairs.length === 0) return () => {}
  return (v, w) => {
    for (let c = 0; c < w.length; c++) w[c] = 0
    for (const [o, b] of pairs) {
      const count = Math.abs(v[o])
      const bytes = Math.abs(v[b])
      if (count === 0 || bytes === 0) continue
      const avg = bytes / count
      const scale = 1 / -Math.expm1(-avg / rate)
      w[o] = scale * count
      w[b] = avg * scale * bytes
    }
  }
}

/** Raw samples behind a record of `count` objects and `bytes` bytes at `rate`. */
export function rawSamples(count: number, bytes: number, rate: number): number {
  if (rate <= 1 || count === 0) return count
  return count * -Math.expm1(-bytes / count / rate)
}
