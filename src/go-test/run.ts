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
import {
  EXEC_MODE,
  shellWrapper,
  wrapperFiles,
  writeState,
  type ExecState,
} from './exec-wrapper.js'
import { GoTestFailure, GoTestInterrupted, TAIL_LINES } from './failure.js'
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
  /** Called when go starts (0 done) and when a package finishes. */
  progress?: (done: number, total: number) => void
  /** One line of note (packages skipped, a package that wrote no profile). */
  log: (line: string) => void
  /**
   * The command go test -exec runs, in the node mode (`--state FILE`, then the binary and its
   * arguments, follow it), e.g. `defaultExecCommand()`. Default: a generated /bin/sh script,
   * which costs no process of its own; on Windows `defaultExecCommand()`.
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

/** A line the Go runtime's GC trace printed (`gc 12 @0.5s 3%: …`). */
export const GCTRACE_LINE = /^gc \d+ @/

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
      packages: Object.fromEntries(tested.map((p) => [realDir(p.dir), p.importPath])),
    }
    let exec: string[]
    if (opts.execCommand === undefined && process.platform !== 'win32') {
      writeFileSync(join(tmp, 'exec.sh'), shellWrapper(state))
      exec = ['/bin/sh', join(tmp, 'exec.sh')]
    } else {
      exec = [...(opts.execCommand ?? defaultExecCommand()), '--state', writeState(state)]
    }
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
    const output = new GoOutput()
    output.keepBenchmarks = opts.bench !== undefined
    await runGo(args, opts, output, tested.length, (importPath) => {
      const files = wrapperFiles(tmp, importPath)
      const stem = join(out, fileStemOf(importPath))
      const trace = stderrOf(files.stderr).filter((l) => GCTRACE_LINE.test(l))
      if (!existsSync(files.profile)) {
        opts.log(
          `go test: ${importPath}: its test binary wrote no profile (does TestMain call m.Run?)`,
        )
        return
      }
      const pkg: GoTestPackage = { importPath, profile: `${stem}.pb.gz` }
      renameSync(files.profile, pkg.profile)
      if (trace.length > 0) {
        pkg.gctrace = `${stem}.gctrace.txt`
        const part = join(tmp, `${fileStemOf(importPath)}.gctrace.txt`)
        writeFileSync(part, `${trace.join('\n')}\n`)
        renameSync(part, pkg.gctrace)
      } else rmSync(`${stem}.gctrace.txt`, { force: true })
      written.push(pkg)
    })
    const failed = output.failures()
    if (failed.length > 0) {
      const first = failed[0]
      // What the test binary printed on stderr besides its GC trace (a panic, a log line).
      const stderr = stderrOf(wrapperFiles(tmp, first.importPath).stderr).filter(
        (l) => !GCTRACE_LINE.test(l),
      )
      const tail = [...output.tail(first.importPath), ...stderr].slice(-TAIL_LINES)
      throw new GoTestFailure(first.importPath, first.what, failed.length - 1, tail)
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
          output,
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
function benchmarkText(output: GoOutput, importPaths: string[]): string {
  const blocks: string[] = []
  for (const importPath of importPaths) {
    const lines = output.benchmarks(importPath)
    if (lines.length === 0) continue
    if (!lines.some((l) => l.startsWith('pkg: '))) lines.unshift(`pkg: ${importPath}`)
    blocks.push(`${lines.join('\n')}\n`)
  }
  return blocks.join('')
}

/** The lines a test binary wrote on stderr (none when it did not run). */
function stderrOf(file: string): string[] {
  if (!existsSync(file)) return []
  const text = readFileSync(file, 'utf8')
  return text === ''
    ? []
    : text
        .replace(/\n$/, '')
        .split('\n')
        .map((l) => l.replace(/\r$/, ''))
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
  output: GoOutput,
  total: number,
  passed: (importPath: string) => void,
): Promise<void> {
  if (opts.signal?.aborted) return Promise.reject(new GoTestInterrupted(0, total))
  return new Promise((resolvePromise, reject) => {
    const child = spawn('go', args, {
      cwd: opts.dir,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let done = 0
    opts.progress?.(0, total)
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
      resolvePromise()
    })
  })
}
