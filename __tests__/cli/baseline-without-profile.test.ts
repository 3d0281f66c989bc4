// A baseline of MemStats only: no allocator is "new" against it, and when nothing else is on
// both sides the verdict says it could not judge rather than pass.
import { runFromSources } from '../helpers/cli-sources.js'

const compare = (candidate: string[], format = 'json') =>
  runFromSources([
    'compare',
    '-b',
    'fixtures/baseline-seed1.memstats.json',
    '-c',
    ...candidate,
    '-f',
    format,
  ])

describe('a baseline with no heap profile', () => {
  test('only MemStats are judged: the candidate’s allocators are not new against it', async () => {
    const r = await compare(['fixtures/leak-cache.pb.gz', 'fixtures/leak-cache.memstats.json'])
    expect(r.status).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.violations.map((v: { scope: string }) => v.scope)).toEqual([
      'memstats',
      'memstats',
    ])
    expect(report.warnings).toContain(
      'the baseline has no heap profile: only MemStats are compared',
    )
  })

  test('nothing on both sides: could not judge, in every format, exit 0', async () => {
    const json = await compare(['fixtures/leak-cache.pb.gz'])
    expect(json.status).toBe(0)
    const report = JSON.parse(json.stdout)
    expect(report.status).toBe('pass')
    expect(report.violations).toEqual([])
    expect(report.summary).toMatch(/^could not judge — nothing in the baseline to compare with/)
    expect(report.warningDetails.map((w: { code: string }) => w.code)).toContain('nothing-compared')
    const text = await compare(['fixtures/leak-cache.pb.gz'], 'text')
    expect(text.stdout.split('\n')[0]).toMatch(/^WARN {2}gomem-gate: could not judge/)
    expect(text.stdout).not.toMatch(/PASS|no memory regression/)
    const md = await compare(['fixtures/leak-cache.pb.gz'], 'markdown')
    expect(md.stdout.split('\n')[0]).toMatch(/^### ⚠️ gomem-gate: could not judge/)
    expect(md.stdout).not.toMatch(/✅|no memory regression/)
  })
})
