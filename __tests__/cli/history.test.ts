// `gomem-gate record` builds a branch's history from real runs; `compare --history` reports
// the trend with it; broken history files are refused in one line; the file stays capped.
import { execFileSync } from 'node:child_process'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { appendEntry, HISTORY_CAP, readHistory, serializeHistory } from '../../src/history/file.js'
import type { History } from '../../src/history/types.js'
import { cli, tempDir, tempFile } from '../helpers/cli.js'
import { fixturePath as fx } from '../helpers/fixtures.js'
import { hasCmarkGfm, renderGfm } from '../helpers/gfm.js'

const seed = (n: number) => [fx(`baseline-seed${n}.pb.gz`), fx(`baseline-seed${n}.memstats.json`)]
const leak = [fx('leak-cache.pb.gz'), fx('leak-cache.memstats.json')]

/** A history recorded by the CLI over the three baseline seeds (commits c1…, c2…, c3…). */
function recorded(): { path: string; lines: string[] } {
  const path = join(tempDir(), 'history.json')
  const lines = [1, 2, 3].map((n) => {
    const r = cli(['record', '--history', path, '--commit', `c${n}`.repeat(20), ...seed(n)])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    return r.stdout
  })
  return { path, lines }
}

/** Exit 2 and one line naming the file, no stack trace; returns the line. */
function rejects(args: string[]): string {
  const r = cli(args)
  expect(r.status).toBe(2)
  const lines = r.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  return lines[0]
}

describe('record', () => {
  test('three runs of the seeds make a history of three entries, one line each', () => {
    const { path, lines } = recorded()
    expect(lines).toEqual(
      [1, 2, 3].map(
        (n) =>
          `recorded entry ${n} of ${path} for commit ${`c${n}`.repeat(20).slice(0, 7)} (2 files)\n`,
      ),
    )
    const h = readHistory(path)
    expect(h.entries.map((e) => e.commit)).toEqual([1, 2, 3].map((n) => `c${n}`.repeat(20)))
    const e = h.entries[0]
    // The candidate figures of a compare of the same files, as the JSON report gives them.
    const json = JSON.parse(cli(['compare', '-f', 'json', '-c', ...seed(1)]).stdout)
    expect(e.totals.inuse_space).toBe(json.totals.inuse_space.candidate)
    expect(e.memstats.HeapInuse).toBe(json.memstats.HeapInuse.candidate)
    expect(e.classes.live_heap).toBe(
      json.accounting.candidate.find((c: { class: string }) => c.class === 'live_heap').bytes,
    )
    expect(e.period).toBe(524288)
    expect(e.allocators.inuse_space[json.allocators[0].function]).toBe(json.allocators[0].candidate)
    expect(Object.keys(e.allocators.inuse_space).length).toBeLessThanOrEqual(50)
  })

  test('the commit defaults to unknown outside a git repository, HEAD inside one', () => {
    const dir = tempDir()
    const r = cli(['record', '--history', 'h.json', ...seed(1)], { cwd: dir })
    expect(r.stdout).toMatch(/for commit unknown \(2 files\)/)
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
    const path = join(dir, 'in-repo.json')
    expect(cli(['record', '--history', path, ...seed(1)]).status).toBe(0)
    expect(readHistory(path).entries[0].commit).toBe(head)
  })

  test('the benchmark medians are keyed name|unit, as the JSON report names them', () => {
    const path = join(tempDir(), 'h.json')
    expect(cli(['record', '--history', path, fx('bench-candidate.txt')]).status).toBe(0)
    const json = JSON.parse(cli(['compare', '-f', 'json', '-c', fx('bench-candidate.txt')]).stdout)
    const b = json.benchmarks[0]
    expect(readHistory(path).entries[0].benchmarks[`${b.name}|${b.metric}`]).toBe(b.candidate)
  })

  test('a full history keeps the newest 200 entries, within 1 MiB', () => {
    // A real entry with many functions (about 14 kB): 1 MiB holds fewer than 200 of them.
    const path = join(tempDir(), 'h.json')
    expect(
      cli(['record', '--history', path, '--commit', 'big', fx('many-functions.pb.gz')]).status,
    ).toBe(0)
    const big = readHistory(path).entries[0]
    const small = (() => {
      const p = join(tempDir(), 's.json')
      cli(['record', '--history', p, ...seed(1)])
      return readHistory(p).entries[0]
    })()
    let h: History = { schemaVersion: 1, tool: 'gomem-gate', entries: [] }
    for (let i = 0; i < 250; i++) h = appendEntry(h, { ...small, commit: `s${i}` })
    expect(h.entries).toHaveLength(200)
    expect(h.entries[0].commit).toBe('s50')
    expect(h.entries[199].commit).toBe('s249')
    let b = h
    for (let i = 0; i < 120; i++) b = appendEntry(b, { ...big, commit: `b${i}` })
    const size = Buffer.byteLength(serializeHistory(b))
    expect(size).toBeLessThanOrEqual(HISTORY_CAP.bytes)
    expect(size).toBeGreaterThan(HISTORY_CAP.bytes - 20_000)
    // Oldest dropped first: the small ones are gone, the newest big ones stay.
    expect(b.entries.every((e) => e.commit.startsWith('b'))).toBe(true)
    expect(b.entries[b.entries.length - 1].commit).toBe('b119')

    // Through the CLI: a file at the cap stays within it after one more entry.
    writeFileSync(path, serializeHistory(b))
    const r = cli(['record', '--history', path, '--commit', 'next', fx('many-functions.pb.gz')])
    expect(r.status).toBe(0)
    expect(statSync(path).size).toBeLessThanOrEqual(HISTORY_CAP.bytes)
    const after = readHistory(path)
    expect(after.entries[after.entries.length - 1].commit).toBe('next')
    expect(after.entries[0].commit).not.toBe(b.entries[0].commit)
  })
})

