// Matrix shards: each job of a matrix judges and uploads its part (`shard:`), and one job after
// them (`mode: merge`) judges every part as one, stores the baseline or writes the one comment.
// Only the merge job comments, so shards never race on it.
import * as core from '@actions/core'
import { existsSync, mkdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { CompareResult } from '../driver/compare.js'
import { GateError } from '../errors.js'
import { entryOf } from '../history/entry.js'
import { appendEntry, HISTORY_FILE, writeHistory } from '../history/file.js'
import { mergeShards, type ShardPart } from '../policy/shards.js'
import { failureLine } from '../report/index.js'
import { VERSION } from '../version.js'
import {
  fetchRunArtifacts,
  listFiles,
  MANIFEST,
  storeArtifact,
  type Manifest,
  type StoredFile,
} from './artifacts.js'
import { describeBaseline, type BaselineSource } from './baseline.js'
import { linksOf, type Env } from './env.js'
import { exploreOf } from './explore.js'
import { workflowOfRun, type Octokit } from './github.js'
import { previousHistory } from './history-chain.js'
import { SHARD_NAME, type ActionInputs } from './inputs.js'
import {
  actionStatus,
  conclude,
  gate,
  goVersion,
  judge,
  LABELS,
  locateBaseline,
  readManifest,
  reportStore,
} from './judging.js'
import { publishComment, publishLocally } from './publish.js'
import type { Situation } from './situation.js'
import { storedFiles } from './stored-files.js'

/** A shard's partial report (report.json of its job), stored in its artifact. */
export const SHARD_REPORT = 'gomem-gate-shard-report.json'

/** The folder a shard's files have in a merged artifact (baseline, hand-over). */
export const shardFolder = (name: string): string => `shard-${name}`

/** The artifact a shard job uploads. */
export const shardArtifact = (inputs: ActionInputs, name: string): string =>
  `${inputs.artifactName}-shard-${name}`

/** One shard's files as the merge job (or the commenting workflow) has them on disk. */
export interface ShardFiles {
  name: string
  /** The folder its files are in (their stored names are relative to it). */
  dir: string
  /** Absolute paths of its candidate files and of its series. */
  files: string[]
  series: string[]
  /** Set when its job could not judge: the job's one-line error. */
  problem?: string
}

/**
 * A shard job: judge its own files (against the baseline's files of the same shard on a pull
 * request), publish the job summary, upload the part for the merge job. No comment, no
 * baseline of its own; a regression fails the step only with fail-shard.
 */
export async function shardJob(
  inputs: ActionInputs,
  situation: Situation,
  env: Env,
  octokit: Octokit,
): Promise<void> {
  const name = inputs.shard!
  const artifact = shardArtifact(inputs, name)
  const manifest = (files: StoredFile[], series: StoredFile[]): Manifest => ({
    tool: 'gomem-gate',
    version: VERSION,
    kind: 'shard',
    shard: name,
    commit: env.sha,
    ref: env.ref,
    files: files.map((f) => f.name),
    series: series.map((f) => f.name),
  })
  let files: StoredFile[] = []
  let series: StoredFile[] = []
  let result: CompareResult
  let baseline: BaselineSource
  try {
    files = storedFiles(inputs.profiles, LABELS.candidate, env.workspace)
    series = storedFiles(inputs.series, LABELS.series, env.workspace, files)
    if (situation.mode === 'baseline') {
      baseline = { kind: 'none', reason: 'this push stores it (the merge job does)' }
      result = await gate(inputs, [])
    } else {
      const found = await locateBaseline({
        inputs,
        branch: situation.baseBranch,
        stores: situation.baseBranchStores,
        globs: situation.baselineBranches,
        env,
        octokit,
        workflowId: () => workflowOfRun(octokit, env.repo, env.runId),
        pr: situation.pr && { baseSha: situation.pr.baseSha, headSha: situation.pr.headSha },
      })
      baseline = shardBaseline(found, name)
      result = await judge(inputs, baseline)
    }
  } catch (err) {
    if (err instanceof GateError) {
      // The merge job names this shard as failed; the step fails as any other would.
      const m = { ...manifest([], []), status: 'error' as const, message: err.oneLine() }
      await storeArtifact(artifact, [], m, env.dir, 1).catch((e: Error) =>
        core.warning(`gomem-gate could not upload ${artifact}: ${e.message}`),
      )
    }
    throw err
  }
  const note =
    situation.mode === 'baseline'
      ? `Shard ${name}: ${files.length} file(s) uploaded as ${artifact}; the merge job stores the baseline.`
      : `Shard ${name}: ${describeBaseline(baseline, situation.baseBranch)} The merge job writes the comment.`
  await publishLocally({
    result,
    status: actionStatus(result, baseline),
    inputs,
    notes: [note],
    dir: env.dir,
    links: linksOf(env, situation.pr?.headSha ?? env.sha),
  })
  const report = { source: join(env.dir, 'report.json'), name: SHARD_REPORT }
  await storeArtifact(
    artifact,
    [...files, ...series, report],
    { ...manifest(files, series), status: 'judged' },
    env.dir,
    inputs.retentionDays,
  )
  core.info(`Uploaded shard ${name} as ${artifact}.`)
  if (situation.mode === 'baseline') return
  if (inputs.failShard) return conclude(inputs, result, baseline)
  if (result.verdict.status === 'fail') {
    core.warning(
      `${failureLine(result.verdict, result.diff)} (shard ${name}; the merge job fails the check, set fail-shard: true to fail this job too)`,
    )
  }
}

/** The baseline of one shard: the files under `shard-<name>/` of the baseline artifact. */
export function shardBaseline(b: BaselineSource, name: string): BaselineSource {
  if (b.kind !== 'artifact') return b
  const folder = join(b.dir, shardFolder(name)) + sep
  const patterns = b.patterns.filter((p) => p.startsWith(folder))
  if (patterns.length > 0) return { ...b, patterns, history: undefined }
  return {
    kind: 'none',
    reason: `the baseline of run ${b.runId} has no files of shard ${name}`,
  }
}

/**
 * The merge job: download every shard of this run, then store them as the baseline (a push to
 * a baseline branch) or judge them as one and write the one comment (a pull request).
 */
export async function mergeJob(
  inputs: ActionInputs,
  situation: Situation,
  env: Env,
  octokit: Octokit,
  /** A push to a baseline branch (what auto would store a baseline on). */
  storesBaseline: boolean,
): Promise<void> {
  const dir = join(env.dir, 'shards')
  const prefix = `${inputs.artifactName}-shard-`
  // Only valid shard names become folders: a name is never a path.
  const names = await fetchRunArtifacts(prefix, dir, (n) => SHARD_NAME.test(n))
  if (names.length === 0) {
    throw new GateError(
      'NO_FILES',
      `mode merge: this run has no artifact named ${prefix}*`,
      'run the matrix jobs with shard: set, and give the merge job needs: on them',
    )
  }
  const shards = names.map((n) => readShard(join(dir, n), n))
  core.info(`Shards of this run: ${names.join(', ')}.`)
  if (storesBaseline) return storeMerged(inputs, env, octokit, shards)
  const pr = situation.pr
  const baseline = await locateBaseline({
    inputs,
    branch: situation.baseBranch,
    stores: situation.baseBranchStores,
    globs: situation.baselineBranches,
    env,
    octokit,
    workflowId: () => workflowOfRun(octokit, env.repo, env.runId),
    pr: pr && { baseSha: pr.baseSha, headSha: pr.headSha },
  })
  const expected = expectedShards(inputs, baseline)
  const result = await judgeShards(inputs, shards, baseline, expected)
  if (pr?.fork) await handOverShards(inputs, env, pr.number, pr.headSha, shards, expected)
  const body = await publishLocally({
    result,
    status: actionStatus(result, baseline),
    inputs,
    notes: [describeBaseline(baseline, situation.baseBranch), shardsNote(shards)],
    dir: env.dir,
    explore: exploreOf(
      env,
      inputs,
      result,
      baseline,
      undefined,
      shards.map((s) => ({
        artifact: shardArtifact(inputs, s.name),
        dir: s.dir,
        as: `candidate/${s.name}`,
      })),
    ),
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
      readOnly: pr.fork && situation.eventName === 'pull_request',
    })
  }
  conclude(inputs, result, baseline)
}

