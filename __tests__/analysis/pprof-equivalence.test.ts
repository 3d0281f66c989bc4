// The fast path (two-pass reader, typed-array fold) against `go tool pprof` itself: the
// per-function flat and cum values of `pprof -top -unit=B`, recorded in fixtures/pprof-top
// by fixtures/go/generate.sh, must match to the byte.
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { Profile } from 'pprof-format'
import { mergeFolds, type SideAggregate } from '../../src/analysis/merge.js'
import { foldProfile } from '../../src/formats/fold/fold.js'
import { packageOf } from '../../src/formats/names.js'
import { toNumber } from '../../src/formats/numbers.js'
import { decoded, decodedProfile, fixtureBytes, sideOf } from '../helpers/fixtures.js'

const TYPES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']
const identity = (fn: string) => fn

/** pprof's rows: function → [flat, cum] in bytes. */
function pprofTop(name: string): Map<string, [number, number]> {
  const rows = new Map<string, [number, number]>()
  for (const line of readFileSync(`fixtures/pprof-top/${name}`, 'utf8').split('\n').slice(1)) {
    const m = /^\s*(-?\d+)B?\s+\S+\s+\S+\s+(-?\d+)B?\s+\S+\s+(.+?)( \(inline\))?$/.exec(line)
    if (m) rows.set(m[3], [Number(m[1]), Number(m[2])])
  }
  return rows
}

function fold(...files: string[]): SideAggregate {
  return mergeFolds(
    files.map((f) => foldProfile(decoded(f), { keyOf: identity })),
    TYPES,
  )
}

function ours(
  agg: SideAggregate,
  type: string,
  minus?: SideAggregate,
): Map<string, [number, number]> {
  const c = TYPES.indexOf(type)
  const out = new Map<string, [number, number]>()
  for (const [name, node] of agg.functions) out.set(name, [node.flat[c], node.cum[c]])
  for (const [name, node] of minus?.functions ?? []) {
    const [f, cu] = out.get(name) ?? [0, 0]
    out.set(name, [f - node.flat[c], cu - node.cum[c]])
  }
  // pprof lists a function only when it has a nonzero value.
  return new Map([...out].filter(([, [f, cu]]) => f !== 0 || cu !== 0))
}

describe('per-function flat and cum agree with go tool pprof -top -unit=B', () => {
  test.each(['alloc_space', 'inuse_space'])('one profile, %s', (type) => {
    expect(ours(fold('leak-cache.pb.gz'), type)).toEqual(pprofTop(`leak-cache.${type}.txt`))
  })

  test.each(['alloc_space', 'inuse_space'])('-diff_base of two builds, %s', (type) => {
    const diff = ours(fold('leak-cache.pb.gz'), type, fold('baseline-seed1.pb.gz'))
    expect(diff).toEqual(pprofTop(`diff.${type}.txt`))
  })

  test('6,000 functions at MemProfileRate 1', () => {
    const top = pprofTop('many-functions.inuse_space.txt')
    expect(top.size).toBeGreaterThan(5000)
    expect(ours(fold('many-functions.pb.gz'), 'inuse_space')).toEqual(top)
  })
})

describe('the fast path equals a plain decode with pprof-format', () => {
  /**
   * The obvious implementation: whole-object decode, a Set per stack for cum. `group` maps a
   * function to its row: itself, or its package.
   */
  function reference(
    bytes: Uint8Array,
    type: string,
    group: (fn: string) => string = identity,
  ): Map<string, [number, number]> {
    const p = Profile.decode(gunzipSync(bytes))
    const str = (i: number | bigint) => p.stringTable.strings[toNumber(i)]
    const col = p.sampleType.findIndex((t) => str(t.type) === type)
    const fnName = new Map(p.function.map((f) => [toNumber(f.id), str(f.name)]))
    const loc = new Map(
      p.location.map((l) => [
        toNumber(l.id),
        l.line.map((x) => group(fnName.get(toNumber(x.functionId))!)),
      ]),
    )
    const out = new Map<string, [number, number]>()
    for (const s of p.sample) {
      const v = toNumber(s.value[col])
      if (v === 0) continue
      const names = s.locationId.flatMap((id) => loc.get(toNumber(id))!)
      const seen = new Set<string>()
      names.forEach((n, i) => {
        const row = out.get(n) ?? [0, 0]
        if (i === 0) row[0] += v
        if (!seen.has(n)) row[1] += v
        seen.add(n)
        out.set(n, row)
      })
    }
    return out
  }

  const files = ['baseline-seed1.pb.gz', 'leak-goroutines.pb.gz', 'many-functions.pb.gz']

  test.each(files)('%s, per function', (file) => {
    for (const type of TYPES) {
      expect(ours(fold(file), type)).toEqual(reference(fixtureBytes(file), type))
    }
  })

  test.each(files)('%s, per package', (file) => {
    for (const type of TYPES) {
      const c = TYPES.indexOf(type)
      const packages = new Map(
        [...fold(file).packages]
          .map(([name, n]) => [name, [n.flat[c], n.cum[c]]] as const)
          .filter(([, [f, cu]]) => f !== 0 || cu !== 0),
      )
      expect(packages).toEqual(reference(fixtureBytes(file), type, packageOf))
    }
  })

  // Go numbers locations 1…N; other writers need not. The reader's lookup must not care.
  test.each([
    ['in reverse', (id: number, n: number) => n + 1 - id],
    ['sparse and large', (id: number) => id * 7919 + 1_000_000],
  ])('location ids renumbered %s give the same sums', (_, renumber) => {
    const original = fold('many-functions.pb.gz')
    const p = Profile.decode(gunzipSync(fixtureBytes('many-functions.pb.gz')))
    const n = p.location.length
    const map = (id: number | bigint) => renumber(toNumber(id), n)
    for (const l of p.location) l.id = map(l.id)
    for (const s of p.sample) s.locationId = s.locationId.map(map)
    const renumbered = sideOf(
      foldProfile(decodedProfile(p.encode(), 'renumbered.pb'), { keyOf: identity }),
    )
    for (const type of TYPES) expect(ours(renumbered, type)).toEqual(ours(original, type))
  })
})
