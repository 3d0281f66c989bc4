// A worker thread that reads one big profile and folds it, so two sides' profiles are
// decoded on two cores at once. Only the fold and a thin profile (no samples) go back.
import { readFileSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { foldProfile } from '../analysis/aggregate.js'
import { GateError } from '../errors.js'
import { readSnapshot } from '../formats/index.js'
import { thinProfile } from './thin.js'

/** What the pool asks of a worker. */
export interface ReadJob {
  id: number
  path: string
  withStacks: boolean
}

parentPort?.on('message', (job: ReadJob) => {
  try {
    const snapshot = readSnapshot(readFileSync(job.path), job.path)
    const aggregate = snapshot.profile ? foldProfile(snapshot.profile, job.withStacks) : undefined
    if (snapshot.profile) snapshot.profile = thinProfile(snapshot.profile)
    parentPort!.postMessage({ id: job.id, snapshot, aggregate })
  } catch (err) {
    const e = err as Error
    parentPort!.postMessage({
      id: job.id,
      error:
        err instanceof GateError
          ? { code: err.code, message: err.message, hint: err.hint }
          : { message: e?.message ?? String(err) },
    })
  }
})
