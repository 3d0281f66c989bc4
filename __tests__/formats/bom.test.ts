// A UTF-8 byte order mark (Notepad, PowerShell's Out-File, some editors write one) before a
// real text input: every text format reads exactly as without it. And a JSON syntax error is
// one line that says where, never V8's quote of the text with its newlines.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../helpers/cli.js'
import { runFromSources } from '../helpers/cli-sources.js'
import { fixtureBytes } from '../helpers/fixtures.js'

const BOM = Buffer.from([0xef, 0xbb, 0xbf])
const dir = tempDir()

const TEXT_FIXTURES = [
  'baseline-seed1.memstats.json',
  'expvar.json',
  'baseline-seed1.runtime-metrics.json',
  'baseline-seed1.heap.txt',
  'baseline-seed1.goroutine.txt',
  'baseline-seed1.gctrace.txt',
  'prometheus.txt',
  'bench-candidate.txt',
  'bench-candidate.json',
]

describe('a byte order mark before a text input', () => {
  it.each(TEXT_FIXTURES)('%s reads as without it', async (name) => {
    const withBom = join(dir, `bom-${name}`)
    writeFileSync(withBom, Buffer.concat([BOM, fixtureBytes(name)]))
    const fixture = join('fixtures', name)
    // Wide enough that no file name is cut: the reports differ only in the names.
    const compare = ['compare', '--width', '1000', '--baseline', fixture, '--candidate']
    const plain = await runFromSources([...compare, fixture])
    const marked = await runFromSources([...compare, withBom])
    expect(marked.stderr).toBe(plain.stderr)
    expect(marked.status).toBe(plain.status)
    expect(marked.stdout.split(withBom).join(fixture)).toBe(plain.stdout)
  })
})

describe('a JSON syntax error', () => {
  const memstats = fixtureBytes('baseline-seed1.memstats.json').toString('utf8')
  const cases: [string, string, RegExp][] = [
    // A comma doubled on line 3 of the real file.
    ['doubled comma', memstats.replace(/,\n/, ',,\n'), /at line 2 column \d+/],
    ['a byte order mark inside', memstats.replace('{', '{\uFEFF'), /not valid JSON/],
    ['cut in the middle', memstats.slice(0, memstats.length / 2), /at line \d+ column \d+/],
    [
      'cut before its end',
      memstats.trimEnd().slice(0, -1),
      /line \d+ column \d+|end of JSON input/,
    ],
    ['a bare word', memstats.replace(/: \d+/, ': x'), /Unexpected token/],
  ]
  it.each(cases)('%s is one line naming the file and where', async (what, text, where) => {
    const file = join(dir, `${what.replace(/ /g, '-')}.json`)
    writeFileSync(file, text)
    const r = await runFromSources([
      'compare',
      '--baseline',
      'fixtures/baseline-seed1.memstats.json',
      '--candidate',
      file,
    ])
    expect(r.status).toBe(2)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(file)
    expect(lines[0]).toMatch(where)
    expect(lines[0]).not.toContain('...')
  })
})
