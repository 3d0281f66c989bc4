// The action's entry: reads inputs, decides the mode, runs the gate, publishes. All I/O of the
// action starts here; the judging itself is the core's.
import * as core from '@actions/core'
import * as github from '@actions/github'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GateError } from '../errors.js'
import { VERSION } from '../version.js'
import { fetchArtifact, MANIFEST } from './artifacts.js'
import { describeBaseline } from './baseline.js'
import { matchesBranch } from './branches.js'
import { makeOctokit } from './client.js'
import { linksOf, modulePathOf, type Env } from './env.js'
import { exploreOf } from './explore.js'
import { previousOf, storeWithHistory } from './store-baseline.js'
import { storedFiles } from './stored-files.js'
import { getPullRequest, workflowOfRun, type Octokit } from './github.js'
import { withCapture } from './capture.js'
import { withGoTest } from './go-test.js'
import { handOverFiles } from './hand-over.js'
import { readInputs, requireFiles, type ActionInputs } from './inputs.js'
import {
  actionStatus,
  conclude,
  gate,
  judge,
  LABELS,
  baselineOfRun,
  locateBaseline,
  readManifest,
  reportStore,
} from './judging.js'
import { isPermissionDenied, permissionError } from './permissions.js'
import { publishComment, publishLocally } from './publish.js'
import { judgeShards, mergeJob } from './merge-job.js'
import { handedOverShards } from './merge-store.js'
import { shardJob } from './shard-job.js'
import { situationOf, type Situation } from './situation.js'

const PULL_REQUEST_TARGET =
  'gomem-gate runs on pull_request_target, which has a write token and the repository secrets ' +
  "while it checks out and runs a pull request's untrusted code. Run the tests on pull_request " +
  'and comment from a workflow_run workflow instead (docs/action.md, pull requests from forks).'

/** Runs the action; every failure ends in one `setFailed` line. */
export async function run(): Promise<void> {
  try {
    const given = readInputs((name) => core.getInput(name))
    const ctx = github.context
    const situation = situationOf(
      given.mode,
      ctx.eventName,
      ctx.payload,
      ctx.ref,
      given.baselineBranches,
    )
    requireFiles(given, situation.mode)
    const temp = process.env.RUNNER_TEMP || tmpdir()
    const env: Env = {
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      // One folder per gate: two gates in a job never see each other's files.
      dir: join(temp, 'gomem-gate', given.artifactName),
      temp,
      runId: ctx.runId,
      runAttempt: Number(process.env.GITHUB_RUN_ATTEMPT) || undefined,
      sha: ctx.sha,
      ref: ctx.ref,
      repo: ctx.repo,
      serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com',
    }
    env.modulePath = readModulePath(env.workspace)
    core.info(`gomem-gate ${VERSION}: ${situation.mode} (event ${ctx.eventName})`)
    if (ctx.eventName === 'pull_request_target') core.warning(PULL_REQUEST_TARGET)
    // The tests run in the jobs that judge this job's files, not where files come from artifacts.
    const ownFiles = situation.mode !== 'comment' && situation.mode !== 'merge'
    const inputs = ownFiles
      ? await withCapture(await withGoTest(given, env.workspace, env.dir), env.dir)
      : given
    const octokit = makeOctokit(inputs.token, Number(process.env.GOMEM_GATE_RETRY_BASE_MS) || 1000)
    if (inputs.shard && situation.mode === 'comment')
      throw new GateError(
        'USAGE',
        'input shard: is not for mode comment',
        'the workflow_run workflow judges every shard the merge job handed over; leave shard empty there',
      )
    if (situation.mode === 'merge') {
      const auto = situationOf('auto', ctx.eventName, ctx.payload, ctx.ref, inputs.baselineBranches)
      await mergeJob(inputs, situation, env, octokit, auto.mode === 'baseline')
    } else if (inputs.shard) await shardJob(inputs, situation, env, octokit)
    else if (situation.mode === 'baseline') await storeBaseline(inputs, env, octokit)
    else if (situation.mode === 'compare') await compare(inputs, situation, env, octokit)
    else await commentOnRun(inputs, situation, env, octokit)
  } catch (err) {
    if (err instanceof GateError) core.setFailed(`gomem-gate: ${err.oneLine()}`)
    else core.setFailed(`gomem-gate: internal error: ${(err as Error)?.message ?? String(err)}`)
  }
}

/**
 * A push to a baseline branch: judge the files alone, append their entry to the branch's
 * history (carried over from the previous baseline artifact), store both as the baseline.
 */
async function storeBaseline(inputs: ActionInputs, env: Env, octokit: Octokit): Promise<void> {
  const previous = await previousOf(inputs, env, octokit)
  const result = await gate(inputs, [], previous.path)
  const files = storedFiles(inputs.profiles, LABELS.candidate, env.workspace)
  await storeWithHistory({ inputs, env, result, previous, files, what: `${files.length} file(s)` })
}

