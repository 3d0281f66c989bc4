// Mermaid charts for GitHub comments: line charts, every label sanitised.
import { codeFence, stripControls } from './escape.js'

/** Longest label or title in a chart, in characters. */
export const MAX_MERMAID_LABEL = 60

/** One line of a line chart: values per x position (all known, same length as the axis). */
export interface ChartLine {
  values: number[]
}

/**
 * Colours of the line chart's lines, in order, and the emoji squares that name them: the
 * Okabe–Ito palette (told apart with every common colour-vision deficiency), each light
 * enough for GitHub's dark theme and dark enough for its light one.
 */
export const LINE_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#cc79a7'] as const
export const LINE_SWATCHES = ['🟧', '🟦', '🟩', '🟪'] as const

/** Text and axes in a grey that reads on a white and on a near-black page. */
const NEUTRAL = '#8c959f'

/**
 * The init directive of our xy charts: the base theme, a transparent background (the page's
 * shows through, light or dark), grey text and axes, and LINE_COLOURS for the lines.
 */
export function xyChartInit(): string {
  const xy = [
    `'backgroundColor':'transparent'`,
    `'titleColor':'${NEUTRAL}'`,
    `'xAxisLabelColor':'${NEUTRAL}'`,
    `'xAxisTitleColor':'${NEUTRAL}'`,
    `'xAxisTickColor':'${NEUTRAL}'`,
    `'xAxisLineColor':'${NEUTRAL}'`,
    `'yAxisLabelColor':'${NEUTRAL}'`,
    `'yAxisTitleColor':'${NEUTRAL}'`,
    `'yAxisTickColor':'${NEUTRAL}'`,
    `'yAxisLineColor':'${NEUTRAL}'`,
    `'plotColorPalette':'${LINE_COLOURS.join(', ')}'`,
  ].join(',')
  return `%%{init: {'theme':'base','themeVariables':{'xyChart':{${xy}}}}}%%`
}

/**
 * A label that cannot leave its chart: only letters, digits, spaces and `-_.()/` survive
 * (no quotes, colons, `%%` directives, brackets, `<`, `>`, `;`, `#` or backticks), line
 * breaks become spaces, runs of spaces collapse, and at most 60 characters remain.
 */
export function mermaidLabel(s: string): string {
  const kept = stripControls(s)
    .replace(/[^\p{L}\p{N} _.()/-]/gu, '')
    .replace(/ +/g, ' ')
    .trim()
  const chars = Array.from(kept)
  if (chars.length <= MAX_MERMAID_LABEL) return kept
  return chars.slice(0, MAX_MERMAID_LABEL - 3).join('') + '...'
}

/** A number for a chart: plain decimal notation, at most `digits` decimals, no trailing zeros. */
export function chartNumber(n: number, digits = 2): string {
  const s = n.toFixed(digits)
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s
}

/**
 * An `xychart-beta` line chart over categories 1…n, lines coloured by LINE_COLOURS in order
 * (GitHub's mermaid draws no legend: name the lines with LINE_SWATCHES next to the chart).
 */
export function lineChart(title: string, yTitle: string, n: number, lines: ChartLine[]): string {
  const max = Math.max(0, ...lines.flatMap((l) => l.values))
  const top = niceCeiling(max)
  const body = [
    xyChartInit(),
    'xychart-beta',
    `    title "${mermaidLabel(title)}"`,
    `    x-axis "Snapshot" [${Array.from({ length: n }, (_, i) => `"${i + 1}"`).join(', ')}]`,
    `    y-axis "${mermaidLabel(yTitle)}" 0 --> ${chartNumber(top)}`,
    ...lines
      .slice(0, LINE_COLOURS.length)
      .map((l) => `    line [${l.values.map((v) => chartNumber(v)).join(', ')}]`),
  ]
  return codeFence(body.join('\n'), 'mermaid')
}

/** The smallest 1, 2 or 5 × 10^k at or above `n` (1 for nothing to show). */
function niceCeiling(n: number): number {
  if (!(n > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(n))
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power
  return 10 * power
}
