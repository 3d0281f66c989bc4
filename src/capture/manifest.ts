// The manifest a capture writes beside its files (capture.json): when, from where, which
// file holds what, and what was missing and why. Never a header, never a password.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MAX_MANIFEST_BYTES } from '../driver/limits.js'
import { GateError } from '../errors.js'
import { CAPTURE_MANIFEST_KEY, isCaptureManifest } from '../formats/capture-manifest.js'
import { VERSION } from '../version.js'
import { shown, type EndpointKind } from './endpoints.js'

export { isCaptureManifest }

/** The manifest's file name in a capture folder. */
export const MANIFEST_NAME = 'capture.json'

/** The manifest format version. */
export const MANIFEST_VERSION = 1

/** One file a capture saved. */
export interface SavedFile {
  /** The file name, relative to the capture folder. */
  file: string
  url: string
  kind: EndpointKind
  /** What the reader recognised it as (a SourceFormat). */
  format: string
  bytes: number
}

/** An endpoint a capture did not save, and why. */
export interface MissingEndpoint {
  url: string
  kind: EndpointKind
  reason: string
  /** How to serve it, for a missing one. */
  hint?: string
}

/** One point in time: the files taken then. */
export interface ManifestSnapshot {
  /** 1-based; the NNN of a series' file names. */
  n: number
  time: string
  files: SavedFile[]
  missing: MissingEndpoint[]
}

/** What capture.json holds. */
export interface Manifest {
  [CAPTURE_MANIFEST_KEY]: typeof MANIFEST_VERSION
  tool: string
  /** The URLs given, credentials left out. */
  urls: string[]
  timeoutMs: number
  /** Series only: the interval and count asked for, and whether Ctrl-C stopped it early. */
  everyMs?: number
  count?: number
  stopped?: boolean
  snapshots: ManifestSnapshot[]
}

/** Writes the manifest into `dir` (its key first, which is how readers recognise it). */
export function writeManifest(dir: string, manifest: Manifest): string {
  const path = join(dir, MANIFEST_NAME)
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`)
  return path
}

/** Reads a manifest; anything else is a GateError naming the file. */
export function readManifest(path: string): Manifest {
  let text: string
  try {
    const buf = readFileSync(path)
    if (buf.length > MAX_MANIFEST_BYTES) throw new Error('over 1 MiB')
    text = buf.toString('utf8')
  } catch (err) {
    throw new GateError('READ_FAILED', `${path}: ${(err as Error).message}`, 'check the path')
  }
  if (!isCaptureManifest(text)) {
    throw new GateError('UNKNOWN_FORMAT', `${path}: not a gomem-gate capture manifest`, '')
  }
  const m = JSON.parse(text) as Manifest
  if (m[CAPTURE_MANIFEST_KEY] !== MANIFEST_VERSION || !Array.isArray(m.snapshots)) {
    throw new GateError(
      'MALFORMED',
      `${path}: capture manifest version ${String(m[CAPTURE_MANIFEST_KEY])} is not ${MANIFEST_VERSION}`,
      'capture again with this version of gomem-gate',
    )
  }
  return m
}

/** The manifest of a capture (URLs without credentials; no header ever). */
export function manifestOf(
  opts: { urls: string[]; timeoutMs: number },
  snapshots: ManifestSnapshot[],
  series?: { everyMs: number; count: number; stopped: boolean },
): Manifest {
  return {
    gomemGateCapture: 1,
    tool: `gomem-gate ${VERSION}`,
    urls: opts.urls.map(shown),
    timeoutMs: opts.timeoutMs,
    ...(series ?? {}),
    snapshots,
  }
}
