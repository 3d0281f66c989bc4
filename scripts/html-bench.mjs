// npm run bench:html: renders the HTML report of the demo pair and of the generated pairs
// (fixtures/go/bigprofile/generate.sh, in GOMEM_GATE_BENCH_DIR, default .bench) with the
// bundled CLI (dist/cli.js: `npm run bundle` first), loads each page in chromium and prints
// its size, the compare's wall time and the page's parse and first-draw times (measured in
// the page with performance.now(), the draw up to a forced layout).
//   BENCH_HTML_PAIRS  comma-separated, default demo,mid,big (a missing pair is skipped)
/* global document -- read inside the page */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_MISSING, hasChromium, launch, openReport } from './html-browser.mjs'

if (!hasChromium()) {
  console.error(CHROMIUM_MISSING)
  process.exit(1)
}
const dir = process.env.GOMEM_GATE_BENCH_DIR ?? '.bench'
const run = (name) => [`fixtures/${name}.pb.gz`, `fixtures/${name}.memstats.json`]
const PAIRS = {
  demo: ['-b', ...run('baseline-seed1'), '-c', ...run('leak-cache')],
  mid: ['-b', join(dir, 'mid-base.pb.gz'), '-c', join(dir, 'mid-cand.pb.gz')],
  big: ['-b', join(dir, 'big-base.pb.gz'), '-c', join(dir, 'big-cand.pb.gz')],
}
const names = (process.env.BENCH_HTML_PAIRS ?? 'demo,mid,big').split(',').filter(Boolean)
const tmp = mkdtempSync(join(tmpdir(), 'gomem-gate-html-bench-'))
const browser = await launch()
try {
  for (const name of names) {
    const args = PAIRS[name]
    if (!args) throw new Error(`unknown pair ${name}: use ${Object.keys(PAIRS).join(', ')}`)
    const files = args.filter((a) => !a.startsWith('-'))
    if (!files.every((f) => existsSync(f))) {
      console.log(
        `${name}: skipped, no ${files.join(' / ')} (bash fixtures/go/bigprofile/generate.sh)`,
      )
      continue
    }
    const out = join(tmp, `${name}.html`)
    const started = Date.now()
    try {
      execFileSync(process.execPath, ['dist/cli.js', 'compare', ...args, '-f', 'html', '-o', out])
    } catch (err) {
      if (err.status !== 1) throw err // 1: a regression, the page is written
    }
    const compareMs = Date.now() - started
    const html = readFileSync(out, 'utf8')
    const { tab, errors, parseMs, drawMs, loadMs } = await openReport(browser, html)
    const frames = await tab.evaluate(() => document.getElementById('flame')?.dataset.frames)
    await tab.close()
    console.log(
      `${name}: ${Buffer.byteLength(html).toLocaleString('en-US')} bytes, compare ${compareMs} ms, ` +
        `load ${loadMs} ms, parse ${parseMs} ms, first draw ${drawMs} ms, ${frames ?? 0} frames drawn` +
        (errors.length > 0 ? `, errors: ${errors.join('; ')}` : ''),
    )
  }
} finally {
  await browser.close()
  rmSync(tmp, { recursive: true, force: true })
}
