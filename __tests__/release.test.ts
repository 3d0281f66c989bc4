// The release scripts as the release workflow runs them: against this repository, and against
// temporary copies of it with a wrong version, a missing or empty changelog entry, a stale dist/.
import { spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tempDir } from './helpers/cli.js'

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const script = (name: string) => resolve('scripts', name)
const run = (name: string, args: string[], cwd = process.cwd()) =>
  spawnSync(process.execPath, [script(name), ...args], { cwd, encoding: 'utf8' })
const checkRelease = (tag: string, cwd?: string) => run('check-release.mjs', [tag], cwd)
const lines = (text: string) => text.trim().split('\n')

/** A copy of what the checks read: manifests, changelog, the bundle inputs and dist/. */
const copy = () => {
  const root = tempDir()
  const entries = ['package.json', 'package-lock.json', 'CHANGELOG.md', 'rollup.config.js']
  for (const f of [...entries, 'tsconfig.json', 'tsconfig.build.json', 'src', 'dist']) {
    cpSync(f, join(root, f), { recursive: true })
  }
  return root
}

describe('check-release', () => {
  test('passes for the tag of the version in package.json', () => {
    const r = checkRelease(`v${pkg.version}`)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(`v${pkg.version}: ready to release`)
  })

  test('a tag of another version names package.json and the changelog, exit 2', () => {
    const r = checkRelease('v9.8.7')
    expect(r.status).toBe(2)
    expect(lines(r.stderr)).toEqual([
      `package.json: version is ${pkg.version}, the tag says 9.8.7: run npm version 9.8.7 --no-git-tag-version, commit, and tag that commit`,
      "CHANGELOG.md: no '## [9.8.7]' section: move the Unreleased notes into one",
    ])
    expect(r.stdout).toBe('')
  })

  test.each(['1.0.0', 'v1.0', 'v01.0.0', 'v1.0.0-rc.1', 'release'])(
    'refuses the malformed tag %s in one line',
    (tag) => {
      const r = checkRelease(tag)
      expect(r.status).toBe(2)
      expect(lines(r.stderr)).toEqual([`tag '${tag}' is not vX.Y.Z (e.g. v1.2.3): tag again`])
    },
  )

  test('an empty changelog section is refused', () => {
    const root = copy()
    const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8')
    const start = changelog.indexOf(`## [${pkg.version}]`)
    const end = changelog.indexOf('\n[Unreleased]:')
    writeFileSync(
      join(root, 'CHANGELOG.md'),
      `${changelog.slice(0, start)}## [${pkg.version}] - 2026-12-01\n\n${changelog.slice(end)}`,
    )
    const r = checkRelease(`v${pkg.version}`, root)
    expect(r.status).toBe(2)
    expect(lines(r.stderr)).toEqual([
      `CHANGELOG.md: the '## [${pkg.version}]' section is empty: say what changed`,
    ])
  })

  test('a dist/ older than the sources is refused with what to run', () => {
    const root = copy()
    appendFileSync(join(root, 'src/version.ts'), '\n// changed after bundling\n')
    const r = checkRelease(`v${pkg.version}`, root)
    expect(r.status).toBe(2)
    expect(lines(r.stderr)).toEqual([
      'dist/ is stale (dist/cli.js, dist/index.js, dist/read-worker.js): run npm run bundle and commit dist/',
    ])
  })

  test('a dist/ bundled before package.json got its new version is refused', () => {
    const root = copy()
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ ...pkg, version: '9.8.7' }, null, 2) + '\n',
    )
    const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8')
    writeFileSync(
      join(root, 'CHANGELOG.md'),
      changelog.replace('## [Unreleased]\n', '## [Unreleased]\n\n## [9.8.7]\n\n- A fix.\n'),
    )
    const r = checkRelease('v9.8.7', root)
    expect(r.status).toBe(2)
    expect(lines(r.stderr)).toEqual([
      `dist/cli.js says 'gomem-gate ${pkg.version}', package.json 9.8.7: run npm run bundle and commit dist/`,
    ])
  })

  test('a missing package.json is one line, not a stack trace', () => {
    const r = checkRelease(`v${pkg.version}`, tempDir())
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('package.json: cannot be read (ENOENT)')
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('release-notes', () => {
  test("prints the version's changelog section: its text, no heading, no link definitions", () => {
    const r = run('release-notes.mjs', [pkg.version])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/### Added\n\n- /)
    // Exactly what follows the heading in the changelog, up to the next section.
    const changelog = readFileSync('CHANGELOG.md', 'utf8')
    expect(changelog).toMatch(new RegExp(`## \\[${pkg.version}\\][^\\n]*\\n\\n`))
    expect(changelog).toContain(`\n\n${r.stdout.trim()}\n\n`)
    expect(r.stdout).not.toContain('## [')
    expect(r.stdout).not.toMatch(/^\[.*\]: http/m)
    // The tag is accepted as well.
    expect(run('release-notes.mjs', [`v${pkg.version}`]).stdout).toBe(r.stdout)
  })

  test('a version without a section is one line naming CHANGELOG.md, exit 2', () => {
    const r = run('release-notes.mjs', ['9.8.7'])
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(lines(r.stderr)).toEqual(["CHANGELOG.md: no '## [9.8.7]' section with content"])
  })
})
