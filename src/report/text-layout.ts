// Terminal layout: ANSI styles, visible width, names cut with `…`, words wrapped, and
// columns that fit a width.
import type { Significance } from '../policy/types.js'

/** Styles the text report uses; `plain` adds nothing. */
export type Style =
  'plain' | 'bold' | 'red' | 'green' | 'yellow' | 'dim' | 'bold-red' | 'bold-green'

/** A cell: text (already stripped of controls) with an optional style. */
export type Cell = string | { text: string; style: Style }

/** Width of a report when neither the terminal nor `$COLUMNS` gives one. */
export const DEFAULT_WIDTH = 100

const ESC = String.fromCharCode(27)
const CODES: Record<Style, string> = {
  plain: '',
  bold: '1',
  red: '31',
  green: '32',
  yellow: '33',
  dim: '2',
  'bold-red': '1;31',
  'bold-green': '1;32',
}
/** The SGR sequences `paint` writes (the only escapes a report holds). */
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g')
/** An SGR sequence at the start of a string. */
const SGR_AT = new RegExp(`^${ESC}\\[[0-9;]*m`)
const ELLIPSIS = '…'

/** Applies a style as ANSI codes when `color` is on; otherwise returns the text unchanged. */
export function paint(text: string, style: Style, color: boolean): string {
  if (!color || style === 'plain' || text === '') return text
  return `${ESC}[${CODES[style]}m${text}${ESC}[0m`
}

/**
 * Red for significant growth, green for significant shrinkage; a change the judgement calls
 * noise or inconclusive, or one not judged at all (`significance` null), stays plain.
 */
export function deltaStyle(delta: number | null, significance: Significance | null): Style {
  if (delta === null || delta === 0 || significance !== 'significant') return 'plain'
  return delta > 0 ? 'red' : 'green'
}

/** Columns a character takes: 2 for East Asian wide and fullwidth ones, 0 for combining marks. */
function charWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0
  if (
    (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f)
  )
    return 0
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  return wide ? 2 : 1
}

/**
 * Columns `text` takes on a terminal: escape codes count nothing, East Asian wide characters
 * two. Ambiguous-width ones (`→`, `…`, `█`) count one, as Western terminals show them.
 */
export function visibleWidth(text: string): number {
  let w = 0
  for (const ch of text.replace(SGR, '')) w += charWidth(ch.codePointAt(0)!)
  return w
}

/** The first characters of `chars` that fit `width` columns. */
function take(chars: string[], width: number): string[] {
  const out: string[] = []
  let w = 0
  for (const ch of chars) {
    const c = charWidth(ch.codePointAt(0)!)
    if (w + c > width) break
    out.push(ch)
    w += c
  }
  return out
}

/**
 * Where a name too long for its place loses characters: `end` keeps its start
 * (`BenchmarkEnc…`), `start` keeps its end, which names a Go function
 * (`…/cache.(*Cache).Put`), `middle` keeps both ends of a path (`fixtures/…/heap.pb.gz`).
 */
export type Cut = 'end' | 'start' | 'middle'

/** `text` cut to `width` columns with `…` where characters were left out (no escapes in it). */
export function cut(text: string, width: number, how: Cut): string {
  if (visibleWidth(text) <= width) return text
  if (width <= 0) return ''
  const chars = Array.from(text)
  const room = width - 1
  if (how === 'end') return take(chars, room).join('') + ELLIPSIS
  if (how === 'start') return ELLIPSIS + take(chars.reverse(), room).reverse().join('')
  const head = take(chars, Math.floor(room / 3))
  const tail = take([...chars].reverse(), room - visibleWidth(head.join(''))).reverse()
  return head.join('') + ELLIPSIS + tail.join('')
}

/**
 * A finished line (escapes and all) cut at `width` columns with `…`; the last resort that
 * keeps every line of a report within its width. Styles stay balanced.
 */
