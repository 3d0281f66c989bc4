// Hostile function and file names (a fork's profile) through every explain renderer: no tag,
// link or mention in the markdown GitHub renders, no escape code on the terminal, no markup
// in the HTML page.
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { explainFiles } from '../../src/driver/explain.js'
import { settingsFrom } from '../../src/driver/settings.js'
import type { Explanation } from '../../src/explain/index.js'
import { renderExplanation } from '../../src/report/explain.js'
import { tempDir } from '../helpers/cli.js'
import { hasCmarkGfm, issueRefsIn, linksIn, mentionsIn, renderGfm, tagsIn } from '../helpers/gfm.js'
import { renamedProfile } from '../helpers/rewrite.js'
import { HOSTILE_FILE, HOSTILE_NAMES } from '../helpers/scenarios.js'
import { visibleWidth } from '../../src/report/text-layout.js'

let dir: string
let e: Explanation
beforeAll(async () => {
  dir = tempDir()
  const path = join(dir, 'hostile.pb.gz')
  writeFileSync(
    path,
    renamedProfile('leak-cache.pb.gz', (n) => HOSTILE_NAMES[n] ?? n, HOSTILE_FILE),
  )
  e = await explainFiles(
    [path, 'fixtures/leak-cache.memstats.json'],
    { top: 10 },
    settingsFrom({}, 1),
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('the hostile names are among the allocators', () => {
  const names = e.allocators.map((a) => a.function).join('\n')
  expect(names).toContain('<img src=x onerror=alert(1)>')
  expect(names).toContain('<script>alert(1)</script>')
})

;(hasCmarkGfm() || process.env.CI === 'true' ? test : test.skip)(
  'markdown: no tags but ours, no links, mentions or issue references',
  () => {
    const html = renderGfm(renderExplanation(e, 'markdown', {}))
    for (const t of tagsIn(html))
      expect([
        'h3',
        'h4',
        'p',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'ul',
        'li',
        'strong',
        'code',
        'details',
        'summary',
      ]).toContain(t)
    expect(linksIn(html)).toEqual([])
    expect(mentionsIn(html)).toEqual([])
    expect(issueRefsIn(html)).toEqual([])
  },
)

test('text: no control characters, every line within the width', () => {
  for (const width of [40, 80, 120]) {
    const text = renderExplanation(e, 'text', { width })
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    expect(text.split('\n').filter((l) => visibleWidth(l) > width)).toEqual([])
  }
})

test('html: the names are text, the page loads nothing', () => {
  const html = renderExplanation(e, 'html', {})
  expect(html).not.toContain('<img')
  expect(html).not.toContain('<script>alert')
  expect(html).not.toContain('<!-- gomem-gate')
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  expect(html).toContain("default-src 'none'")
  expect(html.match(/<script/g) ?? []).toEqual([])
})
