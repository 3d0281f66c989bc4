import { readFileSync } from 'node:fs'
import { loadPolicy } from '../../src/policy/config.js'

describe('the policies users copy are valid', () => {
  test('examples/gomem-gate.yml', () => {
    const policy = loadPolicy(
      readFileSync('examples/gomem-gate.yml', 'utf8'),
      'examples/gomem-gate.yml',
    )
    expect(policy.rules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['cache-live-heap', 'encoder-churn']),
    )
  })

  test("docs/policy.md's complete example policy", () => {
    const doc = readFileSync('docs/policy.md', 'utf8')
    const section = doc.slice(doc.indexOf('# Policy'))
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1]
    const policy = loadPolicy(yaml, 'docs/policy.md')
    expect(policy.waivers).toHaveLength(1)
    expect(policy.rules.some((r) => r.scope === 'package')).toBe(true)
  })
})
