// `gomem-gate go-test` with the real go on copies of fixtures/go/shop, through the bundled
// dist/cli.js: the files per package and their names, profiles and traces that compare reads,
// benchmarks, --go-flags and --memprofilerate, failures, Ctrl-C, and a module left untouched.
// Needs go (1.19 or later); locally without it the suite is skipped, saying so; in CI it runs.
import { spawn } from 'node:child_process'
import {
  appendFileSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { Profile } from 'pprof-format'
import { runGoTest } from '../../src/go-test/run.js'
import { profileNameOf } from '../../src/profile-name.js'
import { tempDir } from '../helpers/cli.js'
import { GO_ENV, GO_MISSING, goSkipped, goSuite, requireGo } from '../helpers/go.js'

const suite = goSuite('go-test tests')

const CLI = join(process.cwd(), 'dist/cli.js')
const SHOP = join(process.cwd(), 'fixtures/go/shop')
const TESTED = ['cache', 'cart', 'encode', 'server'].map((p) => `example.com/shop/${p}`)

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs `node dist/cli.js ...args` in `cwd`; `whileRunning` gets the child (to signal it). */
function cli(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
  whileRunning?: (child: ReturnType<typeof spawn>) => void,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, ...GO_ENV, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (b) => (stdout += b))
    child.stderr.on('data', (b) => (stderr += b))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
    whileRunning?.(child)
  })
}

/** A copy of fixtures/go/shop in a fresh temporary directory. */
function shopCopy(): string {
  const dir = join(tempDir(), 'shop')
  cpSync(SHOP, dir, { recursive: true })
  return dir
}

/** Every file below `dir` with its size, mtime and content: what git status would compare. */
function snapshot(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name)
      const st = statSync(path)
      if (st.isDirectory()) walk(path)
      else
        out.push(`${relative(dir, path)} ${st.size} ${st.mtimeMs} ${readFileSync(path, 'base64')}`)
    }
  }
  walk(dir)
  return out
}

