// HTML reports of the demo pair and of a profile with hostile names, rendered by the CLI from
// the sources, and the flame graph data read back out of a page.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FlameData } from '../../src/report/html/flame-tree.js'
import { runFromSources } from './cli-sources.js'
import { fixturePath } from './fixtures.js'
import { renamedProfile } from './rewrite.js'

/** Both files of one real run of the service: heap profile and MemStats. */
const run = (name: string) => [fixturePath(`${name}.pb.gz`), fixturePath(`${name}.memstats.json`)]

/** The README's demo pair: a cache that leaks. */
export const DEMO = ['-b', ...run('baseline-seed1'), '-c', ...run('leak-cache')]

/** Names a fork could give its functions: markup, an event handler, a script, a link. */
export const HOSTILE_NAMES: Record<string, string> = {
  'main.(*Cache).Put': 'main.(*Cache).Put<img src=x onerror=alert(1)></script><!--',
  'container/list.(*List).insertValue':
    '<script>alert(1)</script>\u2028<a href="javascript:alert(1)">x</a> &amp; \u202Eevil',
}

/** `compare … --format html` from the sources; fails the test on a nonzero exit but 1. */
export async function htmlReport(args: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'gomem-gate-html-'))
  try {
    const out = join(dir, 'report.html')
    const r = await runFromSources(['compare', ...args, '--format', 'html', '--output', out])
    if (r.status === null || r.status > 1)
      throw new Error(`compare failed (${r.status}): ${r.stderr}`)
    return readFileSync(out, 'utf8')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The demo pair's page. */
export function demoReport(): Promise<string> {
  return htmlReport(DEMO)
}

/** The page of the baseline against leak-cache with its functions renamed to HOSTILE_NAMES. */
export async function hostileReport(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'gomem-gate-hostile-'))
  try {
    const cand = join(dir, 'hostile-names.pb.gz')
    writeFileSync(
      cand,
      renamedProfile('leak-cache.pb.gz', (n) => HOSTILE_NAMES[n] ?? n),
    )
    return await htmlReport(['-b', fixturePath('baseline-seed1.pb.gz'), '-c', cand])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The flame graph's data as embedded in a page, or undefined when the page has none. */
export function flameJson(page: string): FlameData | undefined {
  const m = /<script type="application\/json" id="flame-data">([^]*?)<\/script>/.exec(page)
  return m ? (JSON.parse(m[1]) as FlameData) : undefined
}

/** The page without its embedded data: the markup and code the page itself is made of. */
export function withoutData(page: string): string {
  return page.replace(
    /(<script type="application\/json" id="flame-data">)[^]*?(<\/script>)/,
    '$1$2',
  )
}
