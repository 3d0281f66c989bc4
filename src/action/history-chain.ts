// The history a push to a baseline branch continues: the one in the previous baseline
// artifact of the branch, else a new one. The chain breaks when artifacts expire; the
// summary says so rather than failing the push.
import { join } from 'node:path'
import { GateError } from '../errors.js'
import { newHistory, readHistory } from '../history/file.js'
import type { History } from '../history/types.js'
import { findBaseline } from './baseline.js'
import type { Octokit, Repo } from './github.js'

/** The history to append to, the file it came from, and why it starts anew when it does. */
export interface PreviousHistory {
  history: History
  /** The checked file, when one was found (for the compare to judge with). */
  path?: string
  /** Why the history starts empty; undefined when it continues. */
  anew?: string
  /** The history was there but could not be fetched or read (worth a warning, not expiry). */
  lost?: boolean
}

/**
 * Looks up the newest earlier successful push run's baseline artifact on `branch` and reads
 * its history. Nothing here fails the push: a missing, expired, unreadable or broken
 * history starts a new one, with the reason.
 */
export async function previousHistory(args: {
  octokit: Octokit
  repo: Repo
  token: string
  artifactName: string
  workflowId: () => Promise<number>
  branch: string
  runId: number
  dest: string
  log: (line: string) => void
}): Promise<PreviousHistory> {
  try {
    const found = await findBaseline({
      octokit: args.octokit,
      repo: args.repo,
      token: args.token,
      artifactName: args.artifactName,
      workflowId: await args.workflowId(),
      branch: args.branch,
      dest: join(args.dest, 'previous'),
      log: args.log,
      excludeRunId: args.runId,
    })
    if (found.kind === 'unavailable')
      return anew(`the previous baseline artifact could not be fetched (${found.reason})`, true)
    if (found.kind !== 'artifact' || !found.history)
      return anew('the previous baseline artifact expired or had none')
    return usable(
      found.history,
      `history of baseline artifact ${args.artifactName} (run ${found.runId})`,
    )
  } catch (err) {
    const why = err instanceof GateError ? err.oneLine() : (err as Error).message.split('\n')[0]
    return anew(`the previous baseline artifact could not be looked up (${why})`, true)
  }
}

/** The history at `path` when it reads and checks, else a new one saying why not. */
export function usable(path: string, label: string): PreviousHistory {
  try {
    return { history: readHistory(path, label), path }
  } catch (err) {
    if (!(err instanceof GateError)) throw err
    return anew(err.oneLine(), true)
  }
}

function anew(why: string, lost = false): PreviousHistory {
  return { history: newHistory(), anew: why, ...(lost ? { lost } : {}) }
}
