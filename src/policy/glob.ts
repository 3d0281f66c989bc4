// The glob engine: a pattern matched against a whole name in time linear in the name.

/**
 * A compiled glob: `*` is any run of characters, `?` exactly one, everything else literal,
 * matched against the whole name. Neither `*` nor `?` matches a line terminator (\n, \r,
 * U+2028, U+2029) and characters are UTF-16 code units: exactly what the regular expression
 * `^…$` (`*` → `.*`, `?` → `.`, no flags) it replaces matched.
 *
 * Matching simulates the pattern's NFA: the set of pattern positions reachable after each
 * character of the name, at most m + 1 of them for a pattern of m characters. Each name
 * character costs O(m), so a test is O(n·m) time and O(m) space whatever the pattern (no
 * backtracking: `*a*a*a…` against a long name is no worse than `*`). A literal prefix and
 * suffix are checked first, so `main.(*Cache).*` costs one comparison before the
 * simulation and most names are refused there.
 */
export function compileGlob(pattern: string): (name: string) => boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return (name) => name === pattern
  const first = firstWildcard(pattern)
  const last = lastWildcard(pattern)
  const prefix = pattern.slice(0, first)
  const suffix = pattern.slice(last + 1)
  // The middle, from the first wildcard to the last, is what the simulation runs on.
  const middle = pattern.slice(first, last + 1)
  const m = middle.length
  const codes = new Uint16Array(m)
  for (let i = 0; i < m; i++) codes[i] = middle.charCodeAt(i)
  // Minimum characters the middle consumes: its `?` and literals.
  let minMiddle = 0
  for (let i = 0; i < m; i++) if (codes[i] !== STAR) minMiddle++
  const active = new Int32Array(m + 1)
  const next = new Int32Array(m + 1)
  const seen = new Uint32Array(m + 1)
  let stamp = 0

  return (name) => {
    if (name.length < prefix.length + suffix.length + minMiddle) return false
    if (!name.startsWith(prefix) || !name.endsWith(suffix)) return false
    const end = name.length - suffix.length
    // The states after reading nothing: position 0 and every position its leading stars skip.
    if (++stamp === 0xffffffff) {
      seen.fill(0)
      stamp = 1
    }
    let count = addClosure(codes, active, 0, 0, seen, stamp)
    let current = active
    let following = next
    for (let at = prefix.length; at < end && count > 0; at++) {
      const c = name.charCodeAt(at)
      const terminator = isTerminator(c)
      if (++stamp === 0xffffffff) {
        seen.fill(0)
        stamp = 1
      }
      let n = 0
      for (let k = 0; k < count; k++) {
        const i = current[k]
        if (i === m) continue
        const p = codes[i]
        if (p === STAR) {
          if (!terminator) n = addClosure(codes, following, n, i, seen, stamp)
        } else if (p === QUESTION) {
          if (!terminator) n = addClosure(codes, following, n, i + 1, seen, stamp)
        } else if (p === c) {
          n = addClosure(codes, following, n, i + 1, seen, stamp)
        }
      }
      const t = current
      current = following
      following = t
      count = n
    }
    for (let k = 0; k < count; k++) if (current[k] === m) return true
    return false
  }
}

const STAR = 0x2a
const QUESTION = 0x3f

/** Adds position `i` and the positions after the stars that follow it; returns the new count. */
function addClosure(
  codes: Uint16Array,
  into: Int32Array,
  count: number,
  i: number,
  seen: Uint32Array,
  stamp: number,
): number {
  // A position already added this step brought its closure with it.
  while (seen[i] !== stamp) {
    seen[i] = stamp
    into[count++] = i
    if (i === codes.length || codes[i] !== STAR) break
    i++
  }
  return count
}

function isTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029
}

function firstWildcard(pattern: string): number {
  const a = pattern.indexOf('*')
  const b = pattern.indexOf('?')
  return a < 0 ? b : b < 0 ? a : Math.min(a, b)
}

function lastWildcard(pattern: string): number {
  return Math.max(pattern.lastIndexOf('*'), pattern.lastIndexOf('?'))
}
