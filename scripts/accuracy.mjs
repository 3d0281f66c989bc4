// npm run accuracy: how often is gomem-gate's verdict right? Runs the fixture service
// (fixtures/go/service, needs `go`) many times with different seeds, unchanged and with
// regressions of known size, at the default MemProfileRate (512 KiB) and at rate 1, then
// compares pairs with the bundled CLI (`dist/cli.js compare -f json`) and counts false alarms
// (unchanged code), detections (regressions) and "inconclusive" verdict rows. Then, with a
// history (`dist/cli.js record`, when the CLI has it): leave-one-out (nine unchanged runs as
// history, the tenth as candidate) and the regressions against a history of nine unchanged
// runs; and GODEBUG=gctrace=1 logs of the service (a leak, a flat one). Last, the targets of
// issue 13 ("verdicts you can trust"), each PASS or MISS.
//
//   npm run accuracy                      defaults: ~7 min on 2 idle cores the first time
//                                         (~840 CPU-s), ~2 min again (service runs cached)
//   npm run accuracy -- --quick           a small run (3 seeds per scenario, 2 at rate 1)
//   npm run accuracy -- --seeds 30 --seeds-rate1 15 --jobs 4 --fresh
//
// Service runs are cached in .accuracy/runs/ (reused while the service binary is the same),
// so a rerun after a change in src/ only repeats the compares. Results: .accuracy/results.json
// (every pair) and .accuracy/results.md (tables ready for docs/comparing.md).
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const CLI = join(ROOT, 'dist', 'cli.js')
const SERVICE_SRC = join(ROOT, 'fixtures', 'go', 'service')

const usage = () => `usage: npm run accuracy -- [options]

  --quick             small run: 3 seeds per scenario (2 at rate 1), history of 3 runs, 2
                      gctrace seeds
  --seeds N           seeds per scenario at the default rate (env ACCURACY_SEEDS, default 21:
                      210 unchanged pairs, 21 pairs per regression)
  --seeds-rate1 N     seeds per scenario at MemProfileRate 1 (env ACCURACY_SEEDS_RATE1, default
                      10; a run at rate 1 costs ~5x one at the default rate)
  --rates LIST        MemProfileRates, comma-separated (default 524288,1)
  --scenarios LIST    scenario ids to run (default: all; see below)
  --history-seeds N   history mode, at every rate: unchanged seeds 1..N (default 10, --quick 4);
                      leave-one-out: for each i, a history of the other N-1 (one
                      \`record --history H --commit seed<j>\` per seed j), then
                      \`compare --history H --baseline <newest history seed> --candidate <seed i>\`
                      must pass; regressions with history: regression seed i against the same
                      history (scenarios marked * below). Skipped, with a note, when dist/cli.js
                      has no \`record\` command or \`compare --history\`.
  --no-history        skip the history mode
  --gctrace-seeds N   GODEBUG=gctrace=1 logs of -scenario leak-cache (a leak) and -scenario
                      baseline (flat), seeds 1..N at the default rate (default 5, --quick 2; 0:
                      skip): the leak alone and against a flat log must fail, a flat log alone
                      must pass
  --variants LIST     memstats (profiles + MemStats JSON on both sides) and/or profiles-only
                      (default: both)
  --config FILE       policy file passed to compare (default: the built-in rules)
  --jobs N            parallel processes (env ACCURACY_JOBS, default: the number of CPUs)
  --dir DIR           cache and results (env ACCURACY_DIR, default .accuracy)
  --fresh             discard the cached service runs
  --no-bundle         use dist/ as it is even when src/ is newer

scenarios: ${SCENARIOS.map((s) => `${s.id}${s.history ? '*' : ''}`).join(', ')}
  (* also judged with a history; cache-x1.27 is the cache factor that gives ~+25 % live heap)

The targets table (printed, and in .accuracy/results.md) checks issue 13's targets: no false
alarm in >= 200 unchanged pairs at the default rate (and none at rate 1), none in any
leave-one-out case; with history: cache +10 % at rate 1, marshal-x2 at rate 1 (the verdict
naming encoding/json.Marshal or main.encodeResponse) and cache +50 % at the default rate all
fail; without history at rate 1: cache +25 % live heap (cache-x1.27) and marshal-x2 fail; a
gctrace leak log fails alone and against a flat log, a flat log alone passes.`

// What is measured. `unchanged` compares baseline runs with each other (every pair of
// distinct seeds); every other scenario runs the service with its flags and compares each
// run with a baseline run of another seed.
const SCENARIOS = [
  { id: 'unchanged', label: 'unchanged', flags: [] },
  ...[1, 2, 4, 8, 16].map((n) => ({
    id: `leak-${n}mib`,
    label: `leak ${n} MiB`,
    flags: ['-leak-mib', String(n)],
  })),
  { id: 'temp-x2', label: 'temp allocs ×2', flags: ['-temp-factor', '2'] },
  ...[100, 1000, 5000].map((n) => ({
    id: `goroutines-${n}`,
    label: `${n.toLocaleString('en-US')} leaked goroutines`,
    flags: ['-leak-goroutines', String(n)],
  })),
  // The cache holds F times as many bytes (about F times as many entries). Measured live heap
  // (HeapAlloc, seeds 1-3): x1.1 +9.3 %, x1.27 +24.8 %, x1.5 +45.8 %.
  ...[
    ['1.1', '+10 %'],
    ['1.27', '+27 %, ~+25 % live heap'],
    ['1.5', '+50 %'],
  ].map(([f, what]) => ({
    id: `cache-x${f}`,
    label: `cache ×${f} (${what})`,
    flags: ['-cache-factor', f],
    history: true,
  })),
  // encoding/json.Marshal called twice per rendered response, from the same stack
  { id: 'marshal-x2', label: 'json.Marshal ×2', flags: ['-marshal-twice'], history: true },
]
// What a verdict on marshal-x2 must name among its violations' subjects.
const MARSHAL_SUBJECTS = ['encoding/json.Marshal', 'main.encodeResponse']
const VARIANTS = {
  memstats: { label: 'profiles + MemStats', files: ['pb.gz', 'memstats.json'] },
  'profiles-only': { label: 'profiles only', files: ['pb.gz'] },
}

