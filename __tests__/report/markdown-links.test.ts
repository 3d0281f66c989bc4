// The comment's links: the run, its summary, the report, source lines at the commit, and the
// waiver that accepts a finding. Only the shell's values and a checked path become a URL.
import { linksOf, modulePathOf, type Env } from '../../src/action/env.js'
import { render } from '../../src/report/index.js'
import { findings } from '../../src/report/findings.js'
import {
  addDays,
  repoPath,
  runLinks,
  sourceLink,
  subjectGlob,
  waiverSnippet,
} from '../../src/report/markdown-links.js'
import { compileGlob } from '../../src/policy/glob.js'
import { CMARK_GFM_MISSING, hasCmarkGfm, linksIn, renderGfm } from '../helpers/gfm.js'
import { failVerdict, input, leakDiff } from './helpers.js'

const SHA = 'a'.repeat(40)
const SOURCE = {
  server: 'https://github.com',
  repo: 'acme/svc',
  sha: SHA,
  roots: ['/srv/checkout/svc', 'example.com/svc'],
}
const LINKS = {
  run: 'https://github.com/acme/svc/actions/runs/42/attempts/2',
  summary: 'https://github.com/acme/svc/actions/runs/42/attempts/2#summary-7',
  source: SOURCE,
}

describe('source links', () => {
  test('a file under the workspace or the module path maps into the repository', () => {
    expect(repoPath('/srv/checkout/svc/pkg/x.go', SOURCE.roots)).toBe('pkg/x.go')
    expect(repoPath('example.com/svc/cache.go', SOURCE.roots)).toBe('cache.go')
    expect(sourceLink({ file: 'example.com/svc/pkg/x.go', line: 12 }, SOURCE)).toEqual({
      url: `https://github.com/acme/svc/blob/${SHA}/pkg/x.go#L12`,
      text: 'pkg/x.go:12',
    })
  })

  test('anything uncertain or odd gets no link', () => {
    for (const file of [
      'net/http/server.go', // the standard library
      'example.com/svcx/cache.go', // a prefix, not a segment boundary
      'example.com/svc/../etc/passwd',
      'example.com/svc/./x.go',
      'example.com/svc/a b.go',
      'example.com/svc/x.go"><img src=x>',
      'example.com/svc/x.go#L1',
      'example.com/svc/%2e%2e/x.go',
      'example.com/svc/',
      '',
    ])
      expect(sourceLink({ file, line: 3 }, SOURCE)).toBeUndefined()
    const bad = [
      { ...SOURCE, sha: 'main' },
      { ...SOURCE, repo: 'acme/svc/../x' },
      { ...SOURCE, server: 'javascript:alert(1)//' },
      { ...SOURCE, server: 'https://github.com" onclick="x' },
    ]
    for (const s of bad)
      expect(sourceLink({ file: 'example.com/svc/x.go', line: 1 }, s)).toBeUndefined()
  })

  test('the stacks in the comment link their repository frames only', () => {
    const md = render(
      { ...input(leakDiff(), failVerdict()), links: LINKS, today: '2026-06-15' },
      'markdown',
    )
    expect(md).toContain(
      `main.(*Cache).Put (<a href="https://github.com/acme/svc/blob/${SHA}/cache.go#L42">cache.go:42</a>)`,
    )
    expect(md).toContain('net/http.HandlerFunc.ServeHTTP (net/http/server.go:2171)')
  })
})

