// What the runner tells a job about itself, read once by run.ts, and the links built from it.
import type { ReportLinks } from '../report/types.js'
import type { Repo } from './github.js'

export interface Env {
  workspace: string
  /** This gate's own folder under RUNNER_TEMP (one per artifact name). */
  dir: string
  temp: string
  runId: number
  /** GITHUB_RUN_ATTEMPT: 1 for the first attempt, more after a re-run. */
  runAttempt?: number
  /** The job's numeric id, when known (its summary is `#summary-<id>` on the run's page). */
  jobId?: number
  sha: string
  ref: string
  repo: Repo
  /** https://github.com, or the GitHub Enterprise server. */
  serverUrl: string
  /** The `module` path of go.mod at the workspace root, when there is one. */
  modulePath?: string
}

/**
 * The comment's links: this run (its attempt), the job summary (the run when the job id is
 * unknown), and where a frame's file is in the repository at `sha` (the pull request's head).
 * The HTML report's artifact is not linked here.
 */
export function linksOf(env: Env, sha: string): ReportLinks {
  const server = env.serverUrl.replace(/\/+$/, '')
  const repo = `${env.repo.owner}/${env.repo.repo}`
  const attempt = env.runAttempt && env.runAttempt > 1 ? `/attempts/${env.runAttempt}` : ''
  const run = `${server}/${repo}/actions/runs/${env.runId}${attempt}`
  return {
    run,
    summary: env.jobId ? `${run}#summary-${env.jobId}` : run,
    source: {
      server,
      repo,
      sha,
      roots: [env.workspace, ...(env.modulePath ? [env.modulePath] : [])],
    },
  }
}

/** The page of artifact `id` of this run, where a reader downloads it. */
export function artifactUrl(env: Env, id: number): string {
  const server = env.serverUrl.replace(/\/+$/, '')
  return `${server}/${env.repo.owner}/${env.repo.repo}/actions/runs/${env.runId}/artifacts/${id}`
}

/** The module path a go.mod declares (`module example.com/x`), or undefined. */
export function modulePathOf(goMod: string): string | undefined {
  const m = /^\s*module\s+("?)([A-Za-z0-9._~/-]+)\1\s*(?:\/\/.*)?$/m.exec(goMod)
  return m?.[2]
}