const fail = (msg) => {
  console.error(`accuracy: ${msg}`)
  process.exit(2)
}

// ---- options ----------------------------------------------------------------------------

let opts
try {
  opts = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      seeds: { type: 'string' },
      'seeds-rate1': { type: 'string' },
      rates: { type: 'string' },
      scenarios: { type: 'string' },
      variants: { type: 'string' },
      config: { type: 'string' },
      jobs: { type: 'string' },
      dir: { type: 'string' },
      'history-seeds': { type: 'string' },
      'no-history': { type: 'boolean', default: false },
      'gctrace-seeds': { type: 'string' },
      fresh: { type: 'boolean', default: false },
      'no-bundle': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values
} catch (e) {
  fail(`${e.message} (npm run accuracy -- --help lists the options)`)
}
if (opts.help) {
  console.log(usage())
  process.exit(0)
}

const int = (name, value, min) => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) fail(`${name} must be an integer >= ${min}, got '${value}'`)
  return n
}
const list = (value) =>
  String(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

const seedsDefault = int(
  '--seeds',
  opts.seeds ?? process.env.ACCURACY_SEEDS ?? (opts.quick ? 3 : 21),
  2,
)
const seedsRate1 = int(
  '--seeds-rate1',
  opts['seeds-rate1'] ?? process.env.ACCURACY_SEEDS_RATE1 ?? (opts.quick ? 2 : 10),
  2,
)
const rates = list(opts.rates ?? '524288,1').map((r) => int('--rates', r, 1))
const jobs = int('--jobs', opts.jobs ?? process.env.ACCURACY_JOBS ?? availableParallelism(), 1)
const dir = resolve(opts.dir ?? process.env.ACCURACY_DIR ?? join(ROOT, '.accuracy'))
const scenarios = opts.scenarios
  ? list(opts.scenarios).map(
      (id) =>
        SCENARIOS.find((s) => s.id === id) ??
        fail(`unknown scenario '${id}' (known: ${SCENARIOS.map((s) => s.id).join(', ')})`),
    )
  : SCENARIOS
const variants = list(opts.variants ?? Object.keys(VARIANTS).join(',')).map((v) =>
  VARIANTS[v] ? v : fail(`unknown variant '${v}' (known: ${Object.keys(VARIANTS).join(', ')})`),
)
const config = opts.config ? resolve(opts.config) : null
if (config && !existsSync(config)) fail(`--config ${opts.config}: no such file`)
const historySeeds = opts['no-history']
  ? 0
  : int('--history-seeds', opts['history-seeds'] ?? (opts.quick ? 4 : 10), 2)
const gctraceSeeds = int('--gctrace-seeds', opts['gctrace-seeds'] ?? (opts.quick ? 2 : 5), 0)
const seedsAt = (rate) => (rate === 1 ? seedsRate1 : seedsDefault)
const rateLabel = (rate) =>
  rate === 1
    ? 'rate 1'
    : rate % 1024 === 0
      ? `${rate / 1024 >= 1024 ? `${rate / 1024 / 1024}MiB` : `${rate / 1024}KiB`}`
      : `rate ${rate}`

// ---- prerequisites: go, a current dist/, the service binary ------------------------------

const t0 = Date.now()
// CPU seconds used by finished child processes (Linux: cutime + cstime of /proc/self/stat),
// to tell what the run would take on an idle machine when others share the CPUs.
const clockTicks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100
const childCpu = () => {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
    return (Number(f[13]) + Number(f[14])) / clockTicks // fields 16 and 17 of the whole line
  } catch {
    return NaN
  }
}
const elapsed = (since = t0) => `${((Date.now() - since) / 1000).toFixed(0)} s`

const goVersion = spawnSync('go', ['version'], { encoding: 'utf8' })
if (goVersion.error || goVersion.status !== 0) {
  fail(
    "'go' not found on PATH: the accuracy study runs the Go fixture service.\n" +
      '  Install it (Debian/Ubuntu: apt-get install -y golang-go) and rerun.',
  )
}

const newestMtime = (path) => {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  return Math.max(0, ...readdirSync(path).map((f) => newestMtime(join(path, f))))
}
const distStale = !existsSync(CLI) || statSync(CLI).mtimeMs < newestMtime(join(ROOT, 'src'))
if (distStale && !opts['no-bundle']) {
  console.log('dist/ is missing or older than src/: npm run bundle …')
  const b = spawnSync('npm', ['run', 'bundle'], { cwd: ROOT, stdio: 'inherit' })
  if (b.status !== 0) fail('npm run bundle failed (see above); fix it or rerun with --no-bundle')
} else if (!existsSync(CLI)) {
  fail(`${CLI} is missing: run npm run bundle`)
} else if (distStale) {
  console.warn('warning: dist/cli.js is older than src/ (--no-bundle: using it as it is)')
}

