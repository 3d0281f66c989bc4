// Every case the fuzz campaign found failing, kept under fixtures/regressions/<class>/ (its
// manifest.json says which seed file and mutation made it), run again through the bundled
// CLI in the role it failed in: now each must be refused with exit 2 and one line naming the
// file, or accepted with a sound report. An entry with `pending` waits for a fix in a reader
// that another change owns; it is skipped, and `pending` says what it needs.
import { join } from 'node:path'
import { readManifest } from '../../scripts/fuzz/regressions.mjs'
import { argsFor, classify, partnerOf, runCli } from '../../scripts/fuzz/oracle.mjs'

const entries = readManifest()

test('the regression folder lists its files', () => {
  expect(entries.length).toBeGreaterThan(0)
})

describe.each(entries.map((e) => [e.file, e] as const))('%s', (_file, e) => {
  const run = e.pending ? test.skip : test
  run(`is refused in one line or read soundly (${e.found.slice(0, 60)})`, async () => {
    const file = join('fixtures/regressions', e.file)
    const r = await runCli('dist/cli.js', argsFor(e, file, partnerOf(e)), { timeoutMs: 20_000 })
    const { cls, detail } = classify(e, file, r)
    expect([cls, detail]).toEqual([expect.stringMatching(/^(refused|accepted)$/), detail])
  })
})
