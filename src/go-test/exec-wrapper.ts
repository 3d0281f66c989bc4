// What `go test -exec` runs for every test binary: a generated POSIX shell script by default
// (no process of its own: it execs the binary), or this CLI again in its hidden
// `__go-test-exec` mode (Windows, or when asked). Both add the memory profile flags, turn on
// the GC trace for the test binary alone, and send the binary's stderr to a file that the
// runner splits into the trace and the rest.
import { spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileStemOf } from '../profile-name.js'

/** The argument that selects the hidden mode, right after the script. */
export const EXEC_MODE = '__go-test-exec'

/** What the runner tells its wrappers (the node one reads it from the `--state` file). */
export interface ExecState {
  /** Where the wrappers write (a temporary folder inside the output folder). */
  tmp: string
  memProfileRate: number
  /** Package directory (real path) → import path. */
  packages: Record<string, string>
}

/** The files a wrapper writes for a package, inside `tmp`. */
export function wrapperFiles(tmp: string, importPath: string) {
  const stem = join(tmp, fileStemOf(importPath))
  return { profile: `${stem}.pb.gz`, stderr: `${stem}.stderr` }
}

/** GODEBUG with gctrace=1 appended to what was already set. */
export function withGcTrace(godebug: string | undefined): string {
  return godebug ? `${godebug},gctrace=1` : 'gctrace=1'
}

/** `s` as one word of sh, in single quotes. */
const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

/**
 * The shell script for `go test -exec '/bin/sh FILE'`: picks the package by the real path of
 * its working directory (go runs each test binary in its package directory).
 */
export function shellWrapper(state: ExecState): string {
  const cases = Object.entries(state.packages).map(
    ([dir, importPath]) => `  ${sh(dir)}) n=${sh(fileStemOf(importPath))} ;;`,
  )
  return `# gomem-gate go-test: runs one test binary for go test -exec (a temporary file).
case "$(pwd -P)" in
${cases.join('\n')}
  *) exec "$@" ;;
esac
t=${sh(state.tmp)}
GODEBUG="\${GODEBUG:+$GODEBUG,}gctrace=1"
export GODEBUG
exec "$@" "-test.memprofile=$t/$n.pb.gz" "-test.memprofilerate=${state.memProfileRate}" 2>"$t/$n.stderr"
`
}

/**
 * The hidden mode: runs `argv` = `--state FILE BINARY ARGS...` as the test binary of the
 * package in the current directory, as the shell script does, and resolves to the exit code
 * to exit with (the binary's own, or 128 + the signal's number).
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
  const stderr = files ? openSync(files.stderr, 'w') : 'inherit'
  const child = spawn(binary, args, {
    env: files ? { ...process.env, GODEBUG: withGcTrace(process.env.GODEBUG) } : process.env,
    stdio: ['inherit', 'inherit', stderr],
  })
  if (typeof stderr === 'number') closeSync(stderr)
  const forward = (sig: NodeJS.Signals) => child.kill(sig)
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  return new Promise<number>((resolve) => {
    child.on('error', (err) => {
      process.stderr.write(`gomem-gate: ${EXEC_MODE}: ${binary}: ${err.message}\n`)
      resolve(2)
    })
    child.on('close', (status, signal) => resolve(status ?? 128 + signalNumber(signal)))
  })
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal === 'SIGINT' ? 2 : signal === 'SIGKILL' ? 9 : signal === 'SIGTERM' ? 15 : 1
}

/** Writes the state for the node wrapper; returns its path. */
export function writeState(state: ExecState): string {
  const file = join(state.tmp, 'state.json')
  writeFileSync(file, JSON.stringify(state))
  return file
}