mkdirSync(dir, { recursive: true })
const buildDir = mkdtempSync(join(tmpdir(), 'gomemgate-accuracy-'))
process.on('exit', () => rmSync(buildDir, { recursive: true, force: true }))
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130))
const service = join(buildDir, 'service')
const goEnv = {
  ...process.env,
  CGO_ENABLED: '0',
  GOWORK: 'off',
  GOFLAGS: '',
  GOPROXY: 'off',
  GOTOOLCHAIN: 'local',
}
const build = spawnSync('go', ['build', '-trimpath', '-buildvcs=false', '-o', service, '.'], {
  cwd: SERVICE_SRC,
  env: goEnv,
  encoding: 'utf8',
})
if (build.status !== 0) fail(`go build in fixtures/go/service failed:\n${build.stderr}`)

// Cached runs stay valid while the binary is the same: -trimpath and -buildvcs=false builds
// depend on the sources and the toolchain only, not on the checkout's path or git state.
const binaryHash = createHash('sha256').update(readFileSync(service)).digest('hex')
const runsDir = join(dir, 'runs')
const stampFile = join(runsDir, 'service.sha256')
if (
  opts.fresh ||
  (existsSync(runsDir) &&
    (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== binaryHash))
) {
  rmSync(runsDir, { recursive: true, force: true })
}
mkdirSync(runsDir, { recursive: true })
writeFileSync(stampFile, binaryHash)

// ---- a small process pool ----------------------------------------------------------------

function run(cmd, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    const out = []
    const err = []
    child.stdout.on('data', (d) => out.push(d))
    child.stderr.on('data', (d) => err.push(d))
    child.on('error', (e) => resolvePromise({ code: -1, stdout: '', stderr: String(e) }))
    child.on('close', (code, signal) =>
      resolvePromise({
        code: code ?? (signal ? -1 : 0),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    )
  })
}

async function pool(tasks, what) {
  const results = new Array(tasks.length)
  let next = 0
  let done = 0
  const started = Date.now()
  const tty = process.stderr.isTTY
  let lastReport = 0
  const report = () => {
    const line = `${what}: ${done}/${tasks.length} (${elapsed(started)})`
    if (tty) process.stderr.write(`\r${line}`)
    else if (done === tasks.length || Date.now() - lastReport > 30_000) {
      lastReport = Date.now()
      console.error(line)
    }
  }
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++
      results[i] = await tasks[i]()
      done++
      report()
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, worker))
  if (tty && tasks.length) process.stderr.write('\n')
  return results
}

// ---- 1. service runs ---------------------------------------------------------------------

// A run: the service at one rate, with one scenario's flags and one seed. The unchanged
// scenario's runs are the baseline runs.
const runPrefix = (rate, scenario, seed) =>
  join(runsDir, `rate-${rate}`, `${scenario.flags.length ? scenario.id : 'baseline'}-seed${seed}`)
const baselineScenario = SCENARIOS[0]

// gctrace runs: the service under GODEBUG=gctrace=1 (its stderr is the trace), a -scenario,
// at the default rate; only PREFIX.gctrace.txt is kept.
const GCTRACE = {
  flat: { scenario: 'baseline', label: 'flat log (-scenario baseline)' },
  leak: { scenario: 'leak-cache', label: 'leak log (-scenario leak-cache)' },
}
const goDefaultRate = 524288
const gctracePrefix = (kind, seed) =>
  join(runsDir, `rate-${goDefaultRate}`, `gctrace-${kind}-seed${seed}`)

const wanted = new Map()
for (const rate of rates) {
  for (const scenario of [baselineScenario, ...scenarios]) {
    // the history mode needs unchanged seeds 1..historySeeds
    const n = scenario === baselineScenario ? Math.max(seedsAt(rate), historySeeds) : seedsAt(rate)
    for (let seed = 1; seed <= n; seed++) {
      const prefix = runPrefix(rate, scenario, seed)
      wanted.set(prefix, { rate, scenario, seed, prefix })
    }
  }
}
for (const kind of Object.keys(GCTRACE)) {
  for (let seed = 1; seed <= gctraceSeeds; seed++) {
    const prefix = gctracePrefix(kind, seed)
    wanted.set(prefix, { rate: goDefaultRate, gctrace: kind, seed, prefix })
  }
}
const runDone = (r) =>
  r.gctrace
    ? existsSync(`${r.prefix}.gctrace.txt`)
    : existsSync(`${r.prefix}.pb.gz`) && existsSync(`${r.prefix}.memstats.json`)
// (the service writes the MemStats JSON last, a gctrace run's log is renamed into place at
// the end; the slow rate-1 runs go first, so that the workers finish together)
const missing = [...wanted.values()].filter((r) => !runDone(r)).sort((a, b) => a.rate - b.rate)
console.log(
  `${(goVersion.stdout || '').trim()}; ${jobs} parallel jobs; ${wanted.size} service runs ` +
    `(${wanted.size - missing.length} cached in ${runsDir}), rates ${rates.join(', ')}, ` +
    `seeds ${rates.map((r) => `${seedsAt(r)} @ ${rateLabel(r)}`).join(', ')}`,
)
const tRuns = Date.now()
const cpuRuns0 = childCpu()
const runResults = await pool(
  missing.map((r) => async () => {
    mkdirSync(dirname(r.prefix), { recursive: true })
    if (r.gctrace) {
      const out = join(buildDir, `gctrace-${r.gctrace}-${r.seed}`) // its dumps: thrown away
      const args = ['-scenario', GCTRACE[r.gctrace].scenario, '-seed', String(r.seed), '-out', out]
      const res = await run(service, args, {
        cwd: buildDir,
        env: { ...process.env, GODEBUG: 'gctrace=1' },
      })
      for (const e of ['pb.gz', 'heap.txt', 'memstats.json']) rmSync(`${out}.${e}`, { force: true })
      if (res.code !== 0) return `GODEBUG=gctrace=1 service ${args.join(' ')}: exit ${res.code}`
      writeFileSync(`${r.prefix}.gctrace.tmp`, res.stderr)
      renameSync(`${r.prefix}.gctrace.tmp`, `${r.prefix}.gctrace.txt`)
      return null
    }
    const args = ['-scenario', 'baseline', '-seed', String(r.seed), '-out', r.prefix]
    args.push('-memprofilerate', String(r.rate), ...r.scenario.flags)
    const res = await run(service, args, { cwd: buildDir })
    rmSync(`${r.prefix}.heap.txt`, { force: true }) // not compared; large at rate 1
    if (res.code !== 0) {
      rmSync(`${r.prefix}.pb.gz`, { force: true })
      rmSync(`${r.prefix}.memstats.json`, { force: true })
      return `service ${args.join(' ')}: exit ${res.code}: ${res.stderr.trim()}`
    }
    return null
  }),
  'service runs',
)
const runErrors = runResults.filter(Boolean)
if (runErrors.length) fail(`${runErrors.length} service runs failed, first:\n${runErrors[0]}`)
const runsSeconds = (Date.now() - tRuns) / 1000
const runsCpu = childCpu() - cpuRuns0

