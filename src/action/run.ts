// The action's entry: reads inputs, decides the mode, runs the gate, publishes. All I/O of the
// action starts here; the judging itself is the core's.
import * as core from '@actions/core'
import * as github from '@actions/github'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { isAbsolute, join, relative } from 'node:path'
import { compare as compareInputs, type CompareResult } from '../driver/compare.js'
import { existingFiles } from '../driver/files.js'
import { settingsFrom } from '../driver/settings.js'
import { GateError } from '../errors.js'
import { failureLine } from '../report/index.js'
import { VERSION } from '../version.js'
import { fetchArtifact, MANIFEST, storeArtifact, type Manifest } from './artifacts.js'
import { describeBaseline, findBaseline, type BaselineSource } from './baseline.js'
import { makeOctokit } from './client.js'
import { getPullRequest, type Octokit, type Repo } from './github.js'
import { readInputs, type ActionInputs } from './inputs.js'
import { publishComment, publishLocally } from './publish.js'
import { situationOf, type Situation } from './situation.js'

const LABELS = {
  baseline: 'input baseline:',
  candidate: 'input profiles:',
  config: 'input config:',
  series: 'input series:',
}

/** Runs the action; every failure ends in one `setFailed` line. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name))
    const ctx = github.context
    const situation = situationOf(inputs.mode, ctx.eventName, ctx.payload, ctx.ref)
    const env = {
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      temp: process.env.RUNNER_TEMP || tmpdir(),
      runId: ctx.runId,
      sha: ctx.sha,
      ref: ctx.ref,
      repo: ctx.repo,
    }
    core.info(`gomem-gate ${VERSION}: ${situation.mode} (event ${ctx.eventName})`)
    const octokit = makeOctokit(inputs.token, Number(process.env.GOMEM_GATE_RETRY_BASE_MS) || 1000)
    if (situation.mode === 'baseline') await storeBaseline(inputs, env)
    else if (situation.mode === 'compare') await compare(inputs, situation, env, octokit)
    else await commentOnRun(inputs, situation, env, octokit)
  } catch (err) {
    if (err instanceof GateError) core.setFailed(`gomem-gate: ${err.oneLine()}`)
    else core.setFailed(`gomem-gate: internal error: ${(err as Error)?.message ?? String(err)}`)
  }
}

interface Env {
  workspace: string
  temp: string
  runId: number
  sha: string
  ref: string
  repo: Repo
}

/** A push to the default branch: judge the files alone, then store them as the baseline. */
async function storeBaseline(inputs: ActionInputs, env: Env): Promise<void> {
  const result = await gate(inputs, [])
  const files = workspaceFiles(inputs.profiles, LABELS.candidate, env.workspace)
  const manifest: Manifest = {
    tool: 'gomem-gate',
    version: VERSION,
    kind: 'baseline',
    commit: env.sha,
    ref: env.ref,
    goVersion: goVersion(),
    files,
  }
  await storeArtifact(
    inputs.artifactName,
    env.workspace,
    files,
    manifest,
    env.temp,
    inputs.retentionDays,
  )
  const note = `Stored ${files.length} file(s) as baseline artifact ${inputs.artifactName} for commit ${env.sha.slice(0, 7)}.`
  core.info(note)
  await publishLocally(result, inputs, [note], env.temp)
}

/** A pull request (or any other push): compare with the baseline, publish, gate. */
async function compare(
  inputs: ActionInputs,
  situation: Situation,
  env: Env,
  octokit: Octokit,
): Promise<void> {
  const pr = situation.pr
  const baseline = await locateBaseline(inputs, situation.baseBranch, env, octokit, pr)
  const result = await gate(inputs, baseline.kind === 'none' ? [] : baseline.patterns)
  const body = await publishLocally(
    result,
    inputs,
    [describeBaseline(baseline, situation.baseBranch)],
    env.temp,
  )
  if (pr) {
    if (pr.fork) await handOver(inputs, env, pr.number, pr.headSha)
    await publishComment({ octokit, repo: env.repo, pr: pr.number, body, result, inputs })
  }
  if (result.verdict.status === 'fail') {
    const line = failureLine(result.verdict)
    if (inputs.failOnRegression) core.setFailed(line)
    else core.warning(`${line} (fail-on-regression is false)`)
  }
}

