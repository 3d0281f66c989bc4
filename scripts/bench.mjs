// npm run bench: times the compare of generated real profile pairs (a mid-size and a large
// one) and prints wall time and peak memory. Each pair is generated once by a Go program
// (needs `go`) and cached in .bench/ (or GOMEM_GATE_BENCH_DIR). When `go` is on the PATH,
// `go tool pprof -top -diff_base` is timed on the same pair, interleaved.
//   BENCH_PAIRS   what to run, comma-separated, a pair's runs after a colon
//                 (default mid,big,small,typical,monorepo,action; e.g. BENCH_PAIRS=mid:5,big:3)
//   BENCH_RUNS    runs of a generated pair when BENCH_PAIRS does not say (default 3)
//   BENCH_PPROF=0 skip pprof
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.env.GOMEM_GATE_BENCH_DIR ?? '.bench'
const defaultRuns = Number(process.env.BENCH_RUNS ?? 3)
const hasGo = spawnSync('go', ['version']).status === 0
const selected = new Map(
  (process.env.BENCH_PAIRS ?? 'mid,big,small,typical,monorepo,action')
    .split(',')
    .filter(Boolean)
    .map((item) => {
      const [name, runs] = item.trim().split(':')
      return [name, runs ? Number(runs) : undefined]
    }),
)
// Runs measure() as often as BENCH_PAIRS says, else `runs` times; nothing when not selected.
const repeat = (name, runs, measure) =>
  selected.has(name) ? Array.from({ length: selected.get(name) ?? runs }, measure) : []

const mib = (b) => `${(b / 1024 / 1024).toFixed(1)} MiB`
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

// Runs the bundled CLI in a child that reports its own peak RSS when it exits.
function gomemGate(args) {
  const code = `process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'));
process.argv = [process.argv[0], 'gomem-gate', 'compare', ...${JSON.stringify(args)}, '--format', 'markdown', '--output', '/dev/null'];
await import('./dist/cli.js');`
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  const rss = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? 0) * 1024
  if (r.status !== 0 && r.status !== 1) throw new Error(`gomem-gate failed: ${r.stderr}`)
  return { ms, rss }
}

function pprof(base, cand) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(
    'go',
    ['tool', 'pprof', '-top', '-sample_index=inuse_space', `-diff_base=${base}`, cand],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  )
  if (r.status !== 0) throw new Error(`pprof failed: ${r.stderr}`)
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6 }
}

// One generated pair (fixtures/go/bigprofile/generate.sh OUTDIR WALKS FUNCS NAME): the full
// compare, interleaved with pprof on the same files; medians and the ratio.
function generatedPair(name, label, walks, funcs) {
  if (!selected.has(name)) return
  const runs = selected.get(name) ?? defaultRuns
  const base = join(dir, `${name}-base.pb.gz`)
  const cand = join(dir, `${name}-cand.pb.gz`)
  if (!existsSync(base) || !existsSync(cand)) {
    if (!hasGo) {
      console.error(
        `bench: ${base} is missing and go is not installed (apt-get install -y golang-go)`,
      )
      process.exit(2)
    }
    mkdirSync(dir, { recursive: true })
    console.log(`generating the ${label} into ${dir}/ (once) …`)
    execFileSync(
      'bash',
      ['fixtures/go/bigprofile/generate.sh', dir, String(walks), String(funcs), name],
      { stdio: 'inherit' },
    )
  }
  console.log(
    `${label}: ${base} (${mib(statSync(base).size)}), ${cand} (${mib(statSync(cand).size)})`,
  )
  const ours = []
  const theirs = []
  for (let i = 0; i < runs; i++) {
    ours.push(gomemGate(['--baseline', base, '--candidate', cand]))
    if (hasGo && process.env.BENCH_PPROF !== '0') theirs.push(pprof(base, cand))
  }
  const oursMs = median(ours.map((r) => r.ms))
  const range = (xs) =>
    `${(Math.min(...xs) / 1000).toFixed(2)}-${(Math.max(...xs) / 1000).toFixed(2)} s`
  console.log(
    `  gomem-gate compare: median ${(oursMs / 1000).toFixed(2)} s over ${runs} runs (${range(ours.map((r) => r.ms))}), peak RSS ${mib(Math.max(...ours.map((r) => r.rss)))}`,
  )
  if (theirs.length) {
    const pprofMs = median(theirs.map((r) => r.ms))
    console.log(
      `  go tool pprof -top -diff_base: median ${(pprofMs / 1000).toFixed(2)} s over ${theirs.length} runs (${range(theirs.map((r) => r.ms))})`,
    )
    // Each run's ratio to the pprof run right after it: the machine's speed drifts slowly.
    const ratios = theirs.map((t, i) => t.ms / ours[i].ms)
    console.log(
      `  ratio: gomem-gate is ${(pprofMs / oursMs).toFixed(1)}x faster (run by run ${Math.min(...ratios).toFixed(1)}-${Math.max(...ratios).toFixed(1)}x, median ${median(ratios).toFixed(1)}x)`,
    )
  }
}