// ---- 2. compares -------------------------------------------------------------------------

const pairs = []
for (const rate of rates) {
  const n = seedsAt(rate)
  for (const scenario of scenarios) {
    const seedPairs = []
    if (!scenario.flags.length) {
      for (let i = 1; i <= n; i++) for (let j = i + 1; j <= n; j++) seedPairs.push([i, j])
    } else {
      // each regression run against the baseline run of the next seed
      for (let k = 1; k <= n; k++) seedPairs.push([(k % n) + 1, k])
    }
    for (const variant of variants) {
      for (const [b, c] of seedPairs) {
        pairs.push({ rate, scenario, variant, baselineSeed: b, candidateSeed: c })
      }
    }
  }
}

// Every object in the report with a `significance` field (rows of the noise model: verdict
// rows, totals, allocators, packages); `where` is the path to it, e.g. violations[0].
function significanceRows(node, where = '', acc = []) {
  if (Array.isArray(node)) node.forEach((x, i) => significanceRows(x, `${where}[${i}]`, acc))
  else if (node && typeof node === 'object') {
    if (typeof node.significance === 'string') {
      acc.push({
        where,
        significance: node.significance,
        rule: node.rule ?? null,
        subject: node.subject ?? node.function ?? null,
        metric: node.metric ?? node.sampleType ?? null,
        ...(typeof node.sigma === 'number' ? { sigma: node.sigma } : {}),
      })
    }
    for (const [k, v] of Object.entries(node)) {
      if (v && typeof v === 'object') significanceRows(v, where ? `${where}.${k}` : k, acc)
    }
  }
  return acc
}

const tCompare = Date.now()
const cpuCompare0 = childCpu()

// One compare through the CLI; `meta` says what it is (scenario, rate, variant, seeds, mode).
async function judge(meta, args) {
  if (config) args.push('--config', config)
  // cwd: the cache dir, so that no .github/gomem-gate.yml of the checkout is picked up
  const res = await run(process.execPath, [CLI, 'compare', '-f', 'json', ...args], { cwd: dir })
  const record = {
    mode: 'pair',
    ...meta,
    exitCode: res.code,
    status: null,
    outcome: 'error',
    violations: [],
    inconclusive: [], // rule checks over their limit but within the noise
    otherInconclusiveRows: 0, // allocator/package/total rows marked inconclusive (no rule)
    significanceSeen: false,
    error: null,
  }
  let report = null
  try {
    report = JSON.parse(res.stdout)
  } catch {
    record.error = (res.stderr.trim() || `exit ${res.code}, no JSON on stdout`).split('\n')[0]
    return record
  }
  record.status = report.status ?? null
  record.violations = (report.violations ?? []).map((v) => ({
    rule: v.rule,
    subject: v.subject,
    metric: v.metric,
    ...(v.significance !== undefined ? { significance: v.significance } : {}),
  }))
  const rows = significanceRows(report)
  record.significanceSeen = rows.length > 0
  // An inconclusive outcome is a rule check that is inconclusive: the report's
  // `inconclusive[]` (rule rows over a limit but within the noise), or any other row that
  // names a rule and is marked so.
  const inconclusive = rows.filter((r) => r.significance === 'inconclusive')
  record.inconclusive = inconclusive.filter(
    (r) => r.where.startsWith('inconclusive[') || r.rule !== null,
  )
  record.otherInconclusiveRows = inconclusive.length - record.inconclusive.length
  if (res.code === 1) record.outcome = 'fail'
  else if (res.code === 0) record.outcome = record.inconclusive.length ? 'inconclusive' : 'pass'
  else record.error = (res.stderr.trim() || `exit ${res.code}`).split('\n')[0]
  return record
}
const sideFiles = (prefix, variant) => VARIANTS[variant].files.map((e) => `${prefix}.${e}`)

const compared = await pool(
  pairs.map((p) => () => {
    const base = runPrefix(p.rate, baselineScenario, p.baselineSeed)
    const cand = runPrefix(p.rate, p.scenario, p.candidateSeed)
    const meta = {
      scenario: p.scenario.id,
      rate: p.rate,
      variant: p.variant,
      baselineSeed: p.baselineSeed,
      candidateSeed: p.candidateSeed,
    }
    return judge(meta, ['-b', ...sideFiles(base, p.variant), '-c', ...sideFiles(cand, p.variant)])
  }),
  'compares',
)

// ---- 2b. with a history: leave-one-out and regressions -----------------------------------

// `record` is being added to the CLI: use it when dist/cli.js has it (and compare --history).
const cliHelp = (cmd) =>
  spawnSync(process.execPath, [CLI, cmd, '--help'], { cwd: dir, encoding: 'utf8' })
