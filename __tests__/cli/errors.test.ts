import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { cli, tempFile } from '../helpers/cli.js'
import { fixtureBytes, fixturePath as fx } from '../helpers/fixtures.js'

/** Expects exit code 2 and a single stderr line without a stack trace; returns that line. */
function rejects(args: string[], cwd?: string): string {
  const r = cli(args, { cwd })
  expect(r.status).toBe(2)
  expect(r.stdout).toBe('')
  const lines = r.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  expect(lines[0]).toMatch(/^gomem-gate: error: /)
  return lines[0]
}

const good = fx('baseline-seed1.pb.gz')

describe('bad input: exit 2 and one line naming the file and what to do', () => {
  test('a truncated gzip', () => {
    const gz = fixtureBytes('leak-cache.pb.gz')
    const path = tempFile('cut.pb.gz', gz.subarray(0, 1000))
    expect(rejects(['compare', '-b', good, '-c', path])).toMatch(
      /cut\.pb\.gz: gzip data is truncated/,
    )
  })

  test('random bytes', () => {
    const bytes = new Uint8Array(2048).map((_, i) => (i * 2654435761) >>> 24)
    const path = tempFile('noise.bin', bytes)
    expect(rejects(['compare', '-c', path])).toMatch(/noise\.bin: not a pprof profile/)
  })

  test('a CPU profile', () => {
    expect(rejects(['compare', '-b', good, '-c', fx('cpu.pb.gz')])).toMatch(
      /cpu\.pb\.gz: is a CPU profile.*go test -memprofile/,
    )
  })

  test('an empty file', () => {
    const path = tempFile('empty.pb.gz', '')
    expect(rejects(['compare', '-b', path, '-c', good])).toMatch(/empty\.pb\.gz: file is empty/)
  })

  test('a missing file and a glob that matches nothing', () => {
    expect(rejects(['compare', '-c', 'nope/heap.pb.gz'])).toMatch(
      /--candidate nope\/heap\.pb\.gz: no such file/,
    )
    expect(rejects(['compare', '-c', 'nope/*.pb.gz'])).toMatch(/matched no files/)
  })

  test('a config with an unknown key names the file, the line and the allowed keys', () => {
    const cfg = tempFile(
      'gomem-gate.yml',
      'version: 1\nrules:\n  - metric: inuse_space\n    max-increse: 10%\n',
    )
    const line = rejects(['compare', '--config', cfg, '-b', good, '-c', good])
    expect(line).toContain('gomem-gate.yml:4')
    expect(line).toContain('max-increse')
  })

  test('a config that is not YAML', () => {
    const cfg = tempFile('gomem-gate.yml', 'rules: [\n  - metric: inuse_space\n')
    expect(rejects(['compare', '--config', cfg, '-b', good, '-c', good])).toContain(
      'gomem-gate.yml',
    )
  })

  test('the default config path is used when present', () => {
    const cfg = tempFile('x.yml', 'limits:\n  - inuse_space < 1KiB\n')
    const dir = cfg.replace(/x\.yml$/, '')
    mkdirSync(`${dir}.github`)
    copyFileSync(cfg, `${dir}.github/gomem-gate.yml`)
    const r = cli(['compare', '-f', 'json', '-b', good, '-c', good], { cwd: dir })
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout).policy).toBe('.github/gomem-gate.yml')
  })

  test('usage mistakes', () => {
    expect(rejects(['compare', '-b', good])).toMatch(/--candidate is required/)
    expect(rejects(['compare', '-c', good, '--format', 'pdf'])).toMatch(/--format pdf/)
    expect(rejects(['compare', '-c', good, '--top', '0'])).toMatch(/--top 0/)
    expect(rejects(['compare', '-c', good, '--frobnicate'])).toMatch(/frobnicate/)
    expect(rejects(['diff'])).toMatch(/unknown command "diff"/)
  })

  test('--help lists every option and the exit codes', () => {
    const r = cli(['--help'])
    expect(r.status).toBe(0)
    for (const o of [
      '--baseline',
      '--candidate',
      '--config',
      '--format',
      '--output',
      '--sample-type',
      '--top',
      'gomem-gate go-test',
      '--go-flags',
      '--memprofilerate',
    ]) {
      expect(r.stdout).toContain(o)
    }
    expect(r.stdout).toMatch(/exits 0.*1.*2/s)
  })
})

test('--version prints the version of package.json', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
  expect(cli(['--version']).stdout.trim()).toBe(`gomem-gate ${pkg.version}`)
})
