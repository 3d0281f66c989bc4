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
 * Inflates gzip data as it streams in (`chunks`, e.g. a file's read stream) into one
 * buffer; the same bound and GateErrors as gunzip(). When `textMax` is given and the
 * inflated data starts like text, the bound is `textMax` (text is decoded as one string).
 */
export async function gunzipStream(
  chunks: AsyncIterable<Uint8Array>,
  size: GzipSize,
  source: string,
  maxBytes = DEFAULT_MAX_INFLATED,
  textMax?: number,
): Promise<Uint8Array> {
  let out = Buffer.allocUnsafe(Math.max(1, declaredSize(size.trailer, size.compressed, maxBytes)))
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
      if (length + piece.length > out.length) {
        const grown = Buffer.allocUnsafe(Math.min(limit, 2 * (length + piece.length)))
        out.copy(grown, 0, 0, length)
        out = grown
      }
      piece.copy(out, length)
      length += piece.length
    }
  } catch (err) {
    inflate.destroy()
    if (err instanceof GateError) throw err
    throw gzipError(err, source, maxBytes)
  }
  return out.subarray(0, length)
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