const period = (file: string) => Number(Profile.decode(gunzipSync(readFileSync(file))).period)
const stem = (dir: string, importPath: string) => join(dir, importPath.replace(/\//g, '%2F'))

suite(`gomem-gate go-test${goSkipped ? ` (skipped: ${GO_MISSING})` : ''}`, () => {
  let mod: string
  let before: string[]
  let out: string
  const runs: Record<string, Run> = {}

  beforeAll(async () => {
    requireGo()
    mod = shopCopy()
    before = snapshot(mod)
    out = tempDir()
    // One baseline first (it fills go's build cache), then the others side by side.
    runs.baseline = await cli(['go-test', '--out', join(out, 'baseline')], mod)
    const [again, candidate, rate] = await Promise.all([
      cli(['go-test', '--out', join(out, 'again')], mod),
      cli(['go-test', '-o', join(out, 'candidate'), '--go-flags', '-tags=candidate'], mod),
      cli(['go-test', '--out', join(out, 'rate'), '--memprofilerate', '4096', './cart'], mod),
    ])
    Object.assign(runs, { again, candidate, rate })
  }, 240_000)

  test('writes one profile and one GC trace per package with tests, named for its import path', () => {
    expect(runs.baseline.stderr).not.toMatch(/error/)
    expect(runs.baseline.status).toBe(0)
    const dir = join(out, 'baseline')
    const files = readdirSync(dir).sort()
    expect(files).toEqual(
      TESTED.flatMap((p) => [
        `${p.replace(/\//g, '%2F')}.gctrace.txt`,
        `${p.replace(/\//g, '%2F')}.pb.gz`,
      ]),
    )
    expect([...new Set(files.map((f) => profileNameOf(f)))]).toEqual(TESTED)
    // Exact profiles by default.
    expect(period(`${stem(dir, 'example.com/shop/cache')}.pb.gz`)).toBe(1)
    expect(runs.baseline.stderr).toMatch(
      /skipping 1 package without test files: example\.com\/shop\/internal\/ids\n/,
    )
    expect(runs.baseline.stderr).toMatch(/4 packages passed, 1 skipped/)
    expect(runs.baseline.stderr).toContain(
      `gomem-gate compare --baseline '<baseline dir>/*' --candidate '${join(out, 'baseline')}/*'`,
    )
  })

  test('the GC trace files hold the test binary’s gctrace lines and nothing else', () => {
    for (const p of TESTED) {
      const lines = readFileSync(`${stem(join(out, 'baseline'), p)}.gctrace.txt`, 'utf8')
        .trimEnd()
        .split('\n')
      expect(lines.length).toBeGreaterThan(0)
      for (const line of lines) expect(line).toMatch(/^gc \d+ @\d+\.\d+s \d+%: .* P( \(forced\))?$/)
      // Only the test binary's: its clock starts at the binary, and go's own trace is absent.
      expect(lines[0]).toMatch(/^gc 1 @/)
    }
  })

  test('compare reads the files: two baseline runs pass; the candidate tag regresses in cache', async () => {
    expect(runs.again.status).toBe(0)
    expect(runs.candidate.status).toBe(0)
    const same = await cli(
      ['compare', '--baseline', join(out, 'baseline/*'), '--candidate', join(out, 'again/*')],
      mod,
    )
    expect(same.stderr).toBe('')
    expect(same.stdout).toMatch(/^PASS/)
    expect(same.status).toBe(0)
    const worse = await cli(
      ['compare', '--baseline', join(out, 'baseline/*'), '--candidate', join(out, 'candidate/*')],
      mod,
    )
    expect(worse.status).toBe(1)
    expect(worse.stdout).toMatch(/^FAIL/)
    expect(worse.stdout).toContain('example.com/shop/cache.(*Cache).Put')
  })

  test('--memprofilerate sets the profiles’ period; packages on the command line', () => {
    expect(runs.rate.status).toBe(0)
    expect(readdirSync(join(out, 'rate')).sort()).toEqual([
      'example.com%2Fshop%2Fcart.gctrace.txt',
      'example.com%2Fshop%2Fcart.pb.gz',
    ])
    expect(period(`${stem(join(out, 'rate'), 'example.com/shop/cart')}.pb.gz`)).toBe(4096)
  })

  test('--bench writes benchmarks.txt, package by package, which compare reads', async () => {
    const dir = join(out, 'bench')
    const r = await cli(
      ['go-test', '--out', dir, '--bench', '.', '--count', '2', '--go-flags', '-benchtime=5ms'],
      mod,
    )
    expect(r.stderr).not.toMatch(/error/)
    expect(r.status).toBe(0)
    const text = readFileSync(join(dir, 'benchmarks.txt'), 'utf8')
    const pkgs = text.split('\n').filter((l) => l.startsWith('pkg: '))
    expect(pkgs).toEqual(['pkg: example.com/shop/cache', 'pkg: example.com/shop/encode'])
    for (const line of text.trimEnd().split('\n')) {
      expect(line).toMatch(/^(goos|goarch|pkg|cpu): |^Benchmark\S+\s+\d+\s/)
    }
    expect(text.split('\n').filter((l) => l.startsWith('BenchmarkJSON')).length).toBe(2)
    const c = await cli(
      [
        'compare',
        '--baseline',
        join(dir, 'benchmarks.txt'),
        '--candidate',
        join(dir, 'benchmarks.txt'),
      ],
      mod,
    )
    expect(c.status).toBe(0)
    expect(c.stdout).toMatch(/^Benchmarks$/m)
    expect(c.stdout).toMatch(/BenchmarkJSON\S* +B\/op/)
  })

  test('the node -exec mode (Windows, the Action’s bundle) writes the same files', async () => {
    const dir = join(out, 'node-mode')
    const notes: string[] = []
    const done: number[] = []
    const result = await runGoTest({
      dir: mod,
      out: dir,
      packages: ['./cart', './internal/...'],
      execCommand: [process.execPath, CLI, '__go-test-exec'],
      env: { ...process.env, ...GO_ENV },
      progress: (n) => done.push(n),
      log: (line) => notes.push(line),
    })
    expect(result.packages).toEqual([
      {
        importPath: 'example.com/shop/cart',
        profile: `${stem(dir, 'example.com/shop/cart')}.pb.gz`,
        gctrace: `${stem(dir, 'example.com/shop/cart')}.gctrace.txt`,
      },
    ])
    expect(result.skipped).toEqual(['example.com/shop/internal/ids'])
    expect(done).toEqual([0, 1])
    expect(notes).toEqual([
      'go test: skipping 1 package without test files: example.com/shop/internal/ids',
    ])
    expect(period(result.packages[0].profile)).toBe(1)
    expect(readFileSync(result.packages[0].gctrace!, 'utf8')).toMatch(/^(gc \d+ @.*\n)+$/)
  })

  test('nothing is written into the module', () => {
    expect(snapshot(mod)).toEqual(before)
  })

  test('a package that does not build: exit 2, one error line naming it, then go’s output', async () => {
    const bad = shopCopy()
    appendFileSync(join(bad, 'cart/cart.go'), '\nfunc broken( {\n')
    const dir = join(tempDir(), 'out')
    const r = await cli(['go-test', '--out', dir], bad)
    expect(r.status).toBe(2)
    const lines = r.stderr.trimEnd().split('\n')
    const errors = lines.filter((l) => l.startsWith('gomem-gate: error:'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^gomem-gate: error: go test: example\.com\/shop\/cart: build failed; /,
    )
    expect(r.stderr).toMatch(/cart\.go:\d+:\d+: syntax error/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(`${stem(dir, 'example.com/shop/cart')}.pb.gz`)).toBe(false)
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([])
  })

  test('a failing test: exit 2 naming the package, with the failure in the tail', async () => {
    const bad = shopCopy()
    writeFileSync(
      join(bad, 'encode/fail_test.go'),
      'package encode\n\nimport "testing"\n\nfunc TestFails(t *testing.T) { t.Fatal("deliberately broken") }\n',
    )
    const r = await cli(['go-test', '--out', join(tempDir(), 'out')], bad)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(
      /^gomem-gate: error: go test: example\.com\/shop\/encode: tests failed; /m,
    )
    expect(r.stderr).toContain('deliberately broken')
    expect(r.stderr).toContain('--- FAIL: TestFails')
  })

  test('not in a module, and no go on PATH: exit 2 with one line', async () => {
    const empty = tempDir()
    const r = await cli(['go-test'], empty)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^gomem-gate: error: go test: .* is not in a Go module .*\n$/)
    const noGo = await cli(['go-test'], mod, { PATH: tempDir() })
    expect(noGo.status).toBe(2)
    expect(noGo.stderr).toMatch(/^gomem-gate: error: go test: go was not found on PATH .*\n$/)
    const unknown = await cli(['go-test', '--frobnicate'], mod)
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(
      /^gomem-gate: error: go-test: Unknown option '--frobnicate'.*\n$/,
    )
  })

  test('Ctrl-C: go and the test binaries stop, exit 130, only finished packages’ files stay', async () => {
    const slow = shopCopy()
    const pidFile = join(tempDir(), 'pid')
    writeFileSync(
      join(slow, 'cart/slow_test.go'),
      `package cart

import (
	"os"
	"strconv"
	"testing"
	"time"
)

func TestSlow(t *testing.T) {
	_ = os.WriteFile(os.Getenv("SLOW_PID_FILE"), []byte(strconv.Itoa(os.Getpid())), 0o644)
	time.Sleep(60 * time.Second)
}
`,
    )
    const slowBefore = snapshot(slow)
    const dir = join(tempDir(), 'out')
    const started = Date.now()
    const r = await cli(['go-test', '--out', dir], slow, { SLOW_PID_FILE: pidFile }, (child) => {
      const poll = setInterval(() => {
        // The slow test binary is running and another package has finished.
        const finished = existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.pb.gz'))
        if (existsSync(pidFile) && finished) {
          clearInterval(poll)
          child.kill('SIGINT')
        }
      }, 50)
      child.on('close', () => clearInterval(poll))
    })
    expect(Date.now() - started).toBeLessThan(50_000)
    expect(r.status).toBe(130)
    expect(r.stderr).toMatch(/^gomem-gate: go test: interrupted after [1-3] of 4 packages /m)
    const pid = Number(readFileSync(pidFile, 'utf8'))
    const alive = () => {
      try {
        return process.kill(pid, 0)
      } catch {
        return false
      }
    }
    for (let i = 0; i < 40 && alive(); i++) await new Promise((r) => setTimeout(r, 50))
    expect(alive()).toBe(false)
    const left = readdirSync(dir)
    expect(left.filter((f) => f.startsWith('.') || f.includes('cart'))).toEqual([])
    for (const f of left.filter((f) => f.endsWith('.pb.gz'))) expect(period(join(dir, f))).toBe(1)
    expect(snapshot(slow)).toEqual(slowBefore)
  }, 90_000)
})
