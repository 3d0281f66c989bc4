// A merged verdict of matrix shards in every report: the Shards table, each violation's part,
// and the failure line naming failing and unjudged shards. Names from profiles stay escaped.
import { failureLine, render } from '../../src/report/index.js'
import { partOf } from '../../src/report/wording.js'
import type { Verdict } from '../../src/policy/types.js'
import { hasCmarkGfm, renderGfm, visibleText } from '../helpers/gfm.js'
import { failVerdict, input, leakDiff, passVerdict } from './helpers.js'

const merged = (): Verdict => {
  const v = failVerdict()
  return {
    ...v,
    violations: v.violations.map((x) => ({ ...x, shard: 'linux-b' })),
    shards: [
      { name: 'linux-a', status: 'pass', violations: 0 },
      { name: 'linux-b', status: 'fail', violations: v.violations.length },
      {
        name: 'linux-c',
        status: 'missing',
        violations: 0,
        problem: 'no shard artifact was uploaded in this run',
      },
    ],
  }
}

describe('partOf', () => {
  test('names the shard, the profile, or both; nothing for the whole program', () => {
    expect(partOf({})).toBeUndefined()
    expect(partOf({ shard: 'linux-a' })).toBe('shard linux-a')
    expect(partOf({ profile: 'example.com/shop/cache' })).toBe('example.com/shop/cache')
    expect(partOf({ shard: 'linux-a', profile: 'example.com/shop/cache' })).toBe(
      'shard linux-a, example.com/shop/cache',
    )
  })
})

describe('a merged verdict', () => {
  test('markdown: a Shards table and the shard on each violation', () => {
    const md = render(input(leakDiff(), merged()), 'markdown')
    expect(md).toContain('#### Shards')
    expect(md).toMatch(/\| linux\\?-a \| pass \| 0 \| — \|/)
    expect(md).toMatch(/\| linux\\?-b \| ❌ fail \| \d+ \|/)
    expect(md).toMatch(
      /\| linux\\?-c \| ⚠️ missing \| — \| no shard artifact was uploaded in this run \|/,
    )
    expect(md).toMatch(/· shard linux\\?-b/)
  })

  test('no Shards table without shards', () => {
    expect(render(input(leakDiff(), failVerdict()), 'markdown')).not.toContain('Shards')
    expect(render(input(leakDiff(), passVerdict()), 'text')).not.toContain('Shards')
  })

  test('text: the table and the shard beside the subject; the verdict names the missing one', () => {
    const text = render(input(leakDiff(), merged(), { width: 200 }), 'text')
    expect(text).toMatch(/^Shards$/m)
    expect(text).toMatch(/^ {2}linux-c +missing +— +no shard artifact was uploaded in this run$/m)
    expect(text).toMatch(/main\.\(\*Cache\)\.Put \(shard linux-b\)/)
    expect(text.split('\n')[0]).toMatch(/not judged: shard linux-c missing/)
  })

  test('json: shards and each violation’s shard, schemaVersion 1', () => {
    const json = JSON.parse(render(input(leakDiff(), merged()), 'json'))
    expect(json.schemaVersion).toBe(1)
    expect(json.shards.map((s: { status: string }) => s.status)).toEqual([
      'pass',
      'fail',
      'missing',
    ])
    expect(json.violations.every((v: { shard?: string }) => v.shard === 'linux-b')).toBe(true)
    const plain = JSON.parse(render(input(leakDiff(), failVerdict()), 'json'))
    expect('shards' in plain).toBe(false)
    expect(plain.violations.some((v: object) => 'shard' in v)).toBe(false)
  })

  test('the failure line names the failing and the missing shards', () => {
    const line = failureLine(merged())
    expect(line).toMatch(/\(shard linux-b\)/)
    expect(line).toMatch(
      /; shard linux-b failed the check; not judged: shard linux-c missing \(no shard artifact was uploaded in this run\)$/,
    )
    const onlyMissing: Verdict = { ...merged(), violations: [], leakSuspects: [] }
    expect(failureLine(onlyMissing)).toBe(
      'gomem-gate: not every shard was judged: shard linux-c missing (no shard artifact was uploaded in this run); shard linux-b failed the check',
    )
  })

  test('an untrusted profile name is escaped where the part is written', () => {
    const v = merged()
    v.violations = v.violations.map((x) => ({ ...x, profile: 'evil|<img src=x> @octocat' }))
    const md = render(input(leakDiff(), v), 'markdown')
    expect(md).not.toContain('<img')
    expect(md).not.toMatch(/(^|[^\w&;])@octocat/)
    expect(md).not.toContain('evil|')
    const text = render(
      input(
        leakDiff(),
        { ...v, violations: v.violations.map((x) => ({ ...x, profile: 'a\u001b[31mb' })) },
        { width: 200 },
      ),
      'text',
    )
    expect(text).not.toContain('\u001b')
  })

  test('GitHub renders the Shards table as a table (cmark-gfm)', () => {
    if (!hasCmarkGfm()) return
    const html = renderGfm(render(input(leakDiff(), merged()), 'markdown'))
    const table = html.split('<h4>Shards</h4>')[1].split('</table>')[0]
    expect(table).toContain('<th align="left">Shard</th>')
    expect(visibleText(table)).toContain('linux-c')
    expect(table.match(/<tr>/g)).toHaveLength(4)
  })
})
