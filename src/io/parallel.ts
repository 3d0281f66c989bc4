// Reads a side's files, the big profiles on worker threads (one per core, at most two),
// the rest on the main thread. Results come back in the order of the paths.
import { existsSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { GateError, type ErrorCode } from '../errors.js'
import { readSnapshot } from '../formats/index.js'
import type { Snapshot } from '../formats/model.js'
import { unpackSnapshot, type PackedSnapshot } from './aggregate-transfer.js'
import { readInput } from './files.js'
import type { ReadJob, WorkerStages } from './read-worker.js'

/**
 * Files at least this big are worth a worker thread (its start costs ~30 ms).
 * GOMEM_GATE_WORKER_BYTES overrides it, e.g. to send small files through the workers.
 */
const BIG = Number(process.env.GOMEM_GATE_WORKER_BYTES) || 4 * 1024 * 1024

/** What the reads produced: snapshots by path. */
export interface ReadResult {
  snapshots: Map<string, Snapshot>
  /** The files read and folded on worker threads, with where their time went. */
  onWorkers: { path: string; stages: WorkerStages }[]
}

/**
 * Reads every path once. Workers are used when at least two files are big and the bundled
 * worker script sits next to this module (in tests, from sources, everything stays on the
 * main thread).
 */
export async function readAll(
  paths: { path: string; label: string }[],
  withStacks: boolean,
): Promise<ReadResult> {
  const snapshots = new Map<string, Snapshot>()
  const script = fileURLToPath(new URL('./read-worker.js', import.meta.url))
  const big = paths.filter((p) => sizeOf(p.path) >= BIG)
  const useWorkers = big.length >= 2 && existsSync(script)
  const onMain = useWorkers ? paths.filter((p) => !big.includes(p)) : paths
  const pending = useWorkers ? runOnWorkers(script, big, withStacks) : Promise.resolve([])
  for (const { path, label } of onMain) {
    if (!snapshots.has(path))
      snapshots.set(path, readSnapshot(readInput(path, label), path, { stacks: withStacks }))
  }
  const onWorkers = await pending
  for (const { path, snapshot } of onWorkers) snapshots.set(path, snapshot)
  return { snapshots, onWorkers }
}

type Done = { path: string; snapshot: Snapshot; stages: WorkerStages }

async function runOnWorkers(
  script: string,
  jobs: { path: string; label: string }[],
  withStacks: boolean,
): Promise<Done[]> {
  const count = Math.min(2, availableParallelism(), jobs.length)
  const queue = jobs.map((j, id) => ({ ...j, id }))
  const results: Done[] = new Array(jobs.length)
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const next = () => {
        const job = queue.shift()
        if (!job) return resolve()
        // A file the worker cannot open must fail as it would on the main thread.
        try {
          statSync(job.path)
        } catch {
          readInput(job.path, job.label)
        }
        worker.postMessage({ id: job.id, path: job.path, withStacks } satisfies ReadJob)
      }
      worker.on(
        'message',
        (m: {
          id: number
          snapshot?: PackedSnapshot
          stages?: WorkerStages
          error?: { code?: ErrorCode; message: string; hint?: string }
        }) => {
          if (m.error) {
            return reject(
              m.error.code
                ? new GateError(m.error.code, m.error.message, m.error.hint)
                : new Error(m.error.message),
            )
          }
          results[m.id] = {
            path: jobs[m.id].path,
            snapshot: unpackSnapshot(m.snapshot!),
            stages: m.stages!,
          }
          next()
        },
      )
      worker.on('error', reject)
      next()
    })
  // Not the main script's flags (e.g. --input-type would stop a worker); a small young
  // generation keeps two workers' memory down.
  const workers = Array.from(
    { length: count },
    () =>
      new Worker(script, {
        execArgv: [],
        resourceLimits: { maxYoungGenerationSizeMb: 4 },
      }),
  )
  try {
    await Promise.all(workers.map(run))
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return results
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
