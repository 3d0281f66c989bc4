// Inputs of recent Go versions and of the profiles that are not heap profiles, each a real
// file (fixtures/kinds/ from fixtures/go/contention, fixtures/cpu.pb.gz) or derived in code
// from one, as noted at each test.
import { readFileSync } from 'node:fs'
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
