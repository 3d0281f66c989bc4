import { GateError, type ErrorCode } from '../../src/errors.js'
import { loadPolicy } from '../../src/policy/config.js'

const FILE = '.github/gomem-gate.yml'

/** Loads `text` expecting a GateError; checks code, file:line prefix and that it is one line. */
function configError(text: string, code: ErrorCode, line: number): string {
  let err: unknown
  try {
    loadPolicy(text, FILE)
  } catch (e) {
    err = e
  }
  expect(err).toBeInstanceOf(GateError)
  const gate = err as GateError
  expect(gate.code).toBe(code)
  expect(gate.message.startsWith(`${FILE}:${line}: `)).toBe(true)
  expect(gate.message).not.toContain('\n')
  expect(gate.oneLine()).not.toContain('\n')
  return gate.message
}

const RULES = `version: 1
rules:
  - name: heap
    metric: inuse_space
    max-increase: 10%
  - allocator: "main.*"
    metric: inuse_space
`

describe('config errors point at the file, line and key', () => {
  test('a percentage that is not one (the docs/policy.md example)', () => {
    const msg = configError(`${RULES}    max-increase: ten\n`, 'CONFIG_INVALID', 8)
    expect(msg).toBe(`${FILE}:8: rules[1].max-increase: "ten" is not a percentage; use e.g. 10%`)
  })

  test('a plain number is not a percentage (10 would mean 1000%)', () => {
    configError(`${RULES}    max-increase: 10\n`, 'CONFIG_INVALID', 8)
  })

  test('an unknown key (a typo) lists the allowed keys', () => {
    const msg = configError(`${RULES}    max-increse: 10%\n`, 'CONFIG_INVALID', 8)
    expect(msg).toContain(
      'rules[1].max-increse: unknown key; allowed: name, profile, metric, allocator',
    )
    const top = configError('version: 1\nrule:\n  - metric: inuse_space\n', 'CONFIG_INVALID', 2)
    expect(top).toContain(
      'rule: unknown key; allowed: version, defaults, confidence, rules, limits, ignore, waivers, leaks',
    )
  })

  test('an unknown metric lists the allowed ones', () => {
    const msg = configError('rules:\n  - metric: heapinuse\n    max: 1GiB\n', 'CONFIG_INVALID', 2)
    expect(msg).toContain('rules[0].metric: "heapinuse" is not a metric; allowed: alloc_objects')
    expect(msg).toContain('HeapInuse')
    const alloc = configError(
      'rules:\n  - allocator: "*"\n    metric: HeapInuse\n    max: 1GiB\n',
      'CONFIG_INVALID',
      3,
    )
    expect(alloc).toContain('not a heap profile sample type')
  })

  test('a bad quantity says which unit the metric uses', () => {
    const msg = configError(
      `${RULES}    max-increase: 5%\n    min-change: 5 parsecs\n`,
      'CONFIG_INVALID',
      9,
    )
    expect(msg).toContain('rules[1].min-change: "5 parsecs" is not a size in bytes')
    expect(msg).toContain('512KiB')
    configError('limits:\n  - inuse_space < lots\n', 'CONFIG_INVALID', 2)
    configError('limits:\n  - Goroutines < 10MiB\n', 'CONFIG_INVALID', 2)
    configError('limits:\n  - inuse_space > 10MiB\n', 'CONFIG_INVALID', 2)
    configError('limits:\n  - inuse_spice < 10MiB\n', 'CONFIG_INVALID', 2)
  })

  test('a bad regex names its key', () => {
    const msg = configError('ignore:\n  - "main.*"\n  - "regex:(unclosed"\n', 'CONFIG_INVALID', 3)
    expect(msg).toContain('ignore[1]: "regex:(unclosed" is not a valid regular expression')
    configError(
      `${RULES}    max-increase: 5%\n  - package: /[a-/\n    metric: alloc_space\n    max: 1GiB\n`,
      'CONFIG_INVALID',
      9,
    )
  })

  test('YAML syntax errors are CONFIG_SYNTAX with their line', () => {
    const indent = configError(
      'rules:\n  - metric: inuse_space\n   max: 1GiB\n',
      'CONFIG_SYNTAX',
      3,
    )
    expect(indent).toContain('invalid YAML')
    configError('rules:\n\t- metric: inuse_space\n', 'CONFIG_SYNTAX', 2)
    configError('version: 1\nversion: 1\n', 'CONFIG_SYNTAX', 2)
    // An unquoted glob starting with * is a YAML alias.
    const alias = configError('ignore:\n  - *Cache*\n', 'CONFIG_SYNTAX', 2)
    expect(alias).toContain('quote')
  })

  test('waivers need a reason and an expiry date', () => {
    const head = 'waivers:\n  - subject: main.f\n'
    const noReason = configError(`${head}    expires: 2026-12-31\n`, 'CONFIG_INVALID', 2)
    expect(noReason).toContain('waivers[0].reason: missing')
    const noExpiry = configError(`${head}    reason: on purpose\n`, 'CONFIG_INVALID', 2)
    expect(noExpiry).toContain('waivers[0].expires: missing')
    configError(`${head}    reason: ""\n    expires: 2026-12-31\n`, 'CONFIG_INVALID', 3)
    const bad = configError(`${head}    reason: ok\n    expires: 2026-02-30\n`, 'CONFIG_INVALID', 4)
    expect(bad).toContain('waivers[0].expires: "2026-02-30" is not a date; use YYYY-MM-DD')
    configError(`${head}    reason: ok\n    expires: next year\n`, 'CONFIG_INVALID', 4)
    configError(
      `${head}    reason: ok\n    expires: 2026-12-31\n    metric: Heap\n`,
      'CONFIG_INVALID',
      5,
    )
  })

  test('rule shape: a limit is required, min-change needs max-increase, one pattern only', () => {
    configError('rules:\n  - metric: inuse_space\n', 'CONFIG_INVALID', 2)
    configError(
      'rules:\n  - metric: inuse_space\n    max: 1GiB\n    min-change: 1MiB\n',
      'CONFIG_INVALID',
      4,
    )
    configError(
      'rules:\n  - allocator: "*"\n    package: "*"\n    metric: inuse_space\n    max: 1GiB\n',
      'CONFIG_INVALID',
      3,
    )
    configError('rules:\n  - max: 1GiB\n', 'CONFIG_INVALID', 2)
    configError(`${RULES}    max: 1GiB\n    name: heap\n`, 'CONFIG_INVALID', 9)
  })

  test('top level: a mapping, version 1, boolean defaults, lists', () => {
    configError('- metric: inuse_space\n', 'CONFIG_INVALID', 1)
    configError('just text\n', 'CONFIG_INVALID', 1)
    configError('version: 2\n', 'CONFIG_INVALID', 1)
    configError('# policy\ndefaults: yes please\n', 'CONFIG_INVALID', 2)
    configError('rules:\n  metric: inuse_space\n', 'CONFIG_INVALID', 2)
  })
})