let historyNote = null
if (!historySeeds) historyNote = 'history cases skipped (--no-history)'
else if (cliHelp('record').status !== 0) {
  historyNote =
    'history cases skipped: dist/cli.js has no `record` command yet (`record --help` did not exit 0)'
} else {
  const h = cliHelp('compare')
  if (!/--history\b/.test(`${h.stdout}${h.stderr}`))
    historyNote = 'history cases skipped: `compare --help` of dist/cli.js lists no --history'
}
const historyDir = join(dir, 'history') // rebuilt every time: it depends on dist/, not on the runs
rmSync(historyDir, { recursive: true, force: true })
const historyScenarios = scenarios.filter((s) => s.history)
const historyCompared = []
const historyErrors = []
if (historyNote) {
  console.log(`\n${historyNote}`)
} else {
  // H(rate, variant, i): the unchanged seeds 1..historySeeds except i, recorded in that order
  const histories = []
  for (const rate of rates) {
    for (const variant of variants) {
      for (let i = 1; i <= historySeeds; i++) {
        const seeds = Array.from({ length: historySeeds }, (_, k) => k + 1).filter((j) => j !== i)
        const file = join(historyDir, `rate-${rate}`, variant, `without-seed${i}.json`)
        histories.push({ rate, variant, leftOut: i, seeds, file })
      }
    }
  }
  const built = await pool(
    histories.map((h) => async () => {
      mkdirSync(dirname(h.file), { recursive: true })
      for (const j of h.seeds) {
        const files = sideFiles(runPrefix(h.rate, baselineScenario, j), h.variant)
        const args = [CLI, 'record', '--history', h.file, '--commit', `seed${j}`, ...files]
        const res = await run(process.execPath, args, { cwd: dir })
        if (res.code !== 0) {
          return `record ${args.slice(2).join(' ')}: exit ${res.code}: ${res.stderr.trim().split('\n')[0]}`
        }
      }
      return null
    }),
    'histories',
  )
  historyErrors.push(...built.filter(Boolean))
  const cases = []
  histories.forEach((h, k) => {
    if (built[k]) return
    const newest = runPrefix(h.rate, baselineScenario, h.seeds[h.seeds.length - 1])
    const meta = {
      rate: h.rate,
      variant: h.variant,
      historySeeds: h.seeds,
      baselineSeed: h.seeds.at(-1),
    }
    const against = (scenario, seed) => [
      '--history',
      h.file,
      '-b',
      ...sideFiles(newest, h.variant),
      '-c',
      ...sideFiles(runPrefix(h.rate, scenario, seed), h.variant),
    ]
    cases.push({
      meta: { ...meta, mode: 'loo', scenario: 'unchanged', candidateSeed: h.leftOut },
      args: against(baselineScenario, h.leftOut),
    })
    if (h.leftOut > seedsAt(h.rate)) return // no regression run of that seed
    for (const scenario of historyScenarios) {
      cases.push({
        meta: { ...meta, mode: 'history', scenario: scenario.id, candidateSeed: h.leftOut },
        args: against(scenario, h.leftOut),
      })
    }
  })
  historyCompared.push(
    ...(await pool(
      cases.map((c) => () => judge(c.meta, c.args)),
      'compares with history',
    )),
  )
  if (historyErrors.length) {
    console.log(
      `\n${historyErrors.length} histories could not be recorded, first: ${historyErrors[0]}`,
    )
  }
}

// ---- 2c. gctrace logs --------------------------------------------------------------------

// leak alone, leak against a flat log of another seed, flat alone
const gctraceCases = []
for (let k = 1; k <= gctraceSeeds; k++) {
  const other = (k % gctraceSeeds) + 1
  const leak = `${gctracePrefix('leak', k)}.gctrace.txt`
  const flat = `${gctracePrefix('flat', k)}.gctrace.txt`
  const meta = { mode: 'gctrace', rate: goDefaultRate, variant: 'gctrace', candidateSeed: k }
  gctraceCases.push(
    { meta: { ...meta, scenario: 'gctrace-leak-alone', baselineSeed: null }, args: ['-c', leak] },
    {
      meta: { ...meta, scenario: 'gctrace-leak-vs-flat', baselineSeed: other },
      args: ['-b', `${gctracePrefix('flat', other)}.gctrace.txt`, '-c', leak],
    },
    { meta: { ...meta, scenario: 'gctrace-flat-alone', baselineSeed: null }, args: ['-c', flat] },
  )
}
const gctraceCompared = await pool(
  gctraceCases.map((c) => () => judge(c.meta, c.args)),
  'gctrace compares',
)
// a log judged alone comes back "no-baseline" from a CLI that cannot judge it without one
const gctraceNotJudged = gctraceCompared.filter((r) => r.status === 'no-baseline').length
const gctraceNote = !gctraceSeeds
  ? 'gctrace cases skipped (--gctrace-seeds 0)'
  : gctraceNotJudged
    ? `${gctraceNotJudged} of ${gctraceCompared.length} gctrace compares came back "no-baseline": ` +
      'this CLI does not judge a gctrace log alone yet (counted as not caught / no false alarm)'
    : null
if (gctraceNote) console.log(`\n${gctraceNote}`)

const compareSeconds = (Date.now() - tCompare) / 1000
const compareCpu = childCpu() - cpuCompare0

// ---- 3. summary --------------------------------------------------------------------------

