// Every way GitHub's renderer (cmark-gfm with its autolink extension) turns plain text into a
// link, tried as a function name in each place a report puts one: a table cell, a sentence,
// raw HTML (<pre>, <summary>). Each name is first shown to become a link unescaped, so
// the case is real; escaped, none may.
import { escapeHtml, escapeMarkdown } from '../../src/report/escape.js'
import { CMARK_GFM_MISSING, hasCmarkGfm, linksIn, renderGfm } from '../helpers/gfm.js'

/** Names that autolink as plain text: schemes, IP forms, bare and single-label hosts, www. */
const LINKING = [
  'http://1249717606/phish', // a decimal IP
  'http://0x4a7d5a46/x', // hex
  'http://0112.0175.0132.0106/', // octal
  'http://localhost:8080/debug',
  'https://intranet/x', // a single-label host
  'http://evil%2eexample/x',
  'http://evil\uFF0Eexample/', // full-width dot
  'HTTP://EVIL.EXAMPLE',
  'ftp://files.example/x',
  'www.evil.example',
  'main.(*T).http://x.example/y',
  'x(www.evil.example)',
  'a@evil.example',
  'a.b-c_d@e.f.example',
  'mailto:a@evil.example',
  'xmpp:a@evil.example/x',
]
/** Names GitHub leaves alone even raw; escaped, they must stay so. */
const NOT_LINKING = [
  'WwW.evil.example/path',
  'evil.example',
  'javascript:alert(1)',
  'http%3A%2F%2Fevil',
  'www\uFF0Eevil',
]

const places = (name: string, esc: (s: string) => string, html: (s: string) => string) =>
  [
    `| function | growth |\n|---|---|\n| ${esc(name)} | +1 MiB |`,
    `The top grower is ${esc(name)}, up 1 MiB.`,
    `<details><summary>${html(name)}</summary>\n<pre>\n${html(name)} (main.go:1)\n</pre>\n</details>`,
  ].join('\n\n') + '\n'

const cmark = hasCmarkGfm() ? describe : describe.skip
if (!hasCmarkGfm()) {
  if (process.env.CI === 'true') throw new Error(CMARK_GFM_MISSING)
  console.warn(`links.test.ts skipped: ${CMARK_GFM_MISSING}`)
}

cmark('names that GitHub would autolink', () => {
  it.each(LINKING)('%s links when raw and never once escaped', (name) => {
    const raw = `| function |\n|---|\n| ${name} |\n\nThe top grower is ${name}.\n`
    expect(linksIn(renderGfm(raw)).length).toBeGreaterThan(0)
    expect(linksIn(renderGfm(places(name, escapeMarkdown, escapeHtml)))).toEqual([])
  })

  it.each(NOT_LINKING)('%s stays text', (name) => {
    expect(linksIn(renderGfm(places(name, escapeMarkdown, escapeHtml)))).toEqual([])
  })
})
