// The hash of what dist/ is built from, which rollup writes into each bundle's banner, so a
// bundle older than the sources can be told apart without building it again.
//
//   node scripts/dist-hash.mjs            prints the hash of the sources
//   node scripts/dist-hash.mjs --check    exits 1 when a dist/*.js carries another hash
//   node scripts/dist-hash.mjs --bundle-if-stale   runs `npm run bundle` then (npm's pretest)
//   --root <dir>                          hash (and check) <dir> instead of the current one
//
// The hash covers the content and the relative path of every file below BUNDLE_INPUTS, in
// sorted order: no mtimes, no absolute paths, the same on every machine. Dotfiles (editor
// swap files) are left out; so is everything else (tests, docs, fixtures).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** What the bundles are made of: sources, the compiled loop's source, locked deps, build config. */
export const BUNDLE_INPUTS = [
  'src',
  'package-lock.json',
  'rollup.config.js',
  'tsconfig.json',
  'tsconfig.build.json',
]

/** How a bundle names the sources it was built from (its second line in dist/cli.js). */
const MARK = '// gomem-gate bundle of sources sha256:'

/** sha256 (hex) of the bundle inputs below `root`. */
export function sourceHash(root) {
  const files = []
  const walk = (rel) => {
    const abs = join(root, rel)
    if (!existsSync(abs)) return
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs)) if (!name.startsWith('.')) walk(`${rel}/${name}`)
    } else files.push(rel)
  }
  for (const input of BUNDLE_INPUTS) walk(input)
  // Plain code-unit order: localeCompare would depend on the machine's locale.
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const hash = createHash('sha256')
  for (const rel of files) {
    const content = readFileSync(join(root, rel))
    hash.update(`${rel}\0${content.length}\0`)
    hash.update(content)
  }
  return hash.digest('hex')
}

/** The banner line for a bundle built from sources hashing to `hash`. */
export function bannerLine(hash) {
  return `${MARK}${hash} (scripts/dist-hash.mjs)`
}

/** The dist/*.js files of `root` whose banner does not carry `hash`, with what they carry. */
export function staleBundles(root, hash = sourceHash(root)) {
  const dist = join(root, 'dist')
  const bundles = existsSync(dist) ? readdirSync(dist).filter((f) => f.endsWith('.js')) : []
  if (bundles.length === 0) return [{ file: 'dist/', carries: 'no bundle' }]
  const stale = []
  for (const file of bundles.sort()) {
    const head = readFileSync(join(dist, file), 'utf8').slice(0, 1024)
    const at = head.indexOf(MARK)
    const carries = at < 0 ? 'no hash' : head.slice(at + MARK.length, at + MARK.length + 64)
    if (carries !== hash) stale.push({ file: `dist/${file}`, carries })
  }
  return stale
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2)
  const at = args.indexOf('--root')
  const root = at >= 0 ? args[at + 1] : process.cwd()
  const hash = sourceHash(root)
  const stale = staleBundles(root, hash)
  if (args.includes('--bundle-if-stale')) {
    if (stale.length > 0) {
      console.error('dist/ was not built from these sources: bundling it first (npm run bundle)')
      // Under npm, npm_execpath is npm's own script: run it with this Node, as npm would.
      const npm = process.env.npm_execpath
      const r = npm
        ? spawnSync(process.execPath, [npm, 'run', 'bundle'], { cwd: root, stdio: 'inherit' })
        : spawnSync('npm', ['run', 'bundle'], { cwd: root, stdio: 'inherit', shell: true })
      process.exit(r.status ?? 1)
    }
  } else if (args.includes('--check')) {
    if (stale.length > 0) {
      console.error(
        `dist/ is stale: run npm run bundle (the sources hash to ${hash.slice(0, 12)}…)`,
      )
      for (const s of stale) console.error(`  ${s.file}: ${s.carries}`)
      process.exit(1)
    }
  } else console.log(hash)
}
