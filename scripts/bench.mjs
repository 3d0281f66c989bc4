// npm run bench: times the compare of a large real profile pair and prints wall time and
// peak memory. The pair is generated once by a Go program (needs `go`) and cached in .bench/.
// When `go` is on the PATH, `go tool pprof -top -diff_base` is timed on the same pair.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.env.GOMEM_GATE_BENCH_DIR ?? '.bench'
const base = join(dir, 'big-base.pb.gz')
const cand = join(dir, 'big-cand.pb.gz')
const runs = Number(process.env.BENCH_RUNS ?? 3)
const hasGo = spawnSync('go', ['version']).status === 0

if (!existsSync(base) || !existsSync(cand)) {
  if (!hasGo) {
    console.error(
      `bench: ${base} is missing and go is not installed (apt-get install -y golang-go)`,
    )
    process.exit(2)
  }
  mkdirSync(dir, { recursive: true })
  console.log(`generating the large pair into ${dir}/ (once) …`)
  execFileSync('bash', ['fixtures/go/bigprofile/generate.sh', dir], { stdio: 'inherit' })
}

const mib = (b) => `${(b / 1024 / 1024).toFixed(1)} MiB`
console.log(`pair: ${base} (${mib(statSync(base).size)}), ${cand} (${mib(statSync(cand).size)})`)

// Runs the bundled CLI in a child that reports its own peak RSS when it exits.
function gomemGate(args = ['--baseline', base, '--candidate', cand]) {
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

function pprof() {
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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ours = []
const theirs = []
for (let i = 0; i < runs; i++) {
  ours.push(gomemGate())
  if (hasGo && process.env.BENCH_PPROF !== '0') theirs.push(pprof())
}
const oursMs = median(ours.map((r) => r.ms))
console.log(
  `gomem-gate compare: median ${(oursMs / 1000).toFixed(2)} s over ${runs} runs, peak RSS ${mib(Math.max(...ours.map((r) => r.rss)))}`,
)
if (theirs.length) {
  const pprofMs = median(theirs.map((r) => r.ms))
  console.log(
    `go tool pprof -top -diff_base: median ${(pprofMs / 1000).toFixed(2)} s over ${theirs.length} runs`,
  )
  console.log(`ratio: gomem-gate is ${(pprofMs / oursMs).toFixed(1)}x faster`)
}

// The other targets: a small pair, a monorepo's 1,000 profiles per side, the action's start.
const small = [
  '--baseline',
  'fixtures/baseline-seed1.pb.gz',
  'fixtures/baseline-seed1.memstats.json',
  '--candidate',
  'fixtures/leak-cache.pb.gz',
  'fixtures/leak-cache.memstats.json',
]
const smallRuns = Array.from({ length: 5 }, () => gomemGate(small))
console.log(
  `small pair (demo fixtures): median ${median(smallRuns.map((r) => r.ms)).toFixed(0)} ms, peak RSS ${mib(Math.max(...smallRuns.map((r) => r.rss)))}`,
)
// The issue's "typical pair of 50 KB profiles": the same service's heap profiles as
// debug=1 text, 62 KB and 56 KB.
const typical = ['fixtures/baseline-seed1.heap.txt', 'fixtures/leak-cache.heap.txt']
const typicalRuns = Array.from({ length: 5 }, () =>
  gomemGate(['--baseline', typical[0], '--candidate', typical[1]]),
)
console.log(
  `typical pair (${typical.map((f) => `${Math.round(statSync(f).size / 1000)} KB`).join(' + ')}): median ${median(typicalRuns.map((r) => r.ms)).toFixed(0)} ms, peak RSS ${mib(Math.max(...typicalRuns.map((r) => r.rss)))}`,
)

const mono = join(dir, 'monorepo')
if (!existsSync(join(mono, 'candidate', 'pkg-999.pb.gz'))) {
  // One profile per package: real fixture profiles, copied under 1,000 package names.
  for (const side of ['baseline', 'candidate']) {
    mkdirSync(join(mono, side), { recursive: true })
    const from =
      side === 'baseline' ? ['baseline-seed1', 'baseline-seed2'] : ['baseline-seed3', 'leak-cache']
    for (let i = 0; i < 1000; i++)
      copyFileSync(`fixtures/${from[i % 2]}.pb.gz`, join(mono, side, `pkg-${i}.pb.gz`))
  }
}
const monoRuns = Array.from({ length: 3 }, () =>
  gomemGate(['--baseline', `${mono}/baseline/*.pb.gz`, '--candidate', `${mono}/candidate/*.pb.gz`]),
)
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
const starts = Array.from({ length: 5 }, firstLine)
console.log(
  `action bundle: dist/index.js ${mib(statSync('dist/index.js').size)}, start to exit on a bad input: median ${median(starts).toFixed(0)} ms`,
)