/**
 * Judges shards as one: each against its part of the baseline, and all of them together
 * against the whole baseline (the diff the report shows); mergeShards makes the one verdict.
 */
export async function judgeShards(
  inputs: ActionInputs,
  shards: ShardFiles[],
  baseline: BaselineSource,
  expected: string[],
): Promise<CompareResult> {
  const parts: ShardPart[] = []
  for (const s of shards) {
    if (s.problem !== undefined) {
      parts.push({ name: s.name, problem: s.problem })
      continue
    }
    try {
      const judged = await judge(
        { ...inputs, profiles: s.files, series: s.series },
        shardBaseline(baseline, s.name),
      )
      parts.push({ name: s.name, judged })
    } catch (err) {
      if (!(err instanceof GateError)) throw err
      parts.push({ name: s.name, problem: err.oneLine() })
    }
  }
  const judged = shards.filter((s) => parts.some((p) => p.name === s.name && p.judged))
  if (judged.length === 0) {
    const why = parts.map((p) => `${p.name} (${p.problem})`).join(', ')
    throw new GateError(
      'NO_FILES',
      `mode merge: no shard could be judged: ${why}`,
      'fix the shard jobs first; each names its own problem',
    )
  }
  // Series are of one process each: the shards judge theirs, the union has none.
  if (judged.every((s) => s.files.length === 0)) {
    throw new GateError(
      'USAGE',
      `mode merge: shards ${judged.map((s) => s.name).join(', ')} gave only series, which are judged within each shard and cannot be added up`,
      "list each shard's end-state files (or its last snapshot) in profiles too",
    )
  }
  const union = await judge(
    { ...inputs, profiles: judged.flatMap((s) => s.files), series: [] },
    baseline,
  )
  return { ...union, ...mergeShards(union, parts, expected) }
}

