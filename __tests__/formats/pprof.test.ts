import { gunzipSync } from 'node:zlib'
import { Profile } from 'pprof-format'
import { samplesOf } from '../../src/formats/fold/decoded.js'
import { readSnapshot } from '../../src/formats/index.js'
import { toNumber } from '../../src/formats/numbers.js'
import { WireReader } from '../../src/formats/protowire.js'
import { decoded, decodedProfile, fixtureBytes, snapshot, total } from '../helpers/fixtures.js'

/** A plain pprof-format decode's frames of a sample: function names, innermost first. */
function framesOf(p: Profile): (s: { locationId: (number | bigint)[] }) => string[] {
  const strings = p.stringTable.strings
  const fnName = new Map(p.function.map((f) => [toNumber(f.id), strings[toNumber(f.name)]]))
  const locFrames = new Map(
    p.location.map((l) => [toNumber(l.id), l.line.map((x) => fnName.get(toNumber(x.functionId))!)]),
  )
  return (s) => s.locationId.flatMap((id) => locFrames.get(toNumber(id))!)
}

describe('pprof protobuf reader', () => {
  test('reads a /debug/pprof/heap profile with its four sample types by name', () => {
    const s = snapshot('baseline-seed1.pb.gz')
    expect(s.format).toBe('pprof')
    const p = s.profile!
    expect(p.fold.sampleTypes).toEqual(p.sampleTypes.map((t) => t.type))
    expect(p.sampleTypes.map((t) => `${t.type}/${t.unit}`)).toEqual([
      'alloc_objects/count',
      'alloc_space/bytes',
      'inuse_objects/count',
      'inuse_space/bytes',
    ])
    expect(p.period).toBe(524288)
    expect(p.timeNanos).toBeGreaterThan(1.6e18)
    const names = new Set(
      [...samplesOf(decoded('baseline-seed1.pb.gz'))].flatMap((x) =>
        x.frames.map((f) => f.function),
      ),
    )
    expect(names).toContain('main.(*Cache).Put')
    expect(total(s, 'inuse_space')).toBeGreaterThan(1024 * 1024)
  })

  test('reads the allocs profile of go test -memprofile, whose default is alloc_space', () => {
    const s = snapshot('gotest.memprofile.pb.gz')
    expect(s.profile!.defaultSampleType).toBe('alloc_space')
    expect(total(s, 'alloc_space')).toBeGreaterThan(0)
  })

  test('gzipped and raw protobuf give the same profile', () => {
    const gz = fixtureBytes('leak-cache.pb.gz')
    expect(readSnapshot(gunzipSync(gz), 'b').profile).toEqual(readSnapshot(gz, 'a').profile)
    const a = decodedProfile(gz, 'a')
    const b = decodedProfile(gunzipSync(gz), 'b')
    expect(samplesOf(b)).toEqual(samplesOf(a))
    expect(b.locations).toEqual(a.locations)
    expect(b.sampleTypes).toEqual(a.sampleTypes)
  })

  test('fields in any order: metadata between the samples reads as Go’s order does', () => {
    // Protobuf lets a writer put the fields in any order. Interleave the non-sample
    // fields of a real profile with its samples (field 2), one after every 10 samples.
    const raw = gunzipSync(fixtureBytes('leak-cache.pb.gz'))
    const r = new WireReader(raw)
    const samples: Uint8Array[] = []
    const others: Uint8Array[] = []
    while (r.more()) {
      const start = r.pos
      const tag = r.varint()
      r.skip(tag & 7)
      ;(tag === ((2 << 3) | 2) ? samples : others).push(raw.subarray(start, r.pos))
    }
    expect(others.length).toBeGreaterThan(10)
    const mixed: Uint8Array[] = []
    samples.forEach((x, i) => {
      mixed.push(x)
      if (i % 10 === 9 && others.length > 1) mixed.push(others.shift()!)
    })
    const reordered = decodedProfile(Buffer.concat([...mixed, ...others]), 'mixed')
    const original = decodedProfile(raw, 'original')
    expect(samplesOf(reordered)).toEqual(samplesOf(original))
    expect(reordered.locations).toEqual(original.locations)
  })

  test('deep stacks (a sample over 127 bytes, so a two-byte length) read whole', () => {
    // Deep recursion gives such samples: repeat a real profile's stacks ten times over.
    const p = Profile.decode(gunzipSync(fixtureBytes('leak-cache.pb.gz')))
    for (const s of p.sample) s.locationId = Array.from({ length: 10 }, () => s.locationId).flat()
    expect(Math.max(...p.sample.map((s) => s.locationId.length))).toBeGreaterThan(127)
    const ours = decodedProfile(p.encode(), 'deep.pb')
    const frames = framesOf(p)
    expect([...samplesOf(ours)].map((x) => x.frames.map((f) => f.function))).toEqual(
      p.sample.map(frames),
    )
    expect(ours.sampleTypes.map((t) => t.type)).toContain('inuse_space')
  })

  test('expands inlined frames: every Line of a Location is a frame, innermost first', () => {
    const raw = Profile.decode(gunzipSync(fixtureBytes('baseline-seed1.pb.gz')))
    expect(raw.location.some((l) => l.line.length > 1)).toBe(true)
    const frames = framesOf(raw)
    const expected = new Set(raw.sample.map((x) => frames(x).join(';')))
    const ours = decoded('baseline-seed1.pb.gz')
    const got = new Set([...samplesOf(ours)].map((x) => x.frames.map((f) => f.function).join(';')))
    expect(got).toEqual(expected)
    expect(ours.sampleCount).toBe(raw.sample.length)
  })

  test('normalises bigint and unsigned-negative values once', () => {
    expect(toNumber(5)).toBe(5)
    expect(toNumber(2n ** 40n)).toBe(2 ** 40)
    expect(toNumber(2n ** 64n - 5n)).toBe(-5)
  })
})
