// `go test` of a module's packages, one memory profile and one GC trace per package: one
// `go test -json -exec <wrapper>` invocation, so go builds and runs the packages in parallel.
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { GateError } from '../errors.js'
import { fileStemOf } from '../profile-name.js'
import { EXEC_MODE, wrapperFiles, type ExecState } from './exec-wrapper.js'
import { GoTestFailure, GoTestInterrupted } from './failure.js'
import { GoOutput } from './output.js'
import { listPackages } from './packages.js'
import { quoteField } from './quote.js'

/** What to test and where the files go. */
export interface GoTestOptions {
  /** The directory go runs in (in the module); relative packages are relative to it. */
  dir: string
  /** The folder the files are written to (created when missing). */
  out: string
  /** Package patterns, as go test takes them (e.g. `./...`). */
  packages: string[]
  /** runtime.MemProfileRate of the test binaries (default 1: every allocation). */
  memProfileRate?: number
  /** A -bench regular expression: run benchmarks with -benchmem, into `out/benchmarks.txt`. */
  bench?: string
  /** -count (default 1, which also keeps go from answering from its test cache). */
  count?: number
  /** More flags for go test (e.g. `-tags=candidate`, `-trimpath`, `-run`, `-short`). */
  goFlags?: string[]
  /** Aborting kills go and its test binaries and rejects with GoTestInterrupted. */
  signal?: AbortSignal
  /** Called when a package finishes. */
  progress?: (done: number, total: number) => void
  /** One line of note (packages skipped, a package that wrote no profile). */
  log: (line: string) => void
  /**
   * The command go test -exec runs (the binary and its arguments follow it). Default: this
   * Node with the dist/cli.js next to this bundle, in its hidden mode.
   */
  execCommand?: string[]
  /** The environment of go (default process.env). */
  env?: NodeJS.ProcessEnv
}

/** The files written for one package. */
export interface GoTestPackage {
  importPath: string
  /** DIR/<fileStemOf(importPath)>.pb.gz: the allocs profile of its tests. */
  profile: string
  /** DIR/<stem>.gctrace.txt, when the test binary collected garbage at all. */
  gctrace?: string
}

/** What a run wrote. */
export interface GoTestResult {
  packages: GoTestPackage[]
  /** Import paths of the matched packages without test files. */
  skipped: string[]
  /** DIR/benchmarks.txt, with --bench. */
  benchmarks?: string
  seconds: number
}

/** Flags gomem-gate sets itself, or that would take the run out of its hands. */
const OWN_FLAGS = /^--?(json|exec|c|o|n|memprofile|memprofilerate|count|bench|benchmem)(=|$)/

/** The default -exec command: the CLI bundle next to this one, in its hidden mode. */
export function defaultExecCommand(): string[] {
  return [process.execPath, fileURLToPath(new URL('./cli.js', import.meta.url)), EXEC_MODE]
}

