// Parsing and formatting of sizes, counts and percentages: one IEC scale, signed deltas.

const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']
const SIZE_FACTORS: Record<string, number> = {
  b: 1,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
}

/** Kinds of quantity a figure can have; decides how it is parsed and printed. */
export type Unit = 'bytes' | 'count' | 'nanoseconds' | 'fraction'

/** Unit of a pprof sample type's unit string ('bytes', 'count', 'objects'…). */
export function unitOf(pprofUnit: string): Unit {
  if (pprofUnit === 'bytes') return 'bytes'
  if (pprofUnit === 'nanoseconds') return 'nanoseconds'
  return 'count'
}

/**
 * Parses a size such as `512KiB`, `1.5 MiB`, `10MB` or `4096` (bytes) into bytes.
 * Returns undefined when the text is not a size.
 */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text)
  if (!m) return undefined
  const factor = m[2] === '' ? 1 : SIZE_FACTORS[m[2].toLowerCase()]
  if (factor === undefined) return undefined
  return bounded(Math.round(Number(m[1]) * factor))
}

/**
 * Parses a count such as `1000`, `1000 objects`, `10k` or `2.5M` (SI).
 * Returns undefined when the text is not a count.
 */
export function parseCount(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)\s*(?:objects?|allocs?|goroutines?|gcs?)?\s*$/.exec(
    text,
  )
  if (!m) return undefined
  const factor = { '': 1, k: 1e3, m: 1e6, g: 1e9 }[m[2].toLowerCase()] ?? 1
  return bounded(Math.round(Number(m[1]) * factor))
}

/** Parses `10%` or `0.1` into a fraction (0.1). Returns undefined otherwise. */
export function parsePercent(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text)
  if (!m) return undefined
  return bounded(m[2] ? Number(m[1]) / 100 : Number(m[1]))
}

/**
 * A parsed figure, or undefined past 2^53 − 1: `1` followed by 400 zeros is a typo or an
 * attack, never a limit (it would read as Infinity and disable the rule).
 */
function bounded(n: number): number | undefined {
  return Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER ? n : undefined
}

/** Parses a quantity in the given unit. */
export function parseQuantity(text: string, unit: Unit): number | undefined {
  if (unit === 'bytes') return parseSize(text)
  if (unit === 'nanoseconds') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s)?\s*$/.exec(text)
    if (!m) return undefined
    const f = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9 }[m[2] ?? 'ns'] ?? 1
    return bounded(Math.round(Number(m[1]) * f))
  }
  if (unit === 'fraction') return parsePercent(text)
  return parseCount(text)
}

/** `1.5 MiB`, `512 B`; negative values keep their sign. */
export function formatBytes(n: number): string {
  const abs = Math.abs(n)
  let i = 0
  while (i < IEC.length - 1 && abs >= 1024 ** (i + 1)) i++
  const v = n / 1024 ** i
  const digits = i === 0 ? 0 : Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2
  return `${trim(v.toFixed(digits))} ${IEC[i]}`
}

/** `12,345` with thousands separators. */
export function formatCount(n: number): string {
  const rounded = Math.round(n)
  const s = Math.abs(rounded)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return rounded < 0 ? `-${s}` : s
}

/** Formats a value in its unit. */
export function formatValue(n: number, unit: Unit): string {
  switch (unit) {
    case 'bytes':
      return formatBytes(n)
    case 'nanoseconds':
      return formatDuration(n)
    case 'fraction':
      return `${trim((n * 100).toFixed(2))}%`
    default:
      return formatCount(n)
  }
}

/**
 * Formats a delta with an explicit sign: `+1.5 MiB`, `-3`, `0 B`. A fraction's delta is in
 * percentage points (`-2.07 pp`), not a relative change.
 */
export function formatDelta(n: number, unit: Unit): string {
  const s = unit === 'fraction' ? `${trim((n * 100).toFixed(2))} pp` : formatValue(n, unit)
  return n > 0 ? `+${s}` : s
}

/**
 * A delta in the scale of `reference` (the larger of the values it sits beside), so a row
 * reads in one unit: `-0.69 ms` beside `4.43 ms`, not `-693 µs`; `-0.41 MiB` beside `9.46 MiB`.
 * Counts and fractions are as formatDelta writes them.
 */
export function formatDeltaIn(n: number, unit: Unit, reference: number): string {
  const scale = scaleOf(Math.max(Math.abs(reference), Math.abs(n)), unit)
  if (!scale || n === 0) return formatDelta(n, unit)
  const v = n / scale.factor
  const abs = Math.abs(v)
  // Too small to show in the larger unit: its own unit says more than `-0 MiB`.
  if (abs < 0.01) return formatDelta(n, unit)
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2
  const text = `${trim(v.toFixed(digits))} ${scale.name}`
  return n > 0 ? `+${text}` : text
}

/** The unit a byte or duration value is printed in: its factor and name; undefined for others. */
function scaleOf(abs: number, unit: Unit): { factor: number; name: string } | undefined {
  if (unit === 'bytes') {
    let i = 0
    while (i < IEC.length - 1 && abs >= 1024 ** (i + 1)) i++
    return { factor: 1024 ** i, name: IEC[i] }
  }
  if (unit === 'nanoseconds') {
    if (abs >= 1e9) return { factor: 1e9, name: 's' }
    if (abs >= 1e6) return { factor: 1e6, name: 'ms' }
    if (abs >= 1e3) return { factor: 1e3, name: 'µs' }
    return { factor: 1, name: 'ns' }
  }
  return undefined
}

/** Growth past this relative change is written as a factor (`×36`), not `+3512%`. */
export const FACTOR_FROM = 10

/**
 * Relative change as `+12.5%`; past +1,000 % as a factor of the baseline, `×36`; `new` when
 * the baseline is zero and the candidate is not.
 */
export function formatPercentChange(baseline: number, candidate: number): string {
  if (baseline === 0) return candidate === 0 ? '0%' : 'new'
  const p = ((candidate - baseline) / Math.abs(baseline)) * 100
  if (baseline > 0 && p > FACTOR_FROM * 100) {
    const ratio = candidate / baseline
    return `×${ratio >= 100 ? formatCount(ratio) : trim(ratio.toFixed(ratio >= 10 ? 0 : 1))}`
  }
  const digits = Math.abs(p) >= 100 ? 0 : 1
  const fixed = trim(p.toFixed(digits))
  if (Number(fixed) === 0) return '0%'
  return p > 0 ? `+${fixed}%` : `${fixed}%`
}

/** `250 ms`, `1.2 s`, `693 µs`, `800 ns`: three significant digits, as sizes have. */
export function formatDuration(ns: number): string {
  const abs = Math.abs(ns)
  const scale = scaleOf(abs, 'nanoseconds')!
  if (scale.factor === 1) return `${Math.round(ns)} ns`
  const v = ns / scale.factor
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2
  return `${trim(v.toFixed(digits))} ${scale.name}`
}

function trim(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s
}

/**
 * A wall-clock duration as the CLI and the Action take it (`500ms`, `10s`, `2m`, a bare number
 * is seconds), in whole milliseconds; undefined unless between 1 ms and 24 h.
 */
export function parseDurationMs(text: string): number | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m)?$/.exec(text.trim())
  const ms = m ? Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 'm' ? 60_000 : 1000) : NaN
  return Number.isFinite(ms) && ms >= 1 && ms <= 86_400_000 ? Math.round(ms) : undefined
}