/** The shards named in the shards input and in the baseline's manifest. */
function expectedShards(inputs: ActionInputs, baseline: BaselineSource): string[] {
  const fromBaseline: string[] = []
  if (baseline.kind === 'artifact' && existsSync(join(baseline.dir, MANIFEST))) {
    try {
      const m = readManifest(join(baseline.dir, MANIFEST), `the baseline of run ${baseline.runId}`)
      if (Array.isArray(m.shards))
        fromBaseline.push(...m.shards.map(String).filter((n) => SHARD_NAME.test(n)))
    } catch (err) {
      if (!(err instanceof GateError)) throw err
      core.warning(`gomem-gate: ${err.oneLine()}`)
    }
  }
  return [...new Set([...inputs.shards, ...fromBaseline])]
}

/** A downloaded shard artifact: its files as its manifest lists them, or its job's error. */
function readShard(dir: string, name: string): ShardFiles {
  const of = `artifact of shard ${name}`
  let m: Manifest
  try {
    m = readManifest(join(dir, MANIFEST), of, 'the shard job did not come from gomem-gate')
  } catch (err) {
    if (!(err instanceof GateError)) throw err
    return { name, dir, files: [], series: [], problem: oneLine(err.oneLine()) }
  }
  // Another artifact under a shard's name is a failed shard, not a reason to judge nothing.
  if (m.kind !== 'shard' || m.shard !== name)
    return { name, dir, files: [], series: [], problem: `its ${MANIFEST} is not a shard's` }
  if (m.status === 'error')
    return {
      name,
      dir,
      files: [],
      series: [],
      problem: oneLine(m.message),
    }
  // Only files that are in the artifact, as the manifest names them.
  const present = new Set(listFiles(dir))
  const pick = (list: unknown) =>
    (Array.isArray(list) ? list.map(String) : [])
      .filter((f) => present.has(f) && f !== MANIFEST && f !== SHARD_REPORT)
      .map((f) => join(dir, f))
  const series = pick(m.series)
  const files = pick(m.files).filter((f) => !series.includes(f))
  if (files.length === 0 && series.length === 0)
    return { name, dir, files, series, problem: 'its artifact holds no files' }
  return { name, dir, files, series }
}

/**
 * A push to a baseline branch: the shards' files together as the baseline artifact, each
 * shard's under `shard-<name>/`, with the history chain continued by the union's entry.
 */
