// Workflow artifacts: the baseline a default-branch run stores, and the PR files a fork run
// hands to the commenting workflow.
import { DefaultArtifactClient } from '@actions/artifact'
import * as core from '@actions/core'
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import type { Repo } from './github.js'

/** The file stored next to the profiles, describing them. */
export const MANIFEST = 'gomem-gate-manifest.json'

/** What a stored artifact says about itself. */
export interface Manifest {
  tool: 'gomem-gate'
  version: string
  kind: 'baseline' | 'pull-request' | 'shard'
  commit: string
  ref: string
  goVersion?: string
  files: string[]
  /** Files (also listed in the artifact) that are a series of snapshots of one process. */
  series?: string[]
  /** For kind pull-request: the PR the files belong to. */
  pullRequest?: number
  /** For kind shard: its name, whether it judged, and why not. */
  shard?: string
  status?: 'judged' | 'error'
  message?: string
  /**
   * A merged baseline or hand-over (kind baseline, pull-request): the shards, each one's files
   * under `shard-<name>/` (series and files listed with that folder).
   */
  shards?: string[]
  /** A hand-over: the shards whose jobs could not judge, with their one-line errors. */
  shardProblems?: Record<string, string>
}

/** A file to store: where it is, and the path it gets inside the artifact. */
export interface StoredFile {
  source: string
  name: string
}

/**
 * Uploads `files` plus a manifest as artifact `name` of this run. A re-run attempt finds the
 * name taken by an earlier attempt (409): that artifact is replaced, so the run still
 * succeeds and holds the newest files.
 */
export async function storeArtifact(
  name: string,
  files: StoredFile[],
  manifest: Manifest | undefined,
  tempDir: string,
  retentionDays?: number,
): Promise<number | undefined> {
  // Stage copies under their stored names, with the manifest beside them.
  const stage = join(tempDir, `gomem-gate-upload-${name}`)
  rmSync(stage, { recursive: true, force: true })
  mkdirSync(stage, { recursive: true })
  for (const f of files) {
    mkdirSync(dirname(join(stage, f.name)), { recursive: true })
    copyFileSync(f.source, join(stage, f.name))
  }
  if (manifest) writeFileSync(join(stage, MANIFEST), JSON.stringify(manifest, null, 2))
  const names = [...files.map((f) => f.name), ...(manifest ? [MANIFEST] : [])]
  const client = new DefaultArtifactClient()
  const upload = () =>
    client.uploadArtifact(
      name,
      names.map((f) => join(stage, f)),
      stage,
      retentionDays ? { retentionDays } : {},
    )
  try {
    return (await upload()).id
  } catch (err) {
    if (!/\(409\)/.test((err as Error).message)) throw err
    core.info(`Artifact ${name} exists from an earlier attempt of this run: replacing it.`)
    await client.deleteArtifact(name)
    return (await upload()).id
  }
}

/** Downloads artifact `name` of another run into `dest`; undefined when the run has none. */
export async function fetchArtifact(
  name: string,
  runId: number,
  repo: Repo,
  token: string,
  dest: string,
): Promise<string[] | undefined> {
  const client = new DefaultArtifactClient()
  const findBy = {
    token,
    workflowRunId: runId,
    repositoryOwner: repo.owner,
    repositoryName: repo.repo,
  }
  const { artifacts } = await client.listArtifacts({ findBy })
  const artifact = artifacts.find((a) => a.name === name)
  if (!artifact) return undefined
  mkdirSync(dest, { recursive: true })
  await client.downloadArtifact(artifact.id, { path: dest, findBy })
  return listFiles(dest)
}

/**
 * Downloads every artifact of this run whose name is `prefix` and a rest that `accept` takes
 * into `dest/<rest>/`; returns the rests, sorted. `accept` must refuse anything that is not a
 * plain folder name.
 */
export async function fetchRunArtifacts(
  prefix: string,
  dest: string,
  accept: (rest: string) => boolean,
): Promise<string[]> {
  const client = new DefaultArtifactClient()
  const { artifacts } = await client.listArtifacts({ latest: true })
  const found = artifacts.filter(
    (a) =>
      a.name.startsWith(prefix) &&
      accept(a.name.slice(prefix.length)) &&
      !['', '.', '..'].includes(a.name.slice(prefix.length)),
  )
  const names: string[] = []
  for (const a of found.sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const name = a.name.slice(prefix.length)
    const path = join(dest, name)
    rmSync(path, { recursive: true, force: true })
    mkdirSync(path, { recursive: true })
    await client.downloadArtifact(a.id, { path })
    names.push(name)
  }
  return names
}

/** Every file below `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const p = join(d, entry)
      if (statSync(p).isDirectory()) walk(p)
      else out.push(relative(dir, p))
    }
  }
  walk(dir)
  return out.sort()
}
