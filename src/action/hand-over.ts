// A fork's pull request gets a read-only token: its files are stored as `<artifact-name>-pr`
// for the workflow_run workflow, which judges them and comments. One place for the single
// job and the merge job.
import * as core from '@actions/core'
import { VERSION } from '../version.js'
import { storeArtifact, type Manifest, type StoredFile } from './artifacts.js'
import type { Env } from './env.js'
import type { ActionInputs } from './inputs.js'

/**
 * Stores `files` and `series` with a pull-request manifest (`extra` added to it). A failed
 * upload is a warning: the verdict of this job stands, only the comment is lost.
 */
export async function handOverFiles(args: {
  inputs: ActionInputs
  env: Env
  number: number
  headSha: string
  files: StoredFile[]
  series: StoredFile[]
  extra?: Partial<Manifest>
}): Promise<void> {
  const { inputs, env, files, series } = args
  const manifest: Manifest = {
    tool: 'gomem-gate',
    version: VERSION,
    kind: 'pull-request',
    commit: args.headSha,
    ref: env.ref,
    files: files.map((f) => f.name),
    series: series.map((f) => f.name),
    pullRequest: args.number,
    ...args.extra,
  }
  try {
    await storeArtifact(`${inputs.artifactName}-pr`, [...files, ...series], manifest, env.dir, 1)
  } catch (err) {
    core.warning(
      `gomem-gate could not store the files for the commenting workflow: ${(err as Error).message}`,
    )
  }
}
