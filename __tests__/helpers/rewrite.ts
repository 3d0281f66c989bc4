// Derives a profile from a real fixture by renaming functions (and, if asked, their source
// files), as a different build (or a hostile fork) would name them. Everything else stays
// what Go wrote.
import { gunzipSync, gzipSync } from 'node:zlib'
import { Profile, StringTable } from 'pprof-format'
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
