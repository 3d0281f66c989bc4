// Golden tests, benchstat-style: every real scenario run through the CLI (from the sources),
// its text, markdown and JSON reports and its exit code kept in fixtures/golden/<scenario>.*
// and compared byte for byte. GOMEM_GATE_UPDATE_GOLDEN=1 rewrites them (see fixtures/README.md).
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { CliResult } from './helpers/cli.js'
import { runFromSources } from './helpers/cli-sources.js'
import {
  CMARK_GFM_MISSING,
  hasCmarkGfm,
  issueRefsIn,
  linksIn,
  mentionsIn,
  renderGfm,
  tagsIn,
  visibleLength,
} from './helpers/gfm.js'
import { expectGolden, updating } from './helpers/golden.js'
import { SCENARIOS } from './helpers/scenarios.js'

const GOLDEN = join(process.cwd(), 'fixtures', 'golden')
const FORMATS = [
  ['text', 'txt'],
  ['markdown', 'md'],
  ['json', 'json'],
] as const

const golden = (name: string, ext: string) => join(GOLDEN, `${name}.${ext}`)
/** Every report, by scenario and format. */
const outputs = new Map<string, Map<string, CliResult>>()

describe.each(SCENARIOS)('golden: $name', (scenario) => {
  const results = new Map<string, CliResult>()
  outputs.set(scenario.name, results)
  let dir: string | undefined

  beforeAll(async () => {
    dir = scenario.dir?.()
    for (const [format] of FORMATS) {
      results.set(
        format,
        await runFromSources(['compare', ...scenario.args, '--format', format], dir),
      )
    }
  })
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('exit code and stderr are the same in every format and equal the goldens', () => {
    const [first, ...others] = FORMATS.map(([f]) => results.get(f)!)
    for (const r of others) {
      expect(r.status).toBe(first.status)
      expect(r.stderr).toBe(first.stderr)
    }
    expectGolden(golden(scenario.name, 'exit'), `${first.status}\n`)
    expectGolden(golden(scenario.name, 'stderr'), first.stderr === '' ? undefined : first.stderr)
  })

  test.each(FORMATS)('%s report equals the golden .%s', (format, ext) => {
    const out = results.get(format)!.stdout
    if (format === 'json') JSON.parse(out)
    expectGolden(golden(scenario.name, ext), out)
  })
})

test('fixtures/golden holds only the files of these scenarios', () => {
  const known = new Set(
    SCENARIOS.flatMap((s) =>
      ['exit', 'stderr', ...FORMATS.map(([, ext]) => ext)].map((e) => `${s.name}.${e}`),
    ),
  )
  // explain's goldens (explain-*) are checked by __tests__/explain/golden.test.ts.
  const stray = readdirSync(GOLDEN).filter(
    (f) => !known.has(f) && !f.endsWith('.yml') && !f.startsWith('explain-'),
  )
  if (updating) for (const f of stray) rmSync(join(GOLDEN, f))
  else expect(stray).toEqual([])
})

const cmark = hasCmarkGfm()
const needsCmark = !cmark && process.env.CI !== 'true'
if (needsCmark) console.warn(`golden markdown is not rendered: ${CMARK_GFM_MISSING}`)
const rendering = needsCmark ? describe.skip : describe
const title = needsCmark ? ` (skipped: ${CMARK_GFM_MISSING})` : ''

rendering(`markdown goldens rendered by cmark-gfm as GitHub does${title}`, () => {
  const html = (name: string) => {
    if (!cmark) throw new Error(`${CMARK_GFM_MISSING} (CI=true: the rendering tests must run)`)
    return renderGfm(outputs.get(name)!.get('markdown')!.stdout)
  }

  test.each(SCENARIOS.map((s) => s.name))(
    '%s: every table renders, no mention, no issue link',
    (name) => {
      const md = outputs.get(name)!.get('markdown')!.stdout
      const page = html(name)
      const tables = md.split('\n').filter((l) => /^\| :?-/.test(l)).length
      expect(page.split('<table>').length - 1).toBe(tables)
      expect(mentionsIn(page)).toEqual([])
      expect(issueRefsIn(page)).toEqual([])
    },
  )

  // What a reviewer reads without opening anything: the verdict, the findings, the links.
  test.each(SCENARIOS.map((s) => s.name))(
    '%s: fits a screen (at most 1,500 characters outside <details> on a pass, 3,000 on a fail)',
    (name) => {
      const r = outputs.get(name)!.get('markdown')!
      const limit = r.status === 0 ? 1500 : 3000
      expect(visibleLength(r.stdout)).toBeLessThanOrEqual(limit)
    },
  )

  test.each(SCENARIOS.map((s) => s.name))(
    '%s: every table row has its header’s cells, every <details> is closed, summaries are followed by a blank line',
    (name) => {
      const md = outputs.get(name)!.get('markdown')!.stdout
      const page = html(name)
      for (const t of page.split('<table>').slice(1)) {
        const rows = t.slice(0, t.indexOf('</table>')).split('<tr>').slice(1)
        const widths = rows.map((r) => (r.match(/<t[hd][\s>]/g) ?? []).length)
        expect(new Set(widths).size).toBe(1)
      }
      expect(page.split('<details>').length).toBe(page.split('</details>').length)
      expect(md.split('<details>').length).toBe(md.split('</details>').length)
      // Markdown inside a <details> renders only after a blank line (stack <pre>s need none).
      for (const m of md.matchAll(/<summary>.*<\/summary>\n(.*)/g))
        expect(['', '<pre>']).toContain(m[1])
    },
  )

  test.each(SCENARIOS.map((s) => s.name))(
    '%s: the only raw HTML is our own (details, summary, pre, code, sub)',
    (name) => {
      const allowed = new Set(['details', 'summary', 'pre', 'code', 'sub', 'br'])
      const md = outputs.get(name)!.get('markdown')!.stdout
      // Raw tags in the source, outside code fences (where they are text).
      const prose = md.replace(/^(`{3,})[^\n]*\n[^]*?\n\1$/gm, '')
      const raw = Array.from(prose.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)[\s>]/g), (m) => m[1])
      expect(raw.filter((t) => !allowed.has(t.toLowerCase()))).toEqual([])
    },
  )

  test('hostile-names: no tag or comment comes from a profile', () => {
    const page = html('hostile-names')
    // An element may only be one the report makes for real names too (links: the next test).
    const ours = tagsIn(html('demo-leak'))
    expect([...tagsIn(page)].filter((t) => t !== 'a' && !ours.has(t))).toEqual([])
    expect(page).not.toMatch(/<(img|script|b)[\s>]/)
    expect(page).not.toContain('<!--')
    expect(page).not.toContain('\u001b')
    // The names are there, neutralised.
    expect(page).toContain('onerror=alert(1)')
  })

  // GFM's autolink extension ignores backslash escapes: `http://…`, `www.` and bare hosts in
  // a table cell must still not become links.
  test('hostile-names: no link comes from a profile', () => {
    const real = linksIn(html('demo-leak'))
    // A link may only be one the report makes for real names too.
    expect(linksIn(html('hostile-names')).filter((href) => !real.includes(href))).toEqual([])
  })
})
