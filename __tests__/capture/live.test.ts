// `gomem-gate capture` against a real Go service (fixtures/go/liveservice: net/http/pprof,
// expvar, client_golang), through the bundled dist/cli.js: a capture of every endpoint that
// compare reads, an explicit endpoint, series on the leaking and the steady workload, Ctrl-C
// during a series. Needs go and Debian's client_golang; locally without them the suite is
// skipped, saying so; in CI it runs.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../helpers/cli.js'
import { cliAsync, type Run } from '../helpers/capture.js'
import { clientGolangSuite, requireClientGolang } from '../helpers/go.js'
import {
  buildLiveService,
  startLiveService,
  stopLiveService,
  type LiveService,
} from '../helpers/live-service.js'

const suite = clientGolangSuite('capture tests against a Go service')

suite('gomem-gate capture against a Go service', () => {
  let steady: LiveService
  let leak: LiveService
  let out: string
  const runs: Record<string, Run> = {}
  const timings: Record<string, number> = {}

  beforeAll(async () => {
    requireClientGolang()
    let t = performance.now()
    const bin = buildLiveService()
    timings.build = performance.now() - t
    ;[steady, leak] = await Promise.all([
      startLiveService(bin, 'steady'),
      startLiveService(bin, 'leak'),
    ])
    out = tempDir()
    // The steady cache fills in its first second: the series starts after that.
    await new Promise((r) => setTimeout(r, 1000))
    t = performance.now()
    runs.once = await cliAsync(['capture', steady.url, '--out', join(out, 'once')])
    timings.once = performance.now() - t
    const series = (url: string, name: string, extra: string[] = []) =>
      cliAsync(['capture', url, '--out', join(out, name), '--every', '1s', ...extra])
    t = performance.now()
    ;[runs.leak, runs.steady, runs.stopped] = await Promise.all([
      series(leak.url, 'leak', ['--count', '6']),
      series(steady.url, 'steady', ['--count', '6']),
      cliAsync(
        ['capture', leak.url, '--out', join(out, 'stopped'), '--every', '1s', '--count', '20'],
        {
          whileRunning: (child) => {
            // Ctrl-C once the manifest lists three snapshots.
            const timer = setInterval(() => {
              const path = join(out, 'stopped', 'capture.json')
              if (!existsSync(path)) return
              try {
                if (JSON.parse(readFileSync(path, 'utf8')).snapshots.length >= 3) {
                  clearInterval(timer)
                  child.kill('SIGINT')
                }
              } catch {
                // written as we read it: next tick
              }
            }, 50)
            child.on('close', () => clearInterval(timer))
          },
        },
      ),
    ])
    timings.series = performance.now() - t
    // explain on a URL captures it first; the leaking service has had a few seconds to grow.
    runs.explain = await cliAsync(['explain', leak.url, '--width', '100'])
    console.log(
      `capture timings: build ${(timings.build / 1000).toFixed(1)} s, one capture ${(timings.once / 1000).toFixed(2)} s, three series ${(timings.series / 1000).toFixed(1)} s`,
    )
  }, 120_000)

  afterAll(() => {
    stopLiveService(steady)
    stopLiveService(leak)
  })

  test('explain on a URL: the service captured and explained, nothing left behind', () => {
    expect(runs.explain.status).toBe(0)
    const text = runs.explain.stdout
    expect(text).toMatch(/^gomem-gate explain: RSS \S+ MiB · Sys /)
    expect(text).toContain('Where the memory is')
    // The leaking service's live heap is its session log; its blocked goroutines are counted.
    expect(text).toContain('main.(*sessionLog).keep')
    expect(text).toMatch(/Goroutines/i)
    expect(text).toContain('main.waitForever')
  })

  test('a base URL: /metrics, the heap and goroutine profiles, and the manifest', () => {
    expect(runs.once.stderr).not.toMatch(/error/)
    expect(runs.once.status).toBe(0)
    expect(readdirSync(join(out, 'once')).sort()).toEqual([
      'capture.json',
      'goroutine.pb.gz',
      'heap.pb.gz',
      'metrics.txt',
    ])
    const manifest = JSON.parse(readFileSync(join(out, 'once', 'capture.json'), 'utf8'))
    expect(manifest.urls).toEqual([steady.url])
    expect(manifest.snapshots).toHaveLength(1)
    expect(manifest.snapshots[0].missing).toEqual([])
    expect(manifest.snapshots[0].files.map((f: { format: string }) => f.format)).toEqual([
      'prometheus',
      'pprof',
      'goroutine-pprof',
    ])
  })

  test('compare reads the folder as it is: against itself, and alone', async () => {
    const dir = join(out, 'once')
    const same = await cliAsync(['compare', '--baseline', `${dir}/*`, '--candidate', `${dir}/*`])
    expect(same.stderr).toBe('')
    expect(same.status).toBe(0)
    const alone = await cliAsync(['compare', '--candidate', `${dir}/*`, '--format', 'json'])
    expect(alone.status).toBe(0)
    const files = JSON.parse(alone.stdout).files.map((f: { format: string }) => f.format)
    expect(files.sort()).toEqual(['capture-manifest', 'goroutine-pprof', 'pprof', 'prometheus'])
  })

  test('an explicit endpoint URL: that one only', async () => {
    const dir = join(tempDir(), 'heap')
    const r = await cliAsync(['capture', `${leak.url}debug/pprof/heap`, '--out', dir])
    expect(r.status).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['capture.json', 'heap.pb.gz'])
  })

  test('a series on the leaking service fails, naming the allocator and where goroutines pile up', async () => {
    expect(runs.leak.status).toBe(1)
    expect(runs.leak.stderr).toContain(`took 6 snapshots into ${join(out, 'leak')}/`)
    expect(runs.leak.stdout).toMatch(/^FAIL .*memory leak within the run/)
    expect(runs.leak.stdout).toContain('main.(*sessionLog).keep')
    expect(runs.leak.stdout).toMatch(/Goroutines +Goroutines +\+[0-9.]+ +6 /)
    // The goroutines that pile up, by the function they wait in.
    expect(runs.leak.stdout).toMatch(/main\.waitForever +Goroutines +\+[0-9.]+ +6 /)
    const files = readdirSync(join(out, 'leak'))
    expect(files.filter((f) => f.endsWith('-heap.pb.gz'))).toHaveLength(6)
    expect(files).toContain('capture.json')
    // The folder judged again by compare --series: the same verdict.
    const again = await cliAsync(['compare', '--series', `${join(out, 'leak')}/*`])
    expect(again.status).toBe(1)
    expect(again.stdout.split('\n')[0]).toBe(runs.leak.stdout.split('\n')[0])
  })

  test('a series on the steady service passes', () => {
    expect(runs.steady.stderr).not.toMatch(/error/)
    expect(runs.steady.status).toBe(0)
    expect(runs.steady.stdout).toMatch(/No leak: nothing grew steadily over 6 snapshots/)
  })

  test('Ctrl-C during a series: stops, keeps what it took, judges it', () => {
    expect(runs.stopped.stderr).toMatch(/stopped after [34] of 20 snapshots/)
    // Too few snapshots to call a leak: the policy says so, and the verdict is the exit code.
    expect(runs.stopped.stdout).toMatch(/at least 5 are needed to call a leak/)
    expect(runs.stopped.status).toBe(0)
    const manifest = JSON.parse(readFileSync(join(out, 'stopped', 'capture.json'), 'utf8'))
    expect(manifest.stopped).toBe(true)
  })
})
