// A smaller set of mutated files through the bundled CLI as a process, judged by the same
// oracle as the long campaign (scripts/fuzz/oracle.mjs): each must be refused with exit 2
// and one line naming the file, or accepted with a sound JSON report; no hang, no crash, no
// stack trace. Compared as the candidate, the baseline or in a --series (the config as
// --config). Fixed seed; fast-check prints it on failure.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { HEAVY, makeCase, mutators, SEEDS } from '../../scripts/fuzz/mutate.mjs'
import { runCase } from '../../scripts/fuzz/oracle.mjs'
import { knownElsewhere } from './check.js'

const dir = mkdtempSync(join(tmpdir(), 'gomem-fuzz-cli-'))
/** The largest seeds are left to the campaign. */
const seeds = SEEDS.filter((s) => !/many-functions|dd-fastdelta/.test(s.path))

test('mutated files through the CLI: refused in one line or accepted with a sound report', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...seeds),
      fc.nat(),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      async (seed, m, n) => {
        const names = Object.keys(mutators[seed.kind]).filter((x) => !HEAVY.has(x))
        const c = makeCase(seed, names[m % names.length], n)
        const r = await runCase(c, { dir, timeoutMs: 20_000 })
        if (['refused', 'accepted'].includes(r.cls) || knownElsewhere(r.detail)) return
        throw new Error(`${c.seed} ${c.mutation} #${c.n} (${c.note}): ${r.cls}: ${r.detail}`)
      },
    ),
    { numRuns: 60, seed: 20261201 },
  )
}, 120_000)
