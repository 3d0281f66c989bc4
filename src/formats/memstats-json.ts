// Reads runtime.MemStats as JSON: a json.Marshal dump, an expvar /debug/vars document, or a
// runtime/metrics dump.
import { GateError } from '../errors.js'
import type { MemStats, SourceFormat } from './model.js'
import { figure, isGoalSentinel } from './numbers.js'
import { isRuntimeMetrics, readRuntimeMetrics } from './runtime-metrics.js'

// Fields whose values exceed 2^53 (JSON.parse rounds them) or are arrays: never diffed.
const SKIP = new Set(['LastGC', 'PauseNs', 'PauseEnd', 'BySize', 'EnableGC', 'DebugGC'])

/** Extra figures a dump may carry next to MemStats, under any of these names. */
const EXTRAS: Record<string, string> = {
  rss: 'RSS',
  RSS: 'RSS',
  goroutines: 'Goroutines',
  Goroutines: 'Goroutines',
  NumGoroutine: 'Goroutines',
}

/** The MemStats found in a JSON document, and which flavour it was. */
export interface MemStatsJson {
  format: SourceFormat
  memstats: MemStats
}

/**
 * Reads the JSON text. Returns undefined when it parses but is not MemStats (so the
 * caller can say what it expected); throws on broken JSON.
 */
export function readMemStatsJson(text: string, source: string): MemStatsJson | undefined {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (err) {
    throw new GateError(
      'MALFORMED',
      `${source}: not valid JSON (${syntaxError(err as Error, text)})`,
      'write the file with json.Marshal(runtime.MemStats) or save /debug/vars',
    )
  }
  if (!isObject(doc)) return undefined
  if (isRuntimeMetrics(doc))
    return { format: 'runtime-metrics', memstats: readRuntimeMetrics(doc, source) }
  if (isMemStats(doc)) return { format: 'memstats-json', memstats: pick(doc, doc, source) }
  if (isObject(doc.memstats) && isMemStats(doc.memstats)) {
    return { format: 'expvar', memstats: pick(doc.memstats, doc, source) }
  }
  return undefined
}

/**
 * Every number a dump carries is a figure (numbers.ts): a negative, fractional (but for
 * GCCPUFraction) or unbounded one (`1e400`, 400 digits) refuses the file. Other JSON
 * values (strings, arrays, booleans) are not MemStats fields and are left out.
 */
function pick(
  stats: Record<string, unknown>,
  outer: Record<string, unknown>,
  source: string,
): MemStats {
  const out: MemStats = {}
  for (const [k, v] of Object.entries(stats)) {
    if (SKIP.has(k) || typeof v !== 'number') continue
    if (k === 'NextGC' && isGoalSentinel(v)) continue
    out[k] = figure(v, source, k, k === 'GCCPUFraction' ? 'fraction' : 'integer')
  }
  // InfluxDB's /debug/vars keeps its goroutine count under runtime.values (NumGoroutine).
  const influx =
    isObject(outer.runtime) && isObject(outer.runtime.values) ? outer.runtime.values : {}
  for (const doc of [influx, stats, outer]) {
    for (const [k, field] of Object.entries(EXTRAS)) {
      const v = doc[k]
      if (typeof v === 'number') out[field] = figure(v, source, k)
    }
  }
  return out
}

function isMemStats(o: Record<string, unknown>): boolean {
  return typeof o.HeapAlloc === 'number' && typeof o.Sys === 'number'
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * JSON.parse's complaint in one line, with line and column: V8 quotes the text around the
 * error, newlines included, which would break the one-line message.
 */
function syntaxError(err: Error, text: string): string {
  const what = err.message
    .replace(/, (\.\.\.)?"[\s\S]*$/, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/\s+/g, ' ')
    .slice(0, 200)
  const at = / at position (\d+)/.exec(err.message)
  if (!at) return what
  const before = text.slice(0, Number(at[1])).split('\n')
  return `${what} at line ${before.length} column ${before[before.length - 1].length + 1}`
}