function summarize(records, scenarioList) {
  const out = []
  for (const variant of variants) {
    for (const scenario of scenarioList) {
      for (const rate of rates) {
        const rs = records.filter(
          (r) => r.variant === variant && r.scenario === scenario.id && r.rate === rate,
        )
        const count = (o) => rs.filter((r) => r.outcome === o).length
        const rules = {}
        for (const r of rs) {
          for (const rule of new Set(r.violations.map((v) => v.rule)))
            rules[rule] = (rules[rule] ?? 0) + 1
        }
        const inconclusiveRules = {}
        for (const r of rs) {
          for (const rule of new Set(r.inconclusive.map((v) => v.rule ?? v.where))) {
            inconclusiveRules[rule] = (inconclusiveRules[rule] ?? 0) + 1
          }
        }
        out.push({
          scenario: scenario.id,
          label: scenario.label,
          regression: scenario.flags.length > 0,
          rate,
          variant,
          pairs: rs.length,
          failed: count('fail'),
          inconclusive: count('inconclusive'),
          // pairs with an inconclusive row at all, whatever the verdict
          withInconclusiveRows: rs.filter((r) => r.inconclusive.length).length,
          passed: count('pass'),
          errors: count('error'),
          rules,
          inconclusiveRules,
        })
      }
    }
  }
  return out
}
const rows = summarize(compared, scenarios)
const historyRows = summarize(historyCompared, [
  { ...baselineScenario, label: 'unchanged, leave-one-out' },
  ...historyScenarios,
]).filter((r) => r.pairs)

// ---- 4. the targets of issue 13 ----------------------------------------------------------

// Each target: the records it counts, and whether a record is a hit (a false alarm, or a
// regression caught). Status: PASS, MISS, SHORT (no miss, but fewer cases than the target
// asks for) or SKIPPED (nothing measured; the note says why).
const names = (r, subjects) =>
  r.violations.some((v) => subjects.some((s) => String(v.subject ?? '').includes(s)))
const DEFAULT_RATE_LABEL = `${rateLabel(goDefaultRate)} (default)`
const TARGETS = [
  ...[goDefaultRate, 1].map((rate) => ({
    id: `unchanged-${rate}`,
    what: `no false alarm: unchanged pairs, no history, ${rate === 1 ? 'rate 1' : DEFAULT_RATE_LABEL}`,
    kind: 'false-alarms',
    min: rate === 1 ? 1 : 200,
    records: (v) =>
      compared.filter((r) => r.variant === v && r.scenario === 'unchanged' && r.rate === rate),
  })),
  ...[goDefaultRate, 1].map((rate) => ({
    id: `loo-${rate}`,
    what: `no false alarm: leave-one-out (${Math.max(historySeeds - 1, 0)} runs as history), ${rate === 1 ? 'rate 1' : DEFAULT_RATE_LABEL}`,
    kind: 'false-alarms',
    min: 10,
    history: true,
    records: (v) =>
      historyCompared.filter((r) => r.variant === v && r.mode === 'loo' && r.rate === rate),
  })),
  {
    id: 'history-cache-x1.1-1',
    what: 'with history: cache +10 % (cache-x1.1) fails, rate 1',
    kind: 'caught',
    min: 10,
    history: true,
    records: (v) =>
      historyCompared.filter(
        (r) =>
          r.variant === v && r.mode === 'history' && r.scenario === 'cache-x1.1' && r.rate === 1,
      ),
  },
  {
    id: 'history-marshal-x2-1',
    what: `with history: json.Marshal ×2 (marshal-x2) fails naming ${MARSHAL_SUBJECTS.join(' or ')}, rate 1`,
    kind: 'caught',
    min: 10,
    history: true,
    hit: (r) => r.outcome === 'fail' && names(r, MARSHAL_SUBJECTS),
    records: (v) =>
      historyCompared.filter(
        (r) =>
          r.variant === v && r.mode === 'history' && r.scenario === 'marshal-x2' && r.rate === 1,
      ),
  },
  {
    id: `history-cache-x1.5-${goDefaultRate}`,
    what: `with history: cache +50 % (cache-x1.5) fails, ${DEFAULT_RATE_LABEL}`,
    kind: 'caught',
    min: 10,
    history: true,
    records: (v) =>
      historyCompared.filter(
        (r) =>
          r.variant === v &&
          r.mode === 'history' &&
          r.scenario === 'cache-x1.5' &&
          r.rate === goDefaultRate,
      ),
  },
  {
    id: 'cache-x1.27-1',
    what: 'no history: +25 % live heap (cache-x1.27) fails, rate 1',
    kind: 'caught',
    min: 1,
    records: (v) =>
      compared.filter((r) => r.variant === v && r.scenario === 'cache-x1.27' && r.rate === 1),
  },
  {
    id: 'marshal-x2-1',
    what: 'no history: doubled allocator (marshal-x2) fails, rate 1',
    kind: 'caught',
    min: 1,
    records: (v) =>
      compared.filter((r) => r.variant === v && r.scenario === 'marshal-x2' && r.rate === 1),
  },
  {
    id: 'gctrace-leak-alone',
    what: 'gctrace: a leak log alone fails',
    kind: 'caught',
    min: 1,
    gctrace: true,
    records: () => gctraceCompared.filter((r) => r.scenario === 'gctrace-leak-alone'),
  },
  {
    id: 'gctrace-leak-vs-flat',
    what: 'gctrace: a leak log against a flat log fails',
    kind: 'caught',
    min: 1,
    gctrace: true,
    records: () => gctraceCompared.filter((r) => r.scenario === 'gctrace-leak-vs-flat'),
  },
  {
    id: 'gctrace-flat-alone',
    what: 'gctrace: a flat log alone passes',
    kind: 'false-alarms',
    min: 1,
    gctrace: true,
    records: () => gctraceCompared.filter((r) => r.scenario === 'gctrace-flat-alone'),
  },
]
const targets = []
for (const t of TARGETS) {
  for (const variant of t.gctrace ? ['gctrace'] : variants) {
    const rs = t.records(variant)
    const hit = t.hit ?? ((r) => r.outcome === 'fail')
    const hits = rs.filter(hit).length
    const errors = rs.filter((r) => r.outcome === 'error').length
    const inconclusive = rs.filter((r) => r.outcome === 'inconclusive').length
    const notJudged = rs.filter((r) => r.status === 'no-baseline').length
    const failedUnnamed = t.hit ? rs.filter((r) => r.outcome === 'fail' && !hit(r)).length : 0
    let status
    let result
    const notes = []
    if (!rs.length) {
      status = 'SKIPPED'
      result = '–'
      notes.push(
        t.history && historyNote
          ? historyNote.replace(/^history cases skipped: /, '')
          : t.gctrace && gctraceNote
            ? gctraceNote
            : 'not run (scenario or rate not selected)',
      )
    } else {
      const ok = t.kind === 'false-alarms' ? hits === 0 && errors === 0 : hits === rs.length
      status = !ok ? 'MISS' : rs.length < t.min ? 'SHORT' : 'PASS'
      result =
        t.kind === 'false-alarms'
          ? `${hits}/${rs.length} false alarms`
          : `${hits}/${rs.length} caught`
      if (status === 'SHORT') notes.push(`target asks for >= ${t.min} cases`)
    }
    if (inconclusive) notes.push(`${inconclusive} inconclusive`)
    if (errors) notes.push(`${errors} errors`)
    if (failedUnnamed) notes.push(`${failedUnnamed} more failed without naming it`)
    if (notJudged && rs.length) notes.push(`${notJudged} not judged (no-baseline)`)
    targets.push({
      id: t.id,
      target: t.what,
      variant,
      kind: t.kind,
      cases: rs.length,
      hits,
      errors,
      inconclusive,
      status,
      result,
      note: notes.join('; '),
    })
  }
}

