// explain's golden outputs (fixtures/golden/explain-<scenario>.{txt,md,json}), run through the
// CLI from the sources; GOMEM_GATE_UPDATE_GOLDEN=1 rewrites them. The markdown is rendered
// with cmark-gfm as GitHub does.
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { runFromSources } from '../helpers/cli-sources.js'
import {
  CMARK_GFM_MISSING,
  hasCmarkGfm,
  linksIn,
  mentionsIn,
  issueRefsIn,
  renderGfm,
  tagsIn,
} from '../helpers/gfm.js'
import { expectGolden, updating } from '../helpers/golden.js'

const GOLDEN = join(process.cwd(), 'fixtures', 'golden')
const run = (name: string) => [`fixtures/${name}.pb.gz`, `fixtures/${name}.memstats.json`]

/** The scenarios: one snapshot each. */
const SCENARIOS: { name: string; args: string[] }[] = [
  { name: 'baseline', args: [...run('baseline-seed1'), 'fixtures/baseline-seed1.goroutine.pb.gz'] },
  { name: 'drop-buffers', args: run('drop-buffers') },
  {
    name: 'leak-goroutines',
    args: [...run('leak-goroutines'), 'fixtures/leak-goroutines.goroutine.pb.gz'],
  },
  { name: 'prometheus', args: ['fixtures/peer/prometheus-scrape-go1.23.4.txt'] },
]
const FORMATS = [
  ['text', 'txt'],
  ['markdown', 'md'],
  ['json', 'json'],
] as const

const outputs = new Map<string, string>()

describe.each(SCENARIOS)('explain golden: $name', ({ name, args }) => {
  test.each(FORMATS)('%s equals explain-%s', async (format, ext) => {
    const r = await runFromSources(['explain', ...args, '--format', format])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    outputs.set(`${name}.${ext}`, r.stdout)
    expectGolden(join(GOLDEN, `explain-${name}.${ext}`), r.stdout)
  })
})

test('no stray explain goldens', () => {
  const known = new Set(
    SCENARIOS.flatMap((s) => FORMATS.map(([, ext]) => `explain-${s.name}.${ext}`)),
  )
  const stray = readdirSync(GOLDEN).filter((f) => f.startsWith('explain-') && !known.has(f))
  if (updating) for (const f of stray) rmSync(join(GOLDEN, f))
  else expect(stray).toEqual([])
})

const cmark = hasCmarkGfm()
if (!cmark && process.env.CI !== 'true')
  console.warn(`explain markdown not rendered: ${CMARK_GFM_MISSING}`)
;(cmark || process.env.CI === 'true' ? describe : describe.skip)(
  'explain markdown on GitHub',
  () => {
    test.each(SCENARIOS)('$name: only our own tags, no links or mentions', ({ name }) => {
      const html = renderGfm(outputs.get(`${name}.md`)!)
      const allowed = new Set([
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
      ])
      for (const t of tagsIn(html)) expect(allowed).toContain(t)
      expect(linksIn(html)).toEqual([])
      expect(mentionsIn(html)).toEqual([])
      expect(issueRefsIn(html)).toEqual([])
    })
  },
)
