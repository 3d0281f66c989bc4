// Saving a failing case as a regression file: fixtures/regressions/<class>/<name>, one entry
// in its manifest.json (what __tests__/fuzz/regressions.test.ts runs) and one line in its
// README.md (which seed file and mutation produced it). The campaign calls it for each
// failure; `node scripts/fuzz/regressions.mjs <class> <seed> <mutation> <n> [found]` writes
// one case again by hand (a bug fixed before the campaign ran).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { makeCase, SEEDS } from './mutate.mjs'
import { caseFileName, roleOf } from './oracle.mjs'

const ROOT = new URL('../../', import.meta.url).pathname
export const REGRESSIONS = join(ROOT, 'fixtures/regressions')

/** A case file over this is kept gzipped (the readers sniff gzip), unless it is gzip already. */
const MAX_PLAIN = 1024 * 1024

/** Reads the manifest of `dir` ([] when there is none). */
export function readManifest(dir = REGRESSIONS) {
  const path = join(dir, 'manifest.json')
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : []
}

/** Writes the manifest of `dir` and its README's list, sorted by file. */
export function writeManifest(entries, dir = REGRESSIONS) {
  entries.sort((a, b) => a.file.localeCompare(b.file))
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(entries, null, 2) + '\n')
  const readme = join(dir, 'README.md')
  const head = existsSync(readme)
    ? readFileSync(readme, 'utf8').split('\n<!-- cases -->\n')[0]
    : '# Fuzz regressions\n'
  const lines = entries.map(
    (e) =>
      `- \`${e.file}\`: \`${e.seed}\`, mutation \`${e.mutation}\` #${e.n} (${e.note}), as ${e.role}. Found: ${e.found.replace(/\s+/g, ' ').slice(0, 200)}${e.pending ? ` **Pending:** ${e.pending}` : ''}${e.fixedIn ? ` **Fixed in:** ${e.fixedIn}` : ''}`,
  )
  writeFileSync(readme, `${head}\n<!-- cases -->\n\n${lines.join('\n')}\n`)
}

/**
 * Adds case `c` (from makeCase) of class `cls` to `entries` and writes its file into `dir`;
 * false when a case of that name is there already.
 */
export function addRegression(entries, cls, c, found, dir = REGRESSIONS) {
  let name = caseFileName(c)
  let bytes = c.bytes
  if (bytes.length > MAX_PLAIN && !(bytes[0] === 0x1f && bytes[1] === 0x8b)) {
    bytes = gzipSync(bytes)
    name += '.gz'
  }
  const file = `${cls}/${name}`
  if (entries.some((e) => e.file === file)) return false
  mkdirSync(join(dir, cls), { recursive: true })
  writeFileSync(join(dir, file), bytes)
  entries.push({
    file,
    seed: c.seed,
    kind: c.kind,
    mutation: c.mutation,
    n: c.n,
    note: c.note,
    role: roleOf(c),
    mustRefuse: c.mustRefuse,
    found,
  })
  return true
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [cls, seedPath, mutation, n, found = `${cls}`] = process.argv.slice(2)
  const seed = SEEDS.find((s) => s.path === seedPath)
  if (!seed) throw new Error(`no seed ${seedPath}`)
  const entries = readManifest()
  const c = makeCase(seed, mutation, Number(n))
  if (!addRegression(entries, cls, c, found))
    console.error(`${cls}/${caseFileName(c)} is there already`)
  writeManifest(entries)
}
