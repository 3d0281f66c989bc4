import { matchKey, packageOf } from '../../src/analysis/index.js'

describe('matching functions across builds', () => {
  test('closure numbers fold into one key per enclosing function', () => {
    expect(matchKey('main.(*Server).handle.func1')).toBe('main.(*Server).handle.func*')
    expect(matchKey('main.(*Server).handle.func3')).toBe('main.(*Server).handle.func*')
    expect(matchKey('main.run.func2.1')).toBe('main.run.func*')
    expect(matchKey('main.run.gowrap1')).toBe('main.run.gowrap*')
    expect(matchKey('github.com/a/b.init.func7')).toBe('github.com/a/b.init.func*')
  })

  test('named functions keep their name', () => {
    expect(matchKey('main.(*Cache).Put')).toBe('main.(*Cache).Put')
    expect(matchKey('main.funcy')).toBe('main.funcy')
    expect(matchKey('main.function1Helper')).toBe('main.function1Helper')
  })

  test('package of a symbol', () => {
    expect(packageOf('main.(*Cache).Put')).toBe('main')
    expect(packageOf('github.com/acme/svc/cache.(*LRU).Put')).toBe('github.com/acme/svc/cache')
    expect(packageOf('gopkg.in/yaml%2ev3.(*parser).parse')).toBe('gopkg.in/yaml.v3')
    expect(packageOf('encoding/json.Marshal')).toBe('encoding/json')
    expect(packageOf('main.Map[go.shape.string,github.com/x/y.T]')).toBe('main')
    expect(packageOf('0x4a1b2c')).toBe('')
  })
})
