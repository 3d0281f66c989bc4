import { loadPolicy } from '../../src/policy/config.js'
import { evaluate } from '../../src/policy/evaluate.js'
import { leakyCacheDiff, makeDiff, MiB } from './diffs.js'

const FILE = '.github/gomem-gate.yml'
const TODAY = '2026-06-15'

/** A policy with only the given YAML (no defaults). */
function only(yaml: string) {
  return loadPolicy(`defaults: false\n${yaml}`, FILE)
}

describe('evaluate: rule kinds', () => {
  test('relative increase fails above the percentage', () => {
    const v = evaluate(
      leakyCacheDiff(),
      only('rules:\n  - metric: inuse_space\n    max-increase: 10%\n'),
      TODAY,
    ).verdict
    expect(v.status).toBe('fail')
    expect(v.violations).toEqual([
      expect.objectContaining({
        rule: 'rules[0]',
        kind: 'max-increase',
        scope: 'total',
        subject: 'inuse_space',
        baseline: 40 * MiB,
        candidate: 58 * MiB,
        delta: 18 * MiB,
        limit: 44 * MiB,
        limitText: '+10%',
      }),
    ])
    expect(v.policySource).toBe(FILE)
    const loose = only('rules:\n  - metric: inuse_space\n    max-increase: 50%\n')
    expect(evaluate(leakyCacheDiff(), loose, TODAY).verdict.status).toBe('pass')
  })

  test('min-change is a floor: small changes pass whatever their percentage', () => {
    const policy = only(
      'rules:\n  - metric: Goroutines\n    max-increase: 1%\n    min-change: 10\n',
    )
    expect(evaluate(leakyCacheDiff(), policy, TODAY).verdict.status).toBe('pass') // 42 → 44
    const grown = makeDiff({ memstats: { Goroutines: [42, 60] } })
    const v = evaluate(grown, policy, TODAY).verdict
    expect(v.status).toBe('fail')
    expect(v.violations[0]).toMatchObject({
      scope: 'memstats',
      limit: 52,
      limitText: '+1% (changes under 10 ignored)',
    })
  })

  test('a ceiling fails above max and says so', () => {
    const v = evaluate(
      leakyCacheDiff(),
      only('rules:\n  - metric: HeapInuse\n    max: 64MiB\n'),
      TODAY,
    ).verdict
    expect(v.violations).toEqual([
      expect.objectContaining({
        kind: 'max',
        scope: 'memstats',
        subject: 'HeapInuse',
        limit: 64 * MiB,
        limitText: '< 64 MiB',
      }),
    ])
  })

  test('limits shorthand: `<metric> < <quantity>`', () => {
    const v = evaluate(
      leakyCacheDiff(),
      only('limits:\n  - inuse_space < 50MiB\n  - Goroutines < 10000\n'),
      TODAY,
    ).verdict
    expect(v.status).toBe('fail')
    expect(v.violations.map((x) => [x.rule, x.subject, x.limitText])).toEqual([
      ['limits[0]', 'inuse_space', '< 50 MiB'],
    ])
  })

  test('an allocator glob judges each matching function', () => {
    const policy = only(
      'rules:\n  - allocator: "main.(*Cache).*"\n    metric: inuse_space\n    max-increase: 25%\n    min-change: 512KiB\n',
    )
    const v = evaluate(leakyCacheDiff(), policy, TODAY).verdict
    expect(v.violations).toEqual([
      expect.objectContaining({
        scope: 'allocator',
        subject: 'main.(*Cache).Put',
        metric: 'inuse_space',
        delta: 18 * MiB,
        limit: 15 * MiB,
      }),
    ])
    expect(v.violations[0].limitText).toBe('+25% (changes under 512 KiB ignored)')
  })

  test('a package regex judges package rows', () => {
    const policy = only(
      'rules:\n  - package: "regex:^(main|encoding/)"\n    metric: inuse_space\n    max-increase: 50%\n',
    )
    const v = evaluate(leakyCacheDiff(), policy, TODAY).verdict
    expect(v.violations.map((x) => [x.scope, x.subject])).toEqual([['package', 'main']])
  })

  test('a new allocator (zero baseline) fails once its growth reaches min-change', () => {
    const policy = only(
      'rules:\n  - allocator: "*"\n    metric: inuse_space\n    max-increase: 50%\n    min-change: 1MiB\n',
    )
    const diff = makeDiff({
      allocators: [
        { fn: 'main.newIndex', values: [0, 8 * MiB] },
        { fn: 'main.tinyHelper', values: [0, 0.5 * MiB] },
        { fn: 'main.neverSeenBefore', values: [null, 3 * MiB] },
      ],
    })
    const v = evaluate(diff, policy, TODAY).verdict
    expect(v.violations.map((x) => [x.subject, x.baseline, x.limit])).toEqual([
      ['main.newIndex', 0, MiB],
      ['main.neverSeenBefore', 0, MiB],
    ])
  })
})

