// "Explore in pprof" for a report made on a runner: its paths mean nothing to a reader, so
// link the runs that hold the files, say how to fetch them, and name them as fetched.
import { isAbsolute, relative } from 'node:path'
import type { CompareResult } from '../driver/compare.js'
import type { Explore } from '../report/types.js'
import type { BaselineSource } from './baseline.js'
import type { Env } from './env.js'
import type { ActionInputs } from './inputs.js'

/**
 * Links to this run and the baseline's run, `gh run download` commands for the artifacts,
 * and the files' paths after those downloads (the candidate's as in the checkout, as handed
 * over by `handedOver`, a fork's run, or as downloaded from `parts`, a merge job's shards).
 */
export function exploreOf(
  env: Env,
  inputs: ActionInputs,
  result: CompareResult,
  baseline: BaselineSource,
  handedOver?: { runId: number; dir: string },
  /** Artifacts of this run the candidate's files came from (a merge job's shards). */
  parts: { artifact: string; dir: string; as: string }[] = [],
): Explore {
  const runUrl = (id: number) =>
    `${env.serverUrl}/${env.repo.owner}/${env.repo.repo}/actions/runs/${id}`
  const links = [{ text: `this run (${env.runId})`, url: runUrl(env.runId) }]
  const fetch: string[] = []
  const folders: [string, string][] = []
  if (handedOver) {
    links.push({
      text: `the pull request's run (${handedOver.runId})`,
      url: runUrl(handedOver.runId),
    })
    fetch.push(download(handedOver.runId, `${inputs.artifactName}-pr`, 'candidate'))
    folders.push([handedOver.dir, 'candidate'])
  }
  for (const p of parts) {
    fetch.push(download(env.runId, p.artifact, p.as))
    folders.push([p.dir, p.as])
  }
  if (baseline.kind === 'artifact') {
    links.push({ text: `the baseline's run (${baseline.runId})`, url: runUrl(baseline.runId) })
    fetch.push(download(baseline.runId, inputs.artifactName, 'baseline'))
    folders.push([baseline.dir, 'baseline'])
  }
  const paths: Record<string, string> = {}
  for (const { source } of result.diff.files) {
    const folder = folders.find(([dir]) => inside(dir, source))
    if (folder) paths[source] = `${folder[1]}/${relative(folder[0], source)}`
    else if (isAbsolute(source) && inside(env.workspace, source))
      paths[source] = relative(env.workspace, source)
  }
  return { links, fetch, paths }
}

function download(runId: number, artifact: string, dir: string): string {
  // Artifact names cannot hold quotes (inputs.ts), so single quotes are enough.
  const name = /^[\w.-]+$/.test(artifact) ? artifact : `'${artifact}'`
  return `gh run download ${runId} --name ${name} --dir ${dir}`
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}
