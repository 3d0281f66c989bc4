// Reads the files of a compare, the big ones on worker threads (settings.workers at most),
// the rest on the main thread, all through readFile. Results come back by path.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { GateError, type ErrorCode } from '../errors.js'
import type { ReadOptions } from '../formats/index.js'
import type { Snapshot } from '../formats/model.js'
import { inputSize } from './files.js'
import { MAX_SIDE_BYTES, sizeText } from './limits.js'
import { readFile, type ReadStages } from './read-file.js'
import type { ReadJob } from './read-worker.js'
import type { DriverSettings } from './settings.js'

/** What the reads produced: snapshots by path. */
export interface ReadResult {
  snapshots: Map<string, Snapshot>
  /** The files read on worker threads, with where their time went. */
  onWorkers: { path: string; stages: ReadStages }[]
}

/**
 * Reads every path once. Workers are used when at least two files are big and the bundled
 * worker script sits next to this module (in tests, from sources, everything stays on the
 * main thread).
 */
export async function readAll(
  paths: { path: string; label: string; heaviest?: boolean }[],
  opts: ReadOptions,
  settings: Pick<DriverSettings, 'workerBytes' | 'workers'>,
): Promise<ReadResult> {
  const snapshots = new Map<string, Snapshot>()
  const script = fileURLToPath(new URL('./read-worker.js', import.meta.url))
  // A path given twice is read once, with its heaviest stacks if any of its uses wants them.
  const wanted = new Set(paths.filter((p) => p.heaviest !== false).map((p) => p.path))
  const unique = [...new Map(paths.map((p) => [p.path, p])).values()].map((p) => ({
    path: p.path,
    label: p.label,
    opts: { ...opts, heaviest: wanted.has(p.path) },
  }))
  const sizes = sideSizes(unique)
  const big = unique.filter((p) => sizes.get(p.path)! >= settings.workerBytes)
  const useWorkers = settings.workers > 0 && big.length >= 2 && existsSync(script)
  const onMain = useWorkers ? unique.filter((p) => !big.includes(p)) : unique
  const pending = useWorkers ? runOnWorkers(script, big, settings.workers) : Promise.resolve([])
  // A failure on the main thread must not leave the workers' promise unobserved.
  pending.catch(() => {})
  for (const { path, label, opts } of onMain) {
    snapshots.set(path, (await readFile(path, label, opts)).snapshot)
  }
  const onWorkers = await pending
  for (const { path, snapshot } of onWorkers) snapshots.set(path, snapshot)
  return { snapshots, onWorkers: onWorkers.map(({ path, stages }) => ({ path, stages })) }
}

type Done = { path: string; snapshot: Snapshot; stages: ReadStages }

async function runOnWorkers(
  script: string,
  jobs: { path: string; label: string; opts: ReadOptions }[],
  most: number,
): Promise<Done[]> {
  const count = Math.min(most, jobs.length)
  const queue = jobs.map((j, id) => ({ ...j, id }))
  const results: Done[] = new Array(jobs.length)
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const next = () => {
        const job = queue.shift()
        if (!job) return resolve()
        const { id, path, label, opts } = job
        worker.postMessage({ id, path, label, opts } satisfies ReadJob)
      }
      worker.on(
        'message',
        (m: {
          id: number
          snapshot?: Snapshot
          stages?: ReadStages
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
            snapshot: m.snapshot!,
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

/**
 * Every file's size from its stat (anything but a regular file, or one over the per-file
 * limit, is refused before any is read), and each side (label) within MAX_SIDE_BYTES.
 */
function sideSizes(files: { path: string; label: string }[]): Map<string, number> {
  const sizes = new Map<string, number>()
  const sides = new Map<string, number>()
  for (const { path, label } of files) {
    const size = inputSize(path, label)
    sizes.set(path, size)
    const total = (sides.get(label) ?? 0) + size
    sides.set(label, total)
    if (total > MAX_SIDE_BYTES) {
      throw new GateError(
        'TOO_LARGE',
        `${label}: its files pass ${sizeText(MAX_SIDE_BYTES)} together (at ${path}), the limit for one side`,
        'compare fewer or smaller files',
      )
    }
  }
  return sizes
}
