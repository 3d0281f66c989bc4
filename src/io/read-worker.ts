// A worker thread that reads one big profile and folds it, so two sides' profiles are
// decoded on two cores at once. Only the fold and a thin profile (no samples) go back.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { parentPort } from 'node:worker_threads'
import { foldProfile } from '../analysis/aggregate.js'
import { GateError } from '../errors.js'
import { readSnapshot } from '../formats/index.js'
import { headOf } from '../formats/model.js'
import { packAggregate } from './aggregate-transfer.js'
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
  /** Decoding all but the samples (they are decoded as the fold visits them). */
  metadata: number
  fold: number
}

/** A full GC, when V8 lets this thread ask for one. */
const collectGarbage: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc')
    return runInNewContext('gc') as () => void
  } catch {
    return () => {}
  }
})()

parentPort?.on('message', async (job: ReadJob) => {
  try {
    // The file streams through inflate into one buffer: the compressed bytes are never all held.
    const t0 = performance.now()
    const data = await readInflated(job.path, job.path)
    const t1 = performance.now()
    const snapshot = readSnapshot(data, job.path)
    collectGarbage()
    const t2 = performance.now()
    const { profile, ...rest } = snapshot
    const aggregate = profile ? packAggregate(foldProfile(profile, job.withStacks)) : undefined
    // Functions do not cross threads: the profile goes back as its description only.
    const head = profile ? headOf(profile) : undefined
    const stages: WorkerStages = {
      inflate: t1 - t0,
      metadata: t2 - t1,
      fold: performance.now() - t2,
    }
    parentPort!.postMessage({ id: job.id, snapshot: rest, head, aggregate, stages })
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
