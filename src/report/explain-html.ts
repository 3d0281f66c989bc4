// The HTML rendering of an Explanation: one self-contained page with the compare report's
// shell (its CSP and stylesheet), every untrusted string through escapeHtmlText.
import type { Explanation } from '../explain/types.js'
import type { Frame } from '../formats/model.js'
import { formatBytes, formatCount, formatValue } from '../units.js'
import { VERSION } from '../version.js'
import { escapeHtmlText as esc } from './escape.js'
import {
  allocatorsTitle,
  gcLines,
  goroutineCount,
  headline,
  rssRowLabel,
  share,
  shownFrames,
  TITLES,
} from './explain-common.js'
import { PAGE_CSP } from './html/page.js'
import { table } from './html/sections.js'
import { PAGE_STYLE } from './html/style.js'

/** The whole page; pure. */
export function renderExplainHtml(e: Explanation): string {
  const sections: string[] = []
  const section = (id: string, title: string, body: string) =>
    sections.push(`<section id="${id}"><h2>${esc(title)}</h2>\n${body}</section>`)

  if (e.classes.length > 0) {
    const rows = e.classes.map((c) => [
      `${esc(c.label)} <code>${esc(c.class)}</code>`,
      formatBytes(c.bytes),
      share(c.shareOfSys),
      esc(c.sentence),
    ])
    if (e.sys !== undefined)
      rows.push([
        '<b>Sys (Go runtime total)</b>',
        formatBytes(e.sys),
        '100%',
        'Everything the Go runtime obtained from the OS; the classes above add up to it exactly.',
      ])
    if (e.rss)
      rows.push([
        esc(rssRowLabel(e)),
        formatBytes(e.rss.bytes),
        '',
        'Memory of the process resident in RAM, as the OS reports it.',
      ])
    section(
      'memory',
      TITLES.memory,
      table(['Class', 'Bytes', 'Of Sys', 'What it is'], rows, 'memory'),
    )
  } else if (e.rss) {
    section('memory', TITLES.memory, `<p>${esc(rssRowLabel(e))}: ${formatBytes(e.rss.bytes)}</p>`)
  }
  if (e.coverage)
    section(
      'coverage',
      TITLES.coverage,
      e.coverage.sentences.map((s) => `<p>${esc(s)}</p>`).join('\n'),
    )
  if (e.profile && e.allocators.length > 0) {
    const unit = e.profile.unit
    const rows = e.allocators.map((a) => [
      formatValue(a.flat, unit),
      share(a.share),
      formatValue(a.cum, unit),
      `<code>${esc(a.function)}</code>${frameList(a.stack.slice(1))}`,
    ])
    const more =
      e.moreAllocators > 0
        ? `<p class="hint">… ${formatCount(e.moreAllocators)} more allocators</p>`
        : ''
    section(
      'allocators',
      allocatorsTitle(e),
      table(['Flat', 'Share', 'Cum', 'Function and heaviest stack'], rows) + more,
    )
  }
  if (e.goroutines) {
    const g = e.goroutines
    const rows = g.stacks.map((s) => [
      formatCount(s.count),
      `<code>${esc(s.frames[0]?.function ?? '?')}</code>${frameList(s.frames.slice(1))}`,
    ])
    section(
      'goroutines',
      TITLES.goroutines,
      `<p>${goroutineCount(g.total)} (from the ${esc(g.source)})</p>` +
        (rows.length > 0 ? table(['Goroutines', 'Stack'], rows) : '') +
        (g.moreStacks > 0 ? `<p class="hint">… ${formatCount(g.moreStacks)} more stacks</p>` : ''),
    )
  }
  if (e.gc)
    section(
      'gc',
      TITLES.gc,
      gcLines(e)
        .map((l) => `<p>${esc(l)}</p>`)
        .join('\n'),
    )
  section(
    'advice',
    TITLES.advice,
    e.advice.length > 0
      ? `<ul>${e.advice.map((a) => `<li><b>${esc(a.severity)}</b> <code>${esc(a.code)}</code>: ${esc(a.text)}</li>`).join('\n')}</ul>`
      : '<p>No rule crossed its threshold (docs/explain.md lists them).</p>',
  )
  if (e.warnings.length > 0)
    section(
      'warnings',
      TITLES.warnings,
      `<ul>${e.warnings.map((w) => `<li>${esc(w.message)}</li>`).join('\n')}</ul>`,
    )
  section(
    'files',
    TITLES.files,
    `<ul>${e.files.map((f) => `<li><code>${esc(f.source)}</code> (${esc(f.format)})</li>`).join('\n')}</ul>`,
  )
  const title = `gomem-gate explain: ${esc(headline(e))}`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header><h1>${title}</h1></header>
${sections.join('\n')}
<footer>gomem-gate ${esc(VERSION)}</footer>
</body>
</html>
`
}

function frameList(frames: Frame[]): string {
  if (frames.length === 0) return ''
  const { frames: shown, more } = shownFrames(frames)
  const items = shown.map((f) => `<li>← <code>${esc(f.function)}</code></li>`)
  if (more > 0) items.push(`<li>← … ${more} more frames</li>`)
  return `<ul class="legend">${items.join('')}</ul>`
}
