// npm run screenshot:html: photographs the flame graph of the demo pair's HTML report for the
// README, with the tooltip of the leaking function showing.
//
//   node scripts/screenshot-html.mjs [--output docs/images/flamegraph.png] [--width 1000]
//
// The page comes from the bundled CLI (dist/cli.js: `npm run bundle` first) and is opened by
// the browser code the browser test uses (scripts/html-browser.mjs: the system's chromium,
// CHROMIUM, through playwright-core).
/* global document, window -- the crop is measured inside the page */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { launch, openReport } from './html-browser.mjs'

const { values: opts } = parseArgs({
  options: {
    output: { type: 'string', default: 'docs/images/flamegraph.png' },
    width: { type: 'string', default: '1000' },
    hover: { type: 'string', default: 'main.(*Cache).Put' },
  },
})

const run = (name) => [`fixtures/${name}.pb.gz`, `fixtures/${name}.memstats.json`]
const tmp = mkdtempSync(join(tmpdir(), 'gomem-gate-shot-'))
const out = join(tmp, 'report.html')
try {
  execFileSync(process.execPath, [
    'dist/cli.js',
    'compare',
    ...['-b', ...run('baseline-seed1'), '-c', ...run('leak-cache')],
    ...['-f', 'html', '-o', out],
  ])
} catch (err) {
  if (err.status !== 1) throw err // 1: the demo is a regression; the page is written
}
const browser = await launch()
try {
  const { tab, errors } = await openReport(browser, readFileSync(out, 'utf8'), {
    width: Number(opts.width),
    height: 1200,
  })
  if (errors.length > 0) throw new Error(`the page has errors: ${errors.join('; ')}`)
  const at = await tab.evaluate((name) => {
    const el = [...document.querySelectorAll('#flame .frame')].find((f) => f.textContent === name)
    const r = el?.getBoundingClientRect()
    return r ? { x: r.x + Math.min(r.width / 2, 240), y: r.y + r.height / 2 } : undefined
  }, opts.hover)
  if (at) await tab.mouse.move(at.x, at.y)
  const clip = await tab.evaluate(() => {
    const section = document.getElementById('flamegraph').getBoundingClientRect()
    const tip = document.getElementById('flame-tip')
    const bottom = Math.max(section.bottom, tip.hidden ? 0 : tip.getBoundingClientRect().bottom)
    return {
      x: 0,
      y: section.top + window.scrollY - 8,
      width: document.body.clientWidth,
      height: Math.ceil(bottom - section.top + 16),
    }
  })
  mkdirSync(dirname(opts.output), { recursive: true })
  await tab.screenshot({ path: opts.output, clip, fullPage: true })
  const kib = Math.round(statSync(opts.output).size / 1024)
  console.log(`${opts.output}: ${clip.width}x${clip.height} px, ${kib} KiB`)
} finally {
  await browser.close()
  rmSync(tmp, { recursive: true, force: true })
}
