// Derives a profile from a real fixture by renaming functions (and, if asked, their source
// files), as a different build (or a hostile fork) would name them. Everything else stays
// what Go wrote.
import { gunzipSync, gzipSync } from 'node:zlib'
import {
  Function as PprofFunction,
  Line,
  Location,
  Profile,
  Sample,
  StringTable,
} from 'pprof-format'
import { fixtureBytes } from './fixtures.js'

/**
 * The fixture with every function name passed through `rename` (and every function's file
 * through `renameFile`, when given), gzipped again.
 */
export function renamedProfile(
  fixture: string,
  rename: (name: string) => string,
  renameFile?: (path: string) => string,
): Buffer {
  const p = Profile.decode(gunzipSync(fixtureBytes(fixture)))
  const old = p.stringTable.strings
  const names = new Set(p.function.map((f) => Number(f.name)))
  const files = new Set(renameFile ? p.function.map((f) => Number(f.filename)) : [])
  // The table caches its encoding: build a new one with the same indexes.
  const table = new StringTable()
  old.forEach((s, i) => {
    if (i === 0) return
    const renamed = names.has(i) ? rename(s) : files.has(i) ? renameFile!(s) : s
    const index = table.dedup(renamed)
    if (index !== i) throw new Error(`renaming made string ${i} collide with ${index}`)
  })
  p.stringTable = table
  return gzipSync(p.encode())
}

/**
 * The fixture with `n` more functions, each with one location and one sample copied from
 * the first sample with the new function as its leaf: what a profile of a program with far
 * more allocation sites would look like. Names are `<prefix><i>`.
 */
export function withMoreFunctions(fixture: string, n: number, prefix = 'main.generated'): Buffer {
  const p = Profile.decode(gunzipSync(fixtureBytes(fixture)))
  const first = p.sample[0]
  let functionId = Math.max(...p.function.map((f) => Number(f.id))) + 1
  let locationId = Math.max(...p.location.map((l) => Number(l.id))) + 1
  const file = p.function[0].filename
  for (let i = 0; i < n; i++, functionId++, locationId++) {
    const name = p.stringTable.dedup(`${prefix}${i}`)
    p.function.push(new PprofFunction({ id: functionId, name, systemName: name, filename: file }))
    p.location.push(new Location({ id: locationId, line: [new Line({ functionId, line: 1 })] }))
    p.sample.push(new Sample({ locationId: [locationId, ...first.locationId], value: first.value }))
  }
  return gzipSync(p.encode())
}
