// Screenshots a markdown report as GitHub shows it in a pull request comment, for the README.
//
//   node scripts/screenshot-comment.mjs [--input fixtures/golden/demo-leak.md]
//        [--output docs/images/comment.png] [--until 'heading text'] [--width 900]
//
// The markdown is rendered by cmark-gfm with GitHub's extensions (what github.com runs),
// styled with a small stylesheet in the manner of GitHub's light theme, and photographed in
// the system's chromium (CHROMIUM, default /usr/bin/chromium) through playwright-core. The
// picture is the whole comment as a reviewer first sees it: the verdict, the findings and
// every <details> block closed (a chart inside one is drawn by GitHub, not by cmark-gfm);
// --until ends it above the heading or summary of that text instead.
// Needs `apt-get install -y cmark-gfm chromium fonts-noto-color-emoji` (the emoji of the verdict).
/* global document -- the crop is measured inside the page */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'

const { values: opts } = parseArgs({
  options: {
    input: { type: 'string', default: 'fixtures/golden/demo-leak.md' },
    output: { type: 'string', default: 'docs/images/comment.png' },
    until: { type: 'string', default: '' },
    width: { type: 'string', default: '900' },
  },
})

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; padding: 8px; background: #fff; color: #1f2328;
    font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial,
      sans-serif; }
  .comment { border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
  .header { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0;
    color: #59636e; }
  .header b { color: #1f2328; }
  .bot { margin-left: 4px; padding: 0 6px; border: 1px solid #d1d9e0; border-radius: 2em;
    font-size: 12px; }
  .body { padding: 16px; }
  .body > :first-child { margin-top: 0; }
  h3, h4 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
  h3 { font-size: 1.25em; }
  h4 { font-size: 1em; }
  p, table, pre, details { margin: 0 0 16px; }
  a { color: #0969da; text-decoration: none; }
  code, pre { font: 12px/1.45 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas,
    "Liberation Mono", monospace; }
  code { padding: .2em .4em; border-radius: 6px; background: rgba(129, 139, 152, .12);
    font-size: 85%; }
  pre { padding: 16px; overflow: auto; border-radius: 6px; background: #f6f8fa; }
  pre code { padding: 0; background: none; font-size: 100%; }
  table { display: block; width: max-content; max-width: 100%; overflow: auto;
    border-spacing: 0; border-collapse: collapse; font-variant-numeric: tabular-nums; }
  th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
  th { font-weight: 600; }
  tr { background: #fff; border-top: 1px solid #d1d9e0; }
  tr:nth-child(2n) { background: #f6f8fa; }
  summary { cursor: pointer; margin-bottom: 8px; }
  details { margin: 0 0 8px; }
  sub { color: #59636e; font-size: 12px; }
`

function render(markdown) {
  const r = spawnSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'tagfilter', '-e', 'strikethrough'],
    { input: markdown, encoding: 'utf8' },
  )
  if (r.error || r.status !== 0) {
    throw new Error(
      `cmark-gfm failed: ${r.error?.message ?? r.stderr}; apt-get install -y cmark-gfm`,
    )
  }
  return r.stdout
}

const page = `<!doctype html><meta charset="utf-8"><style>${STYLE}</style>
<div class="comment">
  <div class="header"><b>github-actions</b><span class="bot">bot</span> commented</div>
  <div class="body">${render(readFileSync(opts.input, 'utf8'))}</div>
</div>`

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--font-render-hinting=none'],
})
try {
  const tab = await browser.newPage({ viewport: { width: Number(opts.width), height: 800 } })
  await tab.setContent(page)
  const clip = await tab.evaluate((until) => {
    const box = document.querySelector('.comment').getBoundingClientRect()
    const stop = until
      ? [...document.querySelectorAll('.body h3, .body h4, .body > details > summary')].find((h) =>
          h.textContent.trim().startsWith(until),
        )
      : undefined
    const bottom = stop ? stop.getBoundingClientRect().top : box.bottom
    // The comment with the page's margin around it; it ends with the last row above `until`.
    const y = box.top - 8
    const end = stop ? bottom : bottom + 8
    return { x: 0, y, width: document.body.clientWidth, height: Math.ceil(end - y) }
  }, opts.until)
  mkdirSync(dirname(opts.output), { recursive: true })
  await tab.screenshot({ path: opts.output, clip, fullPage: true })
  const kib = Math.round(statSync(opts.output).size / 1024)
  console.log(`${opts.output}: ${clip.width}x${clip.height} px, ${kib} KiB`)
} finally {
  await browser.close()
}
