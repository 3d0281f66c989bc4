// Profiles of 4 MiB or more are read and folded on worker threads. The committed fixtures
// are smaller, so GOMEM_GATE_WORKER_BYTES lowers the bar: the worker path must give the
// report the main thread gives, and the same one-line errors.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cli, tempDir, tempFile } from '../helpers/cli.js'
import { fixtureBytes, fixturePath as fx } from '../helpers/fixtures.js'

const ON_WORKERS = { GOMEM_GATE_WORKER_BYTES: '1', GOMEM_GATE_DEBUG: '1' }

function both(args: string[]) {
  const main = cli(args, { env: { GOMEM_GATE_DEBUG: '1' } })
  const workers = cli(args, { env: ON_WORKERS })
  return { main, workers }
}

/** Runs a JSON compare both ways; the reports are read from --output files (they are big). */
function reports(args: string[]) {
  const dir = tempDir()
  const run = (name: string, env: Record<string, string>) => {
    const out = join(dir, name)
    const r = cli([...args, '--format', 'json', '--output', out], { env })
    return { ...r, report: r.status === 2 ? undefined : JSON.parse(readFileSync(out, 'utf8')) }
  }
  return { main: run('main.json', { GOMEM_GATE_DEBUG: '1' }), workers: run('w.json', ON_WORKERS) }
}

describe('the worker-thread read', () => {
  test.each([
    ['a leak, with MemStats', []],
    ['6,000 functions, whole stacks', ['--stacks']],
  ])('%s: the same report as the main thread', (_, extra) => {
    const files =
      extra.length === 0
        ? [
            ['-b', fx('baseline-seed1.pb.gz'), fx('baseline-seed1.memstats.json')],
            ['-c', fx('leak-cache.pb.gz'), fx('leak-cache.memstats.json')],
          ]
        : [
            ['-b', fx('baseline-seed1.pb.gz')],
            ['-c', fx('many-functions.pb.gz')],
          ]
    const { main, workers } = reports(['compare', ...files.flat(), ...extra])
    // Every file, profile or MemStats, goes to a worker once the bar is 1 byte.
    const count = files.flat().filter((a) => !a.startsWith('-')).length
    expect(main.stderr).toMatch(/\(0 on worker threads\)/)
    expect(workers.stderr).toContain(`(${count} on worker threads)`)
    expect(workers.status).toBe(main.status)
    expect(workers.report).toEqual(main.report)
    expect(main.report.allocators.length).toBeGreaterThan(0)
  })

  test('a series goes through the same read: on the workers, the same report', () => {
    const series = readdirSync(fx('series/leak')).map((f) => fx(`series/leak/${f}`))
    const { main, workers } = reports(['compare', '--series', ...series])
    expect(workers.stderr).toContain(`(${series.length} on worker threads)`)
    expect(workers.status).toBe(main.status)
    expect(workers.report).toEqual(main.report)
    expect(main.report.series.metrics.length).toBeGreaterThan(0)
  })

  test('bad files fail there with the main thread’s line and exit 2', () => {
    const gz = fixtureBytes('leak-cache.pb.gz')
    const bad = [
      tempFile('cut.pb.gz', gz.subarray(0, 1000)),
      tempFile(
        'noise.bin',
        new Uint8Array(2048).map((_, i) => (i * 2654435761) >>> 24),
      ),
      fx('cpu.pb.gz'),
      'nope/heap.pb.gz',
    ]
    for (const path of bad) {
      const { main, workers } = both(['compare', '-b', fx('baseline-seed1.pb.gz'), '-c', path])
      expect(workers.status).toBe(2)
      expect(workers.stdout).toBe('')
      expect(workers.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(workers.stderr).toBe(main.stderr)
    }
  })
})
