// Prints one version's section of CHANGELOG.md: the body of its GitHub release.
//
//   node scripts/release-notes.mjs 1.2.3     (a leading v is accepted)
//
// Run from the repository root; exits 2 with one line when there is no such section.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The text under `## [version]` (Keep a Changelog; a ` - date` after it is fine), up to the
 * next `## ` heading or the link definitions at the end; undefined without that heading.
 */
export function changelogSection(changelog, version) {
  const lines = changelog.split(/\r?\n/)
  const heading = `## [${version}]`
  const start = lines.findIndex((l) => l === heading || l.startsWith(`${heading} `))
  if (start < 0) return undefined
  const body = []
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ') || /^\[[^\]]+\]:\s/.test(line)) break
    body.push(line)
  }
  return body.join('\n').trim()
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const version = (process.argv[2] ?? '').replace(/^v/, '')
  if (!version) {
    console.error('usage: node scripts/release-notes.mjs X.Y.Z')
    process.exit(2)
  }
  if (!existsSync('CHANGELOG.md')) {
    console.error('CHANGELOG.md: not found (run this from the repository root)')
    process.exit(2)
  }
  const section = changelogSection(readFileSync('CHANGELOG.md', 'utf8'), version)
  if (!section) {
    console.error(`CHANGELOG.md: no '## [${version}]' section with content`)
    process.exit(2)
  }
  console.log(section)
}
