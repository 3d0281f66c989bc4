// Name patterns from the config: globs by default, regular expressions on request.
import { RE2JS } from 're2js'
import { GateError } from '../errors.js'
import { compileGlob } from './glob.js'
import type { Matcher } from './types.js'

/**
 * The longest pattern a config may hold. Real patterns are a package path or a symbol with
 * a star (well under 200 characters); a longer one is refused at load, never compiled.
 */
export const MAX_PATTERN_LENGTH = 1000

/** How much of a refused pattern an error shows. */
const SHOWN = 40

/**
 * Compiles `text` into a Matcher. `regex:<re>` and `/<re>/` are unanchored RE2 regular
 * expressions (like pprof's -focus); anything else is a glob matched against the whole
 * name, where `*` is any run of characters (including `/` and `.`), `?` is one character
 * and everything else is literal, so Go names like `main.(*Cache).Put` need no escaping.
 * Both run in time linear in the name's length (see glob.ts; RE2 never backtracks).
 * Throws a CONFIG_INVALID GateError naming `where` when the pattern is empty, longer than
 * MAX_PATTERN_LENGTH, or not an RE2 expression (backreferences and lookaround are not).
 */
export function compileMatcher(text: string, where: string): Matcher {
  if (text.length > MAX_PATTERN_LENGTH) {
    throw invalid(
      where,
      `the pattern is ${text.length} characters (at most ${MAX_PATTERN_LENGTH}): ${JSON.stringify(text.slice(0, SHOWN))}…`,
    )
  }
  const source = regexSource(text)
  if (source === undefined) {
    if (text.length === 0) throw invalid(where, 'the pattern is empty')
    return { text, test: compileGlob(text) }
  }
  if (source.length === 0) throw invalid(where, 'the regular expression is empty')
  let re: RE2JS
  try {
    re = RE2JS.compile(source)
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err)
    throw invalid(
      where,
      `${JSON.stringify(text)} is not a valid regular expression (RE2 syntax: ${reason}${unsupported(source)})`,
    )
  }
  return { text, test: (name) => re.matcher(name).find() }
}

/** A hint when the expression uses what JavaScript has and RE2 refuses. */
function unsupported(source: string): string {
  if (/\(\?<?[=!]/.test(source)) return '; lookaround is not supported'
  if (/\\[1-9]|\\k</.test(source)) return '; backreferences are not supported'
  return ''
}

/** The regular expression inside `regex:...` or `/.../`, undefined for a glob. */
function regexSource(text: string): string | undefined {
  if (text.startsWith('regex:')) return text.slice('regex:'.length)
  if (text.length >= 2 && text.startsWith('/') && text.endsWith('/')) return text.slice(1, -1)
  return undefined
}

function invalid(where: string, problem: string): GateError {
  return new GateError(
    'CONFIG_INVALID',
    `${where}: ${problem}; allowed: a glob (* and ?), regex:<expression> or /<expression>/ (RE2 syntax)`,
  )
}
