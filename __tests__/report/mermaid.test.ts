import { render } from '../../src/report/index.js'
import { LINE_COLOURS, lineChart, mermaidLabel, xyChartInit } from '../../src/report/mermaid.js'
import { input } from './helpers.js'
import { leakVerdict, mermaidBlocks, seriesDiff } from './memory-helpers.js'

const HOSTILE = `"]; %%{init: {'theme':'dark'}}%% <img> \n x`

/** Every line a chart of ours may hold: nothing else can appear in a block. */
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const XY_LINE = new RegExp(
  [
    escapeRegex(xyChartInit()),
    'xychart-beta',
    '    title "[\\p{L}\\p{N} _.()/-]*"',
    '    x-axis "Snapshot" \\["1"(, "\\d+")*\\]',
    '    y-axis "MiB" 0 --> \\d+(\\.\\d+)?',
    '    line \\[\\d+(\\.\\d+)?(, \\d+(\\.\\d+)?)*\\]',
  ]
    .map((l) => `(?:${l})`)
    .join('|')
    .replace(/^/, '^(?:')
    .concat(')$'),
  'u',
)

describe('mermaidLabel', () => {
  test('keeps letters, digits, spaces and -_.()/', () => {
    expect(mermaidLabel('main.(*Cache).Put')).toBe('main.(Cache).Put')
    expect(mermaidLabel('example.com/svc/v2-x_y.Func1')).toBe('example.com/svc/v2-x_y.Func1')
    expect(mermaidLabel('日本.関数')).toBe('日本.関数')
  })

  test('removes everything that could leave a label or start a directive', () => {
    const label = mermaidLabel(HOSTILE + ' `#;:<>{}%%"' + "'" + '\u202e')
    expect(label).toBe('init themedark img x')
    for (const bad of ['"', "'", ':', '%%', '{', '}', '<', '>', ';', '`', '#', '\n', '\u202e'])
      expect(label).not.toContain(bad)
  })

  test('caps the length at 60', () => {
    const label = mermaidLabel('a'.repeat(200))
    expect(label).toHaveLength(60)
    expect(label.endsWith('...')).toBe(true)
    expect(mermaidLabel(' a \n\n b ')).toBe('a b')
  })
})

describe('charts', () => {
  test('the init directive sets the base theme and the colour-blind-safe palette', () => {
    const init = xyChartInit()
    expect(init).toMatch(/^%%\{init: \{'theme':'base','themeVariables':\{'xyChart':\{.*\}\}\}\}%%$/)
    expect(init).toContain(`'plotColorPalette':'${LINE_COLOURS.join(', ')}'`)
    expect(init).toContain(`'backgroundColor':'transparent'`)
  })

  test('a line chart has categories 1…n, a rounded axis and one line per series', () => {
    const chart = lineChart('HeapInuse (MiB)', 'MiB', 3, [{ values: [1, 2.5, 42.123] }])
    expect(chart).toContain('    x-axis "Snapshot" ["1", "2", "3"]')
    expect(chart).toContain('    y-axis "MiB" 0 --> 50')
    expect(chart).toContain('    line [1, 2.5, 42.12]')
    for (const l of mermaidBlocks(chart)[0].split('\n')) expect(l).toMatch(XY_LINE)
  })
})

describe('charts in the markdown report', () => {
  const diff = seriesDiff(HOSTILE)
  const md = render(input(diff, leakVerdict(diff.series!)), 'markdown')
  const blocks = mermaidBlocks(md)

  test('every fence is closed and every block holds only chart lines', () => {
    expect(md.match(/^```/gm)!.length % 2).toBe(0)
    expect(blocks).toHaveLength(1)
    const [xy] = blocks
    expect(xy).toContain('xychart-beta')
    for (const l of xy.split('\n')) expect(l).toMatch(XY_LINE)
  })

  test('a hostile function name cannot inject a directive or leave its label', () => {
    // Only our own init directive holds `%%` and quotes.
    const all = blocks.join('\n').replace(xyChartInit(), '')
    expect(all).not.toContain('%%')
    expect(all).not.toContain('<')
    expect(all).not.toContain("'")
    expect(all).toContain('    title "HeapInuse / RSS / init themedark img x (MiB)"')
    // The quotes that remain are those delimiting labels: an even number on every line.
    for (const l of all.split('\n')) expect((l.match(/"/g) ?? []).length % 2).toBe(0)
    expect(md.split(xyChartInit()).join('')).not.toMatch(/%%\{|<img/)
  })

  test('the lines are named next to the chart, escaped', () => {
    expect(md).toContain(
      '🟧 HeapInuse · 🟦 RSS · 🟩 <code>&quot;\\]; %%\\{init: \\{&#39;theme&#39;:&#39;dark&#39;\\}\\}%% &lt;img&gt;   x</code>',
    )
  })
})
