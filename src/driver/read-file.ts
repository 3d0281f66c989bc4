// The one read of every input file, on the main thread or a worker: opened as its label
// names it, streamed through the bounded inflate when it is gzip, then read (and its heap
// profile folded) by src/formats.
import { closeSync, createReadStream, readFileSync, readSync, type ReadStream } from 'node:fs'
import { GateError } from '../errors.js'
import { readSnapshot, type ReadOptions } from '../formats/index.js'
import { gunzipStream, isGzip } from '../formats/gunzip.js'
import type { Snapshot } from '../formats/model.js'
import { openInput, readError } from './files.js'

/** Read files in large chunks: small ones cost a callback each. */
const CHUNK = 1024 * 1024

/**
 * Gzip files from this size on stream through inflate, so the compressed bytes and zlib's
 * output chunks are never held beside the profile (a 26 MiB profile inflating to 46 MB
 * reads at half the peak). Smaller ones are inflated in memory by readSnapshot, in one
 * chunk of the declared size: for a 6.5 MB profile that is 7% faster (383 → 355 ms for
 * the mid-size pair, 9 alternating runs) at the same peak memory, and it costs far less
 * per file for 1,000 small profiles a side.
 */
const STREAM_BYTES = 16 * 1024 * 1024

/** Milliseconds spent per stage of one file. */
export interface ReadStages {
  inflate: number
  /** Decoding and folding the inflated bytes. */
  fold: number
}

/** Reads the file at `path` into its Snapshot; GateErrors name it as `label` does. */
export async function readFile(
  path: string,
  label: string,
  opts: ReadOptions = {},
): Promise<{ snapshot: Snapshot; stages: ReadStages }> {
  const t0 = performance.now()
  const { bytes, inflated } = await readInflated(path, label, opts.maxInflated)
  const t1 = performance.now()
  const snapshot = readSnapshot(bytes, path, { ...opts, inflated })
  return { snapshot, stages: { inflate: t1 - t0, fold: performance.now() - t1 } }
}

/**
 * The file's bytes, inflated as they stream in (`inflated`) when it is a gzip file of
 * `streamFrom` bytes or more.
 */
export async function readInflated(
  path: string,
  label: string,
  maxBytes?: number,
  streamFrom = STREAM_BYTES,
): Promise<{ bytes: Uint8Array; inflated: boolean }> {
  const { fd, size: compressed } = openInput(path, label)
  let stream: ReadStream | undefined
  try {
    const head = Buffer.alloc(Math.min(2, compressed))
    if (compressed >= streamFrom) readSync(fd, head, 0, head.length, 0)
    if (compressed < streamFrom || !isGzip(head)) {
      return { bytes: readFileSync(fd), inflated: false }
    }
    const trailer = Buffer.alloc(Math.min(4, compressed))
    readSync(fd, trailer, 0, trailer.length, compressed - trailer.length)
    stream = createReadStream('', { fd, highWaterMark: CHUNK, start: 0 })
    const bytes = await gunzipStream(stream, { compressed, trailer }, path, maxBytes)
    return { bytes, inflated: true }
  } catch (err) {
    if (err instanceof GateError) throw err
    throw readError(err, path, label)
  } finally {
    // The stream closes the descriptor once it ends or is destroyed.
    if (stream) stream.destroy()
    else closeSync(fd)
  }
}
