// A shard job (input `shard:`): one job of a matrix judges its own files, against the same
// shard of the baseline on a pull request, and uploads its part for the merge job
// (merge-job.ts). It never comments, so the shards of a run never race on the comment.
import * as core from '@actions/core'
import { join, sep } from 'node:path'
import type { CompareResult } from '../driver/compare.js'
import { GateError } from '../errors.js'
import { failureLine } from '../report/index.js'
import { VERSION } from '../version.js'
import { storeArtifact, type Manifest, type StoredFile } from './artifacts.js'
import { describeBaseline, type BaselineSource } from './baseline.js'
import { linksOf, type Env } from './env.js'
import type { Octokit } from './github.js'
import type { ActionInputs } from './inputs.js'
import { actionStatus, baselineOfRun, conclude, gate, judge, LABELS } from './judging.js'
import { publishLocally } from './publish.js'
import type { Situation } from './situation.js'
import { storedFiles } from './stored-files.js'

/** A shard's partial report (report.json of its job), stored in its artifact. */
export const SHARD_REPORT = 'gomem-gate-shard-report.json'

/** The folder a shard's files have in a merged artifact (baseline, hand-over). */
export const shardFolder = (name: string): string => `shard-${name}`

/** The artifact a shard job uploads. */
export const shardArtifact = (inputs: ActionInputs, name: string): string =>
  `${inputs.artifactName}-shard-${name}`

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
      const found = await baselineOfRun(inputs, situation, env, octokit)
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

/** A shard job's error as the merge job shows it: one line, of a bounded length. */
export function oneLine(message: unknown): string {
  const text = typeof message === 'string' && message.trim() ? message : 'the shard job failed'
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 300 ? `${line.slice(0, 299)}…` : line
}
