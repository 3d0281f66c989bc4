// Storing a baseline on a push to a baseline branch, for a single job and for the merge job of
// a matrix alike: the previous history fetched, this run's entry appended, files and history
// stored as the baseline artifact, and the job summary written.
import * as core from '@actions/core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { CompareResult } from '../driver/compare.js'
import { entryOf } from '../history/entry.js'
import { appendEntry, HISTORY_FILE, writeHistory } from '../history/file.js'
import { VERSION } from '../version.js'
import { storeArtifact, type Manifest, type StoredFile } from './artifacts.js'
import type { Env } from './env.js'
import { workflowOfRun, type Octokit } from './github.js'
import { previousHistory, type PreviousHistory } from './history-chain.js'
import type { ActionInputs } from './inputs.js'
import { goVersion } from './judging.js'
import { publishLocally } from './publish.js'

/** The history of the branch's previous baseline artifact, or a new one saying why. */
export function previousOf(
  inputs: ActionInputs,
  env: Env,
  octokit: Octokit,
): Promise<PreviousHistory> {
  return previousHistory({
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
}

/**
 * Appends `result`'s entry to `previous`, stores `files` and the history as the baseline
 * artifact (the manifest gets `extra`), logs what was stored and writes the job summary.
 * `what` names the files in the note, e.g. `3 file(s)`.
 */
export async function storeWithHistory(args: {
  inputs: ActionInputs
  env: Env
  result: CompareResult
  previous: PreviousHistory
  files: StoredFile[]
  what: string
  extra?: Partial<Manifest>
}): Promise<void> {
  const { inputs, env, result, previous, files } = args
  const go = goVersion()
  const history = appendEntry(
    previous.history,
    entryOf(result, { commit: env.sha, time: new Date().toISOString(), goVersion: go }),
  )
  mkdirSync(env.dir, { recursive: true })
  const historyPath = join(env.dir, HISTORY_FILE)
  writeHistory(historyPath, history, 'history')
  const manifest: Manifest = {
    tool: 'gomem-gate',
    version: VERSION,
    kind: 'baseline',
    commit: env.sha,
    ref: env.ref,
    goVersion: go,
    files: files.map((f) => f.name),
    ...args.extra,
  }
  await storeArtifact(
    inputs.artifactName,
    [...files, { source: historyPath, name: HISTORY_FILE }],
    manifest,
    env.dir,
    inputs.retentionDays,
  )
  const note = `Stored ${args.what} as baseline artifact ${inputs.artifactName} for commit ${env.sha.slice(0, 7)}.`
  const historyNote = previous.anew
    ? `history: started anew — ${previous.anew}`
    : `history: ${history.entries.length} entries`
  core.info(note)
  // Expiry is the ordinary end of a chain; a history that could not be fetched is not.
  if (previous.lost) core.warning(`gomem-gate: ${historyNote}`)
  else core.info(historyNote)
  await publishLocally({
    result,
    status: result.verdict.status,
    inputs,
    notes: [note, historyNote],
    dir: env.dir,
  })
}
