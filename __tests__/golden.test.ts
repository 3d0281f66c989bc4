// Golden tests, benchstat-style: every real scenario run through the CLI (from the sources),
// its text, markdown and JSON reports and its exit code kept in fixtures/golden/<scenario>.*
// and compared byte for byte. GOMEM_GATE_UPDATE_GOLDEN=1 rewrites them (see fixtures/README.md).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CliResult } from './helpers/cli.js'
import { runFromSources } from './helpers/cli-sources.js'
import { fixturePath } from './helpers/fixtures.js'
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
import { renamedProfile } from './helpers/rewrite.js'

const GOLDEN = join(process.cwd(), 'fixtures', 'golden')
const FORMATS = [
  ['text', 'txt'],
  ['markdown', 'md'],
  ['json', 'json'],
] as const

/** Both files of one real run of the service: heap profile and MemStats. */
const run = (name: string) => [`fixtures/${name}.pb.gz`, `fixtures/${name}.memstats.json`]
const DEMO = ['-b', ...run('baseline-seed1'), '-c', ...run('leak-cache')]
/** Three run folders of fixtures/runs/<name>. */
const runDirs = (name: string) => [1, 2, 3].map((i) => `fixtures/runs/${name}/run-${i}`)

/** Names a fork could give its functions and files: every trick a comment could fall for. */
const HOSTILE_NAMES: Record<string, string> = {
  'main.(*Cache).Put':
    'main.(*Cache).Put|<img src=x onerror=alert(1)> @octocat #1 <!-- gomem-gate --> ```\n' +
    '[x](http://evil.example) www.evil.example http://1249717606/ \u001b[31mred\u001b]0;title\u0007',
  'container/list.(*List).insertValue':
    '<script>alert(1)</script> **bold** ~~gone~~ @acme/admins #42 https://localhost/x ' +
    'http://0x4a7d5a46/ http://0112.0175.0132.0106/ https://intranet/ http://evil%2eexample/ ' +
    'http://evil\uFF0Eexample/ mailto:a@evil.example',
}
const HOSTILE_FILE = (path: string) =>
  path === 'gomemgate/fixtures/service/cache.go'
    ? 'gomemgate/<!-- x -->/```/@octocat/www.evil.example/<b>cache.go'
    : path

interface Scenario {
  name: string
  /** Arguments after `compare`, paths relative to the repository root (or to `dir()`). */
  args: string[]
  /** Makes the directory to run in, when the scenario needs derived files. */
  dir?: () => string
}

/**
 * A directory holding the baseline fixture and, under derived/, the leak-cache profile with
 * hostile names: the report shows the same relative paths on every machine.
 */
function hostileDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gomem-gate-golden-'))
  mkdirSync(join(dir, 'fixtures'))
  mkdirSync(join(dir, 'derived'))
  copyFileSync(fixturePath('baseline-seed1.pb.gz'), join(dir, 'fixtures', 'baseline-seed1.pb.gz'))
  writeFileSync(
    join(dir, 'derived', 'hostile-names.pb.gz'),
    renamedProfile('leak-cache.pb.gz', (n) => HOSTILE_NAMES[n] ?? n, HOSTILE_FILE),
  )
  return dir
}

const SCENARIOS: Scenario[] = [
  { name: 'demo-leak', args: DEMO },
  {
    name: 'demo-leak-ignored',
    args: [...DEMO, '--config', 'fixtures/golden/demo-leak-ignored.yml'],
  },
  { name: 'alloc-churn', args: ['-b', ...run('baseline-seed1'), '-c', ...run('alloc-churn')] },
  {
    name: 'goroutine-leak',
    args: [
      '-b',
      ...run('baseline-seed1'),
      'fixtures/baseline-seed1.goroutine.pb.gz',
      '-c',
      ...run('leak-goroutines'),
      'fixtures/leak-goroutines.goroutine.pb.gz',
    ],
  },
  { name: 'drop-buffers', args: ['-b', ...run('baseline-seed1'), '-c', ...run('drop-buffers')] },
  {
    name: 'drop-buffers-retained',
    args: [
      ...['-b', ...run('baseline-seed1'), '-c', ...run('drop-buffers')],
      ...['--config', 'fixtures/golden/drop-buffers-retained.yml'],
    ],
  },
  { name: 'leak-series', args: ['--series', 'fixtures/series/leak/*'] },
  {
    name: 'benchmarks',
    args: ['-b', 'fixtures/bench-baseline.txt', '-c', 'fixtures/bench-candidate.txt'],
  },
  { name: 'no-baseline', args: ['-c', ...run('leak-cache')] },
  {
    name: 'hostile-names',
    args: ['-b', 'fixtures/baseline-seed1.pb.gz', '-c', 'derived/hostile-names.pb.gz'],
    dir: hostileDir,
  },
  { name: 'no-change', args: ['-b', ...run('baseline-seed1'), '-c', ...run('baseline-seed2')] },
  { name: 'stacks', args: [...DEMO, '--stacks'] },
  {
    // Three runs a side cannot prove the 4 MiB leak: the verdict says it could not judge.
    name: 'too-few-runs',
    args: ['-b', ...runDirs('baseline'), '-c', ...runDirs('leak-4mib')],
  },
  {
    name: 'gctrace-leak',
    args: [
      '-b',
      'fixtures/sessions-flat-seed1.gctrace.txt',
      '-c',
      'fixtures/sessions-leak.gctrace.txt',
    ],
  },
]

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
  const stray = readdirSync(GOLDEN).filter((f) => !known.has(f) && !f.endsWith('.yml'))
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
