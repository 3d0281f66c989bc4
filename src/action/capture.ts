// The `capture` input: fetches from a service an earlier step started (net/http/pprof, expvar,
// /metrics) before judging, once, or `count` times `every` apart as a series; what it saved
// joins the candidate's files like any other, or becomes the series judged for a leak.
import * as core from '@actions/core'
import { join } from 'node:path'
import { captureOnce, captureSeries } from '../capture/index.js'
import type { ActionInputs } from './inputs.js'

/** How long each request may take. */
const TIMEOUT_MS = 10_000

/** The inputs with the captured files among `profiles` (or as `series`); as they are without `capture`. */
export async function withCapture(inputs: ActionInputs, dir: string): Promise<ActionInputs> {
  if (inputs.capture.length === 0) return inputs
  const out = join(dir, 'capture')
  const log = (line: string) => core.info(line)
  const common = { urls: inputs.capture, out, timeoutMs: TIMEOUT_MS, headers: {}, log }
  core.startGroup(`gomem-gate capture ${inputs.capture.join(' ')}`)
  try {
    if (inputs.count > 1) {
      const series = await captureSeries({
        ...common,
        everyMs: inputs.everyMs,
        count: inputs.count,
      })
      return { ...inputs, series: [...inputs.series, ...series.snapshots.flat()] }
    }
    await captureOnce(common)
    return { ...inputs, profiles: [...inputs.profiles, join(out, '*')] }
  } finally {
    core.endGroup()
  }
}
