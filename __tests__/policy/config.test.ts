import { BUILT_IN_SOURCE, loadPolicy } from '../../src/policy/config.js'
import { DEFAULT_RULES } from '../../src/policy/defaults.js'
import { KiB, MiB } from './diffs.js'

const FILE = '.github/gomem-gate.yml'

const FULL = `version: 1
defaults: true
rules:
  - name: heap-in-use
    metric: inuse_space
    max-increase: 10%
    min-change: 1MiB
    max: 200MiB
  - allocator: "github.com/acme/svc/cache.*"
    metric: inuse_space
    max-increase: 25%
    min-change: 512KiB
  - package: "regex:^github\\\\.com/acme/"
    metric: alloc_space
    max-increase: 50%
  - metric: inuse_objects
    max-increase: 30%
    min-change: 1000 objects
  - metric: PauseTotalNs
    max: 50ms
  - metric: GCCPUFraction
    max: 5%
limits:
  - inuse_space < 200MiB
  - Goroutines <= 10k
ignore:
  - "runtime/pprof.*"
waivers:
  - subject: "main.(*Cache).Put"
    metric: inuse_space
    reason: "cache doubled on purpose, see #123"
    expires: 2026-12-31
`

describe('loadPolicy', () => {
  test('no config file means the built-in defaults', () => {
    const p = loadPolicy(undefined, FILE)
    expect(p.source).toBe(BUILT_IN_SOURCE)
    expect(p.rules).toEqual(DEFAULT_RULES)
    expect(p.ignore).toEqual([])
    expect(p.waivers).toEqual([])
  })

  test('an empty or comments-only file means the defaults, attributed to the file', () => {
    for (const text of ['', '\n', '# nothing yet\n', '---\n']) {
      const p = loadPolicy(text, FILE)
      expect(p.source).toBe(FILE)
      expect(p.rules).toEqual(DEFAULT_RULES)
    }
  })

  test('reads every kind of rule, limits, ignore and waivers', () => {
    const p = loadPolicy(FULL, FILE)
    const byId = new Map(p.rules.map((r) => [r.id, r]))
    expect(byId.get('heap-in-use')).toMatchObject({
      scope: 'total',
      metric: 'inuse_space',
      maxIncrease: 0.1,
      minChange: MiB,
      max: 200 * MiB,
      line: 4,
    })
    const alloc = byId.get('rules[1]')
    expect(alloc).toMatchObject({
      scope: 'allocator',
      metric: 'inuse_space',
      minChange: 512 * KiB,
      line: 9,
    })
    expect(alloc?.match?.test('github.com/acme/svc/cache.(*LRU).Put')).toBe(true)
    const pkg = byId.get('rules[2]')
    expect(pkg).toMatchObject({ scope: 'package', metric: 'alloc_space', maxIncrease: 0.5 })
    expect(pkg?.match?.test('github.com/acme/svc')).toBe(true)
    expect(byId.get('rules[3]')).toMatchObject({ scope: 'total', minChange: 1000 })
    expect(byId.get('rules[4]')).toMatchObject({ scope: 'memstats', max: 50_000_000 })
    expect(byId.get('rules[5]')?.max).toBeCloseTo(0.05)
    expect(byId.get('limits[0]')).toMatchObject({
      scope: 'total',
      metric: 'inuse_space',
      max: 200 * MiB,
    })
    expect(byId.get('limits[1]')).toMatchObject({
      scope: 'memstats',
      metric: 'Goroutines',
      max: 10_000,
    })
    expect(p.ignore.map((m) => m.text)).toEqual(['runtime/pprof.*'])
    expect(p.waivers).toEqual([
      expect.objectContaining({
        metric: 'inuse_space',
        reason: 'cache doubled on purpose, see #123',
        expires: '2026-12-31',
        line: 29,
      }),
    ])
    expect(p.waivers[0].match.test('main.(*Cache).Put')).toBe(true)
  })

  test('a user rule replaces the default with the same scope, metric and pattern; limits only add', () => {
    const p = loadPolicy(FULL, FILE)
    const ids = p.rules.map((r) => r.id)
    expect(ids).not.toContain('default:inuse_space') // replaced by heap-in-use
    expect(ids).toContain('default:allocator:inuse_space') // the cache.* rule is narrower
    expect(ids).toEqual(expect.arrayContaining(['default:alloc_space', 'default:Goroutines']))

    const all = loadPolicy(
      'rules:\n  - allocator: "*"\n    metric: inuse_space\n    max-increase: 10%\n',
      FILE,
    )
    // It replaces the inuse_space allocator rule; the alloc_space one stays.
    expect(all.rules.filter((r) => r.scope === 'allocator').map((r) => r.id)).toEqual([
      'default:allocator:alloc_space',
      'rules[0]',
    ])

    const limitOnly = loadPolicy('limits:\n  - HeapInuse < 1GiB\n', FILE)
    expect(limitOnly.rules.map((r) => r.id)).toEqual([
      ...DEFAULT_RULES.map((r) => r.id),
      'limits[0]',
    ])
  })

  test('defaults: false keeps only the rules in the file', () => {
    const p = loadPolicy('defaults: false\nlimits:\n  - inuse_space < 1GiB\n', FILE)
    expect(p.rules.map((r) => r.id)).toEqual(['limits[0]'])
  })

  test('expires may arrive as a YAML 1.1 timestamp (a Date) or a string', () => {
    const text =
      '%YAML 1.1\n---\nwaivers:\n  - subject: main.f\n    reason: ok\n    expires: 2026-01-31\n'
    expect(loadPolicy(text, FILE).waivers[0].expires).toBe('2026-01-31')
    const quoted = 'waivers:\n  - subject: main.f\n    reason: ok\n    expires: "2026-01-31"\n'
    expect(loadPolicy(quoted, FILE).waivers[0].expires).toBe('2026-01-31')
  })

  test('quantities follow the metric unit', () => {
    const p = loadPolicy(
      `defaults: false
rules:
  - metric: alloc_objects
    max-increase: 10%
    min-change: 10k
  - metric: NumGC
    max: 1000
  - metric: HeapInuse
    max: 1048576
  - metric: HeapInuse
    max: 1.5MiB
`,
      FILE,
    )
    expect(p.rules.map((r) => r.minChange ?? r.max)).toEqual([10_000, 1000, MiB, 1.5 * MiB])
  })
})
