// What kind of run this is, derived from the event: a pure function of the payload.
import { baselineBranchesOf, matchesBranch } from './branches.js'
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
  /** Whether pushes to `baseBranch` store baselines (it matches `baseline-branches`). */
  baseBranchStores: boolean
  /** The globs of the branches whose pushes store a baseline. */
  baselineBranches: string[]
  defaultBranch: string
  /** For `comment` mode: the run whose files are judged, and its workflow. */
  workflowRun?: { id: number; headSha: string; event: string; workflowId?: number }
}

type Payload = Record<string, unknown>

/**
 * Decides the mode: a push to a baseline branch stores a baseline, a PR compares,
 * workflow_run comments. `baselineBranches` is the input (empty: the default branch).
 */
export function situationOf(
  mode: Mode,
  eventName: string,
  payload: Payload,
  ref: string,
  baselineBranchesInput: string[] = [],
): Situation {
  const repo = (payload.repository ?? {}) as Payload
  const defaultBranch = typeof repo.default_branch === 'string' ? repo.default_branch : 'main'
  const baselineBranches = baselineBranchesOf(baselineBranchesInput, defaultBranch)
  const pr = pullRequestOf(payload, repo)
  const run = payload.workflow_run as Payload | undefined
  const workflowRun =
    eventName === 'workflow_run' && run && Number.isInteger(run.id)
      ? {
          id: run.id as number,
          headSha: String(run.head_sha ?? ''),
          event: String(run.event ?? ''),
          ...(Number.isInteger(run.workflow_id) ? { workflowId: run.workflow_id as number } : {}),
        }
      : undefined
  const pushed = eventName === 'push' && ref.startsWith('refs/heads/') ? ref.slice(11) : undefined
  let decided: Situation['mode']
  if (mode !== 'auto') decided = mode
  else if (eventName === 'workflow_run') decided = 'comment'
  else if (pushed !== undefined && matchesBranch(baselineBranches, pushed)) decided = 'baseline'
  else decided = 'compare'
  const baseBranch = pr?.baseRef || defaultBranch
  return {
    mode: decided,
    eventName,
    pr,
    baseBranch,
    baseBranchStores: matchesBranch(baselineBranches, baseBranch),
    baselineBranches,
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
