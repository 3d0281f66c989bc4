// Nine suites run the committed bundles in dist/: they must be built from these sources.
// `npm test` rebuilds a stale dist/ first (pretest); this catches every other way to run jest.
import { spawnSync } from 'node:child_process'
import { mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { tempDir } from './helpers/cli.js'

const distHash = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/dist-hash.mjs', ...args], { encoding: 'utf8' })

test('every bundle in dist/ carries the hash of the sources it must be built from', () => {
  const r = distHash('--check')
  if (r.status !== 0) throw new Error(r.stderr)
})

describe('the hash of the sources', () => {
  const files: [string, string][] = [
    ['src/cli/main.ts', 'main'],
    ['src/a.ts', 'a'],
    ['src/formats/fold/assembly/fold.ts', 'fold'],
    ['package-lock.json', '{}'],
  ]
  const tree = (order: [string, string][], mtime: Date) => {
    const root = tempDir()
    for (const [path, content] of order) {
      mkdirSync(dirname(join(root, path)), { recursive: true })
      writeFileSync(join(root, path), content)
      utimesSync(join(root, path), mtime, mtime)
    }
    return root
  }
  const hashOf = (root: string) => distHash('--root', root).stdout.trim()

  test('depends on content and relative paths, not on where, when or in what order', () => {
    const a = tree(files, new Date('2020-01-01'))
    const b = tree([...files].reverse(), new Date('2026-06-15'))
    expect(hashOf(a)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashOf(b)).toBe(hashOf(a))
    // Editor swap files and files outside the inputs do not count.
    writeFileSync(join(b, 'src', '.a.ts.swp'), 'x')
    writeFileSync(join(b, 'README.md'), 'x')
    expect(hashOf(b)).toBe(hashOf(a))
  })

  test('changes with one byte of a source or a renamed file', () => {
    const a = tree(files, new Date('2020-01-01'))
    const before = hashOf(a)
    writeFileSync(join(a, 'src/formats/fold/assembly/fold.ts'), 'fold!')
    expect(hashOf(a)).not.toBe(before)
    const b = tree(files, new Date('2020-01-01'))
    renameSync(join(b, 'src/a.ts'), join(b, 'src/b.ts'))
    expect(hashOf(b)).not.toBe(before)
  })

  test('a bundle without it, or with another, is reported stale', () => {
    const root = tree(files, new Date('2020-01-01'))
    mkdirSync(join(root, 'dist'))
    writeFileSync(join(root, 'dist/cli.js'), '#!/usr/bin/env node\nconsole.log(1)\n')
    const r = distHash('--check', '--root', root)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/^dist\/ is stale: run npm run bundle/)
    expect(r.stderr).toContain('dist/cli.js: no hash')
  })
})
