// Name patterns from the config: globs by default, regular expressions on request.
import { GateError } from '../errors.js'
import type { Matcher } from './types.js'

/**
 * Compiles `text` into a Matcher. `regex:<re>` and `/<re>/` are unanchored regular
 * expressions (like pprof's -focus); anything else is a glob matched against the whole
 * name, where `*` is any run of characters (including `/` and `.`), `?` is one character
 * and everything else is literal, so Go names like `main.(*Cache).Put` need no escaping.
 * Throws a CONFIG_INVALID GateError naming `where` when the pattern is empty or invalid.
 */
export function compileMatcher(text: string, where: string): Matcher {
  const source = regexSource(text)
  if (source === undefined) {
    if (text.length === 0) throw invalid(where, 'the pattern is empty')
    const re = new RegExp(`^${text.split('').map(globChar).join('')}$`)
    return { text, test: (name) => re.test(name) }
  }
  if (source.length === 0) throw invalid(where, 'the regular expression is empty')
  let re: RegExp
  try {
    re = new RegExp(source)
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err)
    throw invalid(where, `${JSON.stringify(text)} is not a valid regular expression (${reason})`)
  }
  return { text, test: (name) => re.test(name) }
}

/** The regular expression inside `regex:...` or `/.../`, undefined for a glob. */
function regexSource(text: string): string | undefined {
  if (text.startsWith('regex:')) return text.slice('regex:'.length)
  if (text.length >= 2 && text.startsWith('/') && text.endsWith('/')) return text.slice(1, -1)
  return undefined
}

function globChar(c: string): string {
  if (c === '*') return '.*'
  if (c === '?') return '.'
  return c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
}

function invalid(where: string, problem: string): GateError {
  return new GateError(
    'CONFIG_INVALID',
    `${where}: ${problem}; allowed: a glob (* and ?), regex:<expression> or /<expression>/`,
  )
}
