// A series of captures of one process, `every` apart: snapshot k's files are DIR/NNN-…
// (compare --series orders them by profile time, else by the numbers in the names).
// Ctrl-C (the signal) stops it; what was taken is kept.
import { readdirSync, rmSync } from 'node:fs'
import { GateError } from '../errors.js'
import { targetsOf, type Endpoint } from './endpoints.js'
import { prepareOut } from './folder.js'
import type { CaptureOptions } from './index.js'
import { manifestOf, writeManifest, type ManifestSnapshot } from './manifest.js'
import { logSnapshot, takeSnapshot } from './snapshot.js'

/** A series: a capture every `everyMs`, `count` times. */
export interface CaptureSeriesOptions extends CaptureOptions {
  everyMs: number
  count: number
  /** Called after each snapshot: i of n taken. */
  progress?: (i: number, n: number) => void
}

/** Where the series went, the files of each snapshot, whether Ctrl-C stopped it early. */
export interface CaptureSeriesResult {
  dir: string
  snapshots: string[][]
  stopped: boolean
}

/**
 * Takes the series. The first snapshot decides which endpoints are fetched (as a capture
 * does); the others fetch the same. The manifest (DIR/capture.json) is rewritten after each.
 */
export async function captureSeries(opts: CaptureSeriesOptions): Promise<CaptureSeriesResult> {
  const targets = targetsOf(opts.urls)
  prepareOut(opts.out)
  const fetchOpts = { timeoutMs: opts.timeoutMs, headers: opts.headers, signal: opts.signal }
  const width = Math.max(3, String(opts.count).length)
  const taken: ManifestSnapshot[] = []
  const snapshots: string[][] = []
  let endpoints: Endpoint[] | undefined
  let stopped = false
  const start = performance.now()
  const save = () =>
    writeManifest(
      opts.out,
      manifestOf(opts, taken, { everyMs: opts.everyMs, count: opts.count, stopped }),
    )
  for (let k = 0; k < opts.count; k++) {
    if (k > 0 && !(await sleepUntil(start + k * opts.everyMs, opts.signal))) {
      stopped = true
      break
    }
    if (opts.signal?.aborted) {
      stopped = true
      break
    }
    const prefix = `${String(k + 1).padStart(width, '0')}-`
    try {
      const t = await takeSnapshot(targets, endpoints, opts.out, k + 1, prefix, fetchOpts)
      if (!endpoints) {
        endpoints = t.answered
        logSnapshot(t.snapshot, opts.log)
      }
      taken.push(t.snapshot)
      snapshots.push(t.paths)
    } catch (err) {
      if (err instanceof GateError && err.code === 'INTERRUPTED') {
        // The snapshot Ctrl-C cut short is not kept: its files would be a partial point.
        removeSnapshot(opts.out, prefix)
        stopped = true
        break
      }
      throw err
    }
    save()
    opts.progress?.(k + 1, opts.count)
  }
  save()
  return { dir: opts.out, snapshots, stopped }
}

/** Waits until `at` (performance.now() time); false when the signal aborted the wait. */
function sleepUntil(at: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false)
    const onAbort = () => {
      clearTimeout(timer)
      resolve(false)
    }
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort)
        resolve(true)
      },
      Math.max(0, at - performance.now()),
    )
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

function removeSnapshot(dir: string, prefix: string): void {
  for (const name of readdirSafe(dir))
    if (name.startsWith(prefix)) rmSync(`${dir}/${name}`, { force: true })
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}
