// A gctrace log is judged as a series of its own: the CLI as a process, on the real logs.
import { readFileSync } from 'node:fs'
import { cli, tempFile } from '../helpers/cli.js'

const compare = (...args: string[]) => cli(['compare', ...args])
const LEAK = 'fixtures/sessions-leak.gctrace.txt'
const FLAT = 'fixtures/sessions-flat-seed1.gctrace.txt'

describe('gomem-gate compare on gctrace logs', () => {
  test('the leak log alone fails as a leak within the run, naming the live heap and its slope', () => {
    const r = compare('--candidate', LEAK)
    expect(r.status).toBe(1)
    expect(r.stdout.split('\n')[0]).toMatch(
      /^FAIL .*memory leak within the run — LastGCLiveHeap \+[\d.]+ MiB per snapshot/,
    )
    expect(r.stderr).toBe('')
  })

  test('the flat log alone passes the leak check', () => {
    const r = compare('--candidate', FLAT)
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/No leak: nothing grew steadily/)
  })

  test('the leak against the flat baseline fails: the leak and the peak live heap rule', () => {
    const r = compare('-b', FLAT, '-c', LEAK, '-f', 'json')
    expect(r.status).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.violations.map((v: { rule: string }) => v.rule)).toContain('default:PeakLiveHeap')
    expect(report.leakSuspects.map((s: { metric: string }) => s.metric)).toEqual(['LastGCLiveHeap'])
  })

  test('two flat logs of different seeds pass', () => {
    const r = compare('-b', FLAT, '-c', 'fixtures/sessions-flat-seed2.gctrace.txt')
    expect(r.stdout.split('\n')[0]).toMatch(/^PASS /)
    expect(r.status).toBe(0)
  })

  test('a log of three runs: the leaking run is named, the steady ones are not', () => {
    const r = compare('-c', 'fixtures/sessions-runs.gctrace.txt', '-f', 'json')
    expect(r.status).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.leakSuspects.map((s: { subject: string }) => s.subject)).toEqual([
      'LastGCLiveHeap (run 2)',
    ])
  })

  test('a log cut before its first complete line: one line naming the file, exit 2', () => {
    const cut = tempFile('cut.gctrace.txt', readFileSync(LEAK).subarray(0, 40))
    const r = compare('-c', cut)
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')[0]).toContain(cut)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})