/**
 * `workflow_run` after a fork's pull request: fetch the files that run handed over, check
 * they belong to the pull request they name, judge them here and comment. Nothing from the
 * artifact is trusted: the PR number must be the PR whose head the triggering run built, and
 * the files are only ever parsed as profiles.
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
  const dir = join(env.temp, 'gomem-gate', 'pr-files')
  const files = await fetchArtifact(
    `${inputs.artifactName}-pr`,
    run.id,
    env.repo,
    inputs.token,
    dir,
  )
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
  const pr = await getPullRequest(octokit, env.repo, number!)
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
  const baseline = await locateBaseline(inputs, pr.baseRef, env, octokit, {
    baseSha: pr.baseSha,
    headSha: pr.headSha,
  })
  const result = await gate(
    { ...inputs, profiles: candidate, series },
    baseline.kind === 'none' ? [] : baseline.patterns,
  )
  const body = await publishLocally(
    result,
    inputs,
    [describeBaseline(baseline, pr.baseRef)],
    env.temp,
  )
  await publishComment({ octokit, repo: env.repo, pr: number!, body, result, inputs })
}

/** The baseline input, else the best earlier run's artifact; API trouble means no baseline. */
async function locateBaseline(
  inputs: ActionInputs,
  branch: string,
  env: Env,
  octokit: Octokit,
  pr?: { baseSha: string; headSha: string },
): Promise<BaselineSource> {
  if (inputs.baseline.length > 0) return { kind: 'files', patterns: inputs.baseline }
  try {
    return await findBaseline({
      octokit,
      repo: env.repo,
      token: inputs.token,
      artifactName: inputs.artifactName,
      runId: env.runId,
      branch,
      pr,
      dest: join(env.temp, 'gomem-gate', 'baseline'),
      log: (line) => core.info(line),
    })
  } catch (err) {
    core.warning(
      `gomem-gate could not look up a baseline (${(err as Error).message}); judging without one.`,
    )
    return { kind: 'none', reason: 'GitHub could not be reached to look it up' }
  }
}

/** A fork's token cannot comment: store its files for the workflow_run workflow. */
async function handOver(
  inputs: ActionInputs,
  env: Env,
  number: number,
  headSha: string,
): Promise<void> {
  const files = workspaceFiles(inputs.profiles, LABELS.candidate, env.workspace)
  const series = workspaceFiles(inputs.series, LABELS.series, env.workspace)
  const manifest: Manifest = {
    tool: 'gomem-gate',
    version: VERSION,
    kind: 'pull-request',
    commit: headSha,
    ref: env.ref,
    files,
    series,
    pullRequest: number,
  }
  const all = [...files, ...series]
  try {
    await storeArtifact(`${inputs.artifactName}-pr`, env.workspace, all, manifest, env.temp, 1)
  } catch (err) {
    core.warning(
      `gomem-gate could not store the files for the commenting workflow: ${(err as Error).message}`,
    )
  }
}

function gate(inputs: ActionInputs, baseline: string[]): Promise<CompareResult> {
  return compareInputs(
    {
      baseline,
      candidate: inputs.profiles,
      series: inputs.series,
      config: inputs.config,
      labels: LABELS,
      today: new Date().toISOString().slice(0, 10),
      sampleType: inputs.sampleType,
    },
    settingsFrom(process.env, availableParallelism()),
  )
}

/** The files of some globs as workspace-relative paths (outside ones keep their name only). */
function workspaceFiles(patterns: string[], label: string, workspace: string): string[] {
  if (patterns.length === 0) return []
  return existingFiles(patterns, label).map((path) => {
    const rel = relative(workspace, isAbsolute(path) ? path : join(workspace, path))
    return rel.startsWith('..') ? path.split('/').pop()! : rel
  })
}

function readManifest(path: string): Manifest {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest
  } catch {
    throw new GateError(
      'MALFORMED',
      `${MANIFEST} of the handed-over files is missing or not JSON`,
      'the triggering run did not come from gomem-gate',
    )
  }
}

/** `go version` of the runner when go is on the PATH. */
function goVersion(): string | undefined {
  try {
    return (
      execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8', timeout: 10_000 }).trim() ||
      undefined
    )
  } catch {
    return undefined
  }
}
