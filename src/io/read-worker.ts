// A worker thread that reads one big profile and folds it, so two sides' profiles are
// decoded on two cores at once. Only the fold and a thin profile (no samples) go back.
import { parentPort } from 'node:worker_threads'
import { GateError } from '../errors.js'
import { readSnapshot } from '../formats/index.js'
import { packSnapshot } from './aggregate-transfer.js'
import { readInflated } from './inflate-file.js'

/** What the pool asks of a worker. */
export interface ReadJob {
  id: number
  path: string
  withStacks: boolean
}

/** Milliseconds a worker spent per stage of one file. */
export interface WorkerStages {
  inflate: number
  /** Decoding and folding the inflated bytes. */
  fold: number
}

parentPort?.on('message', async (job: ReadJob) => {
  try {
    // The file streams through inflate into one buffer: the compressed bytes are never all held.
    const t0 = performance.now()
    const data = await readInflated(job.path, job.path)
    const t1 = performance.now()
    const snapshot = packSnapshot(readSnapshot(data, job.path, { stacks: job.withStacks }))
    const stages: WorkerStages = { inflate: t1 - t0, fold: performance.now() - t1 }
    parentPort!.postMessage({ id: job.id, snapshot, stages })
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
