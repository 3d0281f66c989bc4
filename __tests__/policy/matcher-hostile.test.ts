// Patterns and names a fork controls: matching must stay linear in the name whatever the
// pattern, names are cut at MAX_NAME_LENGTH, oversized or non-RE2 patterns are refused at load.
// The jest timeout is the hang guard: nothing here measures time.
import { readdirSync } from 'node:fs'
import { GateError } from '../../src/errors.js'
import { capName, matchKey, MAX_NAME_LENGTH } from '../../src/formats/names.js'
import { loadPolicy } from '../../src/policy/index.js'
import { compileMatcher, MAX_PATTERN_LENGTH } from '../../src/policy/matcher.js'
import { isIgnored } from '../../src/policy/ignore.js'
import { runFromSources } from '../helpers/cli-sources.js'
import { tempFile } from '../helpers/cli.js'
import { decoded, fixturePath as fx } from '../helpers/fixtures.js'
import { renamedProfile } from '../helpers/rewrite.js'
import type { AllocatorChange } from '../../src/analysis/types.js'

/** The glob matcher before it was replaced: a JavaScript RegExp, the reference semantics. */
function oldGlob(text: string): (name: string) => boolean {
  const globChar = (c: string) =>
    c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
  const re = new RegExp(`^${text.split('').map(globChar).join('')}$`)
  return (name) => re.test(name)
}

/** Every function name of every pprof heap fixture, as the reader gives them. */
function fixtureNames(): string[] {
  const names = new Set<string>()
  for (const file of readdirSync(fx('.'))) {
    if (
      !file.endsWith('.pb.gz') ||
      !/seed|leak|churn|drop/.test(file) ||
      file.includes('goroutine')
    )
      continue
    for (const f of decoded(file).frames.functions) names.add(f.name)
  }
  return [...names]
}

const NAMES = fixtureNames()
const PUT = NAMES.find((n) => n === 'main.(*Cache).Put')!
// 'main.(' and 'Cache).' cut from the real name.
const HEAD = PUT.slice(0, PUT.indexOf('*'))
const CACHE = PUT.slice(PUT.indexOf('*') + 1, PUT.lastIndexOf('.') + 1)
const LONG_CACHE = HEAD + CACHE.repeat(100_000)

describe('the glob matcher is the old one, run in linear time', () => {
  // The patterns of docs/policy.md and examples/gomem-gate.yml, and the forms they take.
  const PATTERNS = [
    'github.com/acme/svc/cache.*',
    'main.(*Cache).*',
    'main.(*debugServer).*',
    'runtime/pprof',
    'main.makeRequests',
    '*',
    '**',
    '?',
    '?*?',
    '*Cache*Put*',
    'main.(*Cache).?ut',
    'main.*.func*',
    'compress/*',
    '*flate.(*huffmanBitWriter).write*',
    '*.Write',
    'main.f?',
    'a+b|c',
    'pkg.Map[...].Get',
    'main.(*Cache).Put',
    '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a',
    'ma*in*',
    '*.*.*',
    'main.*main',
  ]
  // Real names, their packages, and edge cases: overlap of prefix and suffix, terminators.
  const names = [
    ...NAMES,
    ...NAMES.map((n) => n.slice(0, n.lastIndexOf('.'))),
    ...NAMES.map((n) => n.slice(1)),
    '',
    'a',
    'main.main',
    'main.\n.Write',
    'main.(*Cache).\nPut',
    'main.(*Cache).\u2028',
    'main.(*Cache).',
    'compress/\r',
    '\uD83D\uDE00',
    'a'.repeat(40),
  ]

  test(`${PATTERNS.length} patterns × ${names.length} names agree`, () => {
    expect(NAMES.length).toBeGreaterThan(40)
    let matched = 0
    for (const p of PATTERNS) {
      const old = oldGlob(p)
      const now = compileMatcher(p, 'test')
      for (const n of names) {
        const want = old(n)
        if (now.test(n) !== want) throw new Error(`${JSON.stringify(p)} on ${JSON.stringify(n)}`)
        if (want) matched++
      }
    }
    expect(matched).toBeGreaterThan(200)
  })

  test('a random sample of generated patterns agree on generated names', () => {
    let seed = 7
    const rand = (k: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % k
    }
    const alphabet = ['a', 'b', '.', '*', '?', '\n']
    const word = (len: number, chars: string[]) =>
      Array.from({ length: len }, () => chars[rand(chars.length)]).join('')
    for (let i = 0; i < 3000; i++) {
      const p = word(1 + rand(6), alphabet)
      const n = word(rand(9), ['a', 'b', '.', '\n'])
      expect([p, n, compileMatcher(p, 't').test(n)]).toEqual([p, n, oldGlob(p)(n)])
    }
  })
})

