import { cli } from '../helpers/cli.js'
import { fixturePath as fx } from '../helpers/fixtures.js'

const runs = (name: string, n = 5) =>
  Array.from({ length: n }, (_, i) => fx(`runs/${name}/run-${i + 1}`))
const json = (args: string[]) => {
  const r = cli(['compare', '-f', 'json', ...args])
  return { status: r.status, report: JSON.parse(r.stdout), stderr: r.stderr }
}

describe('repeated runs: one folder per run', () => {
  test('five runs of unchanged code: medians, p-values, and a pass', () => {
    const { status, report } = json(['-b', ...runs('baseline'), '-c', ...runs('candidate-same')])
    expect(status).toBe(0)
    expect(report.status).toBe('pass')
    expect(report.totals.inuse_space.p).toBeGreaterThan(0.05)
    expect(report.files.filter((f: { side: string }) => f.side === 'baseline')).toHaveLength(10)
  })

  test('a 4 MiB leak that one sampled run cannot prove is significant over five runs', () => {
    const { status, report } = json([
      '-b',
      `${fx('runs/baseline')}/*/`,
      '-c',
      `${fx('runs/leak-4mib')}/*/`,
    ])
    expect(status).toBe(1)
    const heap = report.violations.find((v: { metric: string }) => v.metric === 'HeapInuse')
    expect(heap.p).toBeLessThan(0.05)
    expect(heap.significance).toBe('significant')
    // Medians with their 95 % intervals, which do not overlap for a real change.
    const ms = report.memstats.HeapAlloc
    expect(ms.ci.baseline[1]).toBeLessThan(ms.ci.candidate[0])
    expect(ms.baseline).toBeGreaterThanOrEqual(ms.ci.baseline[0])
    const leak = report.allocators.find(
      (a: { function: string }) => a.function === 'main.leakResponseCopies',
    )
    expect(leak.p).toBeLessThan(0.05)
    expect(leak.significance).toBe('significant')
  })

  test('the text report marks no significant change with ~ and the p-value', () => {
    const r = cli(['compare', '-b', ...runs('baseline'), '-c', ...runs('candidate-same')])
    expect(r.stdout).toMatch(/inuse_space .* ~ \(p=0\.\d+\)/)
  })

  test('fewer than 4 runs per side: no verdict on the change, a note instead', () => {
    const { status, report } = json(['-b', ...runs('baseline', 3), '-c', ...runs('leak-4mib', 3)])
    expect(status).toBe(0)
    expect(report.violations).toEqual([])
    // The 4 MiB leak is over the HeapAlloc limit, but three runs cannot tell: inconclusive.
    const heap = report.inconclusive.find((v: { metric: string }) => v.metric === 'HeapAlloc')
    expect(heap.p).toBeNull()
    expect(heap.significance).toBe('inconclusive')
    expect(report.totals.inuse_space.p).toBeNull()
    expect(report.warnings.join('\n')).toMatch(
      /3 baseline and 3 candidate run\(s\): at least 4 per side/,
    )
  })

  test('fewer than 4 runs per side: the verdict says it could not judge, in text and markdown', () => {
    const args = ['compare', '-b', ...runs('baseline', 3), '-c', ...runs('leak-4mib', 3)]
    const text = cli(args)
    expect(text.status).toBe(0)
    const headline = text.stdout.split('\n')[0]
    expect(headline).toMatch(/^WARN {2}gomem-gate: could not judge — 2 limits exceeded within the/)
    expect(headline).not.toMatch(/PASS|no memory regression/)
    const md = cli([...args, '-f', 'markdown'])
    expect(md.stdout.split('\n')[0]).toMatch(/^### ⚠️ gomem-gate: could not judge — 2 limits/)
    expect(md.stdout).not.toMatch(/✅|no memory regression/)
    expect(json(args.slice(1)).report.summary).toMatch(/^could not judge/)
  })

  test('folders and files mixed on one side are refused', () => {
    const r = cli([
      'compare',
      '-b',
      ...runs('baseline', 2),
      fx('baseline-seed1.pb.gz'),
      '-c',
      ...runs('leak-4mib'),
    ])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/--baseline: mixes run folders .* and files/)
  })
})
