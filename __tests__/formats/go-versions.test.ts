// Inputs of recent Go versions and of the profiles that are not heap profiles, each a real
// file (fixtures/kinds/ from fixtures/go/contention, fixtures/cpu.pb.gz) or derived in code
// from one, as noted at each test.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { Function as PprofFunction, Line, Location, Profile, StringTable } from 'pprof-format'
import { GateError } from '../../src/errors.js'
import { readSnapshot } from '../../src/formats/index.js'
import { STACK_SEPARATOR, sumOf } from '../../src/formats/model.js'
import { promName, RUNTIME_METRICS } from '../../src/formats/runtime-metrics.js'
import { DEFAULT_LEAKS } from '../../src/policy/defaults.js'
import { judgeLeakedGoroutines } from '../../src/policy/leaks.js'
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

describe('Go 1.23 stacks of 128 frames', () => {
  // Derived in code from the real fixtures/baseline-seed1.pb.gz (Go 1.19, 32 frames at most):
  // every sample's stack gets DEPTH more frames on its outer side, functions main.depth0…,
  // as a caller 120 levels up (recursion, say) gives under Go 1.23's 128-frame limit.
  const DEPTH = 120
  const deep = (() => {
    const p = Profile.decode(gunzipSync(readFileSync('fixtures/baseline-seed1.pb.gz')))
    const table = new StringTable()
    p.stringTable.strings.forEach((s, i) => {
      if (i > 0 && table.dedup(s) !== i) throw new Error(`string ${i} moved`)
    })
    const file = table.dedup('gomemgate/fixtures/service/deep.go')
    const firstFn = Math.max(...p.function.map((f) => Number(f.id))) + 1
    const firstLoc = Math.max(...p.location.map((l) => Number(l.id))) + 1
    for (let d = 0; d < DEPTH; d++) {
      const name = table.dedup(`main.depth${d}`)
      p.function.push(
        new PprofFunction({ id: firstFn + d, name, systemName: name, filename: file }),
      )
      p.location.push(
        new Location({
          id: firstLoc + d,
          line: [new Line({ functionId: firstFn + d, line: 10 + d })],
        }),
      )
    }
    for (const s of p.sample) {
      s.locationId = [...s.locationId, ...Array.from({ length: DEPTH }, (_, d) => firstLoc + d)]
    }
    p.stringTable = table
    return {
      bytes: gzipSync(p.encode()),
      longest: Math.max(...p.sample.map((s) => s.locationId.length)),
    }
  })()

  test.each([false, true])('no frame is cut or refused (--stacks %s)', (stacks) => {
    expect(deep.longest).toBeGreaterThanOrEqual(128)
    const original = readSnapshot(readFileSync('fixtures/baseline-seed1.pb.gz'), 'original.pb.gz', {
      stacks,
    }).profile!.fold
    const fold = readSnapshot(deep.bytes, 'deep.pb.gz', { stacks }).profile!.fold
    expect(fold.totals).toEqual(original.totals)
    const n = fold.sampleTypes.length
    const fns = fold.functions
    const cum = (name: string, nodes = fns) =>
      fold.sampleTypes.map((_, c) => sumOf(nodes, nodes.names.indexOf(name), 'cum', c, n))
    // The outermost frame, far past Go's old limit of 32, holds every sample.
    for (const d of [0, DEPTH - 1]) expect(cum(`main.depth${d}`)).toEqual(fold.totals)
    // And every function the original has keeps its flat figures, but the runtime's: a stack
    // of runtime frames alone kept them, and now has main.depth* frames to be charged to.
    for (const [i, name] of original.functions.names.entries()) {
      if (name.startsWith('runtime.')) continue
      for (let c = 0; c < n; c++) {
        expect(sumOf(fns, fns.names.indexOf(name), 'flat', c, n)).toBe(
          sumOf(original.functions, i, 'flat', c, n),
        )
      }
    }
    if (stacks) {
      // Whole stacks keep every frame: the longest has every one (inlined frames expanded). (Stacks of runtime
      // frames alone now start at main.depth0, so two of them may be one stack.)
      const frames = fold.stacks!.names.map((st) => st.split(STACK_SEPARATOR))
      expect(Math.max(...frames.map((f) => f.length))).toBeGreaterThanOrEqual(deep.longest)
      expect(frames.every((f) => f[f.length - 1] === `main.depth${DEPTH - 1}`)).toBe(true)
      expect(fold.stacks!.names.length).toBeGreaterThanOrEqual(original.stacks!.names.length - 1)
    }
  })

  test('a debug=1 text heap profile with records of 128 frames and more', () => {
    // Derived in code from the real fixtures/baseline-seed1.heap.txt: each record's address
    // line gets DEPTH more addresses, and its frame lines the DEPTH matching `#` lines.
    const text = readFileSync('fixtures/baseline-seed1.heap.txt', 'utf8')
    const addr = (d: number) => `0x${(0x900000 + 16 * d).toString(16)}`
    const extra = Array.from({ length: DEPTH }, (_, d) => d)
    const derived = text
      .split('\n\n')
      .map((block) => {
        const lines = block.split('\n')
        // The first block starts with the file's header line, then its first record.
        const at = lines.findIndex((l) => /^\d+: \d+ \[\d+: \d+\] @ /.test(l))
        if (at < 0) return block
        lines[at] += extra.map((d) => ` ${addr(d)}`).join('')
        lines.push(
          ...extra.map((d) => `#\t${addr(d - 1)}\tmain.depth${d}+0xf\t\tdeep/deep.go:${10 + d}`),
        )
        return lines.join('\n')
      })
      .join('\n\n')
    expect(derived).toContain(`main.depth${DEPTH - 1}+0xf`)
    const original = readSnapshot(Buffer.from(text), 'original.heap.txt').profile!.fold
    const fold = readSnapshot(Buffer.from(derived), 'deep.heap.txt').profile!.fold
    expect(fold.totals).toEqual(original.totals)
    const n = fold.sampleTypes.length
    const at = fold.functions.names.indexOf(`main.depth${DEPTH - 1}`)
    expect(fold.sampleTypes.map((_, c) => sumOf(fold.functions, at, 'cum', c, n))).toEqual(
      fold.totals,
    )
  })
})

