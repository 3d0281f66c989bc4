// A baseline of MemStats only: no allocator is "new" against it.
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
})
