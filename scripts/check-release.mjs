// Checks that a tag can be released, before the release workflow publishes anything:
//
//   node scripts/check-release.mjs v1.2.3
//
// the tag is vX.Y.Z, package.json says X.Y.Z, CHANGELOG.md has a `## [X.Y.Z]` section with
// content, and every bundle in dist/ was built from these sources (scripts/dist-hash.mjs)
// and says that version.
// Run from the repository root. One line per failure, saying what to fix; exit 2 on any.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { staleBundles } from './dist-hash.mjs'
import { changelogSection } from './release-notes.mjs'

const SEMVER_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

/** What stops `tag` from being released from `root`, one sentence each. */
export function releaseProblems(root, tag) {
  const problems = []
  const version = SEMVER_TAG.test(tag) ? tag.slice(1) : undefined
  if (!version) problems.push(`tag '${tag}' is not vX.Y.Z (e.g. v1.2.3): tag again`)

  const pkgPath = `${root}/package.json`
  let pkg
  try {
    pkg = JSON.parse(readFileSync(pkgPath, 'utf8'))
  } catch (e) {
    problems.push(`package.json: cannot be read (${e.code ?? e.message})`)
  }
  if (pkg && version && pkg.version !== version) {
    problems.push(
      `package.json: version is ${pkg.version}, the tag says ${version}: ` +
        `run npm version ${version} --no-git-tag-version, commit, and tag that commit`,
    )
  }

  const changelogPath = `${root}/CHANGELOG.md`
  if (!existsSync(changelogPath)) problems.push('CHANGELOG.md: not found: add one')
  else if (version) {
    const section = changelogSection(readFileSync(changelogPath, 'utf8'), version)
    if (section === undefined) {
      problems.push(
        `CHANGELOG.md: no '## [${version}]' section: move the Unreleased notes into one`,
      )
    } else if (section === '') {
      problems.push(`CHANGELOG.md: the '## [${version}]' section is empty: say what changed`)
    }
  }

  const stale = staleBundles(root)
  if (stale.length > 0) {
    const files = stale.map((s) => s.file).join(', ')
    problems.push(`dist/ is stale (${files}): run npm run bundle and commit dist/`)
  } else if (pkg && existsSync(`${root}/dist/cli.js`)) {
    // The bundle carries package.json's version, which the source hash does not cover.
    const r = spawnSync(process.execPath, [`${root}/dist/cli.js`, '--version'], {
      encoding: 'utf8',
    })
    const says = r.stdout.trim()
    if (says !== `gomem-gate ${pkg.version}`) {
      problems.push(
        `dist/cli.js says '${says}', package.json ${pkg.version}: run npm run bundle and commit dist/`,
      )
    }
  }
  return problems
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const tag = process.argv[2]
  if (!tag) {
    console.error('usage: node scripts/check-release.mjs vX.Y.Z')
    process.exit(2)
  }
  const problems = releaseProblems(process.cwd(), tag)
  for (const p of problems) console.error(p)
  if (problems.length > 0) process.exit(2)
  console.log(`${tag}: ready to release (package.json, CHANGELOG.md and dist/ agree)`)
}
