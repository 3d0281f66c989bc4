// The text report on terminals of every width: every golden scenario rendered by the CLI
// (from the sources) at 60, 80 and 100 columns, against the same report at 200: lines fit,
// words stay whole, the verdict comes last; with colour: bold headers, and red or green only
// on changes beyond the noise.
import { rmSync } from 'node:fs'
import { escapeTerminal } from '../../src/report/escape.js'
import { clip, cut, visibleWidth, wrap } from '../../src/report/text-layout.js'
import { runFromSources } from '../helpers/cli-sources.js'
import { SCENARIOS } from '../helpers/scenarios.js'

const WIDTHS = [60, 80, 100]
const WIDE = 200
const ESC = '\u001b'
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g')
const strip = (s: string) => s.replace(SGR, '')
const linesOf = (s: string) => s.replace(/\n$/, '').split('\n')
const tokens = (s: string) => strip(s).split(/\s+/).filter(Boolean)
/** A bar of "Where the memory is": its length follows the width. */
const BAR = /^[█░▏]+$/
/** Red or green, bold or not: the colours of a change. */
const CHANGE_COLOUR = new RegExp(`${ESC}\\[(1;)?3[12]m`)

interface Reports {
  plain: Map<number, string>
  /** On a terminal of WIDE columns, colour on. */
  color: string
  /** On a terminal of 80 columns, colour on. */
  color80: string
  json: {
    focus: string
    allocators: {
      function: string
      sampleType: string
      delta: number | null
      significance: string | null
    }[]
    packages: {
      function: string
      sampleType: string
      delta: number | null
      significance: string | null
    }[]
  }
}
const reports = new Map<string, Reports>()

beforeAll(async () => {
  for (const s of SCENARIOS) {
    const dir = s.dir?.()
    try {
      const run = async (io: Parameters<typeof runFromSources>[2], extra: string[] = []) =>
        (await runFromSources(['compare', ...s.args, ...extra], dir, io)).stdout
      const plain = new Map<number, string>()
      for (const w of [...WIDTHS, WIDE]) plain.set(w, await run({ env: { COLUMNS: String(w) } }))
      reports.set(s.name, {
        plain,
        color: await run({ isTTY: true, columns: WIDE }),
        color80: await run({ isTTY: true, columns: 80 }),
        json: JSON.parse(await run({}, ['--format', 'json'])),
      })
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true })
    }
  }
}, 120_000)

const cases = SCENARIOS.flatMap((s) => WIDTHS.map((w) => [s.name, w] as const))

describe.each(cases)('%s at %i columns', (name, width) => {
  const report = () => reports.get(name)!.plain.get(width)!

  test('every line fits the width', () => {
    const over = linesOf(report()).filter((l) => visibleWidth(l) > width)
    expect(over).toEqual([])
  })

  test('no word is split: every word is one of the wide report, or a name cut with …', () => {
    const wide = new Set(tokens(reports.get(name)!.plain.get(WIDE)!))
    // `\` continues a wrapped shell command.
    const strays = tokens(report()).filter(
      (t) => !wide.has(t) && !t.includes('…') && t !== '\\' && !BAR.test(t),
    )
    expect(strays).toEqual([])
  })

  test('the verdict is repeated as the last line', () => {
    const lines = linesOf(report())
    const last = lines.slice(lines.lastIndexOf('') + 1)
    expect(last[0]).toMatch(/^(PASS|FAIL|WARN|INFO) {2}gomem-gate: /)
    expect(lines.slice(0, last.length)).toEqual(last)
  })
})

