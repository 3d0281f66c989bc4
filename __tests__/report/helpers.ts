// Realistic report inputs: a cache leak (12 MiB → 30.5 MiB inuse), a pass, a first run.
import type { AllocatorChange, Diff } from '../../src/analysis/types.js'
import type { Frame } from '../../src/formats/model.js'
import { judgeDiff } from '../../src/policy/judge.js'
import { warning } from '../../src/warnings.js'
import type { Verdict, Violation } from '../../src/policy/types.js'
import type { ReportInput } from '../../src/report/types.js'

export const MiB = 1024 * 1024

/** The leak's heaviest stack, leaf first. */
export const PUT_STACK: Frame[] = [
  { function: 'main.(*Cache).Put', file: 'example.com/svc/cache.go', line: 42 },
  { function: 'main.handle', file: 'example.com/svc/server.go', line: 88 },
  { function: 'net/http.HandlerFunc.ServeHTTP', file: 'net/http/server.go', line: 2171 },
  { function: 'net/http.(*conn).serve', file: 'net/http/server.go', line: 2099 },
]

/** An allocator row; `baseline` null means the row has no baseline figure. */
export function row(
  fn: string,
  baseline: number | null,
  candidate: number,
  opts: Partial<AllocatorChange> = {},
): AllocatorChange {
  const pkg = fn.replace(/\.[^./]*$/, '').replace(/\.\(.*$/, '')
  return {
    function: fn,
    package: pkg,
    sampleType: 'inuse_space',
    unit: 'bytes',
    baseline,
    candidate,
    delta: baseline === null ? null : candidate - baseline,
    cumBaseline: baseline,
    cumCandidate: candidate,
    sigma: 0,
    stack: [],
    ...opts,
  }
}

/** The cache-leak diff: two files per side, four sample types, MemStats. */
export function leakDiff(): Diff {
  const allocators = [
    // Another sample type with a bigger delta: must never show in the inuse_space tables.
    row('main.(*Cache).Put', 100 * MiB, 160 * MiB, { sampleType: 'alloc_space' }),
    row('main.(*Cache).Put', 2 * MiB, 20 * MiB, { stack: PUT_STACK }),
    row('main.main', 0, 0, { cumBaseline: 12 * MiB, cumCandidate: 30.5 * MiB }),
    row('main.loadConfig', 5 * MiB, 6 * MiB, {
      stack: [
        { function: 'main.loadConfig', file: 'example.com/svc/config.go', line: 17 },
        { function: 'main.main', file: 'example.com/svc/main.go', line: 30 },
      ],
    }),
    row('encoding/json.Marshal', 1 * MiB, 1.5 * MiB),
    row('bytes.growSlice', 4 * MiB, 3 * MiB),
    row('main.(*Cache).Put', 1000, 9000, { sampleType: 'inuse_objects', unit: 'count' }),
  ]
  return {
    hasBaseline: true,
    sampleTypes: [
      { type: 'alloc_objects', unit: 'count' },
      { type: 'alloc_space', unit: 'bytes' },
      { type: 'inuse_objects', unit: 'count' },
      { type: 'inuse_space', unit: 'bytes' },
    ],
    focus: 'inuse_space',
    totals: {
      alloc_objects: {
        unit: 'count',
        baseline: 50_000,
        candidate: 61_000,
        delta: 11_000,
        sigma: 0,
      },
      alloc_space: {
        unit: 'bytes',
        baseline: 200 * MiB,
        candidate: 260 * MiB,
        delta: 60 * MiB,
        sigma: 0,
      },
      inuse_objects: { unit: 'count', baseline: 1000, candidate: 3000, delta: 2000, sigma: 0 },
      inuse_space: {
        unit: 'bytes',
        baseline: 12 * MiB,
        candidate: 30.5 * MiB,
        delta: 18.5 * MiB,
        sigma: 0,
      },
    },
    // Deliberately not in MEMSTATS_FIELDS order.
    memstats: {
      StackInuse: { unit: 'bytes', baseline: 512 * 1024, candidate: 640 * 1024, delta: 128 * 1024 },
      HeapInuse: { unit: 'bytes', baseline: 14 * MiB, candidate: 33 * MiB, delta: 19 * MiB },
      NumGC: { unit: 'count', baseline: 12, candidate: 30, delta: 18 },
      Sys: { unit: 'bytes', baseline: 24 * MiB, candidate: 48 * MiB, delta: 24 * MiB },
    },
    allocators,
    packages: [
      row('main', 7 * MiB, 26 * MiB),
      row('encoding/json', 1 * MiB, 1.5 * MiB),
      row('bytes', 4 * MiB, 3 * MiB),
    ],
    files: [
      {
        side: 'baseline',
        source: 'bench/base/heap.pb.gz',
        format: 'pprof',
        totals: { inuse_space: 12 * MiB, alloc_space: 200 * MiB },
        period: 524288,
        hasMemStats: false,
      },
      {
        side: 'baseline',
        source: 'bench/base/memstats.json',
        format: 'memstats-json',
        totals: {},
        period: 0,
        hasMemStats: true,
      },
      // The candidate's memstats come first: the pprof command must still pick the profile.
      {
        side: 'candidate',
        source: 'bench/cand/memstats.json',
        format: 'memstats-json',
        totals: {},
        period: 0,
        hasMemStats: true,
      },
      {
        side: 'candidate',
        source: 'bench/cand/heap.pb.gz',
        format: 'pprof',
        totals: { inuse_space: 30.5 * MiB, alloc_space: 260 * MiB },
        period: 524288,
        hasMemStats: false,
      },
    ],
    accounting: {},
    periods: { baseline: [524288], candidate: [524288] },
    warnings: [
      warning(
        'no-symbols',
        'bench/cand/heap.pb.gz: 3 samples have no function name',
        'bench/cand/heap.pb.gz',
      ),
    ],
  }
}

/** The two violations of the leak: the total and the cache's own growth. */
export function leakViolations(): Violation[] {
  return [
    {
      rule: 'default:inuse_space',
      kind: 'max-increase',
      scope: 'total',
      metric: 'inuse_space',
      subject: 'inuse_space',
      sampleType: 'inuse_space',
      unit: 'bytes',
      baseline: 12 * MiB,
      candidate: 30.5 * MiB,
      delta: 18.5 * MiB,
      limit: 13.2 * MiB,
      limitText: '+10% (changes under 1 MiB ignored)',
      sigma: 0,
      method: 'exact',
      significance: 'significant',
      changeSignificance: 'significant',
    },
    {
      rule: 'cache-growth',
      kind: 'max-increase',
      scope: 'allocator',
      metric: 'inuse_space',
      subject: 'main.(*Cache).Put',
      sampleType: 'inuse_space',
      unit: 'bytes',
      baseline: 2 * MiB,
      candidate: 20 * MiB,
      delta: 18 * MiB,
      limit: 2.2 * MiB,
      limitText: '+10%',
      sigma: 0,
      method: 'exact',
      significance: 'significant',
      changeSignificance: 'significant',
    },
  ]
}

/** A failing verdict with a waived violation and an expired waiver. */
export function failVerdict(): Verdict {
  return {
    status: 'fail',
    focus: 'inuse_space',
    violations: leakViolations(),
    inconclusive: [],
    waived: [
      {
        rule: 'json',
        kind: 'max-increase',
        scope: 'allocator',
        metric: 'inuse_space',
        subject: 'encoding/json.Marshal',
        sampleType: 'inuse_space',
        unit: 'bytes',
        baseline: 1 * MiB,
        candidate: 1.5 * MiB,
        delta: 0.5 * MiB,
        limit: 1.1 * MiB,
        limitText: '+10%',
        sigma: 0,
        method: 'exact',
        significance: 'significant',
        changeSignificance: 'significant',
        waiver: { reason: 'new encoder buffers', expires: '2026-12-31' },
      },
    ],
    expiredWaivers: [{ subject: 'bytes.growSlice', reason: 'old', expires: '2026-01-31' }],
    policySource: '.gomem-gate.yml',
    confidence: 0.99,
    changed: true,
    leakSuspects: [],
    warnings: [warning('pattern-matches-nothing', 'waiver for bytes.growSlice has expired')],
  }
}

/** A passing verdict under the built-in defaults. */
export function passVerdict(): Verdict {
  return {
    status: 'pass',
    focus: 'inuse_space',
    violations: [],
    inconclusive: [],
    waived: [],
    expiredWaivers: [],
    policySource: 'built-in defaults',
    confidence: 0.99,
    changed: false,
    leakSuspects: [],
    warnings: [],
  }
}

/** The first run: candidate only, no baseline figures anywhere. */
export function noBaselineDiff(): Diff {
  const d = leakDiff()
  const strip = <T extends { baseline: number | null; delta: number | null }>(c: T): T => ({
    ...c,
    baseline: null,
    delta: null,
  })
  return {
    ...d,
    hasBaseline: false,
    totals: Object.fromEntries(Object.entries(d.totals).map(([k, v]) => [k, strip(v)])),
    memstats: Object.fromEntries(Object.entries(d.memstats).map(([k, v]) => [k, strip(v)])),
    allocators: d.allocators
      .map((r) => ({ ...strip(r), cumBaseline: null }))
      .sort((x, y) => y.candidate - x.candidate),
    packages: d.packages.map((r) => ({ ...strip(r), cumBaseline: null })),
    files: d.files.filter((f) => f.side === 'candidate'),
    periods: { baseline: [], candidate: [524288] },
  }
}

/**
 * A report input with the defaults the shell would choose: the diff judged as the policy
 * would (nothing ignored), the verdict as given.
 */
export function input(diff: Diff, verdict: Verdict, extra: Partial<ReportInput> = {}): ReportInput {
  const judged = judgeDiff(diff, verdict, { ignore: [], confidence: verdict.confidence })
  return { diff: judged, verdict, top: 10, version: '0.1.0', ...extra }
}

/** The cells of a GFM table row, split on pipes that are not backslash-escaped. */
export function cells(line: string): string[] {
  const out: string[] = []
  let cell = ''
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (ch === '\\' && i + 1 < line.length) {
      cell += ch + line[++i]
    } else if (ch === '|') {
      out.push(cell)
      cell = ''
    } else cell += ch
  }
  out.push(cell)
  // A row starts and ends with a pipe: drop the empty outer pieces.
  return out.slice(1, -1).map((c) => c.trim())
}

/** The table rows (header, delimiter and body) following a heading line in markdown. */
export function tableAfter(md: string, heading: string): string[] {
  const lines = md.split('\n')
  const start = lines.findIndex((l) => l.startsWith(heading) || l.includes(`<summary>${heading}`))
  if (start < 0) throw new Error(`no heading ${heading}`)
  const rows: string[] = []
  for (const l of lines.slice(start + 1)) {
    if (l.startsWith('|')) rows.push(l)
    else if (rows.length > 0) break
  }
  return rows
}
