// The npm package as a user gets it: packed, installed globally without network access (the
// bundle needs no runtime dependencies), and run through the `gomem-gate` it puts on the PATH.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from './helpers/cli.js'

/**
 * Measured at 1.0.0: 223 kB (cli.js and read-worker.js; the action's 5 MB index.js stays out);
 * 301 kB once cli.js bundles re2js, the linear-time regex engine for `regex:` patterns (65 kB
 * of it gzipped); 357 kB with the HTML report (its page, script and styles), the comment's
 * findings and the terminal layout.
 */
const MAX_TARBALL_BYTES = 400_000

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const tmp = tempDir()
// Any registry request would fail: nothing may be fetched.
const env = {
  PATH: process.env.PATH ?? '',
  HOME: tmp,
  npm_config_cache: join(tmp, 'cache'),
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_update_notifier: 'false',
}
const npm = (...args: string[]) => {
  // Under npm, npm_execpath is npm's own script: run it with this Node, as npm would.
  const cmd = process.env.npm_execpath ? process.execPath : 'npm'
  const pre = process.env.npm_execpath ? [process.env.npm_execpath] : []
  const r = spawnSync(cmd, [...pre, ...args], { encoding: 'utf8', env })
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${r.stderr}`)
  return r.stdout
}
const bin = join(tmp, 'g/bin/gomem-gate')
const run = (...args: string[]) => spawnSync(bin, args, { encoding: 'utf8', env })

let packed: { filename: string; size: number; files: { path: string }[] }
beforeAll(() => {
  packed = JSON.parse(npm('pack', '--json', '--pack-destination', tmp))[0]
  npm(
    'install',
    '-g',
    '--prefix',
    join(tmp, 'g'),
    '--offline',
    '--no-audit',
    '--no-fund',
    join(tmp, packed.filename),
  )
}, 120_000)

test('the tarball holds the CLI, the worker it loads, and the docs, within its size bound', () => {
  const files = packed.files.map((f) => f.path).sort()
  expect(files).toEqual([
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/cli.js',
    'dist/read-worker.js',
    'package.json',
  ])
  expect(packed.size).toBeLessThan(MAX_TARBALL_BYTES)
})

test('installed offline, with no dependencies, it prints its version', () => {
  expect(existsSync(join(tmp, 'g/lib/node_modules/gomem-gate/node_modules'))).toBe(false)
  const r = run('--version')
  expect(r.stderr).toBe('')
  expect(r.stdout.trim()).toBe(`gomem-gate ${pkg.version}`)
})

test('the installed gomem-gate finds the leak in the demo pair and exits 1', () => {
  const r = run(
    'compare',
    '--baseline',
    'fixtures/baseline-seed1.pb.gz',
    'fixtures/baseline-seed1.memstats.json',
    '--candidate',
    'fixtures/leak-cache.pb.gz',
    'fixtures/leak-cache.memstats.json',
  )
  expect(r.stderr).toBe('')
  expect(r.status).toBe(1)
  expect(r.stdout).toContain('main.(*Cache).Put')
})