describe('compare --history', () => {
  test('the JSON report carries the history and the trend of the main figures', () => {
    const { path } = recorded()
    const h = readHistory(path)
    const r = cli(['compare', '-f', 'json', '--history', path, '-b', ...seed(3), '-c', ...leak])
    expect(r.status).toBe(1)
    const json = JSON.parse(r.stdout)
    expect(json.history).toMatchObject({
      entries: 3,
      first: h.entries[0].time,
      last: h.entries[2].time,
    })
    const byName = Object.fromEntries(
      json.history.metrics.map((m: { subject: string }) => [m.subject, m]),
    )
    expect(byName.inuse_space.values).toEqual(h.entries.map((e) => e.totals.inuse_space))
    expect(byName.inuse_space.candidate).toBe(json.totals.inuse_space.candidate)
    expect(byName.RSS.values).toEqual(h.entries.map((e) => e.memstats.RSS))
    // The top grower is the first allocator row, followed over the branch's entries.
    const top = json.allocators[0]
    expect(byName[top.function]).toMatchObject({ metric: 'inuse_space', candidate: top.candidate })
    expect(byName[top.function].values).toEqual(
      h.entries.map((e) => e.allocators.inuse_space[top.function]),
    )
    // Without --history the field is null.
    expect(JSON.parse(cli(['compare', '-f', 'json', '-c', ...leak]).stdout).history).toBeNull()
  })

  test('the comment shows the trend collapsed, with one line chart per figure', () => {
    const { path } = recorded()
    const md = cli([
      'compare',
      '-f',
      'markdown',
      '--history',
      path,
      '-b',
      ...seed(3),
      '-c',
      ...leak,
    ]).stdout
    const section = md.slice(
      md.indexOf('<details><summary>Trend'),
      md.indexOf('</details>', md.indexOf('<details><summary>Trend')),
    )
    expect(section).toContain('last 3 of 3 pushes')
    const charts = section
      .split('```mermaid\n')
      .slice(1)
      .map((c) => c.slice(0, c.indexOf('```')))
    expect(charts).toHaveLength(3)
    for (const c of charts) {
      const [init, ...lines] = c.trimEnd().split('\n')
      expect(init).toMatch(/^%%\{init: \{'theme':'base'/)
      expect(lines[0]).toBe('xychart-beta')
      expect(lines[1]).toMatch(/^ {4}title "[^"\n`]*"$/)
      expect(lines[2]).toBe('    x-axis "Push" ["1", "2", "3", "this"]')
      expect(lines[3]).toMatch(/^ {4}y-axis "MiB" 0 --> [\d.]+$/)
      const values = /^ {4}line \[(.*)\]$/.exec(lines[4])![1].split(', ').map(Number)
      expect(values).toHaveLength(4)
      const top = Number(/--> ([\d.]+)$/.exec(lines[3])![1])
      expect(Math.max(...values)).toBeLessThanOrEqual(top)
    }
    // inuse_space in MiB: the leak's 38.8 MiB is the last point of the first chart.
    expect(charts[0]).toMatch(/line \[[\d., ]+, 38\.79\d\]/)
    if (hasCmarkGfm()) {
      const html = renderGfm(md)
      expect(html).toContain('<summary>Trend on the baseline branch')
      expect(
        html.match(/<code class="language-mermaid">%%\{init: [^\n]*\nxychart-beta/g),
      ).toHaveLength(3)
    }
    // Without a history the comment has no trend section.
    expect(
      cli(['compare', '-f', 'markdown', '-b', ...seed(3), '-c', ...leak]).stdout,
    ).not.toContain('Trend on')
  })
})

describe('bad history files: exit 2 and one line naming the file', () => {
  const bad: [string, string | Buffer, RegExp][] = [
    ['not JSON', '{"schemaVersion": 1, "tool": "gomem-', /: not JSON/],
    [
      'schemaVersion 2',
      '{"schemaVersion": 2, "tool": "gomem-gate", "entries": []}',
      /schemaVersion 2 is not supported/,
    ],
    [
      'another tool',
      '{"schemaVersion": 1, "tool": "benchstat", "entries": []}',
      /not a gomem-gate history/,
    ],
    [
      'an entry with a string figure',
      '{"schemaVersion": 1, "tool": "gomem-gate", "entries": [{"commit": "a", "time": "t", "period": 1, "totals": {"inuse_space": "12"}}]}',
      /entries\[0\]: "totals"."inuse_space" is not a number/,
    ],
    ['a 5 MiB file', Buffer.alloc(5 * 1024 * 1024, 0x20), /is 5 MiB, over the 4 MiB limit/],
  ]
  test.each(bad)('%s', (_, content, message) => {
    const path = tempFile('history.json', content)
    for (const args of [
      ['compare', '--history', path, '-c', ...leak],
      ['record', '--history', path, ...seed(1)],
    ]) {
      const line = rejects(args)
      expect(line).toContain(`--history ${path}: `)
      expect(line).toMatch(message)
    }
    // record refuses before writing: the file is as it was.
    expect(readFileSync(path).length).toBe(Buffer.byteLength(content))
  })

  test('a missing file for compare (record creates it)', () => {
    const path = join(tempDir(), 'missing.json')
    expect(rejects(['compare', '--history', path, '-c', ...leak])).toMatch(
      /missing\.json: no such file/,
    )
    expect(cli(['record', '--history', path, ...seed(1)]).status).toBe(0)
  })

  test('record without --history or without files is a usage error', () => {
    expect(rejects(['record', ...seed(1)])).toMatch(/--history is required/)
    expect(rejects(['record', '--history', 'h.json'])).toMatch(/no files given/)
  })
})
