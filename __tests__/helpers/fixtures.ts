// Reads the committed fixtures (real files from the Go programs in fixtures/go).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { mergeFolds, type SideAggregate } from '../../src/analysis/merge.js'
import { samplesOf, type DecodedProfile } from '../../src/formats/fold/decoded.js'
import { decodeHeapText, isHeapText } from '../../src/formats/heaptext.js'
import { readSnapshot, type ReadOptions } from '../../src/formats/index.js'
import type { Fold, Snapshot } from '../../src/formats/model.js'
import { decodePprof } from '../../src/formats/pprof.js'

/** Absolute path of a fixture. */
export function fixturePath(name: string): string {
  return join(process.cwd(), 'fixtures', name)
}

/** The bytes of a fixture. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(fixturePath(name))
}

/** A fixture read, with its plain name as source. */
export function snapshot(name: string): Snapshot {
  return readSnapshot(fixtureBytes(name), name)
}

/** A fixture read with options (e.g. `stacks`), with its plain name as source. */
export function snapshotWith(name: string, opts: ReadOptions): Snapshot {
  return readSnapshot(fixtureBytes(name), name, opts)
}

/** A heap profile's bytes (gzipped or not, protobuf or debug=1 text) decoded sample by sample. */
export function decodedProfile(bytes: Uint8Array, name: string): DecodedProfile {
  const data = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes
  const text = Buffer.from(data.subarray(0, 100)).toString('utf8')
  if (isHeapText(text)) return decodeHeapText(Buffer.from(data).toString('utf8'), name).profile
  const content = decodePprof(data, name)
  if (content.kind !== 'heap') throw new Error(`${name}: not a heap profile`)
  return content.profile
}

/** A heap profile fixture decoded sample by sample (what the fold visits). */
export function decoded(name: string): DecodedProfile {
  return decodedProfile(fixtureBytes(name), name)
}

/** A fold by name (maps of NodeSums), as a side of one file merges it. */
export function sideOf(fold: Fold): SideAggregate {
  return mergeFolds([fold], fold.sampleTypes, fold.stacks !== undefined)
}

/** Total of one sample type over the samples of a fixture's snapshot (decoded again). */
export function total(s: Snapshot, type: string): number {
  const p = decoded(s.source)
  const i = p.sampleTypes.findIndex((t) => t.type === type)
  return samplesOf(p).reduce((sum, x) => sum + x.values[i], 0)
}

/** Sum of one sample type per leaf function name, from the samples of a fixture's snapshot. */
export function flatByFunction(s: Snapshot, type: string): Map<string, number> {
  const p = decoded(s.source)
  const i = p.sampleTypes.findIndex((t) => t.type === type)
  const out = new Map<string, number>()
  for (const x of samplesOf(p)) {
    const leaf = x.frames.find((f) => !f.function.startsWith('runtime.')) ?? x.frames[0]
    out.set(leaf.function, (out.get(leaf.function) ?? 0) + x.values[i])
  }
  return out
}
