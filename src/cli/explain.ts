// `gomem-gate explain FILES...`: reads one snapshot, writes its explanation, exits 0.
import { writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { explainFiles } from '../driver/explain.js'
import { settingsFrom } from '../driver/settings.js'
import { GateError } from '../errors.js'
import { renderExplanation } from '../report/explain.js'
import type { ExplainArgs } from './args.js'
import type { CliIO } from './run.js'

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
  if (args.inputs.some(isUrl)) throw new GateError('USAGE', 'explain: URLs need gomem-gate capture')
  const e = await explainFiles(
    args.inputs,
    { sampleType: args.sampleType, top: args.top },
    settingsFrom(io.env, availableParallelism()),
  )
  const color = args.output === undefined && args.format === 'text' && io.isTTY && !io.env.NO_COLOR
  const out = renderExplanation(e, args.format, { width, color })
  if (args.output) {
    try {
      writeFileSync(args.output, out)
    } catch (err) {
      throw new GateError(
        'READ_FAILED',
        `--output ${args.output}: ${(err as Error).message}`,
        'choose a writable path',
      )
    }
  } else {
    io.stdout(out)
  }
  return 0
}
