// Property tests of the policy reader: the example config and every YAML block of the docs,
// mutated (a key's value of another type, 400-digit numbers, huge strings, unknown keys,
// aliases and a billion laughs, deep nesting, tabs, cuts, bit flips; scripts/fuzz/mutate.mjs),
// must load or be refused with one GateError line naming the file. No case may take more
// than CASE_BUDGET_MS (a hang detector). Fixed seed; fast-check prints it on failure.
import fc from 'fast-check'
import { loadPolicy } from '../../src/policy/config.js'
import { makeCase, mutators, SEEDS, seedBytes } from '../../scripts/fuzz/mutate.mjs'
import { errorProblem } from './check.js'

const CASE_BUDGET_MS = 2000
const configs = SEEDS.filter((s) => s.kind === 'config')

test('every seed config loads', () => {
  for (const seed of configs) {
    expect(() => loadPolicy(seedBytes(seed).toString('utf8'), seed.path)).not.toThrow()
  }
})

test.each(Object.keys(mutators.config))('%s: a policy or one GateError line', (mutation) => {
  fc.assert(
    fc.property(
      fc.constantFrom(...configs),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      (seed, n) => {
        const c = makeCase(seed, mutation, n)
        const source = `fuzz/${seed.path.replace(/[/#]/g, '_')}.${mutation}.${n}.yml`
        const started = performance.now()
        let problem = ''
        try {
          loadPolicy(Buffer.from(c.bytes).toString('utf8'), source)
          if (c.mustRefuse) problem = `accepted a config that is always invalid (${c.note})`
        } catch (err) {
          problem = errorProblem(err, source)
        }
        const ms = performance.now() - started
        if (!problem && ms > CASE_BUDGET_MS) problem = `took ${ms.toFixed(0)} ms`
        if (problem) throw new Error(`${seed.path} ${mutation} #${n} (${c.note}): ${problem}`)
      },
    ),
    // The text mutations build documents of up to 500 KB: fewer of them.
    { numRuns: mutation === 'config-text' ? 60 : 150, seed: 20261201 },
  )
})
