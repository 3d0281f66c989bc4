// The compiled sample loop (src/formats/fold/assembly/fold.ts) must give exactly what the
// JavaScript loop gives, array for array, on real profiles; and hand back to JavaScript
// whatever it does not handle, so that a profile reads the same (or fails the same) either
// way.
import { gunzipSync } from 'node:zlib'
import { Profile } from 'pprof-format'
import { wasmFold } from '../../src/formats/fold/compiled.js'
import type { DecodedProfile } from '../../src/formats/fold/decoded.js'
import { foldProfile } from '../../src/formats/fold/fold.js'
import { foldSamples } from '../../src/formats/fold/loop.js'
import type { FoldSums } from '../../src/formats/fold/sums.js'
import { tables } from '../../src/formats/fold/tables.js'
import { matchKey } from '../../src/formats/names.js'
import { toNumber } from '../../src/formats/numbers.js'
import { decoded as heap, decodedProfile, fixtureBytes, sideOf } from '../helpers/fixtures.js'

const TYPES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']

function both(profile: DecodedProfile): { js: FoldSums; wasm: FoldSums | undefined } {
  const t = tables(profile, matchKey)
  return {
    js: foldSamples(profile, t, TYPES, undefined),
    wasm: profile.packed ? wasmFold(profile.packed, t, profile.period) : undefined,
  }
}

function profileOf(p: Profile, name: string): DecodedProfile {
  return decodedProfile(p.encode(), name)
}

function decoded(fixture: string): Profile {
  return Profile.decode(gunzipSync(fixtureBytes(fixture)))
}

describe('compiled sample loop', () => {
  // Sampled (MemProfileRate 512 KiB, so variances too) and exact; one with 6,000 functions.
  test.each([
    'baseline-seed1.pb.gz',
    'leak-cache.pb.gz',
    'leak-goroutines.pb.gz',
    'alloc-churn.pb.gz',
    'drop-buffers.pb.gz',
    'gotest.memprofile.pb.gz',
    'many-functions.pb.gz',
  ])('%s: the same sums as the JavaScript loop, to the bit', (file) => {
    const { js, wasm } = both(heap(file))
    expect(wasm).toBeDefined()
    expect(wasm).toEqual(js)
    expect(js.totals[3]).toBeGreaterThan(0)
  })

  test('one instance folds profile after profile: nothing of the last one is left over', () => {
    const big = heap('many-functions.pb.gz')
    const small = heap('leak-cache.pb.gz')
    const first = both(small)
    both(big)
    const again = both(small)
    expect(again.wasm).toEqual(first.js)
    expect(again.wasm).toEqual(again.js)
  })

  test('deep stacks (samples over 127 bytes) and ids in reverse order: the same sums', () => {
    const p = decoded('baseline-seed1.pb.gz')
    for (const s of p.sample) s.locationId = Array(10).fill(s.locationId).flat()
    const n = p.location.length
    const reverse = (id: number | bigint) => n + 1 - toNumber(id)
    for (const l of p.location) l.id = reverse(l.id)
    for (const s of p.sample) s.locationId = s.locationId.map(reverse)
    const profile = profileOf(p, 'deep-reversed.pb')
    expect(profile.packed?.index).toBeDefined()
    const { js, wasm } = both(profile)
    expect(wasm).toEqual(js)
  })

  test('a value of 2^49 or more is left to JavaScript, which reads it exactly', () => {
    const p = decoded('baseline-seed1.pb.gz')
    p.sample[0].value = p.sample[0].value.map((v, i) => (i === 1 ? 2 ** 50 + 8 : v))
    const profile = profileOf(p, 'huge.pb')
    expect(both(profile).wasm).toBeUndefined()
    const agg = foldProfile(profile)
    const plain = decoded('baseline-seed1.pb.gz')
    const expected = plain.sample.reduce((sum, s) => sum + toNumber(s.value[1]), 0)
    expect(agg.totals[1]).toBe(expected - toNumber(plain.sample[0].value[1]) + 2 ** 50 + 8)
  })

  test('a sample naming a missing location fails as the JavaScript loop says', () => {
    const p = decoded('baseline-seed1.pb.gz')
    p.sample[5].locationId = [...p.sample[5].locationId, p.location.length + 7]
    const profile = profileOf(p, 'missing.pb')
    expect(wasmFold(profile.packed!, tables(profile, matchKey), profile.period)).toBeUndefined()
    expect(() => foldProfile(profile)).toThrow(
      `missing.pb: corrupt pprof profile: a sample refers to missing location ${p.location.length + 7}`,
    )
  })

  test('other sample types and --stacks (folded by the JavaScript loop) give the same sums', () => {
    const profile = heap('leak-cache.pb.gz')
    const all = sideOf(foldProfile(profile))
    const reordered = sideOf(foldProfile(profile, { columns: [...TYPES].reverse() }))
    const withStacks = sideOf(foldProfile(profile, { stacks: true }))
    for (const [name, node] of all.functions) {
      expect(reordered.functions.get(name)!.cum).toEqual([...node.cum].reverse())
      expect(withStacks.functions.get(name)!.cum).toEqual(node.cum)
      expect(withStacks.functions.get(name)!.flat).toEqual(node.flat)
    }
  })
})
