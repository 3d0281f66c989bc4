// Derives a profile from a real fixture by renaming functions, as a different build (or a
// hostile fork) would name them. Everything else stays what Go wrote.
import { gunzipSync, gzipSync } from 'node:zlib'
import { Profile, StringTable } from 'pprof-format'
import { fixtureBytes } from './fixtures.js'

/** The fixture with every function name passed through `rename`, gzipped again. */
export function renamedProfile(fixture: string, rename: (name: string) => string): Buffer {
  const p = Profile.decode(gunzipSync(fixtureBytes(fixture)))
  const old = p.stringTable.strings
  const names = new Set(p.function.map((f) => Number(f.name)))
  // The table caches its encoding: build a new one with the same indexes.
  const table = new StringTable()
  old.forEach((s, i) => {
    if (i === 0) return
    const index = table.dedup(names.has(i) ? rename(s) : s)
    if (index !== i) throw new Error(`renaming made string ${i} collide with ${index}`)
  })
  p.stringTable = table
  return gzipSync(p.encode())
}