describe('a key that is given must say something valid', () => {
  const LEAK_KEYS = ['fail', 'min-snapshots', 'min-growth', 'min-goroutines', 'confidence']
  const NOT_VALUES: [string, string][] = [
    ['[1, 2]', 'a list'],
    ['{a: 1}', 'a mapping'],
    ['~', 'nothing'],
    ["''", '""'],
  ]
  for (const key of LEAK_KEYS) {
    test.each(NOT_VALUES)(`leaks.${key}: %s is refused, never taken as the default`, (v, what) => {
      const msg = configError(`version: 1\nleaks:\n  ${key}: ${v}\n`, 'CONFIG_INVALID', 3)
      expect(msg).toContain(`leaks.${key}: ${what} is not allowed`)
    })
  }

  const huge = '9'.repeat(400)
  test.each([
    [`max-increase: ${huge}%`, 'is not a percentage'],
    [`max: ${huge}MiB`, 'is not a size in bytes'],
    ['max: 99999999999999999999', 'is not a size in bytes'],
    [`max: "${huge}"`, 'is not a size in bytes'],
  ])('%s (past 2^53) is refused, never read as Infinity', (line, problem) => {
    const msg = configError(
      `version: 1\nrules:\n  - metric: inuse_space\n    ${line}\n`,
      'CONFIG_INVALID',
      4,
    )
    expect(msg).toContain(problem)
  })

  test.each([`min-growth: ${huge}MiB`, `min-goroutines: ${huge}`])(
    'leaks.%s is refused',
    (line) => {
      configError(`version: 1\nleaks:\n  ${line}\n`, 'CONFIG_INVALID', 3)
    },
  )
})

test('a key with control characters is shown escaped, on one line', () => {
  // Found by the fuzz campaign: bit flips in docs/leaks.md's YAML put \x01 and ESC into a key.
  const msg = configError('leaks:\n  "min-\\u001b[2Ksnap\\rshots\\n": 3\n', 'CONFIG_INVALID', 2)
  expect(msg).toContain('leaks.min-\\u001b[2Ksnap\\u000dshots\\u000a: unknown key')
  // eslint-disable-next-line no-control-regex
  expect(msg).not.toMatch(/[\x00-\x1f]/)
})
