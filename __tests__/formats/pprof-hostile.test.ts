// Hostile pprof files derived from real ones (scripts/hostile/pprof-variants.mjs): a negative
// or overlong length, an over-long varint, what profile.CheckValid refuses, cuts between
// fields. Each must end (the test timeout is the hang guard) with exit 2 and one stderr line
// naming the file and the problem, on the main thread, on the worker path and as a --series.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { GateError } from '../../src/errors.js'
import { readSnapshot } from '../../src/formats/index.js'
import { WireReader } from '../../src/formats/protowire.js'
import { cli, tempDir, tempFile, type CliResult } from '../helpers/cli.js'
import { runFromSources } from '../helpers/cli-sources.js'

interface Variant {
  file: string
  expect: string
}

const BASELINE = 'fixtures/baseline-seed1.pb.gz'

/** Writes the variants of `fixture` into a fresh directory; returns them with their paths. */
function variantsOf(fixture: string): (Variant & { path: string })[] {
  const dir = tempDir()
  const r = spawnSync(process.execPath, ['scripts/hostile/pprof-variants.mjs', fixture, dir, '8'], {
    encoding: 'utf8',
  })
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Variant[]
  return manifest.map((v) => ({ ...v, path: join(dir, v.file) }))
}

/** Exit 2, one line on stderr naming the file and what is wrong, no stack trace. */
function expectRefused(r: CliResult, v: Variant & { path: string }): void {
  expect(r.status).toBe(2)
  const lines = r.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain(v.path)
  expect(lines[0]).toContain('corrupt pprof profile: ')
  expect(lines[0]).toContain(v.expect)
  expect(r.stderr).not.toMatch(/^\s+at /m)
}

describe.each(['fixtures/baseline-seed1.pb.gz', 'fixtures/many-functions.pb.gz'])(
  'hostile variants of %s',
  (fixture) => {
    const variants = variantsOf(fixture)

    test('the script writes every kind of variant', () => {
      const names = variants.map((v) => v.file)
      for (const kind of [
        'negative-length-8',
        'negative-length-in-sample',
        'negative-length-in-location',
        'length-past-the-end',
        'overlong-varint',
        'unsafe-value',
        'value-count-mismatch',
        'string-index-out-of-range',
        'zero-function-id',
        'duplicate-location-id',
        'field-number-0',
        'cut-inside-a-field',
        'eleven-bytes',
      ]) {
        expect(names).toContain(`${kind}.pb`)
      }
      expect(names.filter((n) => n.startsWith('cut-at-')).length).toBeGreaterThanOrEqual(4)
    })

    test.each(variants.map((v) => [v.file, v] as const))(
      'from the sources: %s is refused',
      async (_name, v) => {
        expectRefused(
          await runFromSources(['compare', '--baseline', BASELINE, '--candidate', v.path]),
          v,
        )
      },
    )

    test('the bundled CLI on the worker path refuses each one', () => {
      for (const v of variants) {
        const r = cli(['compare', '--baseline', BASELINE, '--candidate', v.path], {
          env: { GOMEM_GATE_WORKER_BYTES: '1' },
        })
        expectRefused(r, v)
      }
    })

    test('as a --series snapshot, from the sources', async () => {
      for (const v of variants.filter((v) => /negative|overlong|count|cut-inside/.test(v.file))) {
        expectRefused(
          await runFromSources(['compare', '--baseline', BASELINE, '--series', BASELINE, v.path]),
          v,
        )
      }
    })
  },
)

describe('the eleven-byte file of the issue', () => {
  // A real profile's first field tag (sample_type, length-delimited), then a negative
  // length: ten bytes of varint with the high bit set.
  const raw = gunzipSync(readFileSync(BASELINE))
  const bytes = Uint8Array.from([
    raw[0],
    0xff,
    0xff,
    0xff,
    0xff,
    0xff,
    0xff,
    0xff,
    0xff,
    0xff,
    0x01,
  ])

  test('is eleven bytes from a real first field', () => {
    expect(bytes).toHaveLength(11)
    expect(raw[0] & 7).toBe(2)
  })

  test('is MALFORMED, naming the file and the byte', () => {
    let err: unknown
    try {
      readSnapshot(bytes, 'eleven.pb')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(GateError)
    expect((err as GateError).code).toBe('MALFORMED')
    expect((err as GateError).message).toBe(
      'eleven.pb: corrupt pprof profile: protobuf length at byte 1 runs past the end of the message',
    )
  })

  test('gzipped, through the bundled CLI on the worker path', () => {
    const path = tempFile('eleven.pb.gz', gzipSync(bytes))
    const r = cli(['compare', '--baseline', BASELINE, '--candidate', path], {
      env: { GOMEM_GATE_WORKER_BYTES: '1' },
    })
    expectRefused(r, { file: 'eleven.pb.gz', path, expect: 'protobuf length at byte 1' })
  })
})

describe('WireReader bounds', () => {
  const read = (bytes: number[], f: (r: WireReader) => unknown) => () =>
    f(new WireReader(Uint8Array.from(bytes)))

  test('a ten-byte negative varint is a negative number; as a length it is refused', () => {
    const minusOne = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]
    expect(read(minusOne, (r) => r.varint())()).toBe(-1)
    expect(read(minusOne, (r) => r.lengthEnd())).toThrow(
      'protobuf length at byte 0 runs past the end of the message',
    )
    expect(read([0x0a, ...minusOne], (r) => r.skip(r.varint() & 7))).toThrow(
      'protobuf length at byte 1 runs past the end of the message',
    )
  })

  test('an eleven-byte varint, one past the end and an unsafe value are refused', () => {
    expect(read([...Array(10).fill(0x80), 0x00], (r) => r.varint())).toThrow(
      'longer than ten bytes',
    )
    expect(read([0x80, 0x80], (r) => r.varint())).toThrow('runs past the end of the message')
    expect(read([], (r) => r.varint())).toThrow('runs past the end of the message')
    expect(read([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], (r) => r.varint())).toThrow(
      'not a safe integer',
    )
  })

  test('a length within the message is read; one byte past it is not', () => {
    expect(read([0x02, 0xaa, 0xbb], (r) => r.bytes())()).toEqual([1, 3])
    expect(read([0x03, 0xaa, 0xbb], (r) => r.bytes())).toThrow('runs past the end')
  })
})
