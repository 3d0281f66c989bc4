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

/** The demo's pair (baseline-seed1 against leak-cache) in `format`, with a policy file if given. */
const demoLeak = (format: string, config?: string) =>
  compare([
    '-f',
    format,
    ...(config ? ['--config', config] : []),
    '-b',
    ...run('baseline-seed1'),
    '-c',
    ...run('leak-cache'),
  ])

const PUT = 'main.(*Cache).Put'

describe('ignore: an ignored function appears in no report', () => {
  const config = tempFile('gomem-gate.yml', `ignore:\n  - "${PUT}"\n`)
  const leak = (format: string) => demoLeak(format, config)

  test('without the ignore it is the top grower (the demo leak)', async () => {
    const { out } = await demoLeak('json')
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
    const rows = tableAfter(out, 'Allocators (').slice(2)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.map((l) => cells(l)[0])).not.toContain('main\\.\\(\\*Cache\\)\\.Put')
    expect(out).not.toContain(`Heaviest stack: ${PUT}`)
  })

  test('text: not a row of the allocator table, no heaviest stack of its own', async () => {
    const { out } = await leak('text')
    const section = out.split('\n\n').find((s) => s.startsWith('Top growing allocators'))!
    expect(section).toBeDefined()
    const rows = section.split('\n').filter((l) => / → /.test(l))
    // The table is there with its other rows, so the check below reads real rows.
    expect(rows.some((l) => l.trimEnd().endsWith('container/list.(*List).insertValue'))).toBe(true)
    expect(rows.some((l) => l.trimEnd().endsWith(PUT))).toBe(false)
    expect(out).not.toContain(`heaviest stack of ${PUT}`)
  })

  test('--stacks and --series: no stack with it as leaf, no series or leak suspect of it', async () => {
    const stacks = JSON.parse(
      (
        await compare([
          '-f',
          'json',
          '--stacks',
          '--config',
          config,
          '-b',
          fx('baseline-seed1.pb.gz'),
          '-c',
          fx('leak-cache.pb.gz'),
        ])
      ).out,
    ) as JsonReport
    expect(stacks.stacks!.length).toBeGreaterThan(0)
    expect(stacks.stacks!.some((r) => r.function.startsWith(`${PUT} ← `))).toBe(false)
    const series = JSON.parse(
      (await compare(['-f', 'json', '--config', config, '--series', fx('series/leak/*')])).out,
    ) as JsonReport
    // The heap still leaks: the process-wide suspects stay, the cache is named nowhere.
    expect(series.leakSuspects.map((s) => s.subject)).toEqual(['HeapInuse', 'RSS'])
    expect(series.leakSuspects.flatMap((s) => s.allocators.map((a) => a.function))).not.toContain(
      PUT,
    )
    expect(series.series!.metrics.map((m) => m.subject)).not.toContain(PUT)
    expect(series.allocators.map((a) => a.function)).not.toContain(PUT)
  })
})

