// What the policy decides, every report shows: ignored functions, the focus of a failure.
// Runs the CLI from the sources (in process) on the real fixture pairs.
import { runCli } from '../../src/cli/run.js'
import type { JsonReport } from '../../src/report/types.js'
import { tempFile } from '../helpers/cli.js'
import { fixturePath as fx } from '../helpers/fixtures.js'
import { cells, tableAfter } from '../report/helpers.js'

/** The files of one real run: protobuf profile and MemStats dump. */
const run = (name: string) => [fx(`${name}.pb.gz`), fx(`${name}.memstats.json`)]

/** `gomem-gate compare <args>`: exit code and stdout. */
async function compare(args: string[]): Promise<{ status: number; out: string }> {
  let out = ''
  const status = await runCli(['compare', ...args], {
    stdout: (s) => (out += s),
    stderr: (s) => (out += s),
    isTTY: false,
    env: {},
    today: '2026-11-26',
  })
  return { status, out }
}

const PUT = 'main.(*Cache).Put'

describe('ignore: an ignored function appears in no report', () => {
  const config = tempFile('gomem-gate.yml', `ignore:\n  - "${PUT}"\n`)
  const leak = (format: string) =>
    compare([
      '-f',
      format,
      '--config',
      config,
      '-b',
      ...run('baseline-seed1'),
      '-c',
      ...run('leak-cache'),
    ])

  test('without the ignore it is the top grower (the demo leak)', async () => {
    const { out } = await compare([
      '-f',
      'json',
      '-b',
      ...run('baseline-seed1'),
      '-c',
      ...run('leak-cache'),
    ])
    expect((JSON.parse(out) as JsonReport).allocators[0].function).toBe(PUT)
  })

  test('json: no allocator row, no violation, no stack of its own; totals stay whole', async () => {
    const { status, out } = await leak('json')
    const r = JSON.parse(out) as JsonReport
    expect(r.allocators.map((a) => a.function)).not.toContain(PUT)
    expect([...r.violations, ...r.inconclusive].map((v) => v.subject)).not.toContain(PUT)
    // The live heap still grew by the cache's 22 MiB: totals and MemStats are not trimmed.
    expect(r.totals.inuse_space.delta).toBeGreaterThan(20 * 1024 * 1024)
    expect(r.violations.map((v) => v.rule)).toContain('default:inuse_space')
    expect(status).toBe(1)
  })

  test('markdown: not a row of the allocator table, no heaviest stack of its own', async () => {
    const { out } = await leak('markdown')
    const rows = tableAfter(out, '#### Top growing allocators').slice(2)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.map((l) => cells(l)[0])).not.toContain('main\\.\\(\\*Cache\\)\\.Put')
    expect(out).not.toContain(`Heaviest stack: ${PUT}`)
  })

  test('text: not a row of the allocator table, no heaviest stack of its own', async () => {
    const { out } = await leak('text')
    const section = out.split('\n\n').find((s) => s.startsWith('Top growing allocators'))!
    expect(section).toBeDefined()
    const rows = section.split('\n').filter((l) => / → /.test(l))
    expect(rows.some((l) => l.trimEnd().endsWith(PUT))).toBe(false)
    expect(out).not.toContain(`heaviest stack of ${PUT}`)
  })
})
