// The one read of every input file, on the main thread or a worker: opened as its label
// names it, streamed through the bounded inflate when it is gzip, then read (and its heap
// profile folded) by src/formats.
import { closeSync, read, readFileSync, readSync } from 'node:fs'
import { promisify } from 'node:util'
import { GateError } from '../errors.js'
import { readSnapshot, type ReadOptions } from '../formats/index.js'
import {
  declaredSize,
  gunzipExpected,
  gunzipStream,
  inflatedSize,
  isGzip,
  looksText,
} from '../formats/gunzip.js'
import type { Snapshot } from '../formats/model.js'
import { tooManyFunctions } from '../formats/names.js'
import { openInput, readError } from './files.js'
import { MAX_INFLATED_BYTES, MAX_PROFILE_FUNCTIONS, MAX_TEXT_BYTES, sizeText } from './limits.js'

/** Read files in large chunks: small ones cost a callback each. */
const CHUNK = 1024 * 1024

const readChunk = promisify(read)

/**
 * Gzip files from this size on stream through inflate, so the compressed bytes and zlib's
 * output chunks are never held beside the profile (a 26 MiB profile inflating to 46 MB
 * reads at half the peak). Smaller ones are inflated in memory, in one
 * chunk of the declared size: for a 6.5 MB profile that is 7% faster (383 → 355 ms for
 * the mid-size pair, 9 alternating runs) at the same peak memory, and it costs far less
 * per file for 1,000 small profiles a side.
 */
const STREAM_BYTES = 16 * 1024 * 1024

/**
 * A smaller gzip file is inflated in memory only when its trailer declares at most this:
 * one output buffer of that size. Larger ones stream into one buffer too, so a file that
 * inflates to nearly MAX_INFLATED_BYTES is held once, not as chunks joined into a copy.
 */
const IN_MEMORY_INFLATED = 64 * 1024 * 1024

/** The bytes sniffed before a file is read: enough to tell text from a protobuf. */
const HEAD = 512

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
  const functions = snapshot.profile?.fold.functions.names.length ?? 0
  // A pprof profile is refused before it is folded; a text profile once it is.
  if (functions > MAX_PROFILE_FUNCTIONS) throw tooManyFunctions(`${label} ${path}`, functions)
  return { snapshot, stages: { inflate: t1 - t0, fold: performance.now() - t1 } }
}

/**
 * The file's bytes, inflated (`inflated`) when it is gzip: as they stream in for a file of
 * `streamFrom` bytes or more, or one whose trailer declares more than 64 MiB; a smaller
 * one in memory, in one chunk of that size. Either way into one buffer of the declared
 * size, or of the counted size when the trailer said less. A text file over
 * MAX_TEXT_BYTES is refused before it is read (from its stat, or as soon as its inflated
 * bytes pass the limit); gzip data stops inflating past `maxBytes`.
 */
export async function readInflated(
  path: string,
  label: string,
  maxBytes = MAX_INFLATED_BYTES,
  streamFrom = STREAM_BYTES,
): Promise<{ bytes: Uint8Array; inflated: boolean }> {
  const { fd, size: compressed } = openInput(path, label)
  try {
    const head = Buffer.alloc(Math.min(HEAD, compressed))
    readSync(fd, head, 0, head.length, 0)
    if (!isGzip(head)) {
      if (compressed > MAX_TEXT_BYTES && looksText(head)) {
        throw new GateError(
          'TOO_LARGE',
          `${label} ${path}: is ${sizeText(compressed)} of text, over the ${sizeText(MAX_TEXT_BYTES)} limit for text files`,
          'Prometheus scrapes, MemStats and text profiles are far smaller; check that this is the right file',
        )
      }
      return { bytes: readFileSync(fd), inflated: false }
    }
    const trailer = Buffer.alloc(Math.min(4, compressed))
    readSync(fd, trailer, 0, trailer.length, compressed - trailer.length)
    const declared = declaredSize(trailer, compressed, maxBytes)
    const stream = () => chunksOf(fd)
    let size: number
    if (compressed < streamFrom && declared <= IN_MEMORY_INFLATED) {
      const bytes = gunzipExpected(readFileSync(fd), declared, path)
      if (bytes) return { bytes, inflated: true }
      size = await inflatedSize(stream(), path, maxBytes, MAX_TEXT_BYTES)
    } else {
      const first = await gunzipStream(stream(), declared, path, maxBytes, MAX_TEXT_BYTES)
      if (first.bytes) return { bytes: first.bytes, inflated: true }
      size = first.size
    }
    // The trailer named less than the data holds (several gzip members, or a lie): inflate
    // again into a buffer of the counted size, never a grown or joined copy.
    const again = await gunzipStream(stream(), size, path, maxBytes, MAX_TEXT_BYTES)
    if (!again.bytes) throw changedWhileRead(path, label)
    return { bytes: again.bytes, inflated: true }
  } catch (err) {
    if (err instanceof GateError) throw err
    throw readError(err, path, label)
  } finally {
    closeSync(fd)
  }
}

/** The file's bytes from its start, CHUNK at a time; the descriptor stays open. */
async function* chunksOf(fd: number): AsyncGenerator<Uint8Array> {
  for (let position = 0; ;) {
    const { bytesRead, buffer } = await readChunk(fd, Buffer.allocUnsafe(CHUNK), 0, CHUNK, position)
    if (bytesRead === 0) return
    position += bytesRead
    yield buffer.subarray(0, bytesRead)
  }
}

/** A file that inflated to more on its second read than on its first. */
function changedWhileRead(path: string, label: string): GateError {
  return new GateError(
    'READ_FAILED',
    `${label} ${path}: changed while it was read`,
    'run gomem-gate once the step writing the file has finished',
  )
}