// Mid-size: ~1,500 functions, ~280 k samples, ~6.5 MB gzipped per profile.
generatedPair('mid', 'mid-size pair', 150000, 1500)
// Large: ~3,000 functions, ~1.1 M samples, ~26 MiB gzipped per profile.
generatedPair('big', 'large pair', 600000, 3000)

// The other targets: a small pair, a monorepo's 1,000 profiles per side, the action's start.
const small = [
  '--baseline',
  'fixtures/baseline-seed1.pb.gz',
  'fixtures/baseline-seed1.memstats.json',
  '--candidate',
  'fixtures/leak-cache.pb.gz',
  'fixtures/leak-cache.memstats.json',
]
const smallRuns = repeat('small', 5, () => gomemGate(small))
if (smallRuns.length)
  console.log(
    `small pair (demo fixtures): median ${median(smallRuns.map((r) => r.ms)).toFixed(0)} ms, peak RSS ${mib(Math.max(...smallRuns.map((r) => r.rss)))}`,
  )
// The issue's "typical pair of 50 KB profiles": the same service's heap profiles as
// debug=1 text, 62 KB and 56 KB.
const typical = ['fixtures/baseline-seed1.heap.txt', 'fixtures/leak-cache.heap.txt']
const typicalRuns = repeat('typical', 5, () =>
  gomemGate(['--baseline', typical[0], '--candidate', typical[1]]),
)
if (typicalRuns.length)
  console.log(
    `typical pair (${typical.map((f) => `${Math.round(statSync(f).size / 1000)} KB`).join(' + ')}): median ${median(typicalRuns.map((r) => r.ms)).toFixed(0)} ms, peak RSS ${mib(Math.max(...typicalRuns.map((r) => r.rss)))}`,
  )

const mono = join(dir, 'monorepo')
// One profile per package, named as `gomem-gate go-test` names them (so the per-profile view
// and its rules run): real fixture profiles, copied under 1,000 import paths.
const pkgFile = (i) => `example.com%2Fmono%2Fpkg${i}.pb.gz`
if (selected.has('monorepo') && !existsSync(join(mono, 'candidate', pkgFile(999)))) {
  for (const side of ['baseline', 'candidate']) {
    mkdirSync(join(mono, side), { recursive: true })
    const from =
      side === 'baseline' ? ['baseline-seed1', 'baseline-seed2'] : ['baseline-seed3', 'leak-cache']
    for (let i = 0; i < 1000; i++)
      copyFileSync(`fixtures/${from[i % 2]}.pb.gz`, join(mono, side, pkgFile(i)))
  }
}
const monoRuns = repeat('monorepo', 3, () =>
  gomemGate(['--baseline', `${mono}/baseline/*.pb.gz`, '--candidate', `${mono}/candidate/*.pb.gz`]),
)
if (monoRuns.length)
  console.log(
    `1,000 profiles per side: median ${(median(monoRuns.map((r) => r.ms)) / 1000).toFixed(2)} s, peak RSS ${mib(Math.max(...monoRuns.map((r) => r.rss)))}`,
  )

// The action as the runner starts it: time until it prints its first line.
const firstLine = () => {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['dist/index.js'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, INPUT_PROFILES: 'none' },
  })
  void r
  return Number(process.hrtime.bigint() - t0) / 1e6
}
const starts = repeat('action', 5, firstLine)
if (starts.length)
  console.log(
    `action bundle: dist/index.js ${mib(statSync('dist/index.js').size)}, start to exit on a bad input: median ${median(starts).toFixed(0)} ms`,
  )
