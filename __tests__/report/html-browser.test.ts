// The HTML report in a real browser (playwright-core driving the system's chromium): it loads
// without errors and fetches nothing, draws frames, search highlights, a click zooms, the
// sample-type switch redraws, tooltips show the change; hostile names stay text. With
// GOMEM_GATE_BENCH_DIR (fixtures/go/bigprofile/generate.sh's pairs) it also loads the big pages.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { CHROMIUM_MISSING, hasChromium, launch, openReport } from '../../scripts/html-browser.mjs'
import { stripControls } from '../../src/report/escape.js'
import { demoReport, HOSTILE_NAMES, hostileReport, htmlReport } from '../helpers/html-report.js'

const browserThere = hasChromium()
const skipping = !browserThere && process.env.CI !== 'true'
if (skipping) console.warn(`HTML report browser tests skipped: ${CHROMIUM_MISSING}`)
const suite = skipping ? describe.skip : describe

/** Clicks (or hovers) the middle of the first drawn frame named `name`. */
async function pointAt(tab: Page, name: string, click: boolean): Promise<void> {
  const box = await tab.evaluate((n) => {
    const el = [...document.querySelectorAll('#flame .frame')].find((f) => f.textContent === n)
    const r = el?.getBoundingClientRect()
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : undefined
  }, name)
  if (!box) throw new Error(`no frame named ${name}`)
  if (click) await tab.mouse.click(box.x, box.y)
  else await tab.mouse.move(box.x, box.y)
}

const flame = (tab: Page) =>
  tab.evaluate(() => {
    const box = document.getElementById('flame')!
    const frames = [...box.querySelectorAll<HTMLElement>('.frame')]
    return {
      type: box.dataset.type,
      zoom: box.dataset.zoom,
      count: frames.length,
      matches: box.querySelectorAll('.frame.match').length,
      widths: frames.map((f) => `${f.textContent}:${f.style.width}`).join('|'),
      crumbs: document.getElementById('flame-crumbs')!.textContent,
    }
  })

suite(`the HTML report in chromium${skipping ? ` (skipped: ${CHROMIUM_MISSING})` : ''}`, () => {
  let browser: Browser
  beforeAll(async () => {
    if (!browserThere) throw new Error(`${CHROMIUM_MISSING} (CI=true: the browser tests must run)`)
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
  })

  test('the demo pair: loads cleanly, draws, searches, zooms, switches, explains', async () => {
    const { tab, errors, drawMs } = await openReport(browser, await demoReport())
    expect(errors).toEqual([])
    expect(drawMs).toBeGreaterThan(0)
    const first = await flame(tab)
    expect(first.type).toBe('inuse_space')
    expect(first.zoom).toBe('all')
    expect(first.count).toBeGreaterThan(5)

    await pointAt(tab, 'main.(*Cache).Put', false)
    const tip = await tab.locator('#flame-tip').innerText()
    expect(tip).toMatch(/^main\.\(\*Cache\)\.Put\ninuse_space: [\d.]+ \w+ → [\d.]+ \w+\nΔ \+/)

    await tab.fill('#flame-search', 'Cache')
    const searched = await flame(tab)
    expect(searched.matches).toBeGreaterThan(0)
    expect(await tab.locator('#flame-matches').innerText()).toMatch(
      /frames? match(es)?: [1-9][\d.]*% of inuse_space/,
    )
    await tab.fill('#flame-search', '')

    await pointAt(tab, 'main.(*Cache).Put', true)
    const zoomed = await flame(tab)
    expect(zoomed.zoom).toBe('main.(*Cache).Put')
    expect(zoomed.crumbs).toContain('all › ')
    expect(zoomed.widths).toContain('main.(*Cache).Put:100%')
    await tab.click('#flame-reset')
    expect((await flame(tab)).zoom).toBe('all')

    await tab.selectOption('#flame-type', { label: 'alloc_space' })
    const switched = await flame(tab)
    expect(switched.type).toBe('alloc_space')
    expect(switched.widths).not.toBe(first.widths)
    await tab.close()
  })

  test('hostile names: no element or handler comes from a name, the name shows as text', async () => {
    const { tab, errors } = await openReport(browser, await hostileReport())
    expect(errors).toEqual([])
    const dom = await tab.evaluate(() => ({
      injected: document.querySelectorAll('img, iframe, a, object, embed, [onerror], [onclick]')
        .length,
      scripts: document.scripts.length,
      names: [...document.querySelectorAll('#flame .frame')].map((f) => f.textContent),
    }))
    expect(dom.injected).toBe(0)
    expect(dom.scripts).toBe(2)
    expect(dom.names).toContain(stripControls(HOSTILE_NAMES['main.(*Cache).Put']))
    await tab.close()
  })

  const bench = process.env.GOMEM_GATE_BENCH_DIR
  const pairs = ['mid', 'big'].filter(
    (p) =>
      bench &&
      existsSync(join(bench, `${p}-base.pb.gz`)) &&
      existsSync(join(bench, `${p}-cand.pb.gz`)),
  )
  if (pairs.length === 0) {
    test.skip('generated big pairs (set GOMEM_GATE_BENCH_DIR to the output of fixtures/go/bigprofile/generate.sh)', () => {})
  }
  for (const pair of pairs) {
    test(`the generated ${pair} pair: under 5 MB, loads cleanly, draws`, async () => {
      const page = await htmlReport([
        '-b',
        join(bench!, `${pair}-base.pb.gz`),
        '-c',
        join(bench!, `${pair}-cand.pb.gz`),
      ])
      const { tab, errors, drawMs, parseMs } = await openReport(browser, page)
      console.log(
        `${pair}: ${Buffer.byteLength(page)} bytes, parse ${parseMs} ms, first draw ${drawMs} ms`,
      )
      expect(Buffer.byteLength(page)).toBeLessThan(5 * 1000 * 1000)
      expect(errors).toEqual([])
      expect((await flame(tab)).count).toBeGreaterThan(1)
      await tab.close()
    }, 120_000)
  }
})