/** A pull request (or any other push): compare with the baseline, publish, gate. */
async function compare(
  inputs: ActionInputs,
  situation: Situation,
  env: Env,
  octokit: Octokit,
): Promise<void> {
  const pr = situation.pr
  const baseline = await baselineOfRun(inputs, situation, env, octokit)
  const result = await judge(inputs, baseline)
  if (pr?.fork) await handOver(inputs, env, pr.number, pr.headSha)
  const body = await publishLocally({
    result,
    status: actionStatus(result, baseline),
    inputs,
    notes: [describeBaseline(baseline, situation.baseBranch)],
    dir: env.dir,
    explore: exploreOf(env, inputs, result, baseline),
    links: linksOf(env, pr?.headSha ?? env.sha),
    storeReport: reportStore(inputs, env),
  })
  if (pr) {
    await publishComment({
      octokit,
      repo: env.repo,
      pr: pr.number,
      body,
      result,
      inputs,
      // GitHub gives a fork's pull_request run a read-only token; pull_request_target writes.
      readOnly: pr.fork && situation.eventName === 'pull_request',
    })
  }
  conclude(inputs, result, baseline)
}

/**
 * `workflow_run` after a fork's pull request: fetch the files that run handed over, check
 * they belong to the pull request they name, judge them here and comment. Nothing from the
 * artifact is trusted: the PR number must be the PR whose head the triggering run built, and
 * the files are only ever parsed as profiles. The baseline is looked for among the push runs
 * of the triggering run's workflow, which stores them (this workflow never runs on push).
 */
async function commentOnRun(
  inputs: ActionInputs,
  situation: Situation,
  env: Env,
  octokit: Octokit,
): Promise<void> {
  const run = situation.workflowRun
  if (!run)
    throw new GateError(
      'USAGE',
      'mode comment needs a workflow_run event',
      'see docs/action.md in gomem-gate for the two-workflow setup',
    )
  const dir = join(env.dir, 'pr-files')
  const files = await fetchArtifact(
    `${inputs.artifactName}-pr`,
    run.id,
    env.repo,
    inputs.token,
    dir,
  ).catch((err) => {
    throw isPermissionDenied(err)
      ? permissionError(err, 'actions: read', `download the artifacts of run ${run.id}`)
      : err
  })
  if (!files) {
    core.info(
      `Run ${run.id} handed over no files (it was not a fork's pull request, or it failed early): nothing to do.`,
    )
    return
  }
  const manifest = readManifest(join(dir, MANIFEST))
  const number = manifest.pullRequest
  if (!Number.isInteger(number) || number! < 1 || number! > 2 ** 31) {
    throw new GateError(
      'MALFORMED',
      `artifact ${inputs.artifactName}-pr: invalid pull request number`,
      'the triggering run did not come from gomem-gate',
    )
  }
  const pr = await getPullRequest(octokit, env.repo, number!).catch((err) => {
    throw isPermissionDenied(err)
      ? permissionError(err, 'pull-requests: write', `read pull request #${number}`)
      : err
  })
  if (pr.headSha !== run.headSha) {
    throw new GateError(
      'MALFORMED',
      `artifact ${inputs.artifactName}-pr names pull request #${number}, whose head is not the commit run ${run.id} built`,
      'refusing to comment on a pull request the run did not test',
    )
  }
  // The files the manifest lists as a series form one; everything else is the candidate.
  const inSeries = new Set(Array.isArray(manifest.series) ? manifest.series.map(String) : [])
  const data = files.filter((f) => f !== MANIFEST)
  const candidate = data.filter((f) => !inSeries.has(f)).map((f) => join(dir, f))
  const series = data.filter((f) => inSeries.has(f)).map((f) => join(dir, f))
  const baseline = await locateBaseline({
    inputs,
    branch: pr.baseRef,
    stores: matchesBranch(situation.baselineBranches, pr.baseRef),
    globs: situation.baselineBranches,
    env,
    octokit,
    workflowId: async () => run.workflowId ?? (await workflowOfRun(octokit, env.repo, run.id)),
    pr: { baseSha: pr.baseSha, headSha: pr.headSha },
  })
  // A merge job's hand-over: judged per shard and as one, as the merge job does.
  const shards = Array.isArray(manifest.shards) ? handedOverShards(manifest, dir, data) : undefined
  const result = shards
    ? await judgeShards(
        inputs,
        shards,
        baseline,
        shards.map((s) => s.name),
      )
    : await judge({ ...inputs, profiles: candidate, series }, baseline)
  const body = await publishLocally({
    result,
    status: actionStatus(result, baseline),
    inputs,
    notes: [describeBaseline(baseline, pr.baseRef)],
    dir: env.dir,
    explore: exploreOf(env, inputs, result, baseline, { runId: run.id, dir }),
    // The files were built in the pull request's run: its frames' paths are of that checkout.
    links: { ...linksOf(env, pr.headSha), source: undefined },
    storeReport: reportStore(inputs, env),
  })
  await publishComment({
    octokit,
    repo: env.repo,
    pr: number!,
    body,
    result,
    inputs,
    readOnly: false,
  })
  conclude(inputs, result, baseline)
}

/** A fork's token cannot comment: store its files for the workflow_run workflow. */
async function handOver(
  inputs: ActionInputs,
  env: Env,
  number: number,
  headSha: string,
): Promise<void> {
  const files = storedFiles(inputs.profiles, LABELS.candidate, env.workspace)
  const series = storedFiles(inputs.series, LABELS.series, env.workspace, files)
  await handOverFiles({ inputs, env, number, headSha, files, series })
}

/** The module path of the workspace's go.mod, when it has one at its root. */
function readModulePath(workspace: string): string | undefined {
  try {
    return modulePathOf(readFileSync(join(workspace, 'go.mod'), 'utf8').slice(0, 64 * 1024))
  } catch {
    return undefined
  }
}
