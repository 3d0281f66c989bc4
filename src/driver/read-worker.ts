// A worker thread that reads big files with the main thread's readFile, so two sides'
// profiles are decoded and folded on two cores at once. The snapshot goes back as it is:
// its fold is columns (names in arrays, sums in a Float64Array), which structured clone
// copies as bytes; as a NodeSums object per function, 3,000 of them took 20-46 ms to
// deserialize on the main thread, as columns 3-6 ms.
import { parentPort } from 'node:worker_threads'
import { GateError } from '../errors.js'
import type { ReadOptions } from '../formats/index.js'
import { readFile } from './read-file.js'

/** What the pool asks of a worker. */
export interface ReadJob {
  id: number
  path: string
  /** How the path is named in errors (`--candidate`, `input profiles:`). */
  label: string
  opts: ReadOptions
}

parentPort?.on('message', async (job: ReadJob) => {
  try {
    const { snapshot, stages } = await readFile(job.path, job.label, job.opts)
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