describe('the focus is what failed', () => {
  const churn = (...extra: string[]) =>
    compare([...extra, '-b', ...run('baseline-seed1'), '-c', ...run('alloc-churn')])

  test('alloc churn (an audit step re-encodes every response): the comment is about alloc_space', async () => {
    const { status, out: md } = await churn('-f', 'markdown')
    expect(status).toBe(1)
    // The headline phrase is the total that failed, not the flat live heap.
    expect(md.split('\n')[2]).toMatch(/^alloc\\_space 183 MiB → 642 MiB \(\+459 MiB, \+251%\)/)
    // The allocator table is about alloc_space and opens with the encoder that grew.
    const section = md.slice(md.indexOf('<summary>Allocators (alloc_space)'))
    const [, first] = section.split('\n\n')
    expect(first).toBe(
      'The top grower is called from main\\.auditResponse: +468 MiB of alloc\\_space through it (0 B → 468 MiB).',
    )
    const rows = tableAfter(md, 'Allocators (alloc_space)').slice(2)
    expect(cells(rows[0]).slice(0, 2)).toEqual(['bytes\\.growSlice', '+184 MiB'])
    expect(md).toContain('<summary>Heaviest stack: bytes.growSlice</summary>')
    expect(md).toContain('main.auditResponse (gomemgate/fixtures/service/encoder.go:121)')
    expect(md).toContain('<summary>Packages (alloc_space)</summary>')
    expect(md).toMatch(/go tool pprof -top -sample_index=alloc_space -diff_base=/)
    expect(md).not.toMatch(/inuse\\_space\)|sample_index=inuse_space/)
  })

  test('alloc churn in JSON and text: focus and the violation sample type', async () => {
    const r = JSON.parse((await churn('-f', 'json')).out) as JsonReport
    expect(r.focus).toBe('alloc_space')
    // The total, and each function whose allocations grew past +50%, named.
    expect(r.violations.map((v) => [v.rule, v.subject])).toEqual([
      ['default:alloc_space', 'alloc_space'],
      ['default:allocator:alloc_space', 'bytes.growSlice'],
      ['default:allocator:alloc_space', 'fmt.Sprintf'],
      ['default:allocator:alloc_space', 'strconv.appendEscapedRune'],
      ['default:allocator:alloc_space', 'strconv.appendQuotedWith'],
      ['default:allocator:alloc_space', 'encoding/json.Marshal'],
      ['default:allocator:alloc_space', 'fmt.(*pp).fmtBytes'],
    ])
    expect(r.violations.every((v) => v.sampleType === 'alloc_space')).toBe(true)
    expect(r.allocators.every((a) => a.sampleType === 'alloc_space')).toBe(true)
    expect(r.allocators[0].function).toBe('bytes.growSlice')
    expect(r.summary).toMatch(/: alloc_space 183 MiB → 642 MiB/)
    const text = (await churn()).out
    expect(text).toContain('Top growing allocators (alloc_space)')
    expect(text).toContain('  the top grower is called from main.auditResponse: +468 MiB')
    expect(text).not.toContain('no allocator grew')
  })

  test('--sample-type inuse_space still overrides the focus', async () => {
    const { status, out: md } = await churn('-f', 'markdown', '--sample-type', 'inuse_space')
    expect(status).toBe(1)
    expect(md.split('\n')[2]).toMatch(/^inuse\\_space 16\.6 MiB → 15\.1 MiB/)
    expect(md).toContain('<summary>Allocators (inuse_space)')
    expect(md).toMatch(/-sample_index=inuse_space /)
    const r = JSON.parse((await churn('-f', 'json', '--sample-type', 'inuse_space')).out)
    expect((r as JsonReport).focus).toBe('inuse_space')
    // The finding itself is still about alloc_space.
    expect((r as JsonReport).violations[0].sampleType).toBe('alloc_space')
  })

  test('dropped buffers (Sys and retained idle heap up, live heap flat) are explained in alloc_space', async () => {
    // The rule in docs/memory.md: "retained idle heap must not grow more than 20%".
    const config = tempFile(
      'gomem-gate.yml',
      'rules:\n  - metric: retained_idle\n    max-increase: 20%\n    min-change: 8MiB\n',
    )
    const drop = (format: string) =>
      compare([
        '-f',
        format,
        '--config',
        config,
        '-b',
        ...run('baseline-seed1'),
        '-c',
        ...run('drop-buffers'),
      ])
    const r = JSON.parse((await drop('json')).out) as JsonReport
    expect(r.status).toBe('fail')
    expect(r.violations.map((v) => [v.metric, v.subject, v.sampleType])).toEqual([
      ['retained_idle', 'retained_idle', 'alloc_space'],
      // The new export path is also named by the built-in allocator rule.
      ['alloc_space', 'main.exportBatch', 'alloc_space'],
    ])
    expect(r.focus).toBe('alloc_space')
    expect(r.allocators[0]).toMatchObject({
      function: 'main.exportBatch',
      sampleType: 'alloc_space',
      baseline: 0,
    })
    expect(r.allocators[0].delta).toBeGreaterThan(60 * 1024 * 1024)
    const md = (await drop('markdown')).out
    const rows = tableAfter(md, 'Allocators (alloc_space)').slice(2)
    expect(cells(rows[0]).slice(0, 2)).toEqual(['main\\.exportBatch', '+67 MiB'])
    expect(md).toMatch(/-sample_index=alloc_space /)
  })
})

describe('warnings are typed values every report shows', () => {
  const config = tempFile(
    'gomem-gate.yml',
    'rules:\n  - allocator: "nope.*"\n    metric: inuse_space\n    max-increase: 10%\n',
  )
  const MESSAGE = 'rules[0]: allocator pattern "nope.*" matches no function with inuse_space'
  const leak = (format: string) => demoLeak(format, config)

  test('json: the message in warnings, its code and subject in warningDetails', async () => {
    const r = JSON.parse((await leak('json')).out) as JsonReport
    expect(r.warnings).toContain(MESSAGE)
    expect(r.warningDetails).toContainEqual({
      code: 'pattern-matches-nothing',
      message: MESSAGE,
      subject: 'rules[0]',
    })
  })

  test('text and markdown list it under Warnings', async () => {
    expect((await leak('text')).out).toContain(`Warnings\n  ! ${MESSAGE}`)
    expect((await leak('markdown')).out).toContain(
      '<summary>⚠️ 1 warning</summary>\n\n- rules\\[0\\]: allocator pattern &quot;nope\\.\\*&quot; matches no function with inuse\\_space',
    )
  })
})
