// The hidden `__go-test-exec` mode: `go test -exec` runs every test binary through it. It adds
// the memory profile flags, turns on the GC trace for the test binary alone, keeps the trace
// lines (and, with benchmarks, the benchmark lines) in files, and passes everything else on.
import { spawn } from 'node:child_process'
import { readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isResultLine } from '../formats/benchfmt.js'
import { fileStemOf } from '../profile-name.js'

/** The argument that selects the hidden mode, right after the script. */
export const EXEC_MODE = '__go-test-exec'

/** What the runner tells its wrappers, in a JSON file named by `--state`. */
export interface ExecState {
  /** Where the wrappers write (a temporary folder inside the output folder). */
  tmp: string
  memProfileRate: number
  /** Keep the benchmark lines of stdout. */
  bench: boolean
  /** Package directory (real path) → import path. */
  packages: Record<string, string>
}

/** The files a wrapper writes for a package, inside `tmp`. */
export function wrapperFiles(tmp: string, importPath: string) {
  const stem = join(tmp, fileStemOf(importPath))
  return { profile: `${stem}.pb.gz`, gctrace: `${stem}.gctrace.txt`, bench: `${stem}.bench.txt` }
}

/** A line the Go runtime's GC trace printed (`gc 12 @0.5s 3%: …`). */
export const GCTRACE_LINE = /^gc \d+ @/
/** A benchmark configuration line worth keeping: the machine and the package. */
const BENCH_CONFIG = /^(goos|goarch|pkg|cpu):/

/** GODEBUG with gctrace=1 appended to what was already set. */
export function withGcTrace(godebug: string | undefined): string {
  return godebug ? `${godebug},gctrace=1` : 'gctrace=1'
}

/**
 * Runs `argv` = `--state FILE BINARY ARGS...` as the test binary of the package in the current
 * directory and resolves to the exit code the wrapper should exit with (the binary's own, or
 * 128 + signal number).
 */
export async function runExecWrapper(argv: string[]): Promise<number> {
  if (argv[0] !== '--state' || argv.length < 3) {
    process.stderr.write(`gomem-gate: ${EXEC_MODE}: usage: --state FILE BINARY [ARGS...]\n`)
    return 2
  }
  const state = JSON.parse(readFileSync(argv[1], 'utf8')) as ExecState
  const [binary, ...args] = argv.slice(2)
  const importPath = state.packages[realpathSync(process.cwd())]
  const files = importPath === undefined ? undefined : wrapperFiles(state.tmp, importPath)
  if (files) {
    args.push(`-test.memprofile=${files.profile}`, `-test.memprofilerate=${state.memProfileRate}`)
  }
  const env = files ? { ...process.env, GODEBUG: withGcTrace(process.env.GODEBUG) } : process.env
  const keepBench = files !== undefined && state.bench
  const child = spawn(binary, args, {
    env,
    stdio: ['inherit', keepBench ? 'pipe' : 'inherit', files ? 'pipe' : 'inherit'],
  })
  const trace: string[] = []
  const bench: string[] = []
  if (files) {
    lines(child.stderr!, (line) => {
      if (GCTRACE_LINE.test(line)) trace.push(line)
      else process.stderr.write(`${line}\n`)
    })
  }
  if (keepBench) {
    lines(child.stdout!, (line) => {
      process.stdout.write(`${line}\n`)
      if (BENCH_CONFIG.test(line) || isResultLine(line)) bench.push(line)
    })
  }
  const forward = (sig: NodeJS.Signals) => child.kill(sig)
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  const code = await new Promise<number>((resolve) => {
    child.on('error', (err) => {
      process.stderr.write(`gomem-gate: ${EXEC_MODE}: ${binary}: ${err.message}\n`)
      resolve(2)
    })
    child.on('close', (status, signal) => {
      resolve(status ?? 128 + signalNumber(signal))
    })
  })
  if (files && trace.length > 0) writeFileSync(files.gctrace, `${trace.join('\n')}\n`)
  if (files && bench.length > 0) writeFileSync(files.bench, `${bench.join('\n')}\n`)
  return code
}

/** Calls `each` with every line of a stream (without its newline), the last one too. */
function lines(stream: NodeJS.ReadableStream, each: (line: string) => void): void {
  let rest = ''
  stream.setEncoding('utf8')
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n')
    rest = parts.pop()!
    for (const p of parts) each(p)
  })
  stream.on('end', () => {
    if (rest) each(rest)
  })
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal === 'SIGINT' ? 2 : signal === 'SIGKILL' ? 9 : signal === 'SIGTERM' ? 15 : 1
}
