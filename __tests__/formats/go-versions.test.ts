// Inputs of recent Go versions and of the profiles that are not heap profiles, each a real
// file (fixtures/kinds/ from fixtures/go/contention, fixtures/cpu.pb.gz) or derived in code
// from one, as noted at each test.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GateError } from '../../src/errors.js'
import { readSnapshot } from '../../src/formats/index.js'
import { runFromSources } from '../helpers/cli-sources.js'

/** Runs compare with `file` as the only candidate; expects exit 2 and one line naming it. */
async function refused(file: string): Promise<string> {
  const r = await runFromSources(['compare', '--candidate', file])
  expect(r.stdout).toBe('')
  expect(r.status).toBe(2)
  const lines = r.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain(file)
  expect(lines[0]).not.toMatch(/unknown wire type|not a pprof profile|unknown format/i)
  return lines[0]
}

describe('profiles of other kinds are refused by their kind', () => {
  test.each([
    ['fixtures/cpu.pb.gz', 'a CPU profile'],
    ['fixtures/kinds/mutex.pb.gz', 'a mutex contention profile'],
    ['fixtures/kinds/mutex.txt', 'a mutex contention profile'],
    ['fixtures/kinds/block.pb.gz', 'a block profile'],
    ['fixtures/kinds/block.txt', 'a block profile'],
    ['fixtures/kinds/threadcreate.pb.gz', 'a thread creation profile'],
    ['fixtures/kinds/threadcreate.txt', 'a thread creation profile'],
  ])('%s: %s', async (file, kind) => {
    const line = await refused(file)
    expect(line).toContain(`is ${kind}`)
    expect(line).toContain('not a heap profile')
    expect(line).toContain('/debug/pprof/heap')
    try {
      readSnapshot(readFileSync(file), file)
      throw new Error('read')
    } catch (err) {
      expect((err as GateError).code).toBe('NOT_A_HEAP_PROFILE')
    }
  })

  test('the text forms start with the headers Go writes', () => {
    const first = (f: string) => readFileSync(f, 'utf8').split('\n', 1)[0]
    expect(first('fixtures/kinds/mutex.txt')).toBe('--- mutex:')
    expect(first('fixtures/kinds/block.txt')).toBe('--- contention:')
    expect(first('fixtures/kinds/threadcreate.txt')).toMatch(/^threadcreate profile: total \d+$/)
  })
})

describe('go test -json of Go 1.24 and 1.27', () => {
  // Derived in code from the real fixtures/bench-candidate.json (Go 1.19): the events Go 1.24
  // adds for the build (`build-output`, `build-fail`, by ImportPath) and the `OutputType`
  // field Go 1.27 adds to output events, spelled as cmd/go's own tests show them
  // (src/cmd/go/testdata/script/test_json_fails.txt).
  const FILE = 'fixtures/bench-candidate.json'
  const original = readFileSync(FILE, 'utf8')
  const PKG = 'gomemgate/fixtures/service'
  const events = original
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
  const lines = (evs: Record<string, unknown>[]) =>
    evs.map((e) => JSON.stringify(e)).join('\n') + '\n'
  const benchmarksOf = (text: string, name: string) =>
    readSnapshot(Buffer.from(text), name).benchmarks
  const written = (name: string, text: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'gomem-gotest-')), name)
    writeFileSync(file, text)
    return file
  }

  test('build-output events are skipped and OutputType is accepted: the same results', () => {
    const build = `${PKG} [${PKG}.test]`
    const derived = lines([
      { ImportPath: build, Action: 'build-output', Output: `# ${build}\n` },
      { ImportPath: build, Action: 'build-output', Output: './main.go:1:1: a vet note\n' },
      ...events.map((e) =>
        e.Action === 'output'
          ? {
              ...e,
              OutputType: /^(=== |--- |PASS\n|ok )/.test(String(e.Output)) ? 'frame' : undefined,
            }
          : e,
      ),
    ])
    expect(derived).toContain('"OutputType":"frame"')
    const before = benchmarksOf(original, 'before.json')
    expect(before?.results.length).toBeGreaterThan(0)
    expect(benchmarksOf(derived, 'go1.27.json')).toEqual(before)
  })

  test('a build-fail is refused, naming the package and its first error (exit 2)', async () => {
    const broken = 'gomemgate/fixtures/broken'
    const build = `${broken} [${broken}.test]`
    const derived = lines([
      ...events,
      { ImportPath: build, Action: 'build-output', Output: `# ${build}\n` },
      { ImportPath: build, Action: 'build-output', Output: './x.go:3:2: undefined: encode\n' },
      { ImportPath: build, Action: 'build-fail' },
      { Action: 'start', Package: broken },
      { Action: 'output', Package: broken, Output: `FAIL\t${broken} [build failed]\n` },
      { Action: 'fail', Package: broken, Elapsed: 0, FailedBuild: build },
    ])
    const file = written('build-fail.json', derived)
    const line = await refused(file)
    expect(line).toContain(`the build of ${broken} failed`)
    expect(line).toContain('undefined: encode')
  })
})