describe('evaluate: ignore and waivers', () => {
  const allocRule = 'rules:\n  - allocator: "*"\n    metric: inuse_space\n    max-increase: 10%\n'

  test('ignored functions and packages are never judged', () => {
    const diff = leakyCacheDiff()
    expect(
      evaluate(diff, only(allocRule), TODAY).verdict.violations.map((x) => x.subject),
    ).toContain('runtime/pprof.(*profileBuilder).emitLocation')
    const v = evaluate(
      diff,
      only(`${allocRule}ignore:\n  - runtime/pprof\n  - "main.(*Cache).*"\n`),
      TODAY,
    ).verdict
    expect(v.violations).toEqual([])
    expect(v.status).toBe('pass')
  })

  const cacheRule =
    'rules:\n  - allocator: "main.*"\n    metric: inuse_space\n    max-increase: 10%\n'
  const waiver = (expires: string, metric = 'inuse_space') =>
    `waivers:\n  - subject: "main.(*Cache).Put"\n    metric: ${metric}\n    reason: "cache doubled on purpose, see #123"\n    expires: ${expires}\n`

  test('an unexpired waiver moves the violation to waived, through its last day', () => {
    for (const expires of ['2026-12-31', TODAY]) {
      const v = evaluate(leakyCacheDiff(), only(cacheRule + waiver(expires)), TODAY).verdict
      expect(v.status).toBe('pass')
      expect(v.violations).toEqual([])
      expect(v.waived).toEqual([
        expect.objectContaining({
          subject: 'main.(*Cache).Put',
          waiver: { reason: 'cache doubled on purpose, see #123', expires },
        }),
      ])
      expect(v.expiredWaivers).toEqual([])
    }
  })

  test('a waiver for another metric does not apply', () => {
    const v = evaluate(
      leakyCacheDiff(),
      only(cacheRule + waiver('2026-12-31', 'alloc_space')),
      TODAY,
    ).verdict
    expect(v.status).toBe('fail')
  })

  test('an expired waiver is reported and no longer applies', () => {
    const v = evaluate(leakyCacheDiff(), only(cacheRule + waiver('2026-06-14')), TODAY).verdict
    expect(v.status).toBe('fail')
    expect(v.waived).toEqual([])
    expect(v.violations[0].subject).toBe('main.(*Cache).Put')
    expect(v.expiredWaivers).toEqual([
      {
        subject: 'main.(*Cache).Put',
        metric: 'inuse_space',
        reason: 'cache doubled on purpose, see #123',
        expires: '2026-06-14',
      },
    ])
    // Reported even when it matches nothing.
    const clean = makeDiff({ totals: { inuse_space: [40 * MiB, 40 * MiB] } })
    expect(evaluate(clean, only(waiver('2026-01-01')), TODAY).verdict.expiredWaivers).toHaveLength(
      1,
    )
  })
})

describe('evaluate: verdicts', () => {
  test('without a baseline: never fails, ceilings still listed', () => {
    const diff = makeDiff({
      hasBaseline: false,
      totals: { inuse_space: [null, 300 * MiB] },
      allocators: [{ fn: 'main.(*Cache).Put', values: [null, 120 * MiB] }],
    })
    const policy = loadPolicy('limits:\n  - inuse_space < 200MiB\n', FILE)
    const v = evaluate(diff, policy, TODAY).verdict
    expect(v.status).toBe('no-baseline')
    expect(v.violations).toEqual([
      expect.objectContaining({ kind: 'max', subject: 'inuse_space', baseline: null, delta: null }),
    ])
  })

  test('violations: ceilings, then totals, then the rest by delta; each (rule, subject, metric) once', () => {
    const policy = only(`rules:
  - metric: inuse_space
    max-increase: 10%
    max: 50MiB
  - allocator: "*"
    metric: inuse_space
    max-increase: 1%
  - metric: HeapInuse
    max-increase: 10%
`)
    const v = evaluate(leakyCacheDiff(), policy, TODAY).verdict
    expect(v.violations.map((x) => [x.rule, x.kind, x.subject])).toEqual([
      ['rules[0]', 'max', 'inuse_space'],
      ['rules[2]', 'max-increase', 'HeapInuse'],
      ['rules[1]', 'max-increase', 'main.(*Cache).Put'],
      ['rules[1]', 'max-increase', 'encoding/json.(*decodeState).literalStore'],
      ['rules[1]', 'max-increase', 'runtime/pprof.(*profileBuilder).emitLocation'],
    ])
  })

  test('configured rules that judge nothing are warnings; defaults stay quiet', () => {
    const diff = makeDiff({
      totals: { inuse_space: [40 * MiB, 41 * MiB] },
      packages: [{ fn: 'main', pkg: 'main', values: [MiB, MiB] }],
    })
    const policy = loadPolicy(
      'rules:\n  - metric: inuse_space\n    max: 1GiB\n  - name: goroutines\n    metric: Goroutines\n    max: 10k\n  - allocator: "nope.*"\n    metric: inuse_space\n    max: 1GiB\n  - package: "github.com/acme/*"\n    metric: inuse_space\n    max: 1GiB\n',
      FILE,
    )
    const v = evaluate(diff, policy, TODAY).verdict
    expect(v.warnings.map((w) => w.message)).toEqual([
      'goroutines: metric Goroutines is in no input; rule skipped',
      'rules[2]: no function in the inputs has inuse_space; rule skipped',
      'rules[3]: package pattern "github.com/acme/*" matches no package with inuse_space',
    ])
    expect(v.status).toBe('pass')
  })
})

describe('changed: did memory move notably?', () => {
  test('a figure moving past its rule floor, up or down, is a change; noise under it is not', () => {
    const policy = loadPolicy(
      'defaults: false\nrules:\n  - metric: inuse_space\n    max-increase: 50%\n    min-change: 4MiB\n',
      'p.yml',
    )
    const at = (b: number, c: number) =>
      evaluate(makeDiff({ totals: { inuse_space: [b * MiB, c * MiB] } }), policy, '2026-06-15')
        .verdict
    expect(at(40, 42).changed).toBe(false)
    expect(at(40, 45).changed).toBe(true)
    expect(at(40, 30).changed).toBe(true)
    expect(at(40, 45).status).toBe('pass')
  })
})
