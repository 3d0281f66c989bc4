// What the merge job stores: the shards as one baseline on a push to a baseline branch, or a
// fork's shards handed over, in their `shard-<name>/` folders, to the commenting workflow.
import * as core from '@actions/core'
import { join, relative } from 'node:path'
import { GateError } from '../errors.js'
import { mergeShards, type ShardPart } from '../policy/shards.js'
import { failureLine } from '../report/index.js'
import type { Manifest, StoredFile } from './artifacts.js'
import type { Env } from './env.js'
import type { Octokit } from './github.js'
import { previousOf, storeWithHistory } from './store-baseline.js'
import { SHARD_NAME, type ActionInputs } from './inputs.js'
import { gate } from './judging.js'
import type { ShardFiles } from './merge-job.js'
import { handOverFiles } from './hand-over.js'
import { oneLine, shardFolder } from './shard-job.js'

/**
 * A push to a baseline branch: the shards' files together as the baseline artifact, each
 * shard's under `shard-<name>/`, with the history chain continued by the union's entry.
 */
export async function storeMerged(
  inputs: ActionInputs,
  env: Env,
  octokit: Octokit,
  shards: ShardFiles[],
): Promise<void> {
  const previous = await previousOf(inputs, env, octokit)
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
  const files: StoredFile[] = judged.flatMap((s) =>
    s.files.map((source) => ({ source, name: join(shardFolder(s.name), relativeTo(s, source)) })),
  )
  await storeWithHistory({
    inputs,
    env,
    result,
    previous,
    files,
    what: `${files.length} file(s) of ${judged.length} shard(s) (${judged.map((s) => s.name).join(', ')})`,
    extra: { shards: judged.map((s) => s.name) },
  })
  // A part missing from the baseline is worth failing the push for: it is never silent.
  const unjudged = (result.verdict.shards ?? []).filter(
    (s) => s.status === 'missing' || s.status === 'failed',
  )
  if (unjudged.length > 0) core.setFailed(failureLine(result.verdict, result.diff))
}

/** A fork's token cannot comment: every shard's files, in their folders, for workflow_run. */
export async function handOverShards(
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
  await handOverFiles({
    inputs,
    env,
    number,
    headSha,
    files,
    series,
    extra: {
      shards: [...new Set([...shards.map((s) => s.name), ...expected])],
      shardProblems: problems,
    },
  })
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

/** A shard file's stored name (its path inside the shard's folder). */
function relativeTo(s: ShardFiles, source: string): string {
  return relative(s.dir, source)
}