describe('run links', () => {
  test('the run, the job summary and the report, each once', () => {
    expect(runLinks(LINKS)).toBe(`[Run](${LINKS.run}) · [Job summary](${LINKS.summary})`)
    expect(runLinks({ run: LINKS.run, summary: LINKS.run })).toBe(`[Run](${LINKS.run})`)
    expect(runLinks({ report: 'https://github.com/acme/svc/actions/runs/42/artifacts/9' })).toBe(
      '[HTML report](https://github.com/acme/svc/actions/runs/42/artifacts/9)',
    )
    expect(runLinks({ run: 'https://x.example/a b' })).toBeUndefined()
    expect(runLinks({ run: 'https://x.example/a)[y](z' })).toBeUndefined()
    expect(runLinks(undefined)).toBeUndefined()
  })

  test('on the line under the verdict', () => {
    const md = render({ ...input(leakDiff(), failVerdict()), links: LINKS }, 'markdown')
    expect(md.split('\n')[2]).toMatch(
      / · \[Run\]\(https:\/\/github\.com\/acme\/svc\/actions\/runs\/42\/attempts\/2\) · \[Job summary\]/,
    )
  })

  test('the Action builds them from the runner’s values', () => {
    const env: Env = {
      workspace: '/srv/checkout/svc',
      dir: '/tmp/g',
      temp: '/tmp',
      runId: 42,
      runAttempt: 2,
      sha: 'b'.repeat(40),
      ref: 'refs/pull/1/merge',
      repo: { owner: 'acme', repo: 'svc' },
      serverUrl: 'https://github.com/',
      modulePath: 'example.com/svc',
    }
    expect(linksOf(env, SHA)).toEqual({
      run: 'https://github.com/acme/svc/actions/runs/42/attempts/2',
      summary: 'https://github.com/acme/svc/actions/runs/42/attempts/2',
      source: SOURCE,
    })
    expect(linksOf({ ...env, runAttempt: 1, jobId: 7 }, SHA).summary).toBe(
      'https://github.com/acme/svc/actions/runs/42#summary-7',
    )
    expect(modulePathOf('// x\nmodule example.com/svc // comment\n\ngo 1.24\n')).toBe(
      'example.com/svc',
    )
    expect(modulePathOf('go 1.24\n')).toBeUndefined()
  })

  const rendering = hasCmarkGfm() ? test : test.skip
  rendering(
    `every link in the rendered comment is one of ours${hasCmarkGfm() ? '' : ` (${CMARK_GFM_MISSING})`}`,
    () => {
      const md = render(
        { ...input(leakDiff(), failVerdict()), links: LINKS, today: '2026-06-15' },
        'markdown',
      )
      const links = linksIn(renderGfm(md))
      expect(links.length).toBeGreaterThan(2)
      for (const href of links) expect(href).toMatch(/^https:\/\/github\.com\/acme\/svc\//)
    },
  )
})

describe('waiver snippet', () => {
  test('one entry per violation of the top finding, expiring in 30 days', () => {
    const d = leakDiff()
    const [top] = findings(d as never, failVerdict().violations)
    const snippet = waiverSnippet(top, '2026-06-15')!
    expect(snippet.split('\n')).toEqual([
      '```yaml',
      'waivers:',
      '  # rule cache-growth',
      "  - subject: 'main.(*Cache).Put'",
      '    metric: inuse_space',
      "    reason: 'TODO: why this growth is intended'",
      '    expires: 2026-07-15',
      '  # rule default:inuse_space',
      "  - subject: 'inuse_space'",
      '    metric: inuse_space',
      "    reason: 'TODO: why this growth is intended'",
      '    expires: 2026-07-15',
      '```',
    ])
    expect(waiverSnippet(top, undefined)).toBeUndefined()
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14')
  })

  test('a hostile name becomes a glob that still matches it and holds nothing else', () => {
    const name = "main.(*T).X'\n<img src=x> @octocat #1 ```http://evil`"
    const glob = subjectGlob(name)
    expect(glob).toMatch(/^[A-Za-z0-9._/()*+ ?-]+$/)
    expect(compileGlob(glob)(name.replace('\n', ' '))).toBe(true)
    expect(subjectGlob('x'.repeat(500))).toHaveLength(200)
  })

  test('in a collapsed block of a failing comment', () => {
    const md = render({ ...input(leakDiff(), failVerdict()), today: '2026-06-15' }, 'markdown')
    expect(md).toContain(
      '<details><summary>Intended? Accept it with a waiver</summary>\n\nAdd to \\.gomem\\-gate\\.yml, with the reason:\n\n```yaml\nwaivers:',
    )
  })
})
