// Real files other projects recorded (fixtures/peer, sources and licences in SOURCES.md):
// every one reads, and each heap profile's totals equal what `go tool pprof` sums
// (expected-totals.json, written by fixtures/peer/totals.mjs).
import { readdirSync, readFileSync } from 'node:fs'
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
])('%s reads as %s', async (name, format) => {
  const report = await read(name)
  expect(report.files.map((f) => f.format)).toEqual([format])
})