describe.each(SCENARIOS.map((s) => s.name))('%s with colour', (name) => {
  const r = () => reports.get(name)!

  test('the same text as without colour, within the terminal width', () => {
    expect(strip(r().color)).toBe(r().plain.get(WIDE))
    expect(strip(r().color80)).toBe(r().plain.get(80))
  })

  test('section titles and table header rows are bold', () => {
    const lines = linesOf(r().color)
    const plain = linesOf(r().plain.get(WIDE)!)
    plain.forEach((l, i) => {
      const title = l !== '' && !l.startsWith(' ') && plain[i - 1] === '' && i < plain.length - 2
      if (title) expect(lines[i].startsWith('\u001b[1m')).toBe(true)
      const header =
        /^ {2}(rule|subject|sample type|field|side|benchmark|candidate {2}share|#) /.test(l)
      if (header || /^ +Δ +% +baseline/.test(l)) {
        expect(lines[i]).toContain('\u001b[1m')
        expect(lines[i].replace(new RegExp(`${ESC}\\[(1|0)m`, 'g'), '')).toBe(l)
      }
    })
  })

  test('red and green only on changes beyond the noise', () => {
    const { json } = r()
    // The allocators and packages the text lists, by their name as the text prints it.
    const judged = [...json.allocators, ...json.packages]
      .filter((a) => a.sampleType === json.focus)
      .map((a) => ({ ...a, name: escapeTerminal(a.function) }))
    let section = ''
    const plain = linesOf(r().plain.get(WIDE)!)
    linesOf(r().color).forEach((line, i) => {
      const text = plain[i]
      if (text !== '' && !text.startsWith(' ') && plain[i - 1] === '') section = text
      const coloured = CHANGE_COLOUR.test(line)
      const listed = /^Top growing (allocators|packages)/.test(section) && text.includes('→')
      const row = listed ? judged.find((a) => a.name && text.endsWith(`  ${a.name}`)) : undefined
      // Every significant change of a listed allocator or package is coloured, and only those.
      if (row) expect(coloured).toBe(row.significance === 'significant' && row.delta !== 0)
      if (/^(PASS|FAIL|WARN|INFO) /.test(text) || !coloured) return
      // The verdict's label and the rules broken are the only other colours.
      if (/^(Violations|Leak suspects)/.test(section)) return
      expect(section).toMatch(/^(Top growing|Totals|MemStats|Benchmarks|Per profile)/)
      // A change within the noise shows `~`: never coloured.
      expect(text).not.toMatch(/ ~( |$)/)
    })
  })

  test('nothing is coloured in the sections that are not judged', () => {
    let section = ''
    for (const line of linesOf(r().color)) {
      const text = strip(line)
      if (text !== '' && !text.startsWith(' ')) section = text
      if (/^(Where the memory is|Goroutines|Inputs|Inconclusive)/.test(section))
        expect(line).not.toMatch(CHANGE_COLOUR)
    }
  })
})

describe('hostile names at 80 columns', () => {
  const plain = () => reports.get('hostile-names')!.plain.get(80)!
  const color = () => reports.get('hostile-names')!.color80

  test('every line fits, no escape comes from a profile', () => {
    for (const l of [...linesOf(plain()), ...linesOf(color())])
      expect(visibleWidth(l)).toBeLessThanOrEqual(80)
    expect(plain()).not.toContain('\u001b')
    // With colour, every escape is one of the report's own SGR sequences.
    expect(color().replace(SGR, '')).not.toContain('\u001b')
    expect(color()).not.toContain('\u0007')
  })

  test('long names are cut with …, keeping the end of a Go name', () => {
    const rows = linesOf(plain()).filter((l) => l.includes('  …'))
    expect(rows.length).toBeGreaterThan(0)
    expect(plain()).toContain('…le http://1249717606/ [31mred]0;title')
  })
})

describe('the width the CLI picks', () => {
  const demo = SCENARIOS.find((s) => s.name === 'demo-leak')!.args
  const run = async (io: Parameters<typeof runFromSources>[2], extra: string[] = []) =>
    (await runFromSources(['compare', ...demo, ...extra], undefined, io)).stdout
  const widest = (s: string) => Math.max(...linesOf(s).map(visibleWidth))

  test('without a terminal or $COLUMNS: 100, also when $COLUMNS is not a positive integer', async () => {
    const hundred = await run({ env: { COLUMNS: '100' } })
    expect(await run({})).toBe(hundred)
    for (const junk of ['', 'abc', '0', '-80', '80x', '1e2', ' ']) {
      expect(await run({ env: { COLUMNS: junk } })).toBe(hundred)
    }
  })

  test("the terminal's width wins over $COLUMNS; --width over both", async () => {
    expect(
      widest(await run({ isTTY: true, columns: 70, env: { COLUMNS: '120', NO_COLOR: '1' } })),
    ).toBeLessThanOrEqual(70)
    expect(await run({ env: { COLUMNS: '72' } })).toBe(
      await run({ env: { COLUMNS: '72' }, isTTY: false, columns: 150 }),
    )
    expect(widest(await run({ env: { COLUMNS: '150' } }, ['--width', '64']))).toBeLessThanOrEqual(
      64,
    )
  })

  test('--width must be an integer of at least 20', async () => {
    const r = await runFromSources(['compare', ...demo, '--width', '12'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--width 12')
  })
})

describe('layout helpers', () => {
  test('visible width: escapes count nothing, wide characters two', () => {
    expect(visibleWidth('\u001b[1;31mFAIL\u001b[0m')).toBe(4)
    expect(visibleWidth('表示')).toBe(4)
    expect(visibleWidth('evil．example')).toBe(13)
    expect(visibleWidth('→ …')).toBe(3)
  })

  test('cut keeps the end of a Go name, both ends of a path', () => {
    expect(cut('gomemgate/internal/cache.(*Cache).Put', 20, 'start')).toBe('…/cache.(*Cache).Put')
    expect(cut('fixtures/baseline-seed1.pb.gz', 16, 'middle')).toBe('fixtu…eed1.pb.gz')
    expect(cut('BenchmarkEncode/large', 10, 'end')).toBe('Benchmark…')
    expect(visibleWidth(cut('表示表示表示', 5, 'end'))).toBeLessThanOrEqual(5)
  })

  test('wrap breaks between words only, with a hanging indent, a number with its unit', () => {
    const lines = wrap(
      'The heap profile covers 100% of the live heap (sampling one per 512 KiB)',
      30,
      '  ',
      '    ',
    )
    expect(lines).toEqual([
      '  The heap profile covers 100%',
      '    of the live heap (sampling',
      '    one per 512 KiB)',
    ])
  })

  test('a duration or a rate stays with its number', () => {
    expect(wrap('+209.26 µs (+67.3%)', 10)).toEqual(['+209.26 µs', '(+67.3%)'])
    expect(wrap('went from 3 MB/s to 4 MB/s', 12)).toEqual(['went from', '3 MB/s to', '4 MB/s'])
  })

  test('clip cuts a painted line at the width and closes its style', () => {
    const line = '\u001b[31mabcdefghij\u001b[0m'
    expect(clip(line, 5)).toBe('\u001b[31mabcd…\u001b[0m')
    expect(clip(line, 10)).toBe(line)
  })
})
