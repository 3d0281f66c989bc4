// One snapshot of a service: fetch each endpoint, check by content that it is what a Go
// endpoint serves, save it. Below a base URL the endpoints are chosen so that a capture
// folder reads as one process: one MemStats source, one heap profile.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MAX_INFLATED_BYTES, sizeText } from '../driver/limits.js'
import { GateError } from '../errors.js'
import { isGzip } from '../formats/gunzip.js'
import { readSnapshot } from '../formats/index.js'
import type { Snapshot } from '../formats/model.js'
import {
  below,
  enableHint,
  shown,
  type Endpoint,
  type EndpointKind,
  type Targets,
} from './endpoints.js'
import { fetchEndpoint, type FetchOptions } from './fetch.js'
import type { ManifestSnapshot, MissingEndpoint, SavedFile } from './manifest.js'

/** A snapshot taken: what the manifest says of it, the paths written, the endpoints that answered. */
export interface Taken {
  snapshot: ManifestSnapshot
  paths: string[]
  /** The endpoints that gave a file: a series fetches just these again. */
  answered: Endpoint[]
}

/** What each kind must be read as. */
const EXPECTED: Record<EndpointKind, { what: string; ok: (s: Snapshot) => boolean }> = {
  heap: { what: 'a Go heap profile', ok: (s) => s.profile !== undefined },
  allocs: { what: 'a Go heap profile', ok: (s) => s.profile !== undefined },
  goroutine: { what: 'a Go goroutine profile', ok: (s) => s.goroutines !== undefined },
  vars: {
    what: 'expvar JSON with memstats',
    ok: (s) => s.format === 'expvar' || s.format === 'memstats-json',
  },
  metrics: { what: 'a Prometheus exposition of Go metrics', ok: (s) => s.format === 'prometheus' },
  other: { what: 'a Go memory file', ok: () => true },
}

/**
 * Takes snapshot `n` into `dir`, file names prefixed by `prefix` (a series' `001-`). With
 * `again`, fetches exactly those endpoints; else the targets' bases and explicit URLs.
 */
export async function takeSnapshot(
  targets: Targets,
  again: Endpoint[] | undefined,
  dir: string,
  n: number,
  prefix: string,
  opts: FetchOptions,
): Promise<Taken> {
  const time = new Date().toISOString()
  const files: SavedFile[] = []
  const paths: string[] = []
  const missing: MissingEndpoint[] = []
  const answered: Endpoint[] = []
  const origins = new Set([
    ...targets.bases.map((b) => b.host),
    ...targets.explicit.map((e) => new URL(e.url).host),
  ])
  const used = new Set<string>()
  const take = async (ep: Endpoint): Promise<boolean> => {
    const got = await fetchEndpoint(ep.url, ep.kind, opts)
    if (got.status === 'missing') {
      missing.push({
        url: shown(ep.url),
        kind: ep.kind,
        reason: 'HTTP 404 Not Found',
        hint: enableHint(ep.kind),
      })
      return false
    }
    const snap = check(got.body, ep)
    const host = origins.size > 1 ? `${new URL(ep.url).host.replace(/[^A-Za-z0-9.-]/g, '_')}-` : ''
    let base = `${prefix}${host}${ep.name}`
    for (let i = 2; used.has(base); i++) base = `${prefix}${host}${ep.name}-${i}`
    used.add(base)
    const file = `${base}${extensionOf(got.body, snap)}`
    const path = join(dir, file)
    writeFileSync(path, got.body)
    files.push({
      file,
      url: shown(ep.url),
      kind: ep.kind,
      format: snap.format,
      bytes: got.body.length,
    })
    paths.push(path)
    answered.push(ep)
    return true
  }
  if (again) {
    for (const ep of again) await take(ep)
  } else {
    for (const base of targets.bases) {
      const before = files.length
      // One MemStats source (two would be added up as two processes): /metrics also has
      // the goroutine count and RSS; then expvar; else the heap profile's debug=1 trailer.
      const metrics = await take(below(base, 'metrics'))
      const vars = metrics ? false : await take(below(base, 'vars'))
      const heap = await take(
        metrics || vars ? below(base, 'heap') : { ...below(base, 'heap', '?debug=1') },
      )
      // /debug/pprof/allocs holds the same samples as heap: only when heap is not served.
      if (!heap) await take(below(base, 'allocs'))
      await take(below(base, 'goroutine'))
      if (files.length === before) throw nothingServed(shown(base.href), missing)
    }
    for (const ep of targets.explicit) {
      if (!(await take(ep))) {
        throw new GateError(
          'ENDPOINT_MISSING',
          `${shown(ep.url)}: HTTP 404 Not Found: the service does not serve it`,
          enableHint(ep.kind),
        )
      }
    }
  }
  return { snapshot: { n, time, files, missing }, paths, answered }
}

/** Reads the body as a compare would; a page that is not what the endpoint serves is refused. */
function check(body: Uint8Array, ep: Endpoint): Snapshot {
  const expected = EXPECTED[ep.kind]
  const head = Buffer.from(body.subarray(0, 512)).toString('utf8')
  if (/^\s*<(!doctype|html|head|body|\?xml)/i.test(head)) {
    throw new GateError(
      'UNKNOWN_FORMAT',
      `${shown(ep.url)}: served an HTML page, not ${expected.what}`,
      `check that the URL is the Go service's (${enableHint(ep.kind)})`,
    )
  }
  let snap: Snapshot
  try {
    snap = readSnapshot(body, shown(ep.url), { maxInflated: MAX_INFLATED_BYTES, heaviest: false })
  } catch (err) {
    if (!(err instanceof GateError)) throw err
    throw new GateError(
      err.code === 'TOO_LARGE' ? 'TOO_LARGE' : 'UNKNOWN_FORMAT',
      `${shown(ep.url)}: served something that is not ${expected.what} (${err.code})`,
      ep.kind === 'other' ? 'check the URL' : `check the URL (${enableHint(ep.kind)})`,
    )
  }
  if (!expected.ok(snap)) {
    throw new GateError(
      'UNKNOWN_FORMAT',
      `${shown(ep.url)}: served ${snap.format} data, not ${expected.what}`,
      'check the URL',
    )
  }
  return snap
}

function extensionOf(body: Uint8Array, snap: Snapshot): string {
  if (isGzip(body)) return '.pb.gz'
  if (snap.format === 'pprof' || snap.format === 'goroutine-pprof') return '.pb'
  if (
    snap.format === 'expvar' ||
    snap.format === 'memstats-json' ||
    snap.format === 'runtime-metrics'
  ) {
    return '.json'
  }
  return '.txt'
}

/** A base URL that served none of the endpoints. */
function nothingServed(base: string, missing: MissingEndpoint[]): GateError {
  const pprof = missing.find((m) => m.kind === 'heap')
  return new GateError(
    'ENDPOINT_MISSING',
    `${base}: serves none of /debug/pprof/heap, /debug/pprof/goroutine, /debug/vars, /metrics (HTTP 404${pprof ? ` at ${pprof.url}` : ''})`,
    `${enableHint('heap')}; or import _ "expvar"; or serve promhttp.Handler() at /metrics`,
  )
}

/** Logs what a snapshot saved and what was missing. */
export function logSnapshot(snapshot: ManifestSnapshot, log: (line: string) => void): void {
  for (const f of snapshot.files)
    log(`saved ${f.file} (${sizeText(f.bytes)}, ${f.format}) from ${f.url}`)
  for (const m of snapshot.missing) log(`missing ${m.url}: ${m.reason} (${m.hint ?? ''})`)
}
