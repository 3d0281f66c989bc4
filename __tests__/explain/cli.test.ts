// `gomem-gate explain` as a user runs it: the bundled dist/cli.js, exit codes and one-line errors.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { closedPort } from '../helpers/capture.js'
import { cli, tempDir } from '../helpers/cli.js'

const pair = ['fixtures/drop-buffers.pb.gz', 'fixtures/drop-buffers.memstats.json']
const oneLine = (s: string) => expect(s.trimEnd().split('\n')).toHaveLength(1)

test('explains a snapshot, exit 0, advice included', () => {
  const r = cli(['explain', ...pair, '--width', '80'])
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  expect(r.stdout).toMatch(/^gomem-gate explain: RSS /)
  expect(r.stdout).toMatch(/retained-idle/)
  for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80)
})

test("a quoted glob works like compare's", () => {
  const r = cli(['explain', 'fixtures/leak-goroutines.*', '--format', 'json'])
  expect(r.status).toBe(0)
  const j = JSON.parse(r.stdout)
  expect(j.kind).toBe('explain')
  expect(j.goroutines.total).toBe(6668)
  expect(j.advice.map((a: { code: string }) => a.code)).toContain('goroutines')
})

test('--output writes the file; html is one self-contained page', () => {
  const dir = tempDir()
  try {
    const out = join(dir, 'explain.html')
    const r = cli(['explain', ...pair, '--format', 'html', '--output', out, '--top', '3'])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('')
    expect(existsSync(out)).toBe(true)
    const html = readFileSync(out, 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('Content-Security-Policy')
    expect(html).not.toMatch(/<(link|img|iframe)\b|src=/)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test.each([
  [['explain', 'fixtures/cpu.pb.gz'], /fixtures\/cpu\.pb\.gz: is a CPU profile/],
  [['explain', 'fixtures/no-such-file.pb.gz'], /fixtures\/no-such-file\.pb\.gz/],
  [
    ['explain', 'fixtures/bench-baseline.txt'],
    /nothing to explain in fixtures\/bench-baseline\.txt .*explain needs/,
  ],
  [['explain'], /explain: no files given/],
  [['explain', ...pair, '--format', 'pdf'], /explain: --format pdf: unknown format/],
  [['explain', ...pair, '--top', '0'], /explain: --top 0/],
  [['explain', 'fixtures/nothing-here/*'], /nothing-here/],
])('%j: exit 2, one line', (args, message) => {
  const r = cli(args)
  expect(r.status).toBe(2)
  expect(r.stdout).toBe('')
  oneLine(r.stderr)
  expect(r.stderr.trimEnd()).toMatch(message)
})

test('the usage names explain', () => {
  expect(cli(['--help']).stdout).toMatch(/gomem-gate explain/)
})

test('a URL nothing listens on: exit 2, one line naming it, as capture says it', async () => {
  const url = `http://127.0.0.1:${await closedPort()}/`
  const r = cli(['explain', url])
  expect(r.status).toBe(2)
  expect(r.stderr.trim().split('\n')).toHaveLength(1)
  expect(r.stderr).toMatch(/^gomem-gate: error: http:\/\/127\.0\.0\.1:\d+\/\S*: connection refused/)
})
