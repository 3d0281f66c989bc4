// Noise learnt from history, on real runs of the fixture service (default MemProfileRate):
// nine unchanged runs recorded as the branch's history, then a tenth unchanged run passes
// and a 4 MiB leak fails, judged by the history's spread.
import { join } from 'node:path'
import type { JsonReport } from '../../src/report/types.js'
import { runFromSources } from '../helpers/cli-sources.js'
import { tempDir } from '../helpers/cli.js'

const run = (dir: string, i: number) => [
  `fixtures/runs/${dir}/run-${i}/heap.pb.gz`,
  `fixtures/runs/${dir}/run-${i}/heap.memstats.json`,
]
/** Nine unchanged runs: baseline 1–5 and candidate-same 1–4 (seeds 21–25, 31–34). */
const UNCHANGED = [
  ...[1, 2, 3, 4, 5].map((i) => run('baseline', i)),
  ...[1, 2, 3, 4].map((i) => run('candidate-same', i)),
]

async function history(runs: string[][]): Promise<string> {
  const path = join(tempDir(), 'history.json')
  for (const [i, files] of runs.entries()) {
    const r = await runFromSources([
      'record',
      '--history',
      path,
      '--commit',
      `${i}`.repeat(40),
      ...files,
    ])
    expect(r.status).toBe(0)
  }
  return path
}

async function judge(hist: string | undefined, candidate: string[]) {
  const r = await runFromSources([
    'compare',
    '-f',
    'json',
    ...(hist ? ['--history', hist] : []),
    '-b',
    ...run('candidate-same', 4),
    '-c',
    ...candidate,
  ])
  return { status: r.status, report: JSON.parse(r.stdout) as JsonReport }
}

describe('with nine unchanged runs as history', () => {
  let hist: string
  beforeAll(async () => {
    hist = await history(UNCHANGED)
  })

  test('the tenth unchanged run passes', async () => {
    const { status, report } = await judge(hist, run('candidate-same', 5))
    expect(report.violations).toEqual([])
    expect(status).toBe(0)
  })

  test('a 4 MiB leak fails, judged by the spread, and says so', async () => {
    const { status, report } = await judge(hist, run('leak-4mib', 1))
    expect(status).toBe(1)
    const byHistory = report.violations.filter((v) => v.method === 'history')
    expect(byHistory.map((v) => v.subject)).toEqual(expect.arrayContaining(['HeapAlloc']))
    const heapAlloc = byHistory.find((v) => v.subject === 'HeapAlloc')!
    expect(heapAlloc.history!.entries).toBe(9)
    expect(heapAlloc.candidate).toBeGreaterThan(heapAlloc.history!.upper)
    expect(heapAlloc.limitText).toMatch(/^\+3% .*, beyond the spread of 9 runs$/)
  })

  test('a history of four entries is too short: judged as without one, with a note', async () => {
    const short = await history(UNCHANGED.slice(0, 4))
    const { report } = await judge(short, run('leak-4mib', 1))
    expect(report.violations.every((v) => v.method !== 'history')).toBe(true)
    expect(report.warningDetails.map((w) => w.code)).toContain('history-too-short')
  })
})
