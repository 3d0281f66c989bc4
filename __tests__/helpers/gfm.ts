// Renders markdown as GitHub does (cmark-gfm with GitHub's extensions), so a test can check
// what a comment becomes on the page, not only what its source says.
import { spawnSync } from 'node:child_process'

/** Why a rendering test cannot run, and how to make it run. */
export const CMARK_GFM_MISSING = 'cmark-gfm is not installed: apt-get install -y cmark-gfm'

/** Whether `cmark-gfm` is on the PATH. */
export function hasCmarkGfm(): boolean {
  const r = spawnSync('cmark-gfm', ['--version'], { encoding: 'utf8' })
  return r.status === 0
}

/**
 * The HTML GitHub's renderer makes of `md`. `--unsafe` keeps raw HTML as GitHub does before
 * sanitising (safe mode would replace every tag, ours and a profile's alike, by a comment).
 */
export function renderGfm(md: string): string {
  const r = spawnSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'tagfilter', '-e', 'strikethrough'],
    { input: md, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  if (r.status !== 0) throw new Error(`cmark-gfm failed (${r.status}): ${r.stderr}`)
  return r.stdout
}

/** The names of the HTML elements in rendered HTML, e.g. `table`, `details`. */
export function tagsIn(html: string): Set<string> {
  return new Set(Array.from(html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g), (m) => m[1].toLowerCase()))
}

/** The targets of the links in rendered HTML. */
export function linksIn(html: string): string[] {
  return Array.from(html.matchAll(/<a\s[^>]*href="([^"]*)"/g), (m) => m[1])
}

/**
 * The text GitHub would scan for `@mentions` and `#123` references: rendered HTML without
 * code (GitHub links neither inside code), tags removed, entities decoded.
 */
export function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<code[\s>][^]*?<\/code>/g, ' ')
      .replace(/<!--[^]*?-->/g, ' ')
      .replace(/<[^>]*>/g, ' '),
  )
}

/** The few entities cmark-gfm writes, and numeric ones, decoded. */
function decodeEntities(text: string): string {
  return text
    .replace(/&#(x?)([0-9a-fA-F]+);/g, (_, hex: string, n: string) =>
      String.fromCodePoint(parseInt(n, hex ? 16 : 10)),
    )
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** `@user` and `@org/team` mentions GitHub would link (and notify) in rendered HTML. */
export function mentionsIn(html: string): string[] {
  return Array.from(
    visibleText(html).matchAll(/(?:^|[^\w`])(@[a-zA-Z0-9][a-zA-Z0-9-]*(?:\/[\w-]+)?)/g),
    (m) => m[1],
  )
}

/** `#123` references GitHub would link to an issue or pull request. */
export function issueRefsIn(html: string): string[] {
  return Array.from(visibleText(html).matchAll(/(?:^|[^\w&/])(#\d+)\b/g), (m) => m[1])
}

/**
 * The HTML a reader sees without opening anything: every top-level `<details>` block
 * replaced by its `<summary>` (nested blocks go with their parent).
 */
export function outsideDetails(html: string): string {
  let out = ''
  let depth = 0
  let last = 0
  const re = /<details[^>]*>\s*(<summary>[^]*?<\/summary>)?|<\/details>/g
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (depth === 0) out += html.slice(last, m.index) + (m[1] ?? '')
    depth += m[0].startsWith('</') ? -1 : 1
    last = re.lastIndex
  }
  if (depth === 0) out += html.slice(last)
  return out
}

/** The characters of rendered HTML a reader sees: tags removed, entities decoded, spaces collapsed. */
export function shownText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
}

/** Characters (code points) shown outside `<details>` when GitHub renders `md`. */
export function visibleLength(md: string): number {
  return Array.from(shownText(outsideDetails(renderGfm(md)))).length
}