export function clip(line: string, width: number): string {
  if (visibleWidth(line) <= width) return line
  let out = ''
  let w = 0
  let styled = false
  for (let i = 0; i < line.length;) {
    if (line[i] === ESC) {
      const m = SGR_AT.exec(line.slice(i))
      if (m) {
        out += m[0]
        styled = m[0] !== `${ESC}[0m`
        i += m[0].length
        continue
      }
    }
    const ch = String.fromCodePoint(line.codePointAt(i)!)
    const c = charWidth(ch.codePointAt(0)!)
    if (w + c > width - 1) break
    out += ch
    w += c
    i += ch.length
  }
  return out + ELLIPSIS + (styled ? `${ESC}[0m` : '')
}

/** The words of `text`: split at spaces, except that a number keeps its unit (`4 MiB`, `3 µs`). */
export function words(text: string): string[] {
  return text.split(UNIT_BREAK).filter((w) => w !== '')
}
/** A space that may break a line: not the one between a number and its unit. */
const UNIT_BREAK = / (?!(?:B|KiB|MiB|GiB|TiB|PiB|EiB|ns|µs|ms|s|[KMG]?B\/s)(?=$|[\s,.;:)]))/

/**
 * The words of `text` on lines of at most `width` columns, never broken inside a word: the
 * first line starts with `first`, the others with `hang` (a hanging indent). A word wider
 * than a line on its own is cut with `…`, keeping its end (such words are names).
 */
export function wrap(text: string, width: number, first = '', hang = first): string[] {
  return wrapWords(words(text), width, first, hang)
}

/** `wrap` over words already split (a shell command's arguments, say). */
export function wrapWords(
  list: string[],
  width: number,
  first = '',
  hang = first,
  gap = ' ',
): string[] {
  const lines: string[] = []
  let indent = first
  let current = ''
  for (const word of list) {
    if (current && visibleWidth(indent + current + gap + word) > width) {
      lines.push(indent + current)
      indent = hang
      current = ''
    }
    const room = width - visibleWidth(indent)
    current = current
      ? `${current}${gap}${word}`
      : word.includes(ESC)
        ? word
        : cut(word, room, 'start')
  }
  if (current || lines.length === 0) lines.push(indent + current)
  return lines
}

/**
 * How a column fits a narrow width: `r` a number, right-aligned, never cut (its words wrap
 * only as a last resort); `l` a short label, left-aligned, never cut; `g` a Go name, cut
 * keeping its end; `m` another name or a path, cut in the middle; `e` a name cut at its end;
 * `w` prose, wrapped at word boundaries onto continuation lines.
 */
type Fit = 'r' | 'l' | 'g' | 'm' | 'e' | 'w'
const CUTS: Partial<Record<Fit, Cut>> = { g: 'start', m: 'middle', e: 'end' }
/** A name is cut to no fewer columns than this while other ways to fit remain. */
const NAME_FLOOR = 20
/** Nor to fewer than this at all; a table that does not fit then is stacked. */
const NAME_MIN = 10
/** Lines a row may take; a table whose rows need more is stacked. */
const MAX_ROW_LINES = 2
/** Prose is wrapped to no fewer columns than this (or its longest word). */
const PROSE_FLOOR = 12

/**
 * Rows as aligned columns, indented by two spaces, within `width` columns. `fit` holds one
 * letter per column (see Fit); the first row is a header, printed bold with `color`. Too wide
 * a table first cuts its widest name column, down to NAME_FLOOR, then wraps its prose at
 * word boundaries onto continuation lines, then wraps headers wider than their column and
 * the numbers' words (`+24.8 MiB` over `(+176%)`; a number is never cut), then cuts names to
 * NAME_MIN. When even that does not fit, or a row would take more than MAX_ROW_LINES lines,
 * each row becomes a block (`stacked`). Trailing padding is not emitted.
 */
