// Gzip handling with a bound on the inflated size, so a crafted file cannot take the machine's memory.
import { gunzipSync } from 'node:zlib'
import { GateError } from '../errors.js'

/** Largest inflated input accepted by default: 1 GiB. */
export const DEFAULT_MAX_INFLATED = 1024 ** 3

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
}

/** Inflates gzip bytes, or throws a GateError naming `source`. */
export function gunzip(bytes: Uint8Array, source: string, maxBytes = DEFAULT_MAX_INFLATED): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes })
  } catch (err) {
    throw gzipError(err, source, maxBytes)
  }
}

/** The GateError for a zlib failure while inflating `source`. */
export function gzipError(err: unknown, source: string, maxBytes: number): GateError {
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

/** The GateError for gzip data that inflates past `maxBytes`. */
export function tooLarge(source: string, maxBytes: number): GateError {
  return new GateError(
    'TOO_LARGE',
    `${source}: gzip data inflates to more than ${Math.round(maxBytes / 1024 ** 2)} MiB`,
    'pass a real profile; this limit protects against crafted archives',
  )
}
