// Neutralises untrusted text (names from profiles, paths, config strings) for each medium.

/** Longest untrusted string shown, in characters; longer ones end in `…`. */
export const MAX_NAME_LENGTH = 300

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
/** Characters with a meaning in GitHub markdown (incl. `$` math and `|` table cells). */
const MARKDOWN_PUNCTUATION = new Set('\\`*_{}[]()#+-.!~|$')
/** Rendered as U+200B: breaks `@mention`, `#123` and e-mail autolinks without showing. */
const ZERO_WIDTH = '&#8203;'

/**
 * Removes what can change how text is displayed rather than what it says: line breaks and
 * tabs become spaces; other C0/C1 controls (ESC included), DEL and bidi overrides are dropped.
 */
export function stripControls(s: string): string {
  let out = ''
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    if (c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d) out += ' '
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c)) continue
    else out += ch
  }
  return out
}

function isBidiControl(c: number): boolean {
  return (
    c === 0x061c ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  )
}

/** Caps a string at `max` characters (code points), ending a cut one with `…`. */
export function truncate(s: string, max = MAX_NAME_LENGTH): string {
  const chars = Array.from(s)
  return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…'
}

/** Untrusted text for the terminal: controls stripped, length capped. */
export function escapeTerminal(s: string): string {
  return truncate(stripControls(s))
}

/**
 * Untrusted text for a markdown table cell or inline text: one line, HTML-escaped,
 * markdown punctuation and `|` backslash-escaped, `@mentions` and `#123` links broken.
 */
export function escapeMarkdown(s: string): string {
  return markdownChars(escapeTerminal(s))
}

/**
 * Longer text for markdown (explanations, notes): escaped like `escapeMarkdown` but never
 * cut short.
 */
export function escapeProse(s: string): string {
  return markdownChars(stripControls(s))
}

function markdownChars(s: string): string {
  let out = ''
  const chars = Array.from(s)
  chars.forEach((ch, i) => {
    const entity = HTML_ENTITIES[ch]
    if (entity) out += entity
    else if (ch === '@') out += '@' + ZERO_WIDTH
    else if (ch === '#') out += '\\#' + ZERO_WIDTH
    else if (MARKDOWN_PUNCTUATION.has(ch)) out += '\\' + ch
    else out += ch
    if (startsAutolink(chars, i)) out += ZERO_WIDTH
  })
  return out
}

/**
 * Whether GFM's autolink extension would start a link at `chars[i]`: the `:` of `://`
 * (`http://`, `ftp://`, `https://localhost/`, `http://1249717606/`) or the first `w` of
 * `www.`. It matches on the text after escapes are resolved, so a backslash cannot stop
 * it; a zero-width space after that character can.
 */
function startsAutolink(chars: string[], i: number): boolean {
  const next = (n: number) => chars.slice(i + 1, i + 1 + n).join('')
  if (chars[i] === ':') return next(2) === '//'
  return /^w$/i.test(chars[i]) && /^ww\.$/i.test(next(3))
}

/**
 * Untrusted text inside raw HTML (`<pre>`, `<summary>`), where markdown is not parsed:
 * one line, HTML-escaped, backticks as `&#96;` (no fence can start), mentions and links broken.
 */
export function escapeHtml(s: string): string {
  let out = ''
  for (const ch of escapeTerminal(s)) {
    const entity = HTML_ENTITIES[ch]
    if (entity) out += entity
    else if (ch === '`') out += '&#96;'
    else if (ch === '@' || ch === '#') out += ch + ZERO_WIDTH
    else out += ch
  }
  return out
}

/** One shell word in single quotes; line breaks and controls are dropped (they cannot be pasted). */
export function shellQuote(s: string): string {
  return `'${stripControls(s).replace(/'/g, `'\\''`)}'`
}

/**
 * A fenced code block whose fence is longer than any backtick run in `body`, so nothing
 * inside can close it.
 */
export function codeFence(body: string, info = ''): string {
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}${info}\n${body}\n${fence}`
}

/**
 * Untrusted text for an HTML page of our own (the HTML report), in element content or a
 * quoted attribute: one line, controls and bidi overrides dropped, length capped, `& < > " '`
 * as entities. Unlike `escapeHtml` nothing is added for GitHub's autolinker or mentions.
 */
export function escapeHtmlText(s: string): string {
  let out = ''
  for (const ch of escapeTerminal(s)) out += HTML_ENTITIES[ch] ?? ch
  return out
}
