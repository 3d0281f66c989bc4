// `gomem-gate explain FILES... | URL`: reads one snapshot (a URL is captured first, as
// `gomem-gate capture` does), writes its explanation, exits 0.
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureOnce } from '../capture/index.js'
import { explainFiles } from '../driver/explain.js'
import { settingsFrom } from '../driver/settings.js'
import { renderExplanation } from '../report/explain.js'
import type { ExplainArgs } from './args.js'
import { writeReport } from './output.js'
import type { CliIO } from './run.js'

/** How long each request of a URL's capture may take. */
const CAPTURE_TIMEOUT_MS = 10_000

/** An argument that names a running process rather than a file. */
export function isUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg)
}

/**
 * Runs explain; `width` is the text's width as the CLI resolved it (--width, the terminal,
 * $COLUMNS). User mistakes are GateErrors (exit 2 in runCli).
 */
export async function explainCommand(
  args: ExplainArgs,
  io: CliIO,
  width: number | undefined,
): Promise<number> {
  const urls = args.inputs.filter(isUrl)
  // A running service is captured first (as `gomem-gate capture` does), into a folder of its own.
  const captured = urls.length > 0 ? mkdtempSync(join(tmpdir(), 'gomem-gate-explain-')) : undefined
  let e
  try {
    if (captured) {
      await captureOnce({
        urls,
        out: captured,
        timeoutMs: CAPTURE_TIMEOUT_MS,
        headers: {},
        log: (line) => io.stderr(`${line}\n`),
      })
    }
    const files = args.inputs.filter((a) => !isUrl(a))
    e = await explainFiles(
      captured ? [...files, join(captured, '*')] : files,
      { sampleType: args.sampleType, top: args.top },
      settingsFrom(io.env, availableParallelism()),
    )
  } finally {
    if (captured) rmSync(captured, { recursive: true, force: true })
  }
  const color = args.output === undefined && args.format === 'text' && io.isTTY && !io.env.NO_COLOR
  const out = renderExplanation(e, args.format, { width, color })
  writeReport(io, args.output, out)
  return 0
}
