import { diff } from '../../src/analysis/index.js'
import { GateError } from '../../src/errors.js'
import { evaluate, loadPolicy } from '../../src/policy/index.js'
import { snapshot } from '../helpers/fixtures.js'

const run = (name: string) => [snapshot(`${name}.pb.gz`), snapshot(`${name}.memstats.json`)]
const judge = (policy: string, candidate = 'drop-buffers') =>
  evaluate(diff(run('baseline-seed1'), run(candidate)), loadPolicy(policy, 'p.yml'), '2026-11-26')
    .verdict

describe('memory classes and derived figures are metrics', () => {
  test('"retained idle heap must not grow more than 20%" catches dropped buffers', () => {
    const v = judge(
      'defaults: false\nrules:\n  - metric: retained_idle\n    max-increase: 20%\n    min-change: 8MiB\n',
    )
    expect(v.status).toBe('fail')
    expect(v.violations.map((x) => x.metric)).toEqual(['retained_idle'])
    expect(
      judge(
        'defaults: false\nrules:\n  - metric: live_heap\n    max-increase: 20%\n    min-change: 8MiB\n',
      ).status,
    ).toBe('pass')
  })

  test('"RSS < 512MiB" and a ceiling on memory outside Go', () => {
    expect(
      judge('limits:\n  - RSS < 512MiB\n').violations.filter((x) => x.metric === 'RSS'),
    ).toEqual([])
    const v = judge('defaults: false\nlimits:\n  - RSS < 20MiB\n  - outside_go < 1GiB\n')
    expect(v.violations.map((x) => x.metric)).toEqual(['RSS'])
  })

  test('profile coverage is a fraction a rule can bound', () => {
    const v = judge('defaults: false\nlimits:\n  - profile_coverage <= 1%\n')
    expect(v.violations.map((x) => x.metric)).toEqual(['profile_coverage'])
  })
})

describe('the leaks section of a config', () => {
  test('values are read', () => {
    const p = loadPolicy(
      'leaks:\n  min-snapshots: 6\n  min-growth: 8MiB\n  min-goroutines: 50\n  confidence: 99%\n  fail: false\n',
      'p.yml',
    )
    expect(p.leaks).toMatchObject({
      minSnapshots: 6,
      minGrowthBytes: 8 * 1024 * 1024,
      minGrowthGoroutines: 50,
      fail: false,
    })
    expect(p.leaks.alpha).toBeCloseTo(0.01)
  })
  test.each([
    ['leaks:\n  min-snapshots: 2\n', /p\.yml:2: leaks\.min-snapshots/],
    ['leaks:\n  min-growth: lots\n', /p\.yml:2: leaks\.min-growth/],
    ['leaks:\n  confidence: 0.95\n', /p\.yml:2: leaks\.confidence/],
    ['leaks:\n  fial: true\n', /p\.yml:2: leaks\.fial: unknown key/],
  ])('%j is refused with its line', (text, message) => {
    try {
      loadPolicy(text, 'p.yml')
      throw new Error('accepted')
    } catch (err) {
      expect(err).toBeInstanceOf(GateError)
      expect((err as GateError).message).toMatch(message)
    }
  })
})