describe('goroutine leak profiles (goroutineleak, Go 1.26)', () => {
  // Derived by fixtures/go/derive-goroutineleak.mjs from the real goroutine profiles of
  // go/service (no Go here has the goroutineleakprofile experiment): the sample type renamed
  // `goroutineleak`, the goroutine writing the profile left out.
  test.each([
    ['fixtures/leak-goroutines.goroutineleak.pb.gz', 'goroutine-pprof', 6667],
    ['fixtures/leak-goroutines.goroutineleak.txt', 'goroutine-text', 6667],
    ['fixtures/baseline-seed1.goroutineleak.pb.gz', 'goroutine-pprof', 0],
    ['fixtures/baseline-seed1.goroutineleak.txt', 'goroutine-text', 0],
  ])('%s reads as %s with %d leaked goroutines', (file, format, total) => {
    const s = readSnapshot(readFileSync(file), file)
    expect(s.format).toBe(format)
    expect(s.goroutines).toMatchObject({ total, leaked: true })
    // Leaked goroutines are not the process's goroutine count.
    expect(s.memstats?.Goroutines).toBeUndefined()
    if (total > 0) {
      const frames = s.goroutines!.stacks.flatMap((st) => st.frames.map((f) => f.function))
      expect(frames).toContain('main.(*Server).watch.func1')
      expect(frames.some((f) => f.startsWith('runtime/pprof.'))).toBe(false)
    }
  })

  const compare = (baseline: string[], candidate: string[], format = 'text') =>
    runFromSources([
      'compare',
      '-f',
      format,
      ...baseline.flatMap((f) => ['-b', f]),
      ...candidate.flatMap((f) => ['-c', f]),
    ])

  test('leaked goroutines in the candidate and not the baseline fail the check, named in the report', async () => {
    const r = await compare(
      ['fixtures/baseline-seed1.pb.gz', 'fixtures/baseline-seed1.goroutineleak.pb.gz'],
      ['fixtures/baseline-seed1.pb.gz', 'fixtures/leak-goroutines.goroutineleak.pb.gz'],
    )
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('6,667 goroutines leaked (goroutineleak profile; baseline 0)')
    expect(r.stdout).toMatch(
      /6,667 +leaked at main\.awaitInvalidation ← main\.\(\*Server\)\.watch\.func1/,
    )
    expect(r.stdout).toContain('LeakedGoroutines')
    const md = await compare(
      ['fixtures/baseline-seed1.pb.gz', 'fixtures/baseline-seed1.goroutineleak.txt'],
      ['fixtures/baseline-seed1.pb.gz', 'fixtures/leak-goroutines.goroutineleak.txt'],
      'markdown',
    )
    expect(md.status).toBe(1)
    expect(md.stdout).toContain('6,667 goroutines leaked (goroutineleak profile; baseline 0)')
  })

  test('without a baseline, leaked goroutines fail too (as a leak within the run)', async () => {
    const r = await compare([], ['fixtures/leak-goroutines.goroutineleak.txt'])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('the baseline has no leak profile')
  })

  test('the same leaks in baseline and candidate are reported, not failed', async () => {
    const leak = 'fixtures/leak-goroutines.goroutineleak.pb.gz'
    const r = await compare(
      ['fixtures/baseline-seed1.pb.gz', leak],
      ['fixtures/baseline-seed1.pb.gz', leak],
    )
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('6,667 goroutines leaked (goroutineleak profile; baseline 6,667)')
  })

  test('no leaked goroutines: nothing fails', async () => {
    const none = 'fixtures/baseline-seed1.goroutineleak.pb.gz'
    const r = await compare(
      ['fixtures/baseline-seed1.pb.gz', none],
      ['fixtures/baseline-seed1.pb.gz', none],
    )
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('0 goroutines leaked')
  })
})