const sortedRules = (o) =>
  Object.entries(o)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
const allCompared = [...compared, ...historyCompared, ...gctraceCompared]
const significanceSeen = allCompared.some((r) => r.significanceSeen)
const totalSeconds = (Date.now() - t0) / 1000
const variantLabel = (v) => (v === 'gctrace' ? 'gctrace logs' : VARIANTS[v].label)

const printRows = (list) => {
  const w = Math.max(...list.map((r) => `${r.label} @ ${rateLabel(r.rate)}`.length))
  for (const variant of variants) {
    const vs = list.filter((x) => x.variant === variant)
    if (!vs.length) continue
    console.log(`${variantLabel(variant)}:`)
    for (const r of vs) {
      const name = `${r.label} @ ${rateLabel(r.rate)}`.padEnd(w)
      const what = r.regression ? 'detected' : 'false alarms'
      let line = `  ${name}  ${what} ${r.failed}/${r.pairs}, inconclusive ${r.inconclusive}/${r.pairs}`
      if (r.errors) line += `, ERRORS ${r.errors}/${r.pairs}`
      if (r.failed) line += `   [${sortedRules(r.rules)}]`
      console.log(line)
    }
  }
}
console.log('\nwithout history:')
printRows(rows)
if (historyRows.length) {
  console.log('\nwith history:')
  printRows(historyRows)
}
if (gctraceCompared.length) {
  console.log('\ngctrace logs:')
  for (const id of ['gctrace-leak-alone', 'gctrace-leak-vs-flat', 'gctrace-flat-alone']) {
    const rs = gctraceCompared.filter((r) => r.scenario === id)
    const c = (o) => rs.filter((r) => r.outcome === o).length
    console.log(
      `  ${id.padEnd(22)}  failed ${c('fail')}/${rs.length}, passed ${c('pass')}/${rs.length}` +
        `${c('error') ? `, ERRORS ${c('error')}` : ''}, statuses: ${[...new Set(rs.map((r) => r.status))].join(', ')}`,
    )
  }
}
if (!significanceSeen) {
  console.log(
    '\n(no verdict row carries `significance` yet in this dist/: no inconclusive outcomes)',
  )
}
const errors = allCompared.filter((r) => r.outcome === 'error')
if (errors.length) {
  console.log(`\n${errors.length} compares failed, e.g.: ${errors[0].error}`)
}

// markdown for docs/comparing.md: the targets, then one table per mode, scenario rows ×
// (variant, rate) columns, and the rules behind each count in a collapsed block
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const cell = (r) => {
  if (!r || !r.pairs) return '–'
  let s = `${r.failed} / ${r.pairs}`
  if (r.inconclusive) s += `, ${r.inconclusive} inconclusive`
  if (r.errors) s += `, ${r.errors} errors`
  return s
}
const columns = variants.flatMap((variant) => rates.map((rate) => ({ variant, rate })))
const columnHeader = ({ variant, rate }) =>
  `${VARIANTS[variant].label}, ${rate === 1 ? 'rate 1' : `${rateLabel(rate)}${rate === goDefaultRate ? ' (default)' : ''}`}`
