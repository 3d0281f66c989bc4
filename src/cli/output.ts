// Where a command's report goes: the --output file, else stdout.
import { writeFileSync } from 'node:fs'
import { GateError } from '../errors.js'
import type { CliIO } from './run.js'

/** Writes `text` to `output` (a path), or to stdout without one; an unwritable path is exit 2. */
export function writeReport(io: CliIO, output: string | undefined, text: string): void {
  if (!output) {
    io.stdout(text)
    return
  }
  try {
    writeFileSync(output, text)
  } catch (err) {
    throw new GateError(
      'READ_FAILED',
      `--output ${output}: ${(err as Error).message}`,
      'choose a writable path',
    )
  }
}
