// Real files other projects recorded (fixtures/peer, sources and licences in SOURCES.md):
// every one reads, and each heap profile's totals equal what `go tool pprof` sums
// (expected-totals.json, written by fixtures/peer/totals.mjs).
import { readdirSync, readFileSync } from 'node:fs'
import { readSnapshot } from '../../src/formats/index.js'
import type { JsonReport } from '../../src/report/types.js'
import { runFromSources } from '../helpers/cli-sources.js'

const DIR = 'fixtures/peer'
const expected = JSON.parse(readFileSync(`${DIR}/expected-totals.json`, 'utf8')) as Record<
  string,
  Record<string, number>
>
const read = async (name: string) => {
  const r = await runFromSources(['compare', '-f', 'json', '-c', `${DIR}/${name}`])
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  return JSON.parse(r.stdout) as JsonReport
}

test('every heap profile has its expected totals recorded', () => {
  const profiles = readdirSync(DIR).filter(
    (f) => /\.(pb\.gz|pprof)$/.test(f) && !f.includes('goroutine'),
  )
  expect(Object.keys(expected).sort()).toEqual(profiles.sort())
})

test.each(Object.keys(expected))("%s: totals equal go tool pprof's", async (name) => {
  const report = await read(name)
  const totals = Object.fromEntries(
    Object.entries(report.totals).map(([type, c]) => [type, c.candidate]),
  )
  expect(totals).toEqual(expected[name])
})

test.each([
  ['expvarmon-vars-go1.4.json', 'expvar'],
  ['influxdb1.11-debugvars-2024.json', 'expvar'],
  ['kapacitor-debugvars-2016.json', 'expvar'],
  ['gctrace-go1.18.txt', 'gctrace'],
  ['gostackparse-goroutine-debug2-go1.21.txt', 'goroutine-text'],
  ['nodeexporter-goroutine.pb.gz', 'goroutine-pprof'],
  ['ocpp16-benchmem-go1.25.txt', 'benchfmt'],
  ['prometheus-scrape-go1.23.4.txt', 'prometheus'],
])('%s reads as %s', async (name, format) => {
  const report = await read(name)
  expect(report.files.map((f) => f.format)).toEqual([format])
})

test('every file in fixtures/peer is read by one of the tests above', () => {
  const listed = [
    ...Object.keys(expected),
    'expvarmon-vars-go1.4.json',
    'influxdb1.11-debugvars-2024.json',
    'kapacitor-debugvars-2016.json',
    'gctrace-go1.18.txt',
    'gostackparse-goroutine-debug2-go1.21.txt',
    'nodeexporter-goroutine.pb.gz',
    'ocpp16-benchmem-go1.25.txt',
    'prometheus-scrape-go1.23.4.txt',
  ]
  const files = readdirSync(DIR).filter(
    (f) => !/\.(md|mjs)$/.test(f) && f !== 'expected-totals.json',
  )
  expect(files.sort()).toEqual(listed.sort())
  expect(files).toHaveLength(22)
})

const memstatsOf = (name: string) =>
  readSnapshot(readFileSync(`${DIR}/${name}`), name).memstats ?? {}

test('a Go 1.23 client_golang scrape, go_gc_* families first, reads its runtime/metrics too', () => {
  const text = readFileSync(`${DIR}/prometheus-scrape-go1.23.4.txt`, 'utf8')
  // The first go_goroutines sample lies far past the head the sniffer reads.
  expect(text.indexOf('\ngo_goroutines ')).toBeGreaterThan(9000)
  // Each figure as the file prints it (grep the file for the name).
  expect(memstatsOf('prometheus-scrape-go1.23.4.txt')).toMatchObject({
    Goroutines: 151, // go_goroutines, go_sched_goroutines_goroutines
    LastGCLiveHeap: 58791024, // go_gc_heap_live_bytes 5.8791024e+07
    NextGC: 103659480, // go_gc_heap_goal_bytes 1.0365948e+08
    GOMEMLIMIT: 903676723, // go_gc_gomemlimit_bytes 9.03676723e+08
    GOGC: 75, // go_gc_gogc_percent
    GOMAXPROCS: 1, // go_sched_gomaxprocs_threads
    NumGC: 190932, // go_gc_duration_seconds_count, go_gc_cycles_total_gc_cycles_total
    NumForcedGC: 0, // go_gc_cycles_forced_gc_cycles_total
    HeapAlloc: 83523288, // go_memstats_heap_alloc_bytes 8.3523288e+07
    Sys: 239909176, // go_memstats_sys_bytes 2.39909176e+08
    HeapObjects: 580217, // go_memstats_heap_objects, go_gc_heap_objects_objects
    RSS: 172822528, // process_resident_memory_bytes 1.72822528e+08
  })
})

test("InfluxDB's /debug/vars: the goroutine count from runtime.values.NumGoroutine", () => {
  expect(memstatsOf('influxdb1.11-debugvars-2024.json')).toMatchObject({
    Goroutines: 1488,
    HeapAlloc: 181164560,
  })
})
