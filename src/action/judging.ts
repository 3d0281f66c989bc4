// What every mode shares: the gate on some files, the baseline it is judged against, and how
// the step ends. Shells of run.ts and shards.ts call these; the judging is the core's.
import * as core from '@actions/core'
import { execFileSync } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { compare as compareInputs, type CompareResult } from '../driver/compare.js'
import { readSmallText } from '../driver/files.js'
import { MAX_MANIFEST_BYTES } from '../driver/limits.js'
import { settingsFrom } from '../driver/settings.js'
import { GateError } from '../errors.js'
import { failureLine } from '../report/index.js'
import { warning } from '../warnings.js'
import { MANIFEST, storeArtifact, type Manifest } from './artifacts.js'
import { findBaseline, type BaselineSource } from './baseline.js'
import { artifactUrl, type Env } from './env.js'
import { workflowOfRun, type Octokit } from './github.js'
import { usable } from './history-chain.js'
import type { ActionInputs } from './inputs.js'
import { isPermissionDenied, permissionError } from './permissions.js'
import type { ActionStatus } from './publish.js'
import type { Situation } from './situation.js'

/** How each input is named in error messages. */
export const LABELS = {
  baseline: 'input baseline:',
  candidate: 'input profiles:',
  config: 'input config:',
  series: 'input series:',
}

/** The baseline of this run's own event (a pull request's base branch, a push's branch). */
export function baselineOfRun(
  inputs: ActionInputs,
  situation: Situation,
  env: Env,
  octokit: Octokit,
): Promise<BaselineSource> {
  const pr = situation.pr
  return locateBaseline({
    inputs,
    branch: situation.baseBranch,
    stores: situation.baseBranchStores,
    globs: situation.baselineBranches,
    env,
    octokit,
    workflowId: () => workflowOfRun(octokit, env.repo, env.runId),
    pr: pr && { baseSha: pr.baseSha, headSha: pr.headSha },
  })
}

/**
 * The baseline input, else the best earlier run's artifact. A refused permission fails the
 * step (never a silent pass); GitHub unreachable after retries leaves the gate unable to judge.
 */
export async function locateBaseline(args: {
  inputs: ActionInputs
  branch: string
  /** Whether pushes to `branch` store baselines (it matches baseline-branches). */
  stores: boolean
  globs: string[]
  env: Env
  octokit: Octokit
  workflowId: () => Promise<number>
  pr?: { baseSha: string; headSha: string }
}): Promise<BaselineSource> {
  const { inputs, branch, env } = args
  if (inputs.baseline.length > 0) return { kind: 'files', patterns: inputs.baseline }
  if (!args.stores) {
    return {
      kind: 'none',
      reason: `pushes to ${branch} store none, as it is not one of baseline-branches (${args.globs.join(', ')}); add it there to compare pull requests into it`,
    }
  }
  try {
    const workflowId = await args.workflowId().catch((err) => {
      throw isPermissionDenied(err)
        ? permissionError(err, 'actions: read', 'read workflow runs')
        : err
    })
    return await findBaseline({
      octokit: args.octokit,
      repo: env.repo,
      token: inputs.token,
      artifactName: inputs.artifactName,
      workflowId,
      branch,
      pr: args.pr,
      dest: join(env.dir, 'baseline'),
      log: (line) => core.info(line),
    })
  } catch (err) {
    if (err instanceof GateError) throw err
    const why = (err as Error).message.split('\n')[0]
    core.info(`Baseline lookup failed: ${why}`)
    return {
      kind: 'unavailable',
      reason: `GitHub did not answer the baseline lookup after retries (${why})`,
    }
  }
}