describe('hostile names against config patterns (loadPolicy + matching)', () => {
  const policy = loadPolicy(
    [
      'rules:',
      "  - allocator: 'main.(*Cache).*'",
      '    metric: inuse_space',
      '    max-increase: 50%',
      'ignore:',
      "  - '*Cache*Put*'",
      "  - 'regex:^(a+)+$'",
      "  - '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*ab'",
      '',
    ].join('\n'),
    'gate.yml',
  )
  const rule = policy.rules.find((r) => r.match?.text === 'main.(*Cache).*')!
  const [putAnywhere, aPlus, manyStars] = policy.ignore
  const row = (fn: string) => ({ function: fn, package: '' }) as AllocatorChange

  test(`main.(*Cache).* on ${LONG_CACHE.length} characters of ${JSON.stringify(CACHE)}`, () => {
    expect(LONG_CACHE.length).toBeGreaterThan(100_000)
    // 'main.(' then any run then 'Cache).' then any run: the name is exactly that.
    expect(rule.match!.test(LONG_CACHE)).toBe(true)
    expect(rule.match!.test(HEAD + CACHE.replace('.', '').repeat(100_000))).toBe(false)
    expect(rule.match!.test(PUT)).toBe(true)
  })

  test('*Cache*Put* in ignore on a long name without Put, and with it at the end', () => {
    expect(isIgnored({ ignore: [putAnywhere] }, row(LONG_CACHE))).toBe(false)
    expect(isIgnored({ ignore: [putAnywhere] }, row(LONG_CACHE + 'Put'))).toBe(true)
    expect(isIgnored({ ignore: [putAnywhere] }, row(PUT))).toBe(true)
  })

  test('regex:^(a+)+$ runs on RE2: no catastrophic backtracking', () => {
    const as = 'a'.repeat(100_000)
    expect(aPlus.test(as + 'b')).toBe(false)
    expect(aPlus.test(as)).toBe(true)
    expect(aPlus.test(PUT)).toBe(false)
  })

  test('a 15-star glob on 100,000 characters', () => {
    const as = 'a'.repeat(100_000)
    expect(manyStars.test(as)).toBe(false)
    expect(manyStars.test(as + 'b')).toBe(true)
    expect(manyStars.test(PUT)).toBe(false)
  })

  test('patterns over the cap are refused naming the key and line, showing 40 characters', () => {
    const huge = 'main.(*Cache).' + 'x'.repeat(10 * 1024 * 1024)
    let err: unknown
    try {
      loadPolicy(`ignore:\n  - runtime/pprof\n  - '${huge}'\n`, 'gate.yml')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(GateError)
    const msg = (err as GateError).message
    expect((err as GateError).code).toBe('CONFIG_INVALID')
    expect(msg).toMatch(
      /^gate\.yml:3: ignore\[1\]: the pattern is 10485774 characters \(at most 1000\)/,
    )
    expect(msg).toContain(JSON.stringify(huge.slice(0, 40)))
    expect(msg).not.toContain('x'.repeat(41))
    expect(msg.split('\n')).toHaveLength(1)
    expect(msg.length).toBeLessThan(300)
    expect(() => compileMatcher('*'.repeat(MAX_PATTERN_LENGTH), 't')).not.toThrow()
    expect(() => compileMatcher('*'.repeat(MAX_PATTERN_LENGTH + 1), 't')).toThrow(GateError)
  })

  test.each([
    ['regex:(a)\\1', 'backreferences are not supported'],
    ['regex:Cache(?=Put)', 'lookaround is not supported'],
    ['/(?<!main)Put/', 'lookaround is not supported'],
  ])('%s is refused at load: RE2 has no such thing', (pattern, why) => {
    let err: unknown
    try {
      loadPolicy(
        `waivers:\n  - subject: '${pattern}'\n    reason: r\n    expires: 2027-06-30\n`,
        'gate.yml',
      )
    } catch (e) {
      err = e
    }
    expect((err as GateError).code).toBe('CONFIG_INVALID')
    const msg = (err as GateError).message
    expect(msg).toMatch(/^gate\.yml:2: waivers\[0\]\.subject: /)
    expect(msg).toContain(why)
    expect(msg.split('\n')).toHaveLength(1)
  })
})

describe('names are cut at MAX_NAME_LENGTH when read', () => {
  test('once, with a marker, and folding still works on what is kept', () => {
    const cut = capName(LONG_CACHE)
    expect(cut.length).toBeLessThanOrEqual(MAX_NAME_LENGTH)
    expect(cut.startsWith(LONG_CACHE.slice(0, 4000))).toBe(true)
    const kept = cut.indexOf('…[cut ')
    expect(cut.slice(kept)).toBe(`…[cut ${LONG_CACHE.length - kept} chars]`)
    expect(capName(cut)).toBe(cut)
    expect(capName(PUT)).toBe(PUT)
    expect(matchKey(LONG_CACHE)).toBe(cut)
    expect(matchKey('main.(*Server).Serve.func1')).toBe('main.(*Server).Serve.func*')
    const closure = 'main.F.func1' + '.1'.repeat(3000)
    expect(matchKey(closure)).toMatch(/^main\.F\.func\*\.?…\[cut \d+ chars\]$/)
  })
})

describe('end to end: a profile whose function name is hostile', () => {
  const hostile = LONG_CACHE + 'Put'
  const candidate = tempFile(
    'hostile-long.pb.gz',
    renamedProfile('leak-cache.pb.gz', (n) => (n === PUT ? hostile : n)),
  )
  const config = tempFile(
    'gate.yml',
    [
      'rules:',
      "  - allocator: 'main.(*Cache).*'",
      '    metric: inuse_space',
      '    max-increase: 50%',
      '    min-change: 16MiB',
      'ignore:',
      "  - '*Cache*Put*'",
      "  - 'regex:^(a+)+$'",
      '',
    ].join('\n'),
  )

  /** The JSON report of `candidate` against the real baseline, under the hostile config. */
  const judged = (candidate: string) =>
    runFromSources([
      'compare',
      '-f',
      'json',
      '--config',
      config,
      '-b',
      fx('baseline-seed1.pb.gz'),
      '-c',
      candidate,
    ])

  test('the CLI finishes, judges the cut name and never prints the whole of it', async () => {
    const r = await judged(candidate)
    expect(r.stderr).toBe('')
    const j = JSON.parse(r.stdout)
    const cut = capName(hostile)
    expect(cut.length).toBeLessThanOrEqual(MAX_NAME_LENGTH)
    const names: string[] = j.allocators.map((a: { function: string }) => a.function)
    expect(names).toContain(cut)
    expect(names.every((n) => n.length <= MAX_NAME_LENGTH)).toBe(true)
    // The cut name lost its Put: *Cache*Put* no longer covers it, main.(*Cache).* judges it.
    expect(r.status).toBe(1)
    const onCut = j.violations.filter((v: { subject: string }) => v.subject === cut)
    expect(onCut.map((v: { rule: string }) => v.rule)).toContain('rules[0]')
  })

  test('without the hostile name the same profile is judged the same way', async () => {
    const r = await judged(fx('leak-cache.pb.gz'))
    expect(r.status).toBe(1)
    // The real name keeps its Put, so `ignore: *Cache*Put*` covers it.
    const j = JSON.parse(r.stdout)
    expect(j.allocators.map((a: { function: string }) => a.function)).not.toContain(PUT)
  })

  test('stack frames in the report carry the cut name too', async () => {
    const r = await runFromSources(['compare', '-f', 'json', '-c', candidate])
    const j = JSON.parse(r.stdout)
    const frames: string[] = j.allocators.flatMap((a: { stack: { function: string }[] }) =>
      a.stack.map((f) => f.function),
    )
    expect(frames).toContain(capName(hostile))
    expect(frames.every((n) => n.length <= MAX_NAME_LENGTH)).toBe(true)
  })
})