async function storeMerged(
  inputs: ActionInputs,
  env: Env,
  octokit: Octokit,
  shards: ShardFiles[],
): Promise<void> {
  const previous = await previousHistory({
    octokit,
    repo: env.repo,
    token: inputs.token,
    artifactName: inputs.artifactName,
    workflowId: () => workflowOfRun(octokit, env.repo, env.runId),
    branch: env.ref.replace(/^refs\/heads\//, ''),
    runId: env.runId,
    dest: env.dir,
    log: (line) => core.info(line),
  })
  const judged = shards.filter((s) => s.problem === undefined && s.files.length > 0)
  const parts: ShardPart[] = []
  for (const s of shards) {
    if (s.problem !== undefined || s.files.length === 0) {
      parts.push({
        name: s.name,
        problem: s.problem ?? 'it uploaded only series, which a baseline does not hold',
      })
      continue
    }
    parts.push({
      name: s.name,
      judged: await gate({ ...inputs, profiles: s.files, series: s.series }, []),
    })
  }
  if (judged.length === 0) {
    const why = parts.map((p) => `${p.name} (${p.problem})`).join(', ')
    throw new GateError(
      'NO_FILES',
      `mode merge: no shard could be stored: ${why}`,
      'fix the shard jobs first',
    )
  }
  const union = await gate(
    { ...inputs, profiles: judged.flatMap((s) => s.files), series: [] },
    [],
    previous.path,
  )
  const result = { ...union, ...mergeShards(union, parts, inputs.shards) }
  const go = goVersion()
  const history = appendEntry(
    previous.history,
    entryOf(union, { commit: env.sha, time: new Date().toISOString(), goVersion: go }),
  )
  mkdirSync(env.dir, { recursive: true })
  const historyPath = join(env.dir, HISTORY_FILE)
  writeHistory(historyPath, history, 'history')
  const files: StoredFile[] = judged.flatMap((s) =>
    s.files.map((source) => ({ source, name: join(shardFolder(s.name), relativeTo(s, source)) })),
  )
  const manifest: Manifest = {
    tool: 'gomem-gate',
    version: VERSION,
    kind: 'baseline',
    commit: env.sha,
    ref: env.ref,
    goVersion: go,
    files: files.map((f) => f.name),
    shards: judged.map((s) => s.name),
  }
  await storeArtifact(
    inputs.artifactName,
    [...files, { source: historyPath, name: HISTORY_FILE }],
    manifest,
    env.dir,
    inputs.retentionDays,
  )
  const note = `Stored ${files.length} file(s) of ${judged.length} shard(s) (${judged.map((s) => s.name).join(', ')}) as baseline artifact ${inputs.artifactName} for commit ${env.sha.slice(0, 7)}.`
  const historyNote = previous.anew
    ? `history: started anew — ${previous.anew}`
    : `history: ${history.entries.length} entries`
  core.info(note)
  if (previous.lost) core.warning(`gomem-gate: ${historyNote}`)
  else core.info(historyNote)
  await publishLocally({
    result,
    status: result.verdict.status,
    inputs,
    notes: [note, historyNote],
    dir: env.dir,
  })
  // A part missing from the baseline is worth failing the push for: it is never silent.
  const unjudged = (result.verdict.shards ?? []).filter(
    (s) => s.status === 'missing' || s.status === 'failed',
  )
  if (unjudged.length > 0) core.setFailed(failureLine(result.verdict, result.diff))
}

/** A fork's token cannot comment: every shard's files, in their folders, for workflow_run. */
async function handOverShards(
  inputs: ActionInputs,
  env: Env,
  number: number,
  headSha: string,
  shards: ShardFiles[],
  expected: string[],
): Promise<void> {
  const stored = (s: ShardFiles, list: string[]) =>
    list.map((source) => ({ source, name: join(shardFolder(s.name), relativeTo(s, source)) }))
  const files = shards.flatMap((s) => stored(s, s.files))
  const series = shards.flatMap((s) => stored(s, s.series))
  const problems = Object.fromEntries(
    shards.filter((s) => s.problem !== undefined).map((s) => [s.name, s.problem!]),
  )
  const manifest: Manifest = {
    tool: 'gomem-gate',
    version: VERSION,
    kind: 'pull-request',
    commit: headSha,
    ref: env.ref,
    files: files.map((f) => f.name),
    series: series.map((f) => f.name),
    pullRequest: number,
    shards: [...new Set([...shards.map((s) => s.name), ...expected])],
    shardProblems: problems,
  }
  try {
    await storeArtifact(`${inputs.artifactName}-pr`, [...files, ...series], manifest, env.dir, 1)
  } catch (err) {
    core.warning(
      `gomem-gate could not store the files for the commenting workflow: ${(err as Error).message}`,
    )
  }
}

/**
 * The shards of a fork's hand-over (`manifest.shards`): each one's files from its
 * `shard-<name>/` folder of `dir`, named shards without files as failed.
 */
export function handedOverShards(manifest: Manifest, dir: string, data: string[]): ShardFiles[] {
  const names = (Array.isArray(manifest.shards) ? manifest.shards.map(String) : []).filter((n) =>
    SHARD_NAME.test(n),
  )
  const inSeries = new Set(Array.isArray(manifest.series) ? manifest.series.map(String) : [])
  const problems = (manifest.shardProblems ?? {}) as Record<string, unknown>
  return names.map((name) => {
    const folder = join(dir, shardFolder(name))
    const mine = data.filter((f) => f.startsWith(shardFolder(name) + '/'))
    const files = mine.filter((f) => !inSeries.has(f)).map((f) => join(dir, f))
    const series = mine.filter((f) => inSeries.has(f)).map((f) => join(dir, f))
    const problem = problems[name] === undefined ? undefined : oneLine(problems[name])
    if (problem !== undefined || files.length + series.length === 0)
      return { name, dir: folder, files, series, problem: problem ?? 'its job uploaded no files' }
    return { name, dir: folder, files, series }
  })
}

function shardsNote(shards: ShardFiles[]): string {
  return `Merged ${shards.length} shard(s) of this run: ${shards.map((s) => s.name).join(', ')}.`
}

/** A shard file's stored name (its path inside the shard's folder). */
function relativeTo(s: ShardFiles, source: string): string {
  return relative(s.dir, source)
}

/** A shard job's error as the merge job shows it: one line, of a bounded length. */
function oneLine(message: unknown): string {
  const text = typeof message === 'string' && message.trim() ? message : 'the shard job failed'
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 300 ? `${line.slice(0, 299)}…` : line
}
