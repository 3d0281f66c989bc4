// The read of every file: a big gzip file streams through inflate into one buffer. It must
// give the bytes gunzip gives, and the same one-line errors for the files users get wrong.
import { gunzipSync, gzipSync } from 'node:zlib'
import { readFile, readInflated as read } from '../../src/driver/read-file.js'
import { GateError } from '../../src/errors.js'
import { readSnapshot } from '../../src/formats/index.js'
import { tempFile } from '../helpers/cli.js'
import { fixtureBytes, fixturePath } from '../helpers/fixtures.js'

/** The bytes of a file streamed through inflate, however small it is. */
async function readInflated(path: string, source: string, maxBytes?: number): Promise<Uint8Array> {
  const { bytes } = await read(path, source, maxBytes, 0)
  return bytes
}

async function failure(path: string, maxBytes?: number): Promise<GateError> {
  try {
    await readInflated(path, path, maxBytes)
  } catch (err) {
    expect(err).toBeInstanceOf(GateError)
    expect((err as GateError).oneLine()).not.toContain('\n')
    expect((err as GateError).message).toContain(path)
    return err as GateError
  }
  throw new Error('expected a GateError')
}

describe('reading a file through a streaming inflate', () => {
  test('a real gzipped profile inflates to what gunzip gives', async () => {
    const gz = fixtureBytes('many-functions.pb.gz')
    const bytes = await readInflated(fixturePath('many-functions.pb.gz'), 'many-functions.pb.gz')
    expect(Buffer.compare(Buffer.from(bytes), gunzipSync(gz))).toBe(0)
  })

  test('a file that is not gzip comes back as it is', async () => {
    const raw = gunzipSync(fixtureBytes('baseline-seed1.pb.gz'))
    const bytes = await readInflated(tempFile('raw.pb', raw), 'raw.pb')
    expect(Buffer.compare(Buffer.from(bytes), raw)).toBe(0)
  })

  test('concatenated gzip members, whose trailer understates the size, all inflate', async () => {
    const a = gunzipSync(fixtureBytes('many-functions.pb.gz'))
    const b = Buffer.from('tail')
    const path = tempFile('two.gz', Buffer.concat([gzipSync(a), gzipSync(b)]))
    const bytes = await readInflated(path, path)
    expect(Buffer.compare(Buffer.from(bytes), Buffer.concat([a, b]))).toBe(0)
  })

  test('a trailer that lies about the inflated size is reported as corrupt', async () => {
    const gz = Buffer.from(gzipSync(Buffer.from('small')))
    gz.writeUInt32LE(0xffffffff, gz.length - 4)
    const path = tempFile('lying.gz', gz)
    // The buffer is sized by what deflate could produce from 25 bytes, not by the claim;
    // zlib's own length check then fails.
    expect((await failure(path)).code).toBe('MALFORMED')
  })

  test('truncated, corrupt and oversized gzip get their own one-line errors', async () => {
    const gz = fixtureBytes('baseline-seed1.pb.gz')
    expect((await failure(tempFile('cut.pb.gz', gz.subarray(0, gz.length >> 1)))).code).toBe(
      'TRUNCATED',
    )
    const corrupt = Buffer.from(gz)
    corrupt.fill(0x55, 20, 60)
    expect((await failure(tempFile('corrupt.pb.gz', corrupt))).code).toBe('MALFORMED')
    const bomb = tempFile('bomb.gz', gzipSync(Buffer.alloc(8 * 1024 * 1024)))
    expect((await failure(bomb, 1024 * 1024)).code).toBe('TOO_LARGE')
  })

  test('small files inflate in memory, big ones stream: the same bytes, the same snapshot', async () => {
    const path = fixturePath('leak-cache.pb.gz')
    const inMemory = await read(path, path)
    const streamed = await read(path, path, undefined, 0)
    expect(inMemory.inflated && streamed.inflated).toBe(true)
    expect(Buffer.compare(Buffer.from(inMemory.bytes), Buffer.from(streamed.bytes))).toBe(0)
    const whole = readSnapshot(fixtureBytes('leak-cache.pb.gz'), path)
    expect((await readFile(path, '--candidate')).snapshot).toEqual(whole)
  })

  test('several members inflate in memory too, counted first when the trailer understates', async () => {
    const a = gunzipSync(fixtureBytes('many-functions.pb.gz'))
    const b = gunzipSync(fixtureBytes('leak-cache.pb.gz'))
    const path = tempFile('two.pb.gz', Buffer.concat([gzipSync(a), gzipSync(b.subarray(0, 10))]))
    const { bytes } = await read(path, path)
    expect(Buffer.compare(Buffer.from(bytes), Buffer.concat([a, b.subarray(0, 10)]))).toBe(0)
  })
})