/** Runs go test on the packages and writes their files into `opts.out`. */
export async function runGoTest(opts: GoTestOptions): Promise<GoTestResult> {
  const started = performance.now()
  const goFlags = opts.goFlags ?? []
  const own = goFlags.find((f) => OWN_FLAGS.test(f))
  if (own) {
    throw new GateError(
      'USAGE',
      `--go-flags: ${own} is set by gomem-gate go-test itself`,
      'use --bench, --count or --memprofilerate, or leave it out',
    )
  }
  const count = opts.count ?? 1
  const rate = opts.memProfileRate ?? 1
  const env = opts.env ?? process.env
  const patterns = opts.packages.length > 0 ? opts.packages : ['./...']
  const listed = await listPackages(opts.dir, patterns, goFlags, env)
  const tested = listed.packages.filter((p) => p.hasTests)
  const skipped = listed.packages.filter((p) => !p.hasTests).map((p) => p.importPath)
  if (skipped.length > 0) {
    opts.log(
      `go test: skipping ${skipped.length} package${skipped.length === 1 ? '' : 's'} without test files: ${skipped.join(', ')}`,
    )
  }
  if (tested.length === 0) {
    throw new GateError(
      'GO_TEST',
      listed.packages.length === 1
        ? `go test: ${listed.packages[0].importPath} has no test files`
        : `go test: none of the ${listed.packages.length} packages matched has test files`,
      'name packages with _test.go files',
    )
  }
  const out = resolve(opts.dir, opts.out)
  mkdirSync(out, { recursive: true })
  const tmp = await mkdtemp(join(out, '.go-test-'))
  try {
    const state: ExecState = {
      tmp,
      memProfileRate: rate,
      bench: opts.bench !== undefined,
      packages: Object.fromEntries(tested.map((p) => [realDir(p.dir), p.importPath])),
    }
    const stateFile = join(tmp, 'state.json')
    writeFileSync(stateFile, JSON.stringify(state))
    const exec = [...(opts.execCommand ?? defaultExecCommand()), '--state', stateFile]
    const args = [
      'test',
      '-json',
      '-exec',
      exec.map(quoteField).join(' '),
      `-count=${count}`,
      ...(opts.bench !== undefined ? ['-bench', opts.bench, '-benchmem'] : []),
      ...goFlags,
      ...tested.map((p) => p.importPath),
    ]
    const written: GoTestPackage[] = []
    const output = await runGo(args, opts, tested.length, (importPath) => {
      const files = wrapperFiles(tmp, importPath)
      const stem = join(out, fileStemOf(importPath))
      if (!existsSync(files.profile)) {
        opts.log(
          `go test: ${importPath}: its test binary wrote no profile (does TestMain call m.Run?)`,
        )
        return
      }
      const pkg: GoTestPackage = { importPath, profile: `${stem}.pb.gz` }
      renameSync(files.profile, pkg.profile)
      if (existsSync(files.gctrace)) {
        pkg.gctrace = `${stem}.gctrace.txt`
        renameSync(files.gctrace, pkg.gctrace)
      } else rmSync(`${stem}.gctrace.txt`, { force: true })
      written.push(pkg)
    })
    const failed = output.failures()
    if (failed.length > 0) {
      const first = failed[0]
      throw new GoTestFailure(
        first.importPath,
        first.what,
        failed.length - 1,
        output.tail(first.importPath),
      )
    }
    if (output.exitCode !== 0) {
      throw new GateError(
        'GO_TEST',
        `go test: exited with ${output.exitCode}: ${output.firstProblem() ?? 'no output'}`,
        'check --go-flags',
      )
    }
    let benchmarks: string | undefined
    if (opts.bench !== undefined) {
      benchmarks = join(out, 'benchmarks.txt')
      writeFileSync(
        join(tmp, 'benchmarks.txt'),
        benchmarkText(
          tmp,
          tested.map((p) => p.importPath),
        ),
      )
      renameSync(join(tmp, 'benchmarks.txt'), benchmarks)
    }
    const order = new Map(tested.map((p, i) => [p.importPath, i]))
    written.sort((a, b) => order.get(a.importPath)! - order.get(b.importPath)!)
    return { packages: written, skipped, benchmarks, seconds: (performance.now() - started) / 1000 }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

/** Every package's benchmark lines, package by package, each block under its `pkg:` line. */
function benchmarkText(tmp: string, importPaths: string[]): string {
  const blocks: string[] = []
  for (const importPath of importPaths) {
    const file = wrapperFiles(tmp, importPath).bench
    if (!existsSync(file)) continue
    const text = readFileSync(file, 'utf8')
    blocks.push(/^pkg: /m.test(text) ? text : `pkg: ${importPath}\n${text}`)
  }
  return blocks.join('')
}

/** A package directory as the wrapper will see it (its cwd is a real path). */
function realDir(dir: string): string {
  try {
    return realpathSync(dir)
  } catch {
    return dir
  }
}

/**
 * Runs go in its own process group (so one kill stops it, its builds and the test binaries),
 * reads its -json events, and calls `passed` for every package that passed.
 */
function runGo(
  args: string[],
  opts: GoTestOptions,
  total: number,
  passed: (importPath: string) => void,
): Promise<GoOutput> {
  if (opts.signal?.aborted) return Promise.reject(new GoTestInterrupted(0, total))
  return new Promise((resolvePromise, reject) => {
    const child = spawn('go', args, {
      cwd: opts.dir,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    const output = new GoOutput()
    let done = 0
    let stopped = false
    output.onPackageDone = (importPath, ok) => {
      if (stopped) return
      if (ok) passed(importPath)
      done++
      opts.progress?.(done, total)
    }
    const stop = () => {
      stopped = true
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    opts.signal?.addEventListener('abort', stop, { once: true })
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (s: string) => output.stdout(s))
    child.stderr.on('data', (s: string) => output.stderr(s))
    child.on('error', (err) => {
      opts.signal?.removeEventListener('abort', stop)
      reject(new GateError('GO_TEST', `go test: ${err.message}`, 'check that go is on PATH'))
    })
    child.on('close', (code) => {
      opts.signal?.removeEventListener('abort', stop)
      if (stopped) return reject(new GoTestInterrupted(done, total))
      output.end(code ?? 1)
      resolvePromise(output)
    })
  })
}
