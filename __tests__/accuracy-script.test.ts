// scripts/accuracy.mjs runs the Go fixture service, so the suite never runs it for real; these
// checks keep its command line honest without Go: the usage text names every scenario and the
// history mode, and a bad option or value is one line and exit 2, before anything is built.
import { spawnSync } from 'node:child_process'
import { dirname } from 'node:path'

// PATH holds node alone: nothing below may need `go` (or npm).
const accuracy = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/accuracy.mjs', ...args], {
    encoding: 'utf8',
    env: { PATH: dirname(process.execPath), HOME: process.env.HOME ?? '/' },
  })

describe('npm run accuracy', () => {
  test('--help: exit 0, the options and every scenario', () => {
    const r = accuracy('--help')
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    for (const option of [
      '--quick',
      '--seeds',
      '--seeds-rate1',
      '--rates',
      '--scenarios',
      '--variants',
      '--history-seeds',
      '--no-history',
      '--gctrace-seeds',
      '--jobs',
      '--dir',
      '--fresh',
    ]) {
      expect(r.stdout).toContain(`${option} `)
    }
    const scenarios = /^scenarios: (.*)$/m.exec(r.stdout)?.[1].split(', ') ?? []
    expect(scenarios).toEqual(
      expect.arrayContaining([
        'unchanged',
        'leak-4mib',
        'temp-x2',
        'cache-x1.1*',
        'cache-x1.27*',
        'cache-x1.5*',
        'marshal-x2*',
      ]),
    )
    // the history mode: leave-one-out through `record`, and what happens without it
    expect(r.stdout).toContain('leave-one-out')
    expect(r.stdout).toContain('record --history H --commit seed<j>')
    expect(r.stdout).toContain('compare --history H')
    expect(r.stdout).toMatch(/Skipped, with a note, when dist\/cli\.js\s+has no `record`/)
    expect(r.stdout).toContain('targets table')
  })

  test.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--seeds', 'many'], /--seeds must be an integer >= 2, got 'many'/],
    [['--history-seeds', '1'], /--history-seeds must be an integer >= 2, got '1'/],
    [['--gctrace-seeds=-1'], /--gctrace-seeds must be an integer >= 0/],
    [['--scenarios', 'cache-x9'], /unknown scenario 'cache-x9' \(known: unchanged, .*marshal-x2\)/],
  ])('%j: exit 2, one line on stderr', (args, message) => {
    const r = accuracy(...args)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^accuracy: [^\n]+\n$/)
    expect(r.stderr).toMatch(message)
  })
})