test('a waiver on a leaked stack silences its violation', async () => {
  const config = join(mkdtempSync(join(tmpdir(), 'gomem-waiver-')), 'gomem-gate.yml')
  writeFileSync(
    config,
    [
      'waivers:',
      // No metric: LeakedGoroutines is not a metric rules and waivers name.
      "  - subject: 'main.awaitInvalidation*'",
      "    reason: 'known, fixed in the next release'",
      '    expires: 2026-12-31',
      '',
    ].join('\n'),
  )
  const r = await runFromSources([
    'compare',
    '--config',
    config,
    '-c',
    'fixtures/leak-goroutines.goroutineleak.pb.gz',
  ])
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  expect(r.stdout).toContain('6,667 goroutines leaked')
})

describe('Prometheus scrapes of runtime/metrics families', () => {
  const SCRAPE = 'fixtures/peer/prometheus-scrape-go1.23.4.txt'
  const scrape = readFileSync(SCRAPE, 'utf8')

  test('the Go 1.23 scrape is recognised from a head without go_goroutines or go_memstats_', () => {
    const head = scrape.slice(0, 4096)
    expect(head).not.toMatch(/^go_(goroutines|memstats_)/m)
    expect(readSnapshot(Buffer.from(scrape), SCRAPE).format).toBe('prometheus')
  })

  test('without its go_memstats_* and go_goroutines families it still reads, from runtime/metrics', () => {
    // Derived in code from the real scrape: the families client_golang keeps for MemStats
    // compatibility dropped, as a collector set to runtime/metrics only would write it.
    const derived = scrape
      .split('\n')
      .filter((l) => !/^(# (HELP|TYPE) )?go_(memstats_|goroutines|gc_duration_seconds)/.test(l))
      .join('\n')
    expect(derived).not.toContain('go_memstats_')
    const m = readSnapshot(Buffer.from(derived), 'rm-only.txt').memstats
    // Each as the scrape prints it.
    expect(m).toEqual({
      Goroutines: 151, // go_sched_goroutines_goroutines
      NumGC: 190932, // go_gc_cycles_total_gc_cycles_total
      NumForcedGC: 0, // go_gc_cycles_forced_gc_cycles_total
      TotalAlloc: 5937322571024, // go_gc_heap_allocs_bytes_total 5.937322571024e+12
      Mallocs: 44046288803, // go_gc_heap_allocs_objects_total 4.4046288803e+10
      Frees: 44045708586, // go_gc_heap_frees_objects_total 4.4045708586e+10
      HeapObjects: 580217, // go_gc_heap_objects_objects
      NextGC: 103659480, // go_gc_heap_goal_bytes
      LastGCLiveHeap: 58791024, // go_gc_heap_live_bytes
      GOGC: 75, // go_gc_gogc_percent
      GOMEMLIMIT: 903676723, // go_gc_gomemlimit_bytes
      GOMAXPROCS: 1, // go_sched_gomaxprocs_threads
      RSS: 172822528, // process_resident_memory_bytes
    })
  })

  test('go_memory_classes_* read as the runtime/metrics dump they come from', () => {
    // Derived in code from the real fixtures/baseline-seed1.runtime-metrics.json: each
    // metric written under the name client_golang gives it (promName), with the GC off
    // sentinels of GOGC and GOMEMLIMIT as Go exports them.
    const dump = JSON.parse(
      readFileSync('fixtures/baseline-seed1.runtime-metrics.json', 'utf8'),
    ) as Record<string, number>
    const counters = new Set(RUNTIME_METRICS.filter((m) => m.cumulative).map((m) => m.name))
    const text = [
      ...Object.entries(dump).map(([name, v]) => {
        const prom = promName(name, counters.has(name))
        return `# TYPE ${prom} gauge\n${prom} ${Number(v).toExponential()}`
      }),
      'go_gc_gogc_percent 1.8446744073709552e+19',
      'go_gc_gomemlimit_bytes 9.223372036854776e+18',
    ].join('\n')
    const fromScrape = readSnapshot(Buffer.from(text), 'classes.txt')
    const fromDump = readSnapshot(
      readFileSync('fixtures/baseline-seed1.runtime-metrics.json'),
      'dump.json',
    )
    expect(fromScrape.format).toBe('prometheus')
    expect(fromScrape.memstats).toEqual(fromDump.memstats)
    expect(fromScrape.memstats).toMatchObject({ Sys: dump['/memory/classes/total:bytes'] })
    expect(fromScrape.memstats?.GOGC).toBeUndefined()
    expect(fromScrape.memstats?.GOMEMLIMIT).toBeUndefined()
  })

  test.each([
    ['/gc/heap/live:bytes', false, 'go_gc_heap_live_bytes'],
    ['/gc/gomemlimit:bytes', false, 'go_gc_gomemlimit_bytes'],
    ['/gc/cycles/total:gc-cycles', true, 'go_gc_cycles_total_gc_cycles_total'],
    ['/memory/classes/heap/objects:bytes', false, 'go_memory_classes_heap_objects_bytes'],
    ['/sched/goroutines-created:goroutines', true, 'go_sched_goroutines_created_goroutines_total'],
  ])('%s (a counter: %s) is exported as %s', (name, cumulative, prom) => {
    expect(promName(name, cumulative)).toBe(prom)
    // The names in the real scrape come out of the same rule.
    if (scrape.includes(`\n${prom} `)) expect(scrape).toContain(`Sourced from ${name}`)
  })

  test('every runtime/metrics name the table reads has the name the real scrape gives it', () => {
    // `# HELP <name> … Sourced from /gc/heap/live:bytes`: client_golang's own mapping.
    const sourced = [...scrape.matchAll(/^# HELP (\S+) .*Sourced from (\S+?)\.?$/gm)]
    const read = new Map(RUNTIME_METRICS.map((m) => [m.name, m]))
    const checked = sourced.filter(([, , name]) => read.has(name))
    expect(checked.length).toBeGreaterThanOrEqual(10)
    for (const [, prom, name] of checked) {
      expect(promName(name, read.get(name)!.cumulative)).toBe(prom)
    }
  })
})

test("a scrape whose program's own families fill the first kilobytes is still read", () => {
  // Derived in code from the real Go 1.23 scrape: its families other than go_* and
  // process_* (net_conntrack_*, prometheus_*: 180 KB) moved to the front, as a program whose
  // families sort before go_ (api_*, app_*) writes them.
  const scrape = readFileSync('fixtures/peer/prometheus-scrape-go1.23.4.txt', 'utf8')
  const families = scrape.split(/\n(?=# HELP )/)
  const isGo = (f: string) => /^# HELP (go|process)_/.test(f)
  const derived = [...families.filter((f) => !isGo(f)), ...families.filter(isGo)].join('\n')
  expect(derived.indexOf('# HELP go_')).toBeGreaterThan(100_000)
  expect(readSnapshot(Buffer.from(derived), 'app-first.txt').memstats).toEqual(
    readSnapshot(Buffer.from(scrape), 'scrape.txt').memstats,
  )
})

test('a scrape of a program without the Go collector is refused in one line', () => {
  const r = 'fixtures/peer/prometheus-scrape-go1.23.4.txt'
  const text = readFileSync(r, 'utf8')
    .split(/\n(?=# HELP )/)
    .filter((f) => !/^# HELP (go|process)_/.test(f))
    .join('\n')
  try {
    readSnapshot(Buffer.from(text), 'no-go.txt')
    throw new Error('read')
  } catch (err) {
    expect((err as GateError).code).toBe('MALFORMED')
    expect((err as GateError).oneLine()).toMatch(
      /^no-go\.txt: Prometheus scrape without one sample of a Go runtime family/,
    )
  }
})

test('leaked stacks named alike are one violation, their goroutines added up', () => {
  const f = (fn: string) => ({ function: fn, file: '', line: 0 })
  const shared = [f('main.a'), f('main.b'), f('main.c')]
  const violations = judgeLeakedGoroutines(
    {
      baseline: 1,
      candidate: 5,
      stacks: [
        { frames: [...shared, f('main.x')], baseline: 1, candidate: 2, delta: 1 },
        { frames: [...shared, f('main.y')], baseline: 0, candidate: 3, delta: 3 },
      ],
    },
    DEFAULT_LEAKS,
  )
  expect(violations.map((v) => [v.subject, v.baseline, v.candidate])).toEqual([
    ['main.a ← main.b ← main.c', 1, 5],
  ])
  expect(judgeLeakedGoroutines(undefined, DEFAULT_LEAKS)).toEqual([])
  expect(
    judgeLeakedGoroutines(
      {
        baseline: null,
        candidate: 2,
        stacks: [{ frames: shared, baseline: null, candidate: 2, delta: null }],
      },
      { ...DEFAULT_LEAKS, fail: false },
    ),
  ).toEqual([])
})
