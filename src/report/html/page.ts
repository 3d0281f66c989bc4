// The HTML report: one self-contained page (inline style and script, a CSP that forbids
// anything else) with the verdict, findings, a differential flame graph, the memory
// breakdown, the leak series, totals, MemStats and warnings.
import { escapeHtmlText as esc } from '../escape.js'
import type { ReportInput } from '../types.js'
import { focusPhrase, verdictHeadline } from '../wording.js'
import { FLAME_SCRIPT } from './client.js'
import { embedJson, flameData, type FlameData } from './flame-tree.js'
import {
  benchmarksSection,
  findingsSection,
  growersSection,
  inputsSection,
  memorySection,
  memstatsSection,
  seriesSection,
  totalsSection,
  warningsSection,
} from './sections.js'
import { profilesSection } from './profiles.js'
import { PAGE_STYLE } from './style.js'

/** The page's Content-Security-Policy: nothing is loaded from anywhere, not even the page's origin. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

/** Renders the whole page; pure. Untrusted strings are escaped here or set as text by the script. */
export function renderHtml(input: ReportInput): string {
  const { diff, verdict } = input
  const headline = verdictHeadline(verdict, esc)
  const phrase = focusPhrase(diff, verdict, esc)
  const policy = `policy: ${esc(verdict.policySource)}`
  const flame = flameData(diff, verdict.focus)
  const sections = [
    findingsSection(input),
    benchmarksSection(input),
    flameSection(flame),
    growersSection(input),
    profilesSection(input),
    memorySection(input),
    seriesSection(input),
    totalsSection(input),
    memstatsSection(input),
    inputsSection(input),
    warningsSection(input),
  ].filter((s): s is string => s !== undefined)
  return `<!doctype html>
<html lang="en" data-status="${esc(verdict.status)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gomem-gate: ${headline}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header><h1 class="status-${esc(verdict.status)}">gomem-gate: ${headline}</h1>
<p>${phrase ? `${phrase} · ${policy}` : policy}</p></header>
${sections.join('\n')}
<footer>gomem-gate ${esc(input.version)}</footer>
${flame ? `<script type="application/json" id="flame-data">${embedJson(flame)}</script>\n<script>${FLAME_SCRIPT}</script>` : ''}
</body>
</html>
`
}

function flameSection(flame: FlameData | undefined): string {
  if (!flame) {
    return `<section id="flamegraph"><h2>Flame graph</h2><p>No call stacks: the inputs hold no heap profile.</p></section>`
  }
  const legend = flame.hasBaseline
    ? `<div class="legend-bar"><span>−100%</span><span class="ramp"></span><span>+100% or more</span></div>
<span><span class="swatch new-swatch"></span>hatched: new, not in the baseline</span>
<span>width: the candidate's value · colour: change against the baseline, shrink blue, growth red (a colour-blind-safe diverging scale)</span>`
    : `<span>No baseline: width is the candidate's value, every frame is grey.</span>`
  return `<section id="flamegraph"><h2>Flame graph</h2>
<div class="controls">
<label>Sample type <select id="flame-type"></select></label>
<label>Search <input id="flame-search" type="search" placeholder="function name" autocomplete="off"></label>
<button id="flame-reset" type="button">Reset zoom</button>
<span id="flame-matches"></span>
</div>
<div class="legend">${legend}</div>
<nav id="flame-crumbs" aria-label="zoom path"></nav>
<div id="flame" role="img" aria-label="differential flame graph"></div>
<p id="flame-note" class="hint"></p>
<p class="hint">Root on top, callees below; click a frame to zoom, a name above to zoom out. Frames under ${flame.minShare * 100}% of a sample type's total on both sides are pruned.</p>
<div id="flame-tip" role="tooltip" hidden></div>
</section>`
}
