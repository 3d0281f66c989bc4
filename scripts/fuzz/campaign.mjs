// The long fuzz campaign (npm run fuzz): mutates real seed files (scripts/fuzz/mutate.mjs),
// runs each case through the bundled CLI as a process (scripts/fuzz/oracle.mjs) and counts
// the outcomes per class. Failing cases are saved under fixtures/regressions/<class>/ with
// a line in its README.md and an entry in its manifest.json (scripts/fuzz/regressions.mjs;
// __tests__/fuzz/regressions.test.ts runs them).
//
//   npm run fuzz -- [--cases 10000] [--seed 1] [--jobs <CPUs>] [--timeout-ms 20000]
//                   [--mem-gb 1.5] [--save fixtures/regressions | --no-save] [--kind pprof,...]
//
// Exit code 1 when any case failed (hang, memory, crash, garbage, multiline).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { HEAVY, SEEDS, makeCase, mutators, rng } from './mutate.mjs'
import { CLASSES, FAILURES, roleOf, runCase } from './oracle.mjs'
import { addRegression, readManifest, writeManifest } from './regressions.mjs'

const ROOT = new URL('../../', import.meta.url).pathname
process.chdir(ROOT)

const { values: opt } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    'timeout-ms': { type: 'string', default: '20000' },
    'mem-gb': { type: 'string', default: '1.5' },
    save: { type: 'string', default: 'fixtures/regressions' },
    'no-save': { type: 'boolean', default: false },
    kind: { type: 'string', default: 'pprof,text,json,config' },
    'max-saved': { type: 'string', default: '3' },
  },
})
const cases = Number(opt.cases)
const seed = Number(opt.seed)
const jobs = Math.max(1, Number(opt.jobs))
const timeoutMs = Number(opt['timeout-ms'])
const memLimit = Number(opt['mem-gb']) * 1e9
const kinds = opt.kind.split(',')
const maxSaved = Number(opt['max-saved'])

// The campaign runs the bundle: rebuild it when src/ changed since.
execFileSync(process.execPath, ['scripts/dist-hash.mjs', '--bundle-if-stale'], { stdio: 'inherit' })

/** Kinds are weighted by how many readers and mutations they cover. */
const WEIGHTS = { pprof: 4, text: 3, json: 1.5, config: 1.5 }
const pool = kinds.flatMap((k) => Array(Math.round(WEIGHTS[k] * 2)).fill(k))

/** Case i of the campaign: which seed, which mutation, which number. */
function caseAt(i) {
  const r = rng(seed * 1_000_003 + i)
  const kind = r.pick(pool)
  const s = r.pick(SEEDS.filter((x) => x.kind === kind))
  let names = Object.keys(mutators[kind])
  // A bomb builds 1 GiB streams: one case in 200.
  if (r.next() > 1 / 200) names = names.filter((m) => !HEAVY.has(m))
  const mutation = r.pick(names)
  return { seed: s, mutation, n: r.int(0, 2 ** 31 - 1) }
}

const work = mkdtempSync(join(tmpdir(), 'gomem-fuzz-'))
const counts = Object.fromEntries(CLASSES.map((c) => [c, 0]))
const byMutation = {}
const failures = []
const savedPer = new Map()
let next = 0
let done = 0
let slowest = { ms: 0 }
let peakest = { peak: 0 }
const started = Date.now()

const saveDir = opt['no-save'] ? null : resolve(ROOT, opt.save)
const manifest = saveDir ? readManifest(saveDir) : []
let saved = 0

function save(c, res) {
  if (!saveDir) return
  const key = `${res.cls}/${c.kind}/${c.mutation}`
  const n = savedPer.get(key) ?? 0
  if (n >= maxSaved) return
  savedPer.set(key, n + 1)
  if (addRegression(manifest, res.cls, c, `${res.cls}: ${res.detail}`, saveDir)) saved++
}

async function worker(w) {
  const dir = join(work, String(w))
  for (;;) {
    const i = next++
    if (i >= cases) return
    const { seed: s, mutation, n } = caseAt(i)
    let c
    try {
      c = { ...makeCase(s, mutation, n), worker: w }
    } catch (err) {
      console.error(`case ${i}: the mutation ${mutation} of ${s.path} #${n} failed: ${err.message}`)
      continue
    }
    const res = await runCase(c, { dir, timeoutMs, memLimit })
    counts[res.cls]++
    const m = (byMutation[`${c.kind}/${c.mutation}`] ??= Object.fromEntries(
      CLASSES.map((k) => [k, 0]),
    ))
    m[res.cls]++
    if (res.ms > slowest.ms) slowest = { ms: res.ms, what: `${c.seed} ${c.mutation} #${c.n}` }
    if (res.peak > peakest.peak)
      peakest = { peak: res.peak, what: `${c.seed} ${c.mutation} #${c.n}` }
    if (FAILURES.includes(res.cls)) {
      failures.push({
        i,
        cls: res.cls,
        seed: c.seed,
        mutation: c.mutation,
        n: c.n,
        role: roleOf(c),
        note: c.note,
        detail: res.detail,
      })
      console.log(
        `FAIL ${res.cls}: ${c.seed} ${c.mutation} #${c.n} as ${roleOf(c)} (${c.note}): ${res.detail}`,
      )
      save(c, res)
    }
    rmSync(res.file, { force: true })
    done++
    if (done % 250 === 0 || done === cases) {
      const s = (Date.now() - started) / 1000
      const line = CLASSES.map((k) => `${k} ${counts[k]}`).join(', ')
      console.log(`[${done}/${cases}] ${s.toFixed(0)} s: ${line}`)
    }
  }
}

console.log(
  `fuzz: ${cases} cases, seed ${seed}, ${jobs} in parallel, ${timeoutMs / 1000} s and ${memLimit / 1e9} GB per case, ${SEEDS.length} seed files`,
)
await Promise.all(Array.from({ length: jobs }, (_, w) => worker(w)))
rmSync(work, { recursive: true, force: true })

const seconds = (Date.now() - started) / 1000
const LABELS = {
  hang: 'hang',
  memory: 'memory',
  crash: 'crash',
  garbage: 'garbage accepted',
  multiline: 'multi-line error',
  refused: 'refused cleanly',
  accepted: 'accepted valid',
}
console.log(`\n${done} cases in ${(seconds / 60).toFixed(1)} min (seed ${seed})`)
console.log('| class | cases |\n|---|---:|')
for (const k of CLASSES) console.log(`| ${LABELS[k]} | ${counts[k]} |`)
console.log(
  `\nslowest case ${(slowest.ms / 1000).toFixed(1)} s (${slowest.what}); highest peak RSS ${(peakest.peak / 1e6).toFixed(0)} MB (${peakest.what})`,
)
console.log('\nper mutation (refused / accepted / failed):')
for (const [m, c] of Object.entries(byMutation).sort()) {
  const failed = FAILURES.reduce((a, k) => a + c[k], 0)
  console.log(`  ${m}: ${c.refused} / ${c.accepted} / ${failed}`)
}
if (saveDir && saved > 0) {
  writeManifest(manifest, saveDir)
  console.log(
    `\n${saved} failing cases saved under ${relative(ROOT, saveDir)}/ (manifest.json, README.md)`,
  )
}
process.exitCode = failures.length ? 1 : 0
