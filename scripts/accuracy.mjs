// npm run accuracy: how often is gomem-gate's verdict right? Runs the fixture service
// (fixtures/go/service, needs `go`) many times with different seeds, unchanged and with
// regressions of known size, at the default MemProfileRate (512 KiB) and at rate 1, then
// compares pairs with the bundled CLI (`dist/cli.js compare -f json`) and counts false alarms
// (unchanged code), detections (regressions) and "inconclusive" verdict rows.
//
//   npm run accuracy                      defaults: 7-9 min on 2 cores the first time,
//                                         ~2 min again (service runs cached)
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

  --quick             small run: 3 seeds per scenario (2 at rate 1)
  --seeds N           seeds per scenario at the default rate (env ACCURACY_SEEDS, default 20:
                      190 unchanged pairs, 20 pairs per regression)
  --seeds-rate1 N     seeds per scenario at MemProfileRate 1 (env ACCURACY_SEEDS_RATE1, default
                      10; a run at rate 1 costs ~5x one at the default rate)
  --rates LIST        MemProfileRates, comma-separated (default 524288,1)
  --scenarios LIST    scenario ids to run (default: all; see below)
  --variants LIST     memstats (profiles + MemStats JSON on both sides) and/or profiles-only
                      (default: both)
  --config FILE       policy file passed to compare (default: the built-in rules)
  --jobs N            parallel processes (env ACCURACY_JOBS, default: the number of CPUs)
  --dir DIR           cache and results (env ACCURACY_DIR, default .accuracy)
  --fresh             discard the cached service runs
  --no-bundle         use dist/ as it is even when src/ is newer

scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}`

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
]
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
      fresh: { type: 'boolean', default: false },
      'no-bundle': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values
} catch (e) {
  fail(`${e.message}\n${usage()}`)
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
  opts.seeds ?? process.env.ACCURACY_SEEDS ?? (opts.quick ? 3 : 20),
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

const wanted = new Map()
for (const rate of rates) {
  for (const scenario of [baselineScenario, ...scenarios]) {
    for (let seed = 1; seed <= seedsAt(rate); seed++) {
      const prefix = runPrefix(rate, scenario, seed)
      wanted.set(prefix, { rate, scenario, seed, prefix })
    }
  }
}
// (the service writes the MemStats JSON last; the slow rate-1 runs go first, so that the two
// workers finish together)
const missing = [...wanted.values()]
  .filter((r) => !existsSync(`${r.prefix}.pb.gz`) || !existsSync(`${r.prefix}.memstats.json`))
  .sort((a, b) => a.rate - b.rate)
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
const compared = await pool(
  pairs.map((p) => async () => {
    const base = runPrefix(p.rate, baselineScenario, p.baselineSeed)
    const cand = runPrefix(p.rate, p.scenario, p.candidateSeed)
    const files = VARIANTS[p.variant].files
    const args = [CLI, 'compare', '-f', 'json', '-b', ...files.map((e) => `${base}.${e}`)]
    args.push('-c', ...files.map((e) => `${cand}.${e}`))
    if (config) args.push('--config', config)
    // cwd: the cache dir, so that no .github/gomem-gate.yml of the checkout is picked up
    const res = await run(process.execPath, args, { cwd: dir })
    const record = {
      scenario: p.scenario.id,
      rate: p.rate,
      variant: p.variant,
      baselineSeed: p.baselineSeed,
      candidateSeed: p.candidateSeed,
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
  }),
  'compares',
)
const compareSeconds = (Date.now() - tCompare) / 1000
const compareCpu = childCpu() - cpuCompare0

// ---- 3. summary --------------------------------------------------------------------------

const rows = []
for (const variant of variants) {
  for (const scenario of scenarios) {
    for (const rate of rates) {
      const rs = compared.filter(
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
      rows.push({
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

const sortedRules = (o) =>
  Object.entries(o)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
const significanceSeen = compared.some((r) => r.significanceSeen)
const totalSeconds = (Date.now() - t0) / 1000

console.log()
for (const variant of variants) {
  console.log(`${VARIANTS[variant].label}:`)
  const w = Math.max(...rows.map((r) => `${r.label} @ ${rateLabel(r.rate)}`.length))
  for (const r of rows.filter((x) => x.variant === variant)) {
    const name = `${r.label} @ ${rateLabel(r.rate)}`.padEnd(w)
    const what = r.regression ? 'detected' : 'false alarms'
    let line = `  ${name}  ${what} ${r.failed}/${r.pairs}, inconclusive ${r.inconclusive}/${r.pairs}`
    if (r.errors) line += `, ERRORS ${r.errors}/${r.pairs}`
    if (r.failed) line += `   [${sortedRules(r.rules)}]`
    console.log(line)
  }
}
if (!significanceSeen) {
  console.log(
    '\n(no verdict row carries `significance` yet in this dist/: no inconclusive outcomes)',
  )
}
const errors = compared.filter((r) => r.outcome === 'error')
if (errors.length) {
  console.log(`\n${errors.length} compares failed, e.g.: ${errors[0].error}`)
}

// markdown for docs/comparing.md: one table, scenario rows × (variant, rate) columns, and the
// rules behind each count in a collapsed block
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
  `${VARIANTS[variant].label}, ${rate === 1 ? 'rate 1' : `${rateLabel(rate)}${rate === 524288 ? ' (default)' : ''}`}`
const mdEscape = (s) => String(s).replace(/\|/g, '\\|')
const md = [
  `<!-- npm run accuracy: gomem-gate ${pkg.version}, ${new Date().toISOString().slice(0, 10)}, ` +
    `${(goVersion.stdout || '').trim()}, ${rates.map((r) => `${seedsAt(r)} seeds @ ${rateLabel(r)}`).join(', ')}, ` +
    `${config ? `config ${opts.config}` : 'built-in rules'} -->`,
  '',
  `| scenario | ${columns.map(columnHeader).join(' | ')} |`,
  `| --- | ${columns.map(() => '---').join(' | ')} |`,
]
for (const scenario of scenarios) {
  const label = scenario.flags.length ? scenario.label : 'unchanged: false alarms'
  const cells = columns.map(({ variant, rate }) =>
    cell(rows.find((r) => r.scenario === scenario.id && r.rate === rate && r.variant === variant)),
  )
  md.push(`| ${label} | ${cells.join(' | ')} |`)
}
md.push(
  '',
  'Failed checks / pairs compared; "inconclusive": the check passed, but a rule was over its ' +
    'limit within the sampling noise. Unchanged: every pair of runs with distinct seeds; ' +
    'a regression run is compared with a baseline run of another seed.',
  '',
  '<details><summary>Which rules failed (pairs per rule)</summary>',
  '',
  '| scenario | variant | rate | rules that failed | inconclusive rules |',
  '| --- | --- | --- | --- | --- |',
)
for (const r of rows.filter((x) => x.failed || x.withInconclusiveRows)) {
  md.push(
    `| ${r.label} | ${VARIANTS[r.variant].label} | ${rateLabel(r.rate)} | ` +
      `${mdEscape(sortedRules(r.rules)) || '–'} | ${mdEscape(sortedRules(r.inconclusiveRules)) || '–'} |`,
  )
}
md.push('', '</details>', '')
let markdown = md.join('\n')
try {
  const prettier = await import('prettier') // devDependency: aligned tables, as `npm run lint` wants
  markdown = await prettier.format(markdown, { parser: 'markdown', proseWrap: 'preserve' })
} catch {
  // without prettier the tables are valid, just not aligned
}
writeFileSync(join(dir, 'results.md'), markdown)

writeFileSync(
  join(dir, 'results.json'),
  JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      tool: { name: pkg.name, version: pkg.version, cli: CLI, cliModified: statSync(CLI).mtime },
      go: (goVersion.stdout || '').trim(),
      config: config ?? 'built-in defaults',
      jobs,
      rates,
      seeds: Object.fromEntries(rates.map((r) => [r, seedsAt(r)])),
      scenarios: scenarios.map(({ id, label, flags }) => ({ id, label, flags })),
      variants,
      pairing:
        'unchanged: baseline seed i vs baseline seed j for every i < j; regressions: ' +
        'baseline seed (k mod n)+1 vs regression seed k',
      significanceSeen,
      seconds: { total: totalSeconds, serviceRuns: runsSeconds, compares: compareSeconds },
      cpuSeconds: { serviceRuns: runsCpu, compares: compareCpu },
      serviceRuns: { total: wanted.size, ran: missing.length },
      summary: rows,
      pairs: compared,
    },
    null,
    2,
  ) + '\n',
)

const cpu = (s) => (Number.isFinite(s) ? `, ${s.toFixed(0)} CPU-s` : '')
console.log(
  `\n${wanted.size} service runs (${missing.length} new: ${runsSeconds.toFixed(0)} s${cpu(runsCpu)}), ` +
    `${compared.length} compares (${compareSeconds.toFixed(0)} s${cpu(compareCpu)}); ` +
    `total ${totalSeconds.toFixed(0)} s with ${jobs} jobs`,
)
console.log(`wrote ${join(dir, 'results.json')} and ${join(dir, 'results.md')}`)
