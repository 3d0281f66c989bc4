// gomem-gate capture: what a running Go service serves of its memory, saved into a folder
// that compare reads as it is. The functions the CLI and the Action call.
import { targetsOf } from './endpoints.js'
import { prepareOut } from './folder.js'
import { manifestOf, writeManifest, type MissingEndpoint } from './manifest.js'
import { logSnapshot, takeSnapshot } from './snapshot.js'

export { captureSeries, type CaptureSeriesOptions, type CaptureSeriesResult } from './series.js'
export { MANIFEST_NAME, readManifest, type Manifest, type MissingEndpoint } from './manifest.js'

/** What to capture, where to, and how. */
export interface CaptureOptions {
  /** Base URLs (path `/`: the Go endpoints below it) or explicit endpoint URLs. */
  urls: string[]
  /** The folder the files go to: created when missing, refused when it already holds files. */
  out: string
  /** Per request, the body included. */
  timeoutMs: number
  /** Sent with every request; never printed, never saved. */
  headers: Record<string, string>
  /** Ctrl-C: the capture stops (a GateError with code INTERRUPTED). */
  signal?: AbortSignal
  /** One line per file saved and per endpoint missing. */
  log: (line: string) => void
}

/** What one capture saved. */
export interface CaptureResult {
  dir: string
  /** The paths written, the manifest last. */
  files: string[]
  manifest: string
  /** Endpoints below a base URL that the service does not serve. */
  missing: MissingEndpoint[]
}

/** Captures once; a failed request, a missing explicit endpoint or a page that is not Go's is a GateError. */
export async function captureOnce(opts: CaptureOptions): Promise<CaptureResult> {
  const targets = targetsOf(opts.urls)
  prepareOut(opts.out)
  const fetchOpts = { timeoutMs: opts.timeoutMs, headers: opts.headers, signal: opts.signal }
  const { snapshot, paths } = await takeSnapshot(targets, undefined, opts.out, 1, '', fetchOpts)
  logSnapshot(snapshot, opts.log)
  const manifest = writeManifest(opts.out, manifestOf(opts, [snapshot]))
  return { dir: opts.out, files: [...paths, manifest], manifest, missing: snapshot.missing }
}
