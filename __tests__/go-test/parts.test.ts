// The parts of go-test that need no go: the go-test command line, the quoted fields of
// --go-flags and -exec, which flags go list needs, and the reading of go test -json output.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCommandLine } from '../../src/cli/args.js'
import { GateError } from '../../src/errors.js'
import { shellWrapper, withGcTrace } from '../../src/go-test/exec-wrapper.js'
import { GoOutput } from '../../src/go-test/output.js'
import { listFlagsOf } from '../../src/go-test/packages.js'
import { quoteField, splitFields } from '../../src/go-test/quote.js'

const code = (f: () => unknown) => {
  try {
    f()
  } catch (err) {
    return err instanceof GateError ? err.code : 'not a GateError'
  }
  return 'no error'
}

test('go-test arguments: defaults, flags, --go-flags with a leading dash, mistakes', () => {
  expect(parseCommandLine(['go-test'])).toEqual({
    command: 'go-test',
    out: 'gomem-gate-out',
    packages: [],
    goFlags: [],
  })
  expect(
    parseCommandLine([
      'go-test',
      '--out',
      'o',
      '--bench',
      '.',
      '--count',
      '3',
      '--memprofilerate',
      '512',
      '--go-flags',
      "-tags=candidate -run 'Test A'",
      './cache',
      './cart',
    ]),
  ).toEqual({
    command: 'go-test',
    out: 'o',
    packages: ['./cache', './cart'],
    bench: '.',
    count: 3,
    memProfileRate: 512,
    goFlags: ['-tags=candidate', '-run', 'Test A'],
  })
  expect(code(() => parseCommandLine(['go-test', '--nope']))).toBe('USAGE')
  expect(code(() => parseCommandLine(['go-test', '--count', '0']))).toBe('USAGE')
  expect(code(() => parseCommandLine(['go-test', '--memprofilerate', 'x']))).toBe('USAGE')
  expect(code(() => parseCommandLine(['go-test', '--out', '']))).toBe('USAGE')
  expect(code(() => parseCommandLine(['go-test', '--go-flags', "-run 'open"]))).toBe('USAGE')
})

test('quoted fields: what quoteField writes, splitFields reads back', () => {
  const fields = ['/usr/bin/node', '/a path/with spaces/cli.js', "it's", 'say "hi"', '']
  expect(splitFields(fields.map(quoteField).join(' '))).toEqual(fields)
  expect(splitFields('  -a  -b=c   ')).toEqual(['-a', '-b=c'])
  expect(splitFields(`-ldflags="-s -w"`)).toEqual(['-ldflags=-s -w'])
  expect(code(() => quoteField(`both ' and "`))).toBe('GO_TEST')
})

test('go list gets the flags that choose files, and only those', () => {
  expect(
    listFlagsOf(['-trimpath', '-tags', 'a,b', '-run', 'X', '--mod=vendor', '-short', '-race']),
  ).toEqual(['-tags', 'a,b', '-mod=vendor'])
})

test('GODEBUG keeps what was set', () => {
  expect(withGcTrace(undefined)).toBe('gctrace=1')
  expect(withGcTrace('madvdontneed=1')).toBe('madvdontneed=1,gctrace=1')
})

test('go test -json: passes, test failures, build failures by plain line and by stderr', () => {
  const o = new GoOutput()
  const done: string[] = []
  o.onPackageDone = (p, ok) => done.push(`${p} ${ok}`)
  const ev = (e: object) => `${JSON.stringify(e)}\n`
  const text =
    ev({ Action: 'output', Package: 'm/a', Output: 'ok  \tm/a\t0.1s\n' }) +
    ev({ Action: 'pass', Package: 'm/a', Test: 'TestX' }) +
    ev({ Action: 'pass', Package: 'm/a' }) +
    ev({ Action: 'output', Package: 'm/b', Test: 'TestY', Output: '--- FAIL: TestY\n' }) +
    ev({ Action: 'fail', Package: 'm/b' }) +
    'FAIL\tm/c [build failed]\n'
  // Split anywhere: events arrive in chunks.
  o.stdout(text.slice(0, 50))
  o.stdout(text.slice(50))
  o.stderr('# m/c [m/c.test]\nc/c.go:3:1: syntax error\n')
  o.end(1)
  expect(done).toEqual(['m/a true', 'm/b false', 'm/c false'])
  // The package with its own build errors first: the others may have failed for it.
  expect(o.failures()).toEqual([
    { importPath: 'm/c', what: 'build failed' },
    { importPath: 'm/b', what: 'tests failed' },
  ])
  expect(o.tail('m/c')).toEqual(['c/c.go:3:1: syntax error'])
  expect(o.tail('m/b')).toEqual(['--- FAIL: TestY'])
})

test('the -exec shell script: picks the package by its directory, quotes every path', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "gomem-gate it's $HOME ")))
  const pkgDir = join(root, 'pkg "a"')
  mkdirSync(pkgDir)
  const state = { tmp: root, memProfileRate: 7, packages: { [pkgDir]: "example.com/it's/a" } }
  const script = join(root, 'exec.sh')
  writeFileSync(script, shellWrapper(state))
  // A stand-in for the test binary: prints its environment's GODEBUG and its arguments.
  const fake = ['/bin/sh', '-c', 'echo "$GODEBUG|$*"; echo on-stderr >&2', 'binary', '-test.v']
  const run = (cwd: string, godebug?: string) =>
    spawnSync('/bin/sh', [script, ...fake], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...(godebug ? { GODEBUG: godebug } : {}) },
    })
  const r = run(pkgDir, 'madvdontneed=1')
  const stem = `${root}/example.com%2Fit's%2Fa`
  expect(r.stdout).toBe(
    `madvdontneed=1,gctrace=1|-test.v -test.memprofile=${stem}.pb.gz -test.memprofilerate=7\n`,
  )
  expect(r.stderr).toBe('')
  expect(readFileSync(`${stem}.stderr`, 'utf8')).toBe('on-stderr\n')
  // Another directory: the binary runs as it is.
  const other = run(root)
  expect(other.stdout).toBe('|-test.v\n')
  expect(other.stderr).toBe('on-stderr\n')
})

test('go test -json of Go 1.24+: compiler errors as build-output events', () => {
  const o = new GoOutput()
  const ev = (e: object) => `${JSON.stringify(e)}\n`
  o.stdout(
    ev({ ImportPath: 'm/c [m/c.test]', Action: 'build-output', Output: '# m/c [m/c.test]\n' }) +
      ev({ ImportPath: 'm/c [m/c.test]', Action: 'build-output', Output: 'c/c.go:3:1: oops\n' }) +
      ev({ ImportPath: 'm/c [m/c.test]', Action: 'build-fail' }) +
      ev({ Action: 'output', Package: 'm/c', Output: 'FAIL\tm/c [build failed]\n' }) +
      ev({ Action: 'fail', Package: 'm/c', FailedBuild: 'm/c [m/c.test]' }),
  )
  o.end(1)
  expect(o.failures()).toEqual([{ importPath: 'm/c', what: 'build failed' }])
  expect(o.tail('m/c')).toEqual(['c/c.go:3:1: oops', 'FAIL\tm/c [build failed]'])
})
