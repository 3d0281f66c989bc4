// 130,000 distinct benchmarks, derived in code from the real `go test -bench` fixture: the
// reports must still render (the terminal once overflowed the stack) and keep the rows that
// matter in view.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cli, tempDir } from '../helpers/cli.js'
import { fixtureBytes } from '../helpers/fixtures.js'

const DISTINCT = 130_000

/** The fixture's result lines renamed `…X<i>` until there are `n` distinct benchmarks. */
function manyBenchmarks(n: number, grow: number): string {
  const lines = fixtureBytes('bench-candidate.txt').toString('utf8').split('\n')
  const header = lines.filter((l) => !l.startsWith('Benchmark'))
  const results = lines.filter((l) => l.startsWith('Benchmark'))
  const out = [...header.filter((l) => l.includes(':'))]
  for (let i = 0; i < n; i++) {
    let l = results[i % results.length].replace(
      /^Benchmark(\S+)/,
      (_, name) => `Benchmark${name}X${i}`,
    )
    // One benchmark, far down the file, doubles its B/op in the candidate.
    if (i === grow) l = l.replace(/(\d+) B\/op/, (_, b) => `${Number(b) * 2} B/op`)
    out.push(l)
  }
  return out.join('\n') + '\n'
}

describe('130,000 distinct benchmarks', () => {
  const dir = tempDir()
  const baseline = join(dir, 'baseline.txt')
  const candidate = join(dir, 'candidate.txt')
  // One run each: B/op is counted, not timed, so one run per side is judged on its value.
  writeFileSync(baseline, manyBenchmarks(DISTINCT, -1))
  writeFileSync(candidate, manyBenchmarks(DISTINCT, DISTINCT - 100))

  it.each(['text', 'markdown'])('renders the %s report, the grown one in view', (format) => {
    const r = cli(['compare', '--baseline', baseline, '--candidate', candidate, '--format', format])
    expect(r.stderr).not.toContain('internal error')
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/more rows not shown/)
    expect(r.stdout).toContain('Encode/smallX129900')
    expect(r.stdout.split('\n').length).toBeLessThan(400)
  })
})