/** The gate on the located baseline; an unavailable one is marked on the verdict. */
export async function judge(
  inputs: ActionInputs,
  baseline: BaselineSource,
): Promise<CompareResult> {
  const patterns =
    baseline.kind === 'files' || baseline.kind === 'artifact' ? baseline.patterns : []
  // A history that does not read is left out with a warning: it must not fail the gate.
  const history =
    baseline.kind === 'artifact' && baseline.history
      ? usable(
          baseline.history,
          `history of baseline artifact ${inputs.artifactName} (run ${baseline.runId})`,
        )
      : undefined
  if (history?.anew) core.warning(`gomem-gate: judged without history: ${history.anew}`)
  const result = await gate(inputs, patterns, history?.path)
  if (baseline.kind !== 'unavailable') return result
  const w = warning('baseline-unavailable', `Not judged against a baseline: ${baseline.reason}.`)
  return { ...result, verdict: { ...result.verdict, warnings: [...result.verdict.warnings, w] } }
}

/** The `status` output: `unjudged` when the baseline could not be fetched and nothing failed. */
export function actionStatus(result: CompareResult, baseline: BaselineSource): ActionStatus {
  if (baseline.kind === 'unavailable' && result.verdict.status !== 'fail') return 'unjudged'
  return result.verdict.status
}

/** Fails the step on a regression, and on a gate that could not judge when asked to. */
export function conclude(
  inputs: ActionInputs,
  result: CompareResult,
  baseline: BaselineSource,
): void {
  if (result.verdict.status === 'fail') {
    const line = failureLine(result.verdict, result.diff)
    if (inputs.failOnRegression) core.setFailed(line)
    else core.warning(`${line} (fail-on-regression is false)`)
  } else if (baseline.kind === 'unavailable') {
    const line = `gomem-gate could not judge: ${baseline.reason}`
    if (inputs.failOnUnjudged) core.setFailed(line)
    else core.warning(`${line}. The check passes; set fail-on-unjudged: true to fail it instead.`)
  }
}

export function gate(
  inputs: ActionInputs,
  baseline: string[],
  history?: string,
): Promise<CompareResult> {
  return compareInputs(
    {
      baseline,
      candidate: inputs.profiles,
      series: inputs.series,
      config: inputs.config,
      labels: LABELS,
      today: new Date().toISOString().slice(0, 10),
      sampleType: inputs.sampleType,
      history,
      historyLabel: 'history',
      // The HTML report's flame graph needs the stacks, the small ones rolled into callers.
      stacks: inputs.htmlReport ? 'prefixes' : undefined,
    },
    settingsFrom(process.env, availableParallelism()),
  )
}

/**
 * Uploads report.html as the artifact `<artifact-name>-report` (undefined when html-report
 * is off). A failed upload is a warning: the comment goes without the link.
 */
export function reportStore(
  inputs: ActionInputs,
  env: Env,
): ((path: string) => Promise<string | undefined>) | undefined {
  if (!inputs.htmlReport) return undefined
  return async (path) => {
    const name = `${inputs.artifactName}-report`
    try {
      const files = [{ source: path, name: 'report.html' }]
      const id = await storeArtifact(name, files, undefined, env.dir, inputs.retentionDays)
      return id === undefined ? undefined : artifactUrl(env, id)
    } catch (err) {
      core.warning(`gomem-gate could not upload the HTML report ${name}: ${(err as Error).message}`)
      return undefined
    }
  }
}

export function readManifest(
  path: string,
  of = 'the handed-over files',
  hint = 'the triggering run did not come from gomem-gate',
): Manifest {
  const text = readSmallText(path, 'manifest', MAX_MANIFEST_BYTES, hint)
  try {
    const m = JSON.parse(text) as Manifest
    if (m === null || typeof m !== 'object') throw new Error('not an object')
    return m
  } catch {
    throw new GateError('MALFORMED', `${MANIFEST} of ${of} is not JSON`, hint)
  }
}

/** `go version` of the runner when go is on the PATH. */
export function goVersion(): string | undefined {
  try {
    return (
      execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8', timeout: 10_000 }).trim() ||
      undefined
    )
  } catch {
    return undefined
  }
}
