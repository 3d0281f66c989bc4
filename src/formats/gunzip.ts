// Gzip handling with a bound on the inflated size, so a crafted file cannot take the
// machine's memory. Bytes in memory inflate at once; a file can stream through instead
// (the driver's read), its output landing in one buffer sized from the gzip trailer, so
// neither the compressed file nor zlib's output chunks are held beside it: for a 26 MiB
// profile that inflates to 46 MB this halves the peak of a read.
import { Readable } from 'node:stream'
import { createGunzip, gunzipSync } from 'node:zlib'
import { GateError } from '../errors.js'

/** Largest inflated input accepted by default: 1 GiB. */
export const DEFAULT_MAX_INFLATED = 1024 ** 3

/** Deflate cannot shrink data more than this (RFC 1951's longest match per bit). */
const MAX_RATIO = 1032

/** Inflate streamed data in large chunks: small ones cost a callback each. */
const CHUNK = 1024 * 1024

/**
 * Output chunk of an in-memory inflate: zlib's default at least (a small file's buffer is
 * a view of its chunk, so the chunk must fit it), 64 MiB at most (a lying trailer).
 */
const MIN_CHUNK = 16 * 1024
const MAX_CHUNK = 64 * 1024 * 1024

/**
 * The inflated size a gzip file declares in its last four bytes (ISIZE: the size mod 2^32
 * for a one-member file, as Go writes), capped by what deflate could produce from
 * `compressed` bytes and by `maxBytes`. Only a first guess: several members, or a lie.
 */
export function declaredSize(trailer: Uint8Array, compressed: number, maxBytes: number): number {
  const declared =
    trailer.length === 4
      ? (trailer[0] | (trailer[1] << 8) | (trailer[2] << 16) | (trailer[3] << 24)) >>> 0
      : 0
  return Math.min(declared, compressed * MAX_RATIO, maxBytes)
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
}

/**
 * True when the first bytes look like text (a Prometheus scrape, JSON, a text profile):
 * no control bytes but tab, newline and carriage return. A protobuf profile starts with
 * field tags such as 0x08 within its first bytes.
 */
export function looksText(head: Uint8Array): boolean {
  const n = Math.min(head.length, 512)
  if (n === 0) return false
  for (let i = 0; i < n; i++) {
    const b = head[i]
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false
    if (b === 0x7f) return false
  }
  return true
}

/** Inflates gzip bytes, or throws a GateError naming `source`. */
export function gunzip(bytes: Uint8Array, source: string, maxBytes = DEFAULT_MAX_INFLATED): Buffer {
  // One output chunk of the declared size: zlib then writes the profile in place, with no
  // list of chunks to join into a second copy.
  const guess = declaredSize(bytes.subarray(bytes.length - 4), bytes.length, maxBytes)
  try {
    return gunzipSync(bytes, {
      maxOutputLength: maxBytes,
      chunkSize: Math.max(MIN_CHUNK, Math.min(guess + 1, MAX_CHUNK)),
    })
  } catch (err) {
    throw gzipError(err, source, maxBytes)
  }
}

/** What is known of a gzip file before it streams in. */
export interface GzipSize {
  /** Its size in bytes. */
  compressed: number
  /** Its last four bytes (ISIZE: the inflated size mod 2^32 for a one-member file). */
  trailer: Uint8Array
}

/**
 * Inflates gzip bytes in memory into one buffer of `expected` bytes, or returns undefined
 * when they inflate to more (a gzip file of several members declares only its last one's
 * size, and a crafted one may lie): the caller then counts the size first, so zlib's
 * chunks are never joined into a second copy of a large output.
 */
export function gunzipExpected(
  bytes: Uint8Array,
  expected: number,
  source: string,
): Buffer | undefined {
  const size = Math.max(MIN_CHUNK, expected)
  try {
    return gunzipSync(bytes, { maxOutputLength: size, chunkSize: size + 1 })
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return undefined
    throw gzipError(err, source, size)
  }
}

/**
 * How gzip data streaming in (`chunks`) inflates: its size, bounded by `maxBytes`, or by
 * `textMax` when it starts like text (text is decoded as one string). Nothing is kept.
 */
export async function inflatedSize(
  chunks: AsyncIterable<Uint8Array>,
  source: string,
  maxBytes = DEFAULT_MAX_INFLATED,
  textMax?: number,
): Promise<number> {
  let length = 0
  await eachInflated(chunks, source, maxBytes, textMax, (piece) => void (length += piece.length))
  return length
}

/**
 * Inflates gzip data as it streams in (`chunks`, e.g. a file's read stream) into one
 * buffer of `expected` bytes. When it inflates to more (see gunzipExpected) it goes on
 * counting: `bytes` is then undefined and `size` the real size, for a second pass. The
 * same bounds and GateErrors as inflatedSize.
 */
export async function gunzipStream(
  chunks: AsyncIterable<Uint8Array>,
  expected: number,
  source: string,
  maxBytes = DEFAULT_MAX_INFLATED,
  textMax?: number,
): Promise<{ bytes?: Uint8Array; size: number }> {
  const out = Buffer.allocUnsafe(Math.max(1, Math.min(expected, maxBytes)))
  let size = 0
  await eachInflated(chunks, source, maxBytes, textMax, (piece) => {
    if (size + piece.length <= out.length) piece.copy(out, size)
    size += piece.length
  })
  return { bytes: size <= out.length ? out.subarray(0, size) : undefined, size }
}

/**
 * Feeds each inflated chunk of `chunks` to `take`, throwing a GateError as soon as the
 * data passes its bound or is corrupt.
 */
async function eachInflated(
  chunks: AsyncIterable<Uint8Array>,
  source: string,
  maxBytes: number,
  textMax: number | undefined,
  take: (piece: Buffer) => void,
): Promise<void> {
  let length = 0
  let limit = maxBytes
  let text = false
  const inflate = createGunzip({ chunkSize: CHUNK })
  const input = chunks instanceof Readable ? chunks : Readable.from(chunks)
  try {
    for await (const chunk of input.pipe(inflate)) {
      const piece = chunk as Buffer
      if (length === 0 && textMax !== undefined && textMax < limit && looksText(piece)) {
        limit = textMax
        text = true
      }
      if (length + piece.length > limit) throw tooLarge(source, limit, text)
      length += piece.length
      take(piece)
    }
  } catch (err) {
    if (err instanceof GateError) throw err
    throw gzipError(err, source, maxBytes)
  } finally {
    inflate.destroy()
    input.destroy()
  }
}

/** The GateError for a zlib failure while inflating `source`. */
function gzipError(err: unknown, source: string, maxBytes: number): GateError {
  const code = (err as { code?: string }).code
  if (
    code === 'ERR_BUFFER_TOO_LARGE' ||
    (err instanceof RangeError && /size|length/i.test(err.message))
  ) {
    return tooLarge(source, maxBytes)
  }
  if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(String((err as Error).message))) {
    return new GateError(
      'TRUNCATED',
      `${source}: gzip data is truncated`,
      'the file was cut off while being written or copied; produce it again',
    )
  }
  return new GateError(
    'MALFORMED',
    `${source}: gzip data is corrupt (${(err as Error).message})`,
    'produce the file again',
  )
}

/** The GateError for gzip data that inflates past `maxBytes` (text: the limit for text). */
function tooLarge(source: string, maxBytes: number, text = false): GateError {
  return new GateError(
    'TOO_LARGE',
    `${source}: gzip data inflates to more than ${Math.round(maxBytes / 1024 ** 2)} MiB${text ? ' of text' : ''}, the limit`,
    'pass a real profile; this limit protects against crafted archives',
  )
}
