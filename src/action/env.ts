// What the runner tells a job about itself, read once by run.ts.
import type { Repo } from './github.js'

export interface Env {
  workspace: string
  /** This gate's own folder under RUNNER_TEMP (one per artifact name). */
  dir: string
  temp: string
  runId: number
  sha: string
  ref: string
  repo: Repo
  /** https://github.com, or the GitHub Enterprise server. */
  serverUrl: string
}
