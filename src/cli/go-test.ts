// `gomem-gate go-test`: runs the module's tests, writes one profile and GC trace per package,
// and prints where they went and what to run next. Ctrl-C stops go and exits 130.
import type { GoTestArgs } from './args.js'
import type { CliIO } from './run.js'
import { GoTestFailure, GoTestInterrupted } from '../go-test/failure.js'
import { ProgressLine } from '../go-test/progress.js'
import { runGoTest } from '../go-test/run.js'

/** go's own words, but a line each: no control character (but tab) may rewrite the terminal. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g

/** Runs go test as `args` asks; returns the exit code (0 passed, 2 failed, 130 interrupted). */
export async function goTest(args: GoTestArgs, io: CliIO, cwd = process.cwd()): Promise<number> {
  const abort = new AbortController()
  const onSignal = () => abort.abort()
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const progress = io.stderrIsTTY ? new ProgressLine(io.stderr) : undefined
  const log = (line: string) => {
    progress?.clear()
    io.stderr(`${line}\n`)
  }
  try {
    const result = await runGoTest({
      dir: cwd,
      out: args.out,
      packages: args.packages,
      memProfileRate: args.memProfileRate,
      bench: args.bench,
      count: args.count,
      goFlags: args.goFlags,
      signal: abort.signal,
      progress: progress ? (done, total) => progress.update(done, total) : undefined,
      log,
    })
    progress?.clear()
    const shown = args.out.replace(/\/+$/, '') || '/'
    const n = result.packages.length
    io.stderr(
      `go test: ${n} package${n === 1 ? '' : 's'} passed, ${result.skipped.length} skipped (no test files), ${result.seconds.toFixed(1)} s\n`,
    )
    io.stderr(
      `wrote ${n} profile${n === 1 ? '' : 's'} and ${result.packages.filter((p) => p.gctrace).length} GC traces${result.benchmarks ? ' and benchmarks.txt' : ''} into ${shown}/\n`,
    )
    io.stderr(`next: gomem-gate compare --baseline '<baseline dir>/*' --candidate '${shown}/*'\n`)
    return 0
  } catch (err) {
    progress?.clear()
    if (err instanceof GoTestInterrupted) {
      io.stderr(`gomem-gate: ${err.oneLine()}\n`)
      return 130
    }
    if (err instanceof GoTestFailure) {
      io.stderr(`gomem-gate: error: ${err.oneLine()}\n`)
      for (const line of err.tail) io.stderr(`    ${line.replace(CONTROL, '?')}\n`)
      return 2
    }
    throw err
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
