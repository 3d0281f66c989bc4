import { render } from '../../src/report/index.js'
import type { JsonReport } from '../../src/report/types.js'
import { failVerdict, input, leakDiff, MiB, noBaselineDiff, passVerdict } from './helpers.js'

const TOP_KEYS = [
  'schemaVersion',
  'tool',
  'status',
  'summary',
  'policy',
  'changed',
  'focus',
  'violations',
  'inconclusive',
  'waived',
  'expiredWaivers',
  'leakSuspects',
  'totals',
  'memstats',
  'accounting',
  'series',
  'allocators',
  'packages',
  'profiles',
  'goroutines',
  'benchmarks',
  'files',
  'warnings',
  // Added with typed warnings: code, message and subject of each.
  'warningDetails',
  'history',
]
const VIOLATION_KEYS = [
  'rule',
  'kind',
  'scope',
  'metric',
  'subject',
  'unit',
  'baseline',
  'candidate',
  'delta',
  'limit',
  'limitText',
  'sigma',
  'significance',
  // Added with the focus: the sample type each finding is about.
  'sampleType',
  // Added with exact evidence and history: how it was judged.
  'method',
]
const ROW_KEYS = [
  'function',
  'package',
  'sampleType',
  'unit',
  'baseline',
  'candidate',
  'delta',
  'cumBaseline',
  'cumCandidate',
  'sigma',
  'significance',
]

function report(top = 10): JsonReport {
  return JSON.parse(render(input(leakDiff(), failVerdict(), { top }), 'json')) as JsonReport
}

describe('JSON report', () => {
  test('has exactly the contract keys, in order', () => {
    const r = report()
    expect(Object.keys(r)).toEqual(TOP_KEYS)
    expect(r.schemaVersion).toBe(1)
    expect(r.tool).toEqual({ name: 'gomem-gate', version: '0.1.0' })
    expect(r.status).toBe('fail')
    expect(r.policy).toBe('.gomem-gate.yml')
    expect(r.focus).toBe('inuse_space')
    expect(Object.keys(r.violations[0])).toEqual(VIOLATION_KEYS)
    expect(Object.keys(r.waived[0])).toEqual([...VIOLATION_KEYS, 'waiver'])
    expect(r.waived[0].waiver).toEqual({ reason: 'new encoder buffers', expires: '2026-12-31' })
    expect(r.expiredWaivers).toEqual([
      { subject: 'bytes.growSlice', metric: null, reason: 'old', expires: '2026-01-31' },
    ])
    expect(Object.keys(r.allocators[0])).toEqual([...ROW_KEYS, 'stack'])
    expect(Object.keys(r.packages[0])).toEqual(ROW_KEYS)
    expect(Object.keys(r.files[0])).toEqual([
      'side',
      'source',
      'format',
      'period',
      'totals',
      'hasMemStats',
    ])
  })

  test('the summary is the one-line verdict in plain text', () => {
    expect(report().summary).toBe(
      'memory regression — 2 rules violated: inuse_space 12 MiB → 30.5 MiB (+18.5 MiB, +154%)',
    )
  })

  test('figures are plain numbers in bytes, never formatted strings', () => {
    const r = report()
    expect(r.totals.inuse_space).toEqual({
      unit: 'bytes',
      sigma: 0,
      baseline: 12 * MiB,
      candidate: 30.5 * MiB,
      delta: 18.5 * MiB,
    })
    expect(r.violations[1]).toMatchObject({
      baseline: 2 * MiB,
      candidate: 20 * MiB,
      delta: 18 * MiB,
    })
    expect(typeof r.violations[0].limit).toBe('number')
    expect(r.files[0]).toMatchObject({ period: 524288, totals: { inuse_space: 12 * MiB } })
  })

  test('allocators: focus type only, sorted by delta descending, stacks for the top rows', () => {
    const r = report(1)
    expect(r.allocators.every((a) => a.sampleType === 'inuse_space')).toBe(true)
    expect(r.allocators.map((a) => a.function)).toEqual([
      'main.(*Cache).Put',
      'main.loadConfig',
      'encoding/json.Marshal',
      'main.main',
      'bytes.growSlice',
    ])
    const deltas = r.allocators.map((a) => a.delta ?? 0)
    expect(deltas).toEqual([...deltas].sort((a, b) => b - a))
    expect(r.allocators[0].stack).toHaveLength(4)
    expect(r.allocators[0].stack[0]).toEqual({
      function: 'main.(*Cache).Put',
      file: 'example.com/svc/cache.go',
      line: 42,
    })
    expect(r.allocators[1].stack).toEqual([])
  })

  test('memstats follow MEMSTATS_FIELDS order', () => {
    expect(Object.keys(report().memstats)).toEqual(['Sys', 'HeapInuse', 'StackInuse', 'NumGC'])
  })

  test('warnings from the diff, then from the verdict', () => {
    expect(report().warnings).toEqual([
      'bench/cand/heap.pb.gz: 3 samples have no function name',
      'waiver for bytes.growSlice has expired',
    ])
  })

  test('warningDetails: the same warnings as typed values, in the same order', () => {
    const r = report()
    expect(r.warningDetails.map((w) => w.message)).toEqual(r.warnings)
    expect(r.warningDetails[0]).toEqual({
      code: 'no-symbols',
      message: 'bench/cand/heap.pb.gz: 3 samples have no function name',
      subject: 'bench/cand/heap.pb.gz',
    })
  })

  test('without a baseline, baselines and deltas are null', () => {
    const verdict = { ...passVerdict(), status: 'no-baseline' as const }
    const r = JSON.parse(render(input(noBaselineDiff(), verdict), 'json')) as JsonReport
    expect(r.status).toBe('no-baseline')
    expect(r.summary).toBe(
      'no baseline yet — nothing to compare against: inuse_space 30.5 MiB in the candidate',
    )
    expect(r.totals.inuse_space).toEqual({
      unit: 'bytes',
      sigma: 0,
      baseline: null,
      candidate: 30.5 * MiB,
      delta: null,
    })
    expect(r.allocators[0]).toMatchObject({ function: 'main.(*Cache).Put', delta: null })
  })

  test('keeps raw names: JSON needs no markdown escaping', () => {
    const diff = leakDiff()
    diff.allocators[1] = { ...diff.allocators[1], function: 'main.(*T).Put|<img>' }
    const r = JSON.parse(render(input(diff, passVerdict()), 'json')) as JsonReport
    expect(r.allocators[0].function).toBe('main.(*T).Put|<img>')
  })
})
