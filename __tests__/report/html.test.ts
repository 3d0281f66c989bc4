// The HTML report's structure: one self-contained page (nothing fetched, a CSP), its flame
// graph data (round-trips, matches the totals, pruned), and names from a profile never markup.
import { runFromSources } from '../helpers/cli-sources.js'
import { fixturePath } from '../helpers/fixtures.js'
import {
  DEMO,
  demoReport,
  flameJson,
  HOSTILE_NAMES,
  hostileReport,
  htmlReport,
  withoutData,
} from '../helpers/html-report.js'
import { embedJson } from '../../src/report/html/flame-tree.js'
import { PAGE_CSP } from '../../src/report/html/page.js'
import { escapeHtmlText, stripControls } from '../../src/report/escape.js'

const demo = await demoReport()
const hostile = await hostileReport()

describe('the HTML report of the demo pair', () => {
  test('is one self-contained page: a CSP, nothing loaded from anywhere', () => {
    expect(demo.startsWith('<!doctype html>')).toBe(true)
    expect(demo).toContain(`<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`)
    const page = withoutData(demo)
    expect(page).not.toMatch(/\b(src|href|action|srcset)\s*=/i)
    expect(page).not.toMatch(/<(link|iframe|object|embed|img|base)\b/i)
    expect(page).not.toMatch(/@import|url\(|https?:\/\//i)
  })

  test('is small', () => {
    expect(Buffer.byteLength(demo)).toBeLessThan(200 * 1024)
  })

  test('shows the verdict, the findings, the memory breakdown and the MemStats', () => {
    expect(demo).toContain('<h1 class="status-fail">gomem-gate: memory regression')
    expect(demo).toMatch(/<h3>Violations<\/h3>[^]*main\.\(\*Cache\)\.Put/)
    expect(demo).toContain('<section id="memory"><h2>Where the memory is</h2>')
    expect(demo).toMatch(/<details><summary>MemStats \(\d+ fields\)<\/summary>/)
    expect(demo).toContain('<section id="flamegraph">')
    expect(demo).toMatch(
      /<h2>Top growing allocators \(inuse_space\)<\/h2>[^]*<code>main\.\(\*Cache\)\.Put<\/code>/,
    )
    expect(demo).toMatch(/<summary>Inputs \(4 files\)<\/summary>/)
  })

  test('embeds the flame graph data: a tree rooted at the totals, parents first', async () => {
    const data = flameJson(demo)!
    const json = JSON.parse((await runFromSources(['compare', ...DEMO, '-f', 'json'])).stdout)
    expect(data.focus).toBe(json.focus)
    expect(data.types.map((t) => t.name)).toEqual(Object.keys(json.totals))
    data.types.forEach((t, i) => {
      expect(data.candidate[i][0]).toBe(Math.round(json.totals[t.name].candidate))
      expect(data.baseline[i][0]).toBe(Math.round(json.totals[t.name].baseline))
    })
    expect(data.names[data.name[0]]).toBe('all')
    expect(data.parent[0]).toBe(-1)
    data.parent.slice(1).forEach((p, i) => expect(p).toBeLessThan(i + 1))
    // A frame holds at least its children.
    const f = data.types.findIndex((t) => t.name === data.focus)
    const sums = new Array<number>(data.parent.length).fill(0)
    data.parent.forEach((p, i) => p >= 0 && (sums[p] += data.candidate[f][i]))
    sums.forEach((s, i) => expect(s).toBeLessThanOrEqual(data.candidate[f][i] + 1))
    expect(data.names).toContain('main.(*Cache).Put')
    const put = data.name.findIndex((n) => data.names[n] === 'main.(*Cache).Put')
    expect(data.candidate[f][put]).toBeGreaterThan(data.baseline[f][put])
    expect(data.text[f][put]).toMatch(/^[\d.]+ \w+ → [\d.]+ \w+\t\+[\d.]+ \w+ \(\+\d+%\)$/)
  })
})

describe('names from a profile', () => {
  test('are never markup: the JSON holds no <, > or & and nothing outside it comes from a name', () => {
    const m = /id="flame-data">([^]*?)<\/script>/.exec(hostile)!
    expect(m[1]).not.toMatch(/[<>&\u2028\u2029]/)
    const page = withoutData(hostile)
    expect(page).not.toMatch(/<img|<a\s|<script>alert|<!--|="?javascript:/i)
    expect(page).not.toMatch(/<[a-z][^>]*\son\w+=/i)
    expect(page.split('<script').length - 1).toBe(2)
  })

  test('reach the page intact as data, controls and bidi overrides dropped', () => {
    const names = flameJson(hostile)!.names
    for (const name of Object.values(HOSTILE_NAMES)) expect(names).toContain(stripControls(name))
  })

  test('are escaped in the findings table', () => {
    expect(hostile).toContain(
      'main.(*Cache).Put&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&lt;!--',
    )
  })
})

describe('pages without a flame graph or a baseline', () => {
  test('MemStats only: no flame data, no script, a note', async () => {
    const page = await htmlReport([
      '-b',
      fixturePath('baseline-seed1.memstats.json'),
      '-c',
      fixturePath('leak-cache.memstats.json'),
    ])
    expect(flameJson(page)).toBeUndefined()
    expect(page).not.toContain('<script')
    expect(page).toContain('No call stacks')
  })

  test('benchmarks: their table, no flame graph', async () => {
    const page = await htmlReport([
      '-b',
      fixturePath('bench-baseline.txt'),
      '-c',
      fixturePath('bench-candidate.txt'),
    ])
    expect(page).toMatch(/<section id="benchmarks"><h2>Benchmarks<\/h2>[^]*<td>Benchmark\w+/)
    expect(flameJson(page)).toBeUndefined()
  })

  test('no baseline: the data says so and holds the candidate only', async () => {
    const page = await htmlReport(['-c', fixturePath('leak-cache.pb.gz')])
    const data = flameJson(page)!
    expect(data.hasBaseline).toBe(false)
    expect(data.baseline.flat().every((v) => v === 0)).toBe(true)
    expect(page).toContain('No baseline: width is the candidate')
  })

  test('a series: the leak chart is an inline SVG with a legend', async () => {
    const page = await htmlReport(['--series', fixturePath('series/leak') + '/*'])
    expect(page).toMatch(
      /<section id="series"><h2>Leak series<\/h2>[^]*<svg class="series"[^]*<polyline/,
    )
    expect(page).toMatch(/<ul class="legend"><li>/)
  })
})

test('embedJson: nothing can close the script element, and the value round-trips', () => {
  const value = { s: '</script><!-- & \u2028\u2029 >' }
  const text = embedJson(value)
  expect(text).not.toMatch(/[<>&\u2028\u2029]/)
  expect(JSON.parse(text)).toEqual(value)
})

test('escapeHtmlText: markup as entities, controls dropped, nothing added for GitHub', () => {
  expect(escapeHtmlText(`<img src=x onerror="a('1')">&\u001b[31m\u202e @x #1`)).toBe(
    '&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt;&amp;[31m @x #1',
  )
})
