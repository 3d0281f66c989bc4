// Sniffs a file by content and hands it to the right reader: the one entry point of src/formats.
import { GateError } from '../errors.js'
import { isCaptureManifest } from './capture-manifest.js'
import { gcTraceStats, isGcTrace, readGcRuns } from './gctrace.js'
import { isGoroutineText, readGoroutineText } from './goroutines.js'
import { readGoTest } from './gotest.js'
import { gunzip, isGzip } from './gunzip.js'
import { isHeapText, readHeapText } from './heaptext.js'
import { notAHeapProfile, otherTextKind } from './kinds.js'
import { readMemStatsJson } from './memstats-json.js'
import type { StackFold } from './fold/stack-table.js'
import type { Snapshot } from './model.js'
import { readPprof } from './pprof.js'
import { isExposition, isPrometheus, readPrometheus } from './prometheus.js'

/** Options for reading. */
export interface ReadOptions {
  /** Largest inflated size accepted for gzip input, in bytes. */
  maxInflated?: number
  /** Also fold heap profiles per whole call stack (--stacks; `'prefixes'` for a flame graph). */
  stacks?: StackFold
  /** Build each function's heaviest stacks (default true; reports show the candidate's only). */
  heaviest?: boolean
  /** The bytes were gzip and are inflated already (a file streamed through gunzipStream). */
  inflated?: boolean
}

/**
 * Decodes one file into a Snapshot, a heap profile already folded, or throws a GateError
 * that names `source`.
 */
export function readSnapshot(bytes: Uint8Array, source: string, opts: ReadOptions = {}): Snapshot {
  if (bytes.length === 0 && !opts.inflated) {
    throw new GateError(
      'EMPTY_INPUT',
      `${source}: file is empty`,
      'the profile was not written; check the step that produces it',
    )
  }
  const data = !opts.inflated && isGzip(bytes) ? gunzip(bytes, source, opts.maxInflated) : bytes
  if (data.length === 0) {
    throw new GateError(
      'EMPTY_INPUT',
      `${source}: file is empty after gunzip`,
      'the profile was not written; check the step that produces it',
    )
  }
  const head = decodeText(data.subarray(0, 4096))
  // Decoded once, when a text reader needs it.
  let decoded: string | undefined
  const text = () => (decoded ??= decodeText(data))
  if (isGoroutineText(head)) {
    const goroutines = readGoroutineText(text(), source)
    return {
      source,
      format: 'goroutine-text',
      goroutines,
      // A leak profile counts leaked goroutines only, not the process's.
      memstats: goroutines.leaked ? {} : { Goroutines: goroutines.total },
      warnings: [],
    }
  }
  const otherKind = otherTextKind(head)
  if (otherKind) throw notAHeapProfile(source, otherKind, 'debug=1 text')
  const bench = readGoTest(head, text, source)
  if (bench) return bench
  // `go test -v` output may print far more than the head before its first GC.
  const testLog = /^(=== RUN |--- PASS: |ok {2}\t)/m.test(head)
  if (isGcTrace(head) || (testLog && isGcTrace(text()))) {
    const gcRuns = readGcRuns(text(), source)
    return { source, format: 'gctrace', memstats: gcTraceStats(gcRuns), gcRuns, warnings: [] }
  }
  if (isHeapText(head)) {
    const { profile, memstats, warnings } = readHeapText(text(), source, {
      stacks: opts.stacks,
      heaviest: opts.heaviest,
    })
    return { source, format: 'heap-text', profile, memstats, warnings }
  }
  // Written first (its key leads the object) so it is told from MemStats JSON at once.
  if (isCaptureManifest(head)) return { source, format: 'capture-manifest', warnings: [] }
  if (/^\s*[{[]/.test(head)) {
    const json = readMemStatsJson(text(), source)
    if (!json) {
      throw new GateError(
        'UNKNOWN_FORMAT',
        `${source}: JSON without runtime.MemStats fields (HeapAlloc, Sys) or runtime/metrics names`,
        'write json.Marshal(runtime.MemStats), save the /debug/vars page, or dump runtime/metrics',
      )
    }
    return { source, format: json.format, memstats: json.memstats, warnings: [] }
  }
  if (isPrometheus(head) || isExposition(head)) {
    return {
      source,
      format: 'prometheus',
      memstats: readPrometheus(text(), source),
      warnings: [],
    }
  }
  const content = readPprof(data, source, { stacks: opts.stacks, heaviest: opts.heaviest })
  if (content.kind === 'goroutine') {
    const { goroutines } = content
    return {
      source,
      format: 'goroutine-pprof',
      goroutines,
      memstats: goroutines.leaked ? {} : { Goroutines: goroutines.total },
      warnings: [],
    }
  }
  return { source, format: 'pprof', profile: content.profile, warnings: [] }
}

/** UTF-8 text, the byte order mark some editors and Windows tools write dropped. */
function decodeText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
}
