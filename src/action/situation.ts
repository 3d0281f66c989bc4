// What kind of run this is, derived from the event: a pure function of the payload.
import type { Mode } from './inputs.js'

/** A pull request as the action needs it. */
export interface PullRequest {
  number: number
  headSha: string
  baseRef: string
  baseSha: string
  /** From another repository: its token is read-only. */
  fork: boolean
}

/** The decided mode and the facts it rests on. */
export interface Situation {
  mode: Exclude<Mode, 'auto'>
  eventName: string
  pr?: PullRequest
  /** The branch a baseline is looked for on. */
  baseBranch: string
  defaultBranch: string
  /** For `comment` mode: the run whose files are judged. */
  workflowRun?: { id: number; headSha: string; event: string }
}

type Payload = Record<string, unknown>

/** Decides the mode: push to the default branch stores a baseline, a PR compares, workflow_run comments. */
export function situationOf(
  mode: Mode,
  eventName: string,
  payload: Payload,
  ref: string,
): Situation {
  const repo = (payload.repository ?? {}) as Payload
  const defaultBranch = typeof repo.default_branch === 'string' ? repo.default_branch : 'main'
  const pr = pullRequestOf(payload, repo)
  const run = payload.workflow_run as Payload | undefined
  const workflowRun =
    eventName === 'workflow_run' && run && Number.isInteger(run.id)
      ? {
          id: run.id as number,
          headSha: String(run.head_sha ?? ''),
          event: String(run.event ?? ''),
        }
      : undefined
  let decided: Situation['mode']
  if (mode !== 'auto') decided = mode
  else if (workflowRun) decided = 'comment'
  else if (eventName === 'push' && ref === `refs/heads/${defaultBranch}`) decided = 'baseline'
  else decided = 'compare'
  return {
    mode: decided,
    eventName,
    pr,
    baseBranch: pr?.baseRef ?? defaultBranch,
    defaultBranch,
    workflowRun,
  }
}

function pullRequestOf(payload: Payload, repo: Payload): PullRequest | undefined {
  const pr = payload.pull_request as Payload | undefined
  if (!pr || !Number.isInteger(pr.number)) return undefined
  const head = (pr.head ?? {}) as Payload
  const base = (pr.base ?? {}) as Payload
  const headRepo = (head.repo ?? {}) as Payload
  return {
    number: pr.number as number,
    headSha: String(head.sha ?? ''),
    baseRef: String(base.ref ?? ''),
    baseSha: String(base.sha ?? ''),
    fork: typeof headRepo.full_name === 'string' && headRepo.full_name !== repo.full_name,
  }
}
