// `gomem-gate capture`: saves what a running Go service serves of its memory, once or as a
// series; a series is then judged for leaks and reported as `compare --series` does.
import { captureOnce, captureSeries, MANIFEST_NAME } from '../capture/index.js'
import { GateError } from '../errors.js'
import type { CaptureArgs } from './args.js'
import { compare, type CliIO } from './run.js'

/** Runs the capture; returns the exit code (0 saved or passed, 1 leak, 130 Ctrl-C before any snapshot). */
export async function capture(args: CaptureArgs, io: CliIO): Promise<number> {
  const abort = new AbortController()
  const onSignal = () => abort.abort()
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  let shownProgress = false
  const clear = () => {
    if (shownProgress) io.stderr('\r\x1b[2K')
    shownProgress = false
  }
  const log = (line: string) => {
    clear()
    io.stderr(`${line}\n`)
  }
  const shown = args.out.replace(/\/+$/, '') || '/'
  const base = {
    urls: args.urls,
    out: args.out,
    timeoutMs: args.timeoutMs,
    headers: args.headers,
    signal: abort.signal,
    log,
  }
  try {
    if (!args.series) {
      const result = await captureOnce(base)
      const saved = result.files.length - 1
      io.stderr(
        `wrote ${saved} file${saved === 1 ? '' : 's'} and ${MANIFEST_NAME} into ${shown}/${result.missing.length > 0 ? ` (${result.missing.length} endpoint${result.missing.length === 1 ? '' : 's'} missing, listed above and in ${MANIFEST_NAME})` : ''}\n`,
      )
      io.stderr(`next: gomem-gate compare --baseline '<baseline dir>/*' --candidate '${shown}/*'\n`)
      return 0
    }
    const { everyMs, count } = args.series
    const result = await captureSeries({
      ...base,
      everyMs,
      count,
      progress: io.stderrIsTTY
        ? (i, n) => {
            io.stderr(`\r\x1b[2Kcapture: ${i} of ${n} snapshots`)
            shownProgress = true
          }
        : undefined,
    })
    clear()
    const taken = result.snapshots.length
    if (taken === 0) {
      io.stderr('gomem-gate: interrupted before the first snapshot: nothing to judge\n')
      return 130
    }
    io.stderr(
      `${result.stopped ? `stopped after ${taken} of ${count}` : `took ${taken}`} snapshots into ${shown}/; judging them for leaks\n`,
    )
    return await compare(
      {
        command: 'compare',
        baseline: [],
        candidate: [],
        series: result.snapshots.flat(),
        config: args.config,
        format: args.format,
        output: args.output,
        top: args.top,
        stacks: false,
        ...(args.width !== undefined ? { width: args.width } : {}),
      },
      io,
    )
  } catch (err) {
    clear()
    if (err instanceof GateError && err.code === 'INTERRUPTED') {
      io.stderr(`gomem-gate: ${err.oneLine()}\n`)
      return 130
    }
    throw err
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
