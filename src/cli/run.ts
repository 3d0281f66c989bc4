// The CLI shell: reads files, config and the clock, calls the core, writes the report.
import { availableParallelism } from 'node:os'
import { compare as compareInputs } from '../driver/compare.js'
import { settingsFrom } from '../driver/settings.js'
import { GateError } from '../errors.js'
import { render } from '../report/index.js'
import { VERSION } from '../version.js'
import { parseCommandLine, USAGE, type CompareArgs } from './args.js'
import { explainCommand } from './explain.js'
import { capture } from './capture.js'
import { goTest } from './go-test.js'
import { writeReport } from './output.js'
import { record } from './record.js'

/** Where the CLI writes, and what it may know of its environment. */
export interface CliIO {
  stdout: (s: string) => void
  stderr: (s: string) => void
  isTTY: boolean
  /** stderr is a terminal: go-test draws its progress line there. */
  stderrIsTTY?: boolean
  /** The terminal's width in columns, when stdout is one (`process.stdout.columns`). */
  columns?: number
  env: Record<string, string | undefined>
  /** Today's date, YYYY-MM-DD (waivers expire by it). */
  today: string
}

/** Runs the CLI and returns its exit code: 0 pass/no-baseline, 1 regression, 2 bad input. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    const req = parseCommandLine(argv)
    if (req.command === 'help') {
      io.stdout(USAGE)
      return 0
    }
    if (req.command === 'version') {
      io.stdout(`gomem-gate ${VERSION}\n`)
      return 0
    }
    if (req.command === 'record') return await record(req, io, new Date())
    if (req.command === 'go-test') return await goTest(req, io)
    if (req.command === 'explain')
      return await explainCommand(
        req,
        io,
        req.width ?? terminalWidth(req.output === undefined && io.isTTY, io),
      )
    if (req.command === 'capture') return await capture(req, io)
    return await compare(req, io)
  } catch (err) {
    if (err instanceof GateError) {
      io.stderr(`gomem-gate: error: ${err.oneLine()}\n`)
      return 2
    }
    const e = err as Error
    io.stderr(
      `gomem-gate: internal error: ${e?.message ?? String(err)} (please report it; set GOMEM_GATE_DEBUG=1 for details)\n`,
    )
    if (io.env.GOMEM_GATE_DEBUG) io.stderr(`${e?.stack ?? ''}\n`)
    return 2
  }
}

/** The compare command: reads, judges, writes the report; capture's series reuses it. */
export async function compare(args: CompareArgs, io: CliIO): Promise<number> {
  const { diff, verdict, history, timings } = await compareInputs(
    {
      baseline: args.baseline,
      candidate: args.candidate,
      series: args.series,
      config: args.config,
      labels: {
        baseline: '--baseline',
        candidate: '--candidate',
        config: '--config',
        series: '--series',
      },
      today: io.today,
      sampleType: args.sampleType,
      // The HTML report's flame graph is built from whole call stacks, the small ones rolled
      // up into their callers: it always folds them so.
      stacks: args.format === 'html' ? 'prefixes' : args.stacks,
      history: args.history,
    },
    settingsFrom(io.env, availableParallelism()),
  )
  const color = args.output === undefined && args.format === 'text' && io.isTTY && !io.env.NO_COLOR
  const width = args.width ?? terminalWidth(args.output === undefined && io.isTTY, io)
  const rendering = performance.now()
  const report = render(
    { diff, verdict, history, top: args.top, version: VERSION, color, width, today: io.today },
    args.format,
  )
  if (timings) {
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
    io.stderr(
      `gomem-gate: debug: read ${timings.files} files in ${s(timings.readMs)} (${timings.onWorkers.length} on worker threads); diff and verdict ${s(timings.judgeMs)}; report ${s(performance.now() - rendering)}\n`,
    )
    for (const { path, stages } of timings.onWorkers) {
      io.stderr(
        `gomem-gate: debug: ${path} on a worker: inflate ${s(stages.inflate)}, decode and fold ${s(stages.fold)}\n`,
      )
    }
  }
  writeReport(io, args.output, report)
  return verdict.status === 'fail' ? 1 : 0
}

/**
 * The text report's width: the terminal's when the report goes to one, else `$COLUMNS` (a
 * positive integer; anything else is ignored), else the renderer's default (100).
 */
function terminalWidth(toTerminal: boolean, io: CliIO): number | undefined {
  if (toTerminal && io.columns !== undefined && io.columns > 0) return io.columns
  const columns = io.env.COLUMNS?.trim() ?? ''
  return /^[1-9][0-9]{0,5}$/.test(columns) ? Number(columns) : undefined
}
