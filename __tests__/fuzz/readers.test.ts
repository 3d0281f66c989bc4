// Property tests of every reader, in this process: a real seed file mutated (truncation, bit
// flips, byte runs, gzip wrappers, structural protobuf changes, hostile names, long lines,
// huge and impossible numbers; scripts/fuzz/mutate.mjs) must either read into a sound
// Snapshot or be refused with one GateError line naming the file. No case may take more than
// CASE_BUDGET_MS: a hang detector, not a speed test. Seeds are fixed so CI is reproducible;
// fast-check prints the seed and the shrunk case on failure.
import fc from 'fast-check'
import { readSnapshot } from '../../src/formats/index.js'
import {
  HEAVY,
  makeCase,
  mutators,
  SEEDS,
  seedBytes,
  type Seed,
} from '../../scripts/fuzz/mutate.mjs'
import { errorProblem, knownElsewhere, snapshotProblem } from './check.js'

/** One case longer than this is a hang. */
const CASE_BUDGET_MS = 2000

/** The largest seeds (re-encoding one takes most of a second) are left to the campaign. */
function seedsOf(kind: Seed['kind']): Seed[] {
  return SEEDS.filter((s) => s.kind === kind && !/many-functions|dd-fastdelta/.test(s.path))
}

/** Reads one case; returns what is wrong with the outcome, or ''. */
function readProblem(seed: Seed, mutation: string, n: number): string {
  const c = makeCase(seed, mutation, n)
  const source = `fuzz/${seed.path.replace(/\//g, '_')}.${mutation}.${n}`
  const started = performance.now()
  let problem = ''
  try {
    const snap = readSnapshot(c.bytes, source)
    problem = snapshotProblem(snap)
    if (!problem && c.mustRefuse) problem = `accepted a file that is always invalid (${c.note})`
  } catch (err) {
    problem = errorProblem(err, source)
  }
  if (knownElsewhere(problem)) problem = ''
  const ms = performance.now() - started
  if (!problem && ms > CASE_BUDGET_MS) problem = `took ${ms.toFixed(0)} ms`
  return problem ? `${seed.path} ${mutation} #${n} (${c.note}): ${problem}` : ''
}

/** Cases per kind, spread over its mutations (about 25 s in all on a 2-core machine). */
const RUNS: Record<string, number> = { pprof: 1000, text: 1000, json: 500 }

describe.each(['pprof', 'text', 'json'] as const)('mutated %s seeds', (kind) => {
  const seeds = seedsOf(kind)
  const names = Object.keys(mutators[kind]).filter((m) => !HEAVY.has(m))

  test.each(names)('%s: a sound snapshot or one GateError line', (mutation) => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (seed, n) => {
          const problem = readProblem(seed, mutation, n)
          if (problem) throw new Error(problem)
        },
      ),
      { numRuns: Math.ceil(RUNS[kind] / names.length), seed: 20261201 },
    )
  })
})

/**
 * Seeds refused as they are: a CPU profile, and a real client_golang scrape whose go_memstats
 * lines come after the first 4 KiB (the Prometheus sniffing change reads it).
 */
const REFUSED_SEEDS = ['fixtures/cpu.pb.gz', 'fixtures/peer/prometheus-scrape-go1.23.4.txt']

test('every seed file is read soundly, or refused in one line if it is no memory file', () => {
  for (const kind of ['pprof', 'text', 'json'] as const) {
    for (const seed of seedsOf(kind)) {
      try {
        const snap = readSnapshot(seedBytes(seed), seed.path)
        expect([seed.path, snapshotProblem(snap)]).toEqual([seed.path, ''])
      } catch (err) {
        expect([seed.path, errorProblem(err, seed.path)]).toEqual([seed.path, ''])
        expect(REFUSED_SEEDS).toContain(seed.path)
      }
    }
  }
})
