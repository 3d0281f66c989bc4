// npm run bench:go-test: the overhead of `gomem-gate go-test` over plain
// `go test -count=1 -memprofilerate=1 ./...` on a generated module of 50 packages, each with
// a small test that allocates. Both are run once to warm go's build cache, then BENCH_RUNS
// rounds (default 3) alternate between them; medians of the wall times and of the CPU time
// (user + system, of all the processes each one ran: steadier on a busy machine) are printed.
// Needs go and a built dist/cli.js (npm run bundle).
//   BENCH_PACKAGES  packages in the module (default 50)
//   BENCH_RUNS      timed rounds (default 3)
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'

const packages = Number(process.env.BENCH_PACKAGES ?? 50)
const runs = Number(process.env.BENCH_RUNS ?? 3)
const cli = join(process.cwd(), 'dist/cli.js')
const env = { ...process.env, GOFLAGS: '', GOWORK: 'off', GOTOOLCHAIN: 'local', GOPROXY: 'off' }

if (spawnSync('go', ['version']).status !== 0) {
  console.error('bench-go-test: go not found on PATH (Debian/Ubuntu: apt-get install -y golang-go)')
  process.exit(1)
}

const root = mkdtempSync(join(tmpdir(), 'gomem-gate-bench-go-test-'))
const mod = join(root, 'mod')
const out = join(root, 'out')
try {
  mkdirSync(mod)
  writeFileSync(join(mod, 'go.mod'), 'module example.com/bench\n\ngo 1.19\n')
  for (let i = 0; i < packages; i++) {
    const name = `p${String(i).padStart(2, '0')}`
    mkdirSync(join(mod, name))
    writeFileSync(
      join(mod, name, `${name}.go`),
      `package ${name}

import "strings"

// Words splits s and returns the words longer than n, upper-cased.
func Words(s string, n int) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if len(w) > n {
			out = append(out, strings.ToUpper(w))
		}
	}
	return out
}
`,
    )
    writeFileSync(
      join(mod, name, `${name}_test.go`),
      `package ${name}

import (
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	text := strings.Repeat("the quick brown fox jumps over the lazy dog ", 200)
	for i := 0; i < 50; i++ {
		if got := len(Words(text, 3)); got != 1000 {
			t.Fatalf("got %d words", got)
		}
	}
}
`,
    )
  }

  // sh's `times` prints the CPU time of the shell's children (the command and everything it ran).
  const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`
  const time = (cmd, args) => {
    const started = performance.now()
    const line = [cmd, ...args].map(quote).join(' ')
    const r = spawnSync('/bin/sh', ['-c', `${line} >/dev/null 2>&1 || exit 1; times`], {
      cwd: mod,
      env,
      encoding: 'utf8',
    })
    const wall = (performance.now() - started) / 1000
    if (r.status !== 0) {
      console.error(`bench-go-test: ${line} failed; run it in ${mod} to see why`)
      process.exit(1)
    }
    const secs = (t) => {
      const m = /^(\d+)m([\d.]+)s$/.exec(t)
      return m ? Number(m[1]) * 60 + Number(m[2]) : NaN
    }
    const [user, sys] = r.stdout.trim().split('\n').pop().split(/\s+/).map(secs)
    return { wall, cpu: user + sys }
  }
  const plain = () => time('go', ['test', '-count=1', '-memprofilerate=1', './...'])
  const gate = () => time(process.execPath, [cli, 'go-test', '--out', out])

  plain()
  gate()
  const a = []
  const b = []
  for (let i = 0; i < runs; i++) {
    a.push(plain())
    b.push(gate())
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]
  const s = (xs) => xs.map((x) => x.toFixed(2)).join(', ')
  console.log(`${packages} packages, ${availableParallelism()} CPUs, ${runs} rounds (medians)`)
  for (const what of ['wall', 'cpu']) {
    const [xa, xb] = [a.map((r) => r[what]), b.map((r) => r[what])]
    const [ma, mb] = [median(xa), median(xb)]
    console.log(`${what === 'wall' ? 'wall time' : 'CPU time (user + system)'}:`)
    console.log(`  go test -count=1 -memprofilerate=1 ./...   ${ma.toFixed(2)} s   (${s(xa)})`)
    console.log(`  gomem-gate go-test                         ${mb.toFixed(2)} s   (${s(xb)})`)
    console.log(`  overhead ${(((mb - ma) / ma) * 100).toFixed(1)} %`)
  }
} finally {
  rmSync(root, { recursive: true, force: true })
}
