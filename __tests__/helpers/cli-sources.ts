// Runs the CLI from the sources (src/cli/run.ts) in this process, with its output captured:
// no bundle involved, so a change to src/ is what the test sees.
import { runCli, type CliIO } from '../../src/cli/run.js'
import type { CliResult } from './cli.js'

/** The date the CLI is told it is (waivers expire by it): fixed, so outputs do not drift. */
export const TODAY = '2026-06-15'

/**
 * Runs `gomem-gate ...argv` as a non-terminal with an empty environment (no colour, no
 * debug lines), in `cwd` when given (relative paths resolve there and print as given);
 * `io` overrides that (a terminal, its width, an environment).
 */
export async function runFromSources(
  argv: string[],
  cwd?: string,
  io: Partial<Pick<CliIO, 'isTTY' | 'columns' | 'env'>> = {},
): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const home = process.cwd()
  if (cwd) process.chdir(cwd)
  try {
    const status = await runCli(argv, {
      stdout: (s) => void (stdout += s),
      stderr: (s) => void (stderr += s),
      isTTY: false,
      env: {},
      today: TODAY,
      ...io,
    })
    return { status, stdout, stderr }
  } finally {
    if (cwd) process.chdir(home)
  }
}
