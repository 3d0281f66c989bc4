// Opens an HTML report in the system's chromium through playwright-core: the one browser
// setup shared by the browser test, the screenshot and the bench of the HTML report.
//
// CHROMIUM names the browser (default /usr/bin/chromium; `apt-get install -y chromium`).
/* global document -- read inside the page */
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

/** The chromium binary used. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'

/** Why a browser check cannot run, and how to make it run. */
export const CHROMIUM_MISSING = `chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM`

/** Whether the chromium binary exists. */
export function hasChromium() {
  return existsSync(CHROMIUM)
}

/** Starts a headless chromium. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--font-render-hinting=none'] })
}

/**
 * Loads `html` in a new tab of `browser` and waits for the flame graph's first draw. Returns
 * the tab, every console error and page error seen, the in-page parse and draw times (ms,
 * measured by the page's script with performance.now()) and the load time seen from outside.
 */
export async function openReport(browser, html, { width = 1200, height = 900 } = {}) {
  const tab = await browser.newPage({ viewport: { width, height } })
  const errors = []
  tab.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`)
  })
  tab.on('pageerror', (e) => errors.push(`page: ${e.message}`))
  tab.on('request', (r) => {
    if (!r.url().startsWith('data:') && r.url() !== 'about:blank')
      errors.push(`request: ${r.url()}`)
  })
  const started = Date.now()
  await tab.setContent(html, { waitUntil: 'load' })
  const loadMs = Date.now() - started
  const times = await tab.evaluate(() => ({
    drawMs: Number(document.documentElement.dataset.drawMs ?? NaN),
    parseMs: Number(document.documentElement.dataset.parseMs ?? NaN),
  }))
  return { tab, errors, loadMs, ...times }
}
