// Reads the committed fixtures (real files from the Go programs in fixtures/go).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readSnapshot } from '../../src/formats/index.js'
import { profileTotals, samplesOf, type Snapshot } from '../../src/formats/model.js'

/** Absolute path of a fixture. */
export function fixturePath(name: string): string {
  return join(process.cwd(), 'fixtures', name)
}

/** The bytes of a fixture. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(fixturePath(name))
}

/** A fixture decoded, with its plain name as source. */
export function snapshot(name: string): Snapshot {
  return readSnapshot(fixtureBytes(name), name)
}

/** Total of one sample type over a snapshot's profile. */
export function total(s: Snapshot, type: string): number {
  const p = s.profile!
  const i = p.sampleTypes.findIndex((t) => t.type === type)
  return profileTotals(p)[i]
}

/** Sum of one sample type per leaf function name. */
export function flatByFunction(s: Snapshot, type: string): Map<string, number> {
  const p = s.profile!
  const i = p.sampleTypes.findIndex((t) => t.type === type)
  const out = new Map<string, number>()
  for (const x of samplesOf(p)) {
    const leaf = x.frames.find((f) => !f.function.startsWith('runtime.')) ?? x.frames[0]
    out.set(leaf.function, (out.get(leaf.function) ?? 0) + x.values[i])
  }
  return out
}
