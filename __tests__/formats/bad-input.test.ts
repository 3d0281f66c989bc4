import { gzipSync } from 'node:zlib'
import { GateError } from '../../src/errors.js'
import { readSnapshot } from '../../src/formats/index.js'
import { fixtureBytes } from '../helpers/fixtures.js'

/** Deterministic pseudo-random bytes (xorshift), so the test is the same on every run. */
function randomBytes(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n)
  let x = seed
  for (let i = 0; i < n; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

function failure(bytes: Uint8Array, source = 'in.pb.gz', opts = {}): GateError {
  try {
    readSnapshot(bytes, source, opts)
  } catch (err) {
    expect(err).toBeInstanceOf(GateError)
    const e = err as GateError
    expect(e.oneLine()).not.toContain('\n')
    expect(e.message).toContain(source)
    return e
  }
  throw new Error('expected a GateError')
}

describe('bad inputs get one clear line naming the file', () => {
  test('empty file', () => {
    expect(failure(new Uint8Array(0)).code).toBe('EMPTY_INPUT')
  })

  test('truncated gzip (a real profile cut in half)', () => {
    const gz = fixtureBytes('baseline-seed1.pb.gz')
    const e = failure(gz.subarray(0, gz.length >> 1))
    expect(e.code).toBe('TRUNCATED')
  })

  test('random bytes', () => {
    for (const seed of [1, 7, 42, 1234]) {
      expect(['UNKNOWN_FORMAT', 'MALFORMED']).toContain(failure(randomBytes(4096, seed)).code)
    }
  })

  test('a CPU profile is named as such', () => {
    const e = failure(fixtureBytes('cpu.pb.gz'), 'cpu.pb.gz')
    expect(e.code).toBe('NOT_A_HEAP_PROFILE')
    expect(e.message).toMatch(/CPU profile/)
  })

  test('JSON that is not MemStats, and broken JSON', () => {
    expect(failure(Buffer.from('{"hello": 1}'), 'x.json').code).toBe('UNKNOWN_FORMAT')
    const broken = fixtureBytes('baseline-seed1.memstats.json').subarray(0, 200)
    expect(failure(broken, 'x.json').code).toBe('MALFORMED')
  })

  test('a gzip that inflates past the limit is refused before it takes the memory', () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024))
    expect(failure(bomb, 'bomb.gz', { maxInflated: 1024 * 1024 }).code).toBe('TOO_LARGE')
  })

  test('a text heap profile cut mid-record', () => {
    const txt = fixtureBytes('leak-cache.heap.txt').toString('utf8')
    const cut = txt.slice(0, txt.indexOf('\n', 10) + 4)
    expect(failure(Buffer.from(cut), 'heap.txt').code).toBe('MALFORMED')
  })
})
