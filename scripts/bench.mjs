// npm run bench: times the compare of a large real profile pair and prints wall time and
// peak memory. The pair is generated once by a Go program (needs `go`) and cached in .bench/.
// When `go` is on the PATH, `go tool pprof -top -diff_base` is timed on the same pair.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, statSync } from 'node:fs'
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
function gomemGate() {
  const code = `process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'));
process.argv = [process.argv[0], 'gomem-gate', 'compare', '--baseline', ${JSON.stringify(base)}, '--candidate', ${JSON.stringify(cand)}, '--format', 'markdown', '--output', '/dev/null'];
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
