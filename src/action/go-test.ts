// The `go-test` input: runs `gomem-gate go-test` on the workspace before judging, so a
// workflow needs no TestMain. Its files (one profile and GC trace per package) join the
// candidate's, under the gate's own folder outside the checkout.
import * as core from '@actions/core'
import { join } from 'node:path'
import { GoTestFailure } from '../go-test/failure.js'
import { runGoTest } from '../go-test/run.js'
import type { ActionInputs } from './inputs.js'

/**
 * Runs go test as the inputs ask and returns the inputs with its files among `profiles`; the
 * inputs as they are without `go-test`. A failed package fails the step (go's output tail
 * is printed first), as the same failure would in a plain `go test` step.
 */
export async function withGoTest(
  inputs: ActionInputs,
  workspace: string,
  dir: string,
): Promise<ActionInputs> {
  if (inputs.goTest.length === 0) return inputs
  const out = join(dir, 'go-test')
  core.startGroup(`gomem-gate go-test ${inputs.goTest.join(' ')}`)
  try {
    const result = await runGoTest({
      dir: workspace,
      out,
      packages: inputs.goTest,
      goFlags: inputs.goTestFlags,
      log: (line) => core.info(line),
    })
    core.info(
      `go test: ${result.packages.length} packages passed, ${result.skipped.length} without tests, ${result.seconds.toFixed(1)} s; files in ${out}`,
    )
  } catch (err) {
    if (err instanceof GoTestFailure) for (const line of err.tail) core.info(`    ${line}`)
    throw err
  } finally {
    core.endGroup()
  }
  return { ...inputs, profiles: [...inputs.profiles, join(out, '*')] }
}
