// The merge job (`mode: merge`): after the matrix, it downloads every shard of its run and
// judges them as one verdict with one comment (merge-store.ts stores them on a push). Only
// this job comments, so the shards never race on it.
import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { CompareResult } from '../driver/compare.js'
import { GateError } from '../errors.js'
import { mergeShards, type ShardPart } from '../policy/shards.js'
import { fetchRunArtifacts, listFiles, MANIFEST, type Manifest } from './artifacts.js'
import { describeBaseline, type BaselineSource } from './baseline.js'
import { linksOf, type Env } from './env.js'
import { exploreOf } from './explore.js'
import type { Octokit } from './github.js'
import { SHARD_NAME, type ActionInputs } from './inputs.js'
import {
  actionStatus,
  conclude,
  judge,
  baselineOfRun,
  readManifest,
  reportStore,
} from './judging.js'
import { publishComment, publishLocally } from './publish.js'
import type { Situation } from './situation.js'
import { handOverShards, storeMerged } from './merge-store.js'
import { oneLine, SHARD_REPORT, shardArtifact, shardBaseline } from './shard-job.js'

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
  const baseline = await baselineOfRun(inputs, situation, env, octokit)
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

function shardsNote(shards: ShardFiles[]): string {
  return `Merged ${shards.length} shard(s) of this run: ${shards.map((s) => s.name).join(', ')}.`
}