const mdEscape = (s) => String(s).replace(/\|/g, '\\|')
const scenarioTable = (list, scenarioList, unchangedLabel) => {
  const out = [
    `| scenario | ${columns.map(columnHeader).join(' | ')} |`,
    `| --- | ${columns.map(() => '---').join(' | ')} |`,
  ]
  for (const scenario of scenarioList) {
    const label = scenario.flags.length ? scenario.label : unchangedLabel
    const cells = columns.map(({ variant, rate }) =>
      cell(
        list.find((r) => r.scenario === scenario.id && r.rate === rate && r.variant === variant),
      ),
    )
    out.push(`| ${label} | ${cells.join(' | ')} |`)
  }
  return out
}
const targetsTable = [
  '| target | variant | result | status | note |',
  '| --- | --- | --- | --- | --- |',
  ...targets.map(
    (t) =>
      `| ${mdEscape(t.target)} | ${variantLabel(t.variant)} | ${t.result} | ${t.status} | ${mdEscape(t.note) || ''} |`,
  ),
]
const stamp =
  `gomem-gate ${pkg.version}, ${new Date().toISOString().slice(0, 10)}, ` +
  `${(goVersion.stdout || '').trim()}, Node ${process.versions.node}, ${availableParallelism()} CPUs, ` +
  `${rates.map((r) => `${seedsAt(r)} seeds @ ${rateLabel(r)}`).join(', ')}, ` +
  `${config ? `config ${opts.config}` : 'built-in rules'}`
const md = [
  `<!-- npm run accuracy: ${stamp} -->`,
  '',
  '### Targets (issue 13)',
  '',
  ...targetsTable,
  '',
  'PASS: every case right; MISS: at least one wrong (a false alarm, a regression that passed or ' +
    'was inconclusive, an error); SHORT: none wrong, but fewer cases than the target asks for; ' +
    'SKIPPED: not measured (see the note).',
  '',
  '### Without history',
  '',
  ...scenarioTable(rows, scenarios, 'unchanged: false alarms'),
  '',
  'Failed checks / pairs compared; "inconclusive": the check passed, but a rule was over its ' +
    'limit within the sampling noise. Unchanged: every pair of runs with distinct seeds; ' +
    'a regression run is compared with a baseline run of another seed.',
  '',
]
if (historyRows.length) {
  md.push(
    '### With history',
    '',
    ...scenarioTable(
      historyRows,
      [baselineScenario, ...historyScenarios],
      'unchanged, leave-one-out: false alarms',
    ),
    '',
    `Failed checks / cases. History: ${historySeeds - 1} unchanged runs recorded with ` +
      '`record --history`; baseline: the newest of them; candidate: the left-out unchanged run, ' +
      'or the regression run of that seed.',
    '',
  )
} else if (historyNote) {
  md.push('### With history', '', `${historyNote}.`, '')
}
md.push(
  '<details><summary>Which rules failed (pairs per rule)</summary>',
  '',
  '| mode | scenario | variant | rate | rules that failed | inconclusive rules |',
  '| --- | --- | --- | --- | --- | --- |',
)
for (const [mode, list] of [
  ['no history', rows],
  ['history', historyRows],
]) {
  for (const r of list.filter((x) => x.failed || x.withInconclusiveRows)) {
    md.push(
      `| ${mode} | ${r.label} | ${VARIANTS[r.variant].label} | ${rateLabel(r.rate)} | ` +
        `${mdEscape(sortedRules(r.rules)) || '–'} | ${mdEscape(sortedRules(r.inconclusiveRules)) || '–'} |`,
    )
  }
}
md.push('', '</details>', '')
let markdown = md.join('\n')
let targetsMarkdown = targetsTable.join('\n')
try {
  const prettier = await import('prettier') // devDependency: aligned tables, as `npm run lint` wants
  markdown = await prettier.format(markdown, { parser: 'markdown', proseWrap: 'preserve' })
  targetsMarkdown = await prettier.format(targetsMarkdown, { parser: 'markdown' })
} catch {
  // without prettier the tables are valid, just not aligned
}
writeFileSync(join(dir, 'results.md'), markdown)
console.log(`\ntargets (${stamp}):\n\n${targetsMarkdown.trim()}`)

writeFileSync(
  join(dir, 'results.json'),
  JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      tool: { name: pkg.name, version: pkg.version, cli: CLI, cliModified: statSync(CLI).mtime },
      go: (goVersion.stdout || '').trim(),
      node: process.versions.node,
      cpus: availableParallelism(),
      config: config ?? 'built-in defaults',
      jobs,
      rates,
      seeds: Object.fromEntries(rates.map((r) => [r, seedsAt(r)])),
      historySeeds,
      gctraceSeeds,
      scenarios: scenarios.map(({ id, label, flags, history }) => ({
        id,
        label,
        flags,
        history: !!history,
      })),
      variants,
      pairing:
        'unchanged: baseline seed i vs baseline seed j for every i < j; regressions: ' +
        'baseline seed (k mod n)+1 vs regression seed k; history: unchanged seeds 1..N except i ' +
        'recorded in order, baseline the newest of them, candidate unchanged or regression seed i; ' +
        'gctrace: leak seed k alone, against flat seed (k mod n)+1, flat seed k alone',
      significanceSeen,
      historyNote,
      gctraceNote,
      targets,
      seconds: { total: totalSeconds, serviceRuns: runsSeconds, compares: compareSeconds },
      cpuSeconds: { serviceRuns: runsCpu, compares: compareCpu },
      serviceRuns: { total: wanted.size, ran: missing.length },
      summary: rows,
      historySummary: historyRows,
      pairs: compared,
      historyCases: historyCompared,
      historyErrors,
      gctraceCases: gctraceCompared,
    },
    null,
    2,
  ) + '\n',
)

const cpu = (s) => (Number.isFinite(s) ? `, ${s.toFixed(0)} CPU-s` : '')
console.log(
  `\n${wanted.size} service runs (${missing.length} new: ${runsSeconds.toFixed(0)} s${cpu(runsCpu)}), ` +
    `${allCompared.length} compares (${compareSeconds.toFixed(0)} s${cpu(compareCpu)}); ` +
    `total ${totalSeconds.toFixed(0)} s with ${jobs} jobs`,
)
console.log(`wrote ${join(dir, 'results.json')} and ${join(dir, 'results.md')}`)
