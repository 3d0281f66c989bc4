// Names from a profile are attacker-controlled on a pull request from a fork.
import type { Diff } from '../../src/analysis/types.js'
import { render } from '../../src/report/index.js'
import { warning } from '../../src/warnings.js'
import { cells, failVerdict, input, leakDiff, leakViolations, row, tableAfter } from './helpers.js'

const MiB = 1024 * 1024
const HOSTILE = [
  'main.(*T).Put|<img src=x onerror=alert(1)>',
  '@octocat please look at #1',
  '<!-- gomem-gate -->',
  '```evil',
  '[click](http://evil)',
  '**bold**',
  'line1\n## injected heading\r\n| a | b |',
  'main.\u001b[31mRED\u001b]0;title\u0007',
]

function hostileDiff(): Diff {
  const d = leakDiff()
  const rows = HOSTILE.map((name, i) =>
    row(name, MiB, (20 - i) * MiB, {
      stack: [
        { function: name, file: '<!-- x -->/```/@octocat.go', line: 1 },
        { function: 'main.main', file: 'main.go', line: 2 },
      ],
    }),
  )
  d.allocators = rows
  d.packages = [row('@octocat|<b>', MiB, 2 * MiB)]
  d.files = d.files.map((f) =>
    f.side === 'baseline' && f.format === 'pprof'
      ? { ...f, source: "base/it's\n```\n@octocat`$(id)`.pb.gz" }
      : f,
  )
  d.warnings = [warning('no-symbols', '<img src=x> from @octocat')]
  return d
}

function hostileVerdict() {
  const v = failVerdict()
  v.violations = [{ ...leakViolations()[1], rule: '| @octocat |', subject: HOSTILE[0] }]
  v.waived[0] = {
    ...v.waived[0],
    waiver: { reason: '<!-- hide --> #1 @team', expires: '2026-12-31' },
  }
  v.policySource = '<b>.gomem-gate.yml</b>'
  return v
}

describe('hostile names in markdown', () => {
  const md = render(input(hostileDiff(), hostileVerdict()), 'markdown')

  test('no HTML, no comment, no ping, no issue link survives', () => {
    expect(md).not.toMatch(/<img|<b>|<!--/)
    // GitHub does not link mentions inside a code block: only the shell command may keep one.
    const outsideCode = md.replace(/^````sh\n[^]*?\n````$/m, '')
    expect(outsideCode).not.toBe(md)
    expect(outsideCode).not.toMatch(/@octocat|@team/)
    expect(md).not.toMatch(/#1\b/)
    // Markdown is not parsed inside the raw HTML of a stack; everywhere else links are escaped.
    const outsideHtml = md.replace(/^<details><summary>Heaviest[^]*?<\/details>$/gm, '')
    expect(outsideHtml).toContain('\\[click\\]\\(http:&#8203;//evil\\)')
    // GFM autolinks `http://` whatever the escapes: the scheme is broken outside the HTML too.
    expect(outsideHtml).not.toContain('http://evil')
    expect(outsideHtml).not.toMatch(/\]\(http/)
    expect(md).not.toContain('**bold**')
  })

  test('a pipe never splits a table row', () => {
    const growers = tableAfter(md, 'Allocators')
    for (const r of growers) expect(cells(r)).toHaveLength(4)
    expect(growers).toHaveLength(2 + HOSTILE.length)
    for (const r of tableAfter(md, '| Cause |')) expect(cells(r)).toHaveLength(4)
    for (const r of tableAfter(md, 'All ')) expect(cells(r)).toHaveLength(6)
    for (const r of tableAfter(md, 'Packages')) expect(cells(r)).toHaveLength(4)
  })

  test('newlines cannot start a heading or a row of their own', () => {
    expect(md).not.toMatch(/^#+ injected/m)
    expect(md).not.toMatch(/^\| a \| b \|/m)
    for (const l of md.split('\n').filter((l) => l.startsWith('### ') || l.startsWith('#### ')))
      expect(l).toMatch(/^#{3,4} [^#]/)
  })

  test('the only code fence is the pprof one, and nothing closes it early', () => {
    const fences = md.split('\n').filter((l) => /^ {0,3}(`{3,}|~{3,})/.test(l))
    expect(fences).toHaveLength(2)
    const [open, close] = fences
    expect(open.replace(/sh$/, '')).toBe(close)
    const body = md.split(open + '\n')[1].split('\n' + close)[0]
    expect(body.split('\n')).toHaveLength(2)
    expect(body).toContain(`-diff_base='base/it'\\''s \`\`\` @octocat\`$(id)\`.pb.gz'`)
  })

  test('stacks are escaped inside <pre> and <summary>', () => {
    expect(md).toContain(
      '<details><summary>Heaviest stack: main.(*T).Put|&lt;img src=x onerror=alert(1)&gt;</summary>',
    )
    expect(md).toContain('&lt;!-- x --&gt;/&#96;&#96;&#96;/@&#8203;octocat.go:1')
    const pre = md
      .split('<pre>\n')
      .slice(1)
      .map((p) => p.split('\n</pre>')[0])
    for (const block of pre) for (const l of block.split('\n')) expect(l).toMatch(/ \(.*:\d+\)$/)
  })
})

describe('hostile names in text', () => {
  test('escape sequences from a profile are stripped, colour or not', () => {
    for (const color of [false, true]) {
      const text = render(input(hostileDiff(), hostileVerdict(), { color }), 'text')
      expect(text).not.toContain('\u001b[31mRED')
      expect(text).not.toContain('\u001b]0;')
      expect(text).not.toContain('\u0007')
      expect(text).toContain('main.[31mRED]0;title')
      if (!color) expect(text).not.toContain('\u001b')
    }
  })

  test('a newline in a name stays on its line', () => {
    const text = render(input(hostileDiff(), hostileVerdict()), 'text')
    expect(text).not.toMatch(/^## injected/m)
    expect(text).toContain('line1 ## injected heading  | a | b |')
  })
})

describe('hostile names in JSON', () => {
  test('stay raw and parse back exactly', () => {
    const json = JSON.parse(render(input(hostileDiff(), hostileVerdict()), 'json'))
    expect(json.allocators.map((a: { function: string }) => a.function)).toEqual(HOSTILE)
    expect(json.policy).toBe('<b>.gomem-gate.yml</b>')
  })
})
