import { GateError } from '../../src/errors.js'
import { compileMatcher } from '../../src/policy/matcher.js'

describe('compileMatcher', () => {
  test('a glob matches the whole name; * crosses / and ., Go punctuation is literal', () => {
    const m = compileMatcher('main.(*Cache).*', 'test')
    expect(m.test('main.(*Cache).Put')).toBe(true)
    expect(m.test('main.(*Cache).evict.func1')).toBe(true)
    expect(m.test('main.Cache.Put')).toBe(false)
    expect(m.test('xmain.(*Cache).Put')).toBe(false)
    expect(compileMatcher('github.com/acme/*', 't').test('github.com/acme/svc/cache.New')).toBe(
      true,
    )
    expect(compileMatcher('pkg.Map[...].Get', 't').test('pkg.Map[...].Get')).toBe(true)
    expect(compileMatcher('pkg.Map[...].Get', 't').test('pkg.Map[.].Get')).toBe(false)
    expect(compileMatcher('main.f?', 't').test('main.f1')).toBe(true)
    expect(compileMatcher('main.f?', 't').test('main.f12')).toBe(false)
    expect(compileMatcher('a+b|c', 't').test('a+b|c')).toBe(true)
  })

  test('regex:... and /.../ are unanchored regular expressions', () => {
    const m = compileMatcher('regex:^github\\.com/acme/', 't')
    expect(m.test('github.com/acme/svc')).toBe(true)
    expect(m.test('githubXcom/acme/svc')).toBe(false)
    expect(compileMatcher('/Cache\\)\\.(Put|Get)$/', 't').test('main.(*Cache).Get')).toBe(true)
    expect(compileMatcher('/Cache/', 't').text).toBe('/Cache/')
  })

  test('an invalid regex is a CONFIG_INVALID error naming where it was written', () => {
    let err: unknown
    try {
      compileMatcher('regex:(unclosed', 'gate.yml:4: ignore[0]')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(GateError)
    expect((err as GateError).code).toBe('CONFIG_INVALID')
    expect((err as GateError).message).toMatch(
      /^gate\.yml:4: ignore\[0\]: "regex:\(unclosed" is not/,
    )
    expect(() => compileMatcher('', 'x')).toThrow(GateError)
    expect(() => compileMatcher('regex:', 'x')).toThrow(GateError)
  })
})
