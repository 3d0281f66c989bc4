// Reads a file, inflating it as it streams in when it is gzip. The inflated bytes land in
// one buffer sized from the gzip trailer, so neither the compressed file nor zlib's output
// chunks are held beside them: for a 26 MiB profile that inflates to 46 MB this halves the
// peak of a read.
import { closeSync, createReadStream, fstatSync, openSync, readFileSync, readSync } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { GateError } from '../errors.js'
import { DEFAULT_MAX_INFLATED, gzipError, isGzip, tooLarge } from '../formats/gunzip.js'

/** Deflate cannot shrink data more than this (RFC 1951's longest match per bit). */
const MAX_RATIO = 1032

/** Read and inflate in large chunks: small ones cost a callback each. */
const CHUNK = 1024 * 1024

/** The file's bytes, inflated when gzip; GateErrors name `source`. */
export async function readInflated(
  path: string,
  source: string,
  maxBytes = DEFAULT_MAX_INFLATED,
): Promise<Uint8Array> {
  const { size, head, trailer } = peek(path)
  if (!isGzip(head)) return readFileSync(path)
  // ISIZE, the last four bytes, is the inflated size mod 2^32 for a one-member file (as Go
  // writes); it is only a first guess, capped by what deflate could produce at all.
  const declared = trailer.length === 4 ? trailer.readUInt32LE(0) : 0
  let out = Buffer.allocUnsafe(Math.max(1, Math.min(declared, size * MAX_RATIO, maxBytes)))
  let length = 0
  const gunzip = createGunzip({ chunkSize: CHUNK })
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }).pipe(gunzip)) {
      const piece = chunk as Buffer
      if (length + piece.length > maxBytes) throw tooLarge(source, maxBytes)
      if (length + piece.length > out.length) {
        const grown = Buffer.allocUnsafe(Math.min(maxBytes, 2 * (length + piece.length)))
        out.copy(grown, 0, 0, length)
        out = grown
      }
      piece.copy(out, length)
      length += piece.length
    }
  } catch (err) {
    gunzip.destroy()
    if (err instanceof GateError) throw err
    throw gzipError(err, source, maxBytes)
  }
  return out.subarray(0, length)
}

function peek(path: string): { size: number; head: Buffer; trailer: Buffer } {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    const head = Buffer.alloc(Math.min(2, size))
    readSync(fd, head, 0, head.length, 0)
    const trailer = Buffer.alloc(Math.min(4, size))
    readSync(fd, trailer, 0, trailer.length, size - trailer.length)
    return { size, head, trailer }
  } finally {
    closeSync(fd)
  }
}