export function columns(rows: Cell[][], fit: string, color: boolean, width = Infinity): string[] {
  const cells = rows.map((r) =>
    r.map((c) => (typeof c === 'string' ? { text: c, style: 'plain' as Style } : c)),
  )
  const kinds = Array.from(fit) as Fit[]
  const n = kinds.length
  const measure = (rs: typeof cells, f: (t: string) => number) =>
    kinds.map((_, i) => Math.max(0, ...rs.map((r) => f(r[i]?.text ?? ''))))
  const longest = (t: string) => Math.max(0, ...words(t).map(visibleWidth))
  const natural = measure(cells, visibleWidth)
  const body = measure(cells.slice(1), visibleWidth)
  const longestWord = measure(cells, longest)
  const widths = [...natural]
  const total = () => 2 + widths.reduce((a, b) => a + b, 0) + 2 * (n - 1)
  /**
   * Narrows the widest of `cols`, none below its floor, until the table fits: a column at a
   * time for names (they end up alike), by all that is missing at once for wrapped cells (as
   * few columns as may wrap).
   */
  const shrink = (cols: number[], floor: (i: number) => number, jump = false) => {
    while (total() > width) {
      const open = cols.filter((i) => widths[i] > floor(i))
      if (open.length === 0) return
      const widest = open.reduce((a, b) => (widths[b] > widths[a] ? b : a))
      widths[widest] = jump
        ? Math.max(floor(widest), widths[widest] - (total() - width))
        : widths[widest] - 1
    }
  }
  const all = kinds.map((_, i) => i)
  const of = (...f: Fit[]) => all.filter((i) => f.includes(kinds[i]))
  const names = of('g', 'm', 'e')
  const header = (i: number) => visibleWidth(cells[0][i]?.text ?? '')
  shrink(names, (i) => Math.min(natural[i], Math.max(NAME_FLOOR, header(i))))
  shrink(of('w'), (i) => Math.max(longestWord[i], Math.min(natural[i], PROSE_FLOOR)), true)
  shrink(of('r', 'l'), (i) => Math.max(body[i], longestWord[i]), true)
  shrink(of('r', 'l'), (i) => longestWord[i], true)
  shrink(names, (i) => Math.min(natural[i], NAME_MIN))
  if (total() > width) return stacked(cells, kinds, color, width)

  const lay = (text: string, i: number, header: boolean): string[] => {
    if (visibleWidth(text) <= widths[i]) return [text]
    const how = CUTS[kinds[i]]
    if (how) return [cut(text, widths[i], how)]
    if (header && words(text).some((w) => visibleWidth(w) > widths[i]))
      return [cut(text, widths[i], 'end')]
    return wrap(text, widths[i])
  }
  const laid = cells.map((r, row) => r.map((c, i) => lay(c.text, i, row === 0)))
  const heights = laid.map((r) => Math.max(1, ...r.map((l) => l.length)))
  // Rows taller than this read worse than blocks.
  if (Math.max(...heights) > MAX_ROW_LINES) return stacked(cells, kinds, color, width)
  return cells.flatMap((r, row) => {
    const lines: string[] = []
    for (let k = 0; k < heights[row]; k++) {
      const parts = r.map((c, i) => {
        const text = laid[row][i][k] ?? ''
        const pad = ' '.repeat(Math.max(0, widths[i] - visibleWidth(text)))
        const last = i === r.length - 1
        const painted = paint(text, row === 0 ? 'bold' : c.style, color)
        return kinds[i] === 'r' ? pad + painted : last ? painted : painted + pad
      })
      lines.push(('  ' + parts.join('  ')).replace(/ +$/, ''))
    }
    return lines
  })
}

/**
 * A table too wide for `width` even with its names cut: each row as a block, its first cell
 * on a line of its own, then the others as `header value`, wrapped with a hanging indent.
 */
function stacked(
  cells: { text: string; style: Style }[][],
  kinds: Fit[],
  color: boolean,
  width: number,
): string[] {
  const [head, ...rows] = cells
  return rows.flatMap((r) => {
    const first = cut(r[0]?.text ?? '', width - 2, CUTS[kinds[0]] ?? 'end')
    const items = r.slice(1).flatMap((c, j) => {
      const i = j + 1
      if (c.text === '' || c.text === '→') return []
      const key = head[i]?.text ? `${paint(head[i].text, 'dim', color)} ` : ''
      const how = CUTS[kinds[i]]
      const room = width - 4 - visibleWidth(key)
      const text = how ? cut(c.text, room, how) : c.text
      if (visibleWidth(key + text) <= width - 4) return [key + paint(text, c.style, color)]
      return [...words(key), ...words(text)]
    })
    return [
      `  ${paint(first, r[0]?.style ?? 'plain', color)}`,
      ...wrapWords(items, width, '    ', '    ', '  '),
    ]
  })
}
