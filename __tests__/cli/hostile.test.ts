import { cli, tempFile } from '../helpers/cli.js'
import { fixturePath as fx } from '../helpers/fixtures.js'
import { renamedProfile } from '../helpers/rewrite.js'

// A fork controls the profile it uploads: its function names are attacker-chosen text.
const HOSTILE =
  'main.(*Cache).Put|<img src=x onerror=alert(1)> @octocat #1 <!-- gomem-gate --> ```\n[x](http://evil) \u001b[31mred'

describe('hostile function names from a profile', () => {
  const path = tempFile(
    'hostile.pb.gz',
    renamedProfile('leak-cache.pb.gz', (n) => (n === 'main.(*Cache).Put' ? HOSTILE : n)),
  )

  test('cannot inject HTML, mentions, comments or table cells into the markdown report', () => {
    const r = cli(['compare', '-f', 'markdown', '-b', fx('baseline-seed1.pb.gz'), '-c', path])
    expect(r.status).toBe(1)
    const md = r.stdout
    expect(md).not.toContain('<img')
    expect(md).not.toContain('<!--')
    expect(md).not.toMatch(/(^|[^\w&;])@octocat/)
    // A raw link may only appear inside an HTML block (<summary>, <pre>), where GitHub
    // renders no markdown; everywhere else it must be escaped.
    let inPre = false
    for (const line of md.split('\n')) {
      if (line === '<pre>') inPre = true
      if (line === '</pre>') inPre = false
      if (line.includes('](http://evil)')) {
        expect(inPre || line.startsWith('<details><summary>')).toBe(true)
      }
    }
    expect(md).not.toContain('\u001b')
    // The finding row keeps its 4 cells, the violation rows (inuse_space and alloc_space)
    // their 6 and the grower row its 4: `|` split nothing.
    const rows = md.split('\n').filter((l) => l.includes('octocat') && l.startsWith('|'))
    expect(rows.map((row) => row.split(/(?<!\\)\|/).length - 2)).toEqual([4, 6, 6, 4])
  })

  test('cannot send escape sequences to the terminal', () => {
    const r = cli(['compare', '-b', fx('baseline-seed1.pb.gz'), '-c', path])
    expect(r.stdout).toContain('octocat')
    expect(r.stdout).not.toContain('\u001b')
  })

  test('JSON keeps the raw name, safely encoded', () => {
    const r = cli(['compare', '-f', 'json', '-b', fx('baseline-seed1.pb.gz'), '-c', path])
    const j = JSON.parse(r.stdout)
    expect(j.allocators[0].function).toBe(HOSTILE)
  })
})
