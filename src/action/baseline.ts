// Finds the baseline of a compare: the `baseline` input, else the artifact of an earlier run.
import { join } from 'node:path'
import { HISTORY_FILE } from '../history/file.js'
import { fetchArtifact, MANIFEST } from './artifacts.js'
import { runsToTry, type RunChoice } from './choose-run.js'
import { mergeBase, successfulRuns, type Octokit, type Repo } from './github.js'
import { isPermissionDenied, permissionError } from './permissions.js'

/** Where the baseline came from. */
export type BaselineSource =
  | { kind: 'files'; patterns: string[] }
  | {
      kind: 'artifact'
      patterns: string[]
      /** The folder the artifact was downloaded into (its files' paths start here). */
      dir: string
      runId: number
      commit: string
      why: RunChoice
      mergeBase?: string
      /** The branch's history file the artifact carries (older artifacts have none). */
      history?: string
    }
  | { kind: 'none'; reason: string; storedByPushTo?: string }
  /** GitHub could not be reached to look: the gate cannot judge. */
  | { kind: 'unavailable'; reason: string }

/** Most earlier runs whose artifacts are listed before giving up. */
const MAX_RUNS = 10

/**
 * Looks for the newest usable baseline artifact on `branch` among the push runs of workflow
 * `workflowId`, downloading it under `dest`. A refused permission throws a GateError naming
 * it; other failures (GitHub unreachable after retries) throw as they are.
 */
export async function findBaseline(args: {
  octokit: Octokit
  repo: Repo
  token: string
  artifactName: string
  workflowId: number
  branch: string
  /** The PR's base and head commits, when this is a PR (for the merge base). */
  pr?: { baseSha: string; headSha: string }
  dest: string
  log: (line: string) => void
  /** A run not to take (this one: a re-run attempt of it is listed as successful). */
  excludeRunId?: number
}): Promise<BaselineSource> {
  const { octokit, repo, branch, log } = args
  const listed = await successfulRuns(octokit, repo, args.workflowId, branch).catch((err) => {
    throw isPermissionDenied(err)
      ? permissionError(err, 'actions: read', 'list workflow runs')
      : err
  })
  const runs = listed.filter((r) => r.id !== args.excludeRunId)
  if (runs.length === 0) {
    return {
      kind: 'none',
      reason: `no successful push run of this workflow on ${branch} yet`,
      storedByPushTo: branch,
    }
  }
  const base = args.pr
    ? await mergeBase(octokit, repo, args.pr.baseSha, args.pr.headSha)
    : undefined
  const order = runsToTry(runs, base)
  // Downloads that failed for another reason than expiry: GitHub, not the history, is at fault.
  const failed: string[] = []
  for (const { run, why } of order.slice(0, MAX_RUNS)) {
    const dir = join(args.dest, String(run.id))
    let files: string[] | undefined
    try {
      files = await fetchArtifact(args.artifactName, run.id, repo, args.token, dir)
    } catch (err) {
      if (isPermissionDenied(err))
        throw permissionError(err, 'actions: read', `download artifacts of run ${run.id}`)
      // An expired artifact is still listed, but its download answers 410.
      const message = (err as Error).message.split('\n')[0]
      log(`run ${run.id}: artifact ${args.artifactName} could not be downloaded (${message})`)
      if (!isGone(err)) failed.push(`run ${run.id}: ${message}`)
      continue
    }
    if (!files) {
      log(`run ${run.id} (${run.headSha.slice(0, 7)}) has no artifact ${args.artifactName}`)
      continue
    }
    const patterns = files
      .filter((f) => f !== MANIFEST && f !== HISTORY_FILE)
      .map((f) => join(dir, f))
    if (patterns.length === 0) continue
    return {
      kind: 'artifact',
      patterns,
      dir,
      runId: run.id,
      commit: run.headSha,
      why,
      mergeBase: base?.sha,
      ...(files.includes(HISTORY_FILE) ? { history: join(dir, HISTORY_FILE) } : {}),
    }
  }
  if (failed.length > 0) {
    return {
      kind: 'unavailable',
      reason: `the baseline artifact could not be downloaded (${failed[0]})`,
    }
  }
  return {
    kind: 'none',
    reason: `no run on ${branch} at or before the merge base has an artifact named ${args.artifactName} (first run, or it expired)`,
    storedByPushTo: branch,
  }
}

/** An artifact that expired (410) or was deleted (404): no baseline, not an outage. */
function isGone(err: unknown): boolean {
  const status = (err as { status?: unknown })?.status
  return status === 410 || status === 404
}

/** One sentence for the comment saying which baseline was used. */
export function describeBaseline(b: BaselineSource, branch: string): string {
  switch (b.kind) {
    case 'files':
      return `Baseline: files given in the baseline input (${b.patterns.length} pattern(s)).`
    case 'none': {
      const next = b.storedByPushTo
        ? ` Nothing fails until one exists; it is stored by the next push to ${b.storedByPushTo}.`
        : ''
      return `No baseline: ${b.reason}.${next}`
    }
    case 'unavailable':
      return `Could not judge: ${b.reason}. Nothing was compared with a baseline; re-run the job once GitHub answers.`
    case 'artifact': {
      const sha = b.commit.slice(0, 7)
      if (b.why === 'merge-base')
        return `Baseline: commit ${sha} on ${branch}, the merge base of this pull request (run ${b.runId}).`
      if (b.why === 'older') {
        const mb = b.mergeBase ? ` ${b.mergeBase.slice(0, 7)}` : ''
        return `Baseline: commit ${sha} on ${branch} (run ${b.runId}), the nearest older one: the merge base${mb} has no stored baseline.`
      }
      return `Baseline: commit ${sha}, the newest stored baseline on ${branch} (run ${b.runId}).`
    }
  }
}
