// How functions are named and matched across builds.
import { GateError } from '../errors.js'

const CLOSURE = /\.(func|gowrap|deferwrap)\d+((?:\.\d+)*)/g

/**
 * The longest function or file name kept, in UTF-16 code units. Go symbols in real profiles
 * stay far below (the longest generic instantiations are a few hundred characters); a
 * longer name is cut to this length, marker included, so matching, folding and rendering
 * never see more than this whatever a profile holds.
 */
export const MAX_NAME_LENGTH = 4096

/**
 * Distinct functions one heap profile may hold (pprof: also twice as many locations). The
 * biggest real profiles measured hold about 3,000; each function becomes a row judged in
 * every sample type, so a crafted million (34 s, 3.3 GB) is refused, before it is folded.
 */
export const MAX_PROFILE_FUNCTIONS = 100_000

/** The GateError for a profile past MAX_PROFILE_FUNCTIONS; `what` is e.g. `functions`. */
export function tooManyFunctions(source: string, n: number, what = 'functions'): GateError {
  const most = what === 'functions' ? MAX_PROFILE_FUNCTIONS : 2 * MAX_PROFILE_FUNCTIONS
  return new GateError(
    'TOO_LARGE',
    `${source}: holds ${n.toLocaleString('en-US')} ${what}, over the ${most.toLocaleString('en-US')} limit`,
    'real heap profiles hold a few thousand; check that this is the right file',
  )
}

/**
 * `name`, or its first characters and `…[cut N chars]` when it is longer than
 * MAX_NAME_LENGTH (the result is at most that long, so cutting twice changes nothing).
 */
export function capName(name: string, length = name.length): string {
  if (length <= MAX_NAME_LENGTH) return name
  // Sized for the whole length: the count cut never has more digits.
  const marker = (cut: number) => `…[cut ${cut} chars]`
  let kept = MAX_NAME_LENGTH - marker(length).length
  // Never split a surrogate pair.
  const c = name.charCodeAt(kept - 1)
  if (c >= 0xd800 && c <= 0xdbff) kept--
  return name.slice(0, kept) + marker(length - kept)
}

/** UTF-8 takes at most 3 bytes per UTF-16 code unit (4 for a pair of two). */
const MAX_NAME_BYTES = 3 * MAX_NAME_LENGTH

/**
 * The UTF-8 string in bytes[start, end), cut as capName cuts it, without decoding more than
 * a name can keep: a profile of 300,000-character names (750 MB inflated) is never held
 * twice as strings. The cut count is the whole string's UTF-16 length, counted from the
 * bytes.
 */
export function decodeName(
  bytes: Uint8Array,
  start: number,
  end: number,
  decoder: TextDecoder,
): string {
  if (end - start <= MAX_NAME_BYTES) return decoder.decode(bytes.subarray(start, end))
  let length = 0
  for (let i = start; i < end; i++) {
    const b = bytes[i]
    if ((b & 0xc0) !== 0x80) length += b >= 0xf0 ? 2 : 1
  }
  return capName(decoder.decode(bytes.subarray(start, start + MAX_NAME_BYTES)), length)
}

/**
 * The key a function is matched by across builds. Addresses and line numbers are never
 * part of it. Closure numbers are folded: `pkg.F.func1`, `pkg.F.func3` and `pkg.F.func2.1`
 * all become `pkg.F.func*`, so the anonymous functions inside one named function form one
 * allocator, and renumbering (a closure added above another) never makes one look new.
 * A name longer than MAX_NAME_LENGTH is cut first (capName), so the key never is.
 */
export function matchKey(name: string): string {
  const fn = capName(name)
  return fn.includes('.func') || fn.includes('wrap') ? fn.replace(CLOSURE, '.$1*') : fn
}

/**
 * The Go package path of a symbol: `github.com/a/b.(*T).M` → `github.com/a/b`. Go escapes
 * dots in the last path element as `%2e`, so the first dot after the last slash ends it.
 * Unsymbolized addresses have no package ('').
 */
export function packageOf(fn: string): string {
  if (fn.startsWith('0x') || fn.startsWith('<')) return ''
  // Generic instantiations can hold slashes inside brackets; ignore everything from '['.
  const bracket = fn.indexOf('[')
  const name = bracket >= 0 ? fn.slice(0, bracket) : fn
  const slash = name.lastIndexOf('/')
  const dot = name.indexOf('.', slash + 1)
  const pkg = dot >= 0 ? name.slice(0, dot) : name
  return pkg.replace(/%2e/gi, '.')
}

/** True for the runtime's allocator frames that pprof hides at the leaf of a heap stack. */
export function isRuntimeFrame(fn: string): boolean {
  return fn.startsWith('runtime.')
}
