// Terminal layout: ANSI styles and columns padded by visible width.

/** Styles the text report uses; `plain` adds nothing. */
export type Style = 'plain' | 'red' | 'green' | 'yellow' | 'dim' | 'bold-red' | 'bold-green'

/** A cell: text (already stripped of controls) with an optional style. */
export type Cell = string | { text: string; style: Style }

const ESC = String.fromCharCode(27)
const CODES: Record<Style, string> = {
  plain: '',
  red: '31',
  green: '32',
  yellow: '33',
  dim: '2',
  'bold-red': '1;31',
  'bold-green': '1;32',
}

/** Applies a style as ANSI codes when `color` is on; otherwise returns the text unchanged. */
export function paint(text: string, style: Style, color: boolean): string {
  if (!color || style === 'plain' || text === '') return text
  return `${ESC}[${CODES[style]}m${text}${ESC}[0m`
}

/** Red for growth, green for shrinkage, plain for no change or no baseline. */
export function deltaStyle(delta: number | null): Style {
  return delta === null || delta === 0 ? 'plain' : delta > 0 ? 'red' : 'green'
}

/** Width of text as a terminal shows it (code points; styles are added after measuring). */
export function visibleWidth(text: string): number {
  return Array.from(text).length
}

/**
 * Rows as aligned columns, indented by two spaces. `align` holds `l` or `r` per column; the
 * first row is a header and printed dim. Trailing padding is not emitted.
 */
export function columns(rows: Cell[][], align: string, color: boolean): string[] {
  const cells = rows.map((r) =>
    r.map((c) => (typeof c === 'string' ? { text: c, style: 'plain' as Style } : c)),
  )
  const widths: number[] = []
  for (const r of cells)
    r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleWidth(c.text))))
  return cells.map((r, row) => {
    const parts = r.map((c, i) => {
      const pad = ' '.repeat(widths[i] - visibleWidth(c.text))
      const last = i === r.length - 1
      const style = row === 0 ? 'dim' : c.style
      const text = paint(c.text, style, color)
      return align[i] === 'r' ? pad + text : last ? text : text + pad
    })
    return ('  ' + parts.join('  ')).replace(/ +$/, '')
  })
}
