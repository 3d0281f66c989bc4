// `gomem-gate explain`'s driver: the files of one snapshot (globs expanded) read as a
// compare reads its candidate, diffed against nothing, explained.
import { diff } from '../analysis/index.js'
import { GateError } from '../errors.js'
import { explain, hasAnything } from '../explain/index.js'
import type { Explanation } from '../explain/types.js'
import type { Snapshot } from '../formats/model.js'
import { warning } from '../warnings.js'
import { expandSide } from './files.js'
import { readAll } from './pool.js'
import type { DriverSettings } from './settings.js'

/** What explain needs, for the error when the files hold none of it. */
export const EXPLAIN_NEEDS =
  'explain needs a heap profile, MemStats (JSON, /debug/vars, Prometheus /metrics, runtime/metrics), a goroutine profile or a gctrace log'

/**
 * Reads `paths` (files or globs) as one snapshot of one process and explains it. Unreadable or
 * unrecognised files are GateErrors naming the file, as in a compare; files with nothing to
 * explain (only benchmark output) are a USAGE error saying what explain needs.
 */
export async function explainFiles(
  paths: string[],
  opts: { sampleType?: string; top: number },
  settings: DriverSettings,
): Promise<Explanation> {
  const label = 'explain'
  if (paths.length === 0) throw new GateError('USAGE', 'explain: no files given', EXPLAIN_NEEDS)
  const files = expandSide(paths, label)
  const { snapshots } = await readAll(
    files.map((path) => ({ path, label })),
    {},
    settings,
  )
  const side = oneProcess(files.map((p) => snapshots.get(p)!))
  const d = diff([], side, { sampleType: opts.sampleType })
  const e = explain(d, opts)
  if (!hasAnything(e)) {
    throw new GateError(
      'USAGE',
      `explain: nothing to explain in ${files.join(', ')}`,
      EXPLAIN_NEEDS,
    )
  }
  return e
}

/** Formats that carry a full MemStats, the most complete first (as analysis/sides.ts ranks them). */
const MEMSTATS_FORMATS = ['memstats-json', 'expvar', 'prometheus', 'runtime-metrics']

/**
 * The files as one process: where a compare adds up files of one kind (separate processes),
 * explain keeps the first heap profile and the first goroutine profile (and leak profile), a
 * protobuf before a text form, and one MemStats: the first file's fields, the others' filling
 * the fields it lacks (RSS from a Prometheus scrape beside a MemStats dump). Each file left out
 * is named in a warning.
 */
export function oneProcess(snapshots: Snapshot[]): Snapshot[] {
  const out = snapshots.map((s) => ({ ...s, warnings: [...s.warnings] }))
  const drop = (kind: string, kept: Snapshot, others: Snapshot[], strip: (s: Snapshot) => void) => {
    for (const o of others) {
      strip(o)
      kept.warnings.push(
        warning(
          'explain-duplicate',
          `${o.source}: another ${kind} of the snapshot; explain uses ${kept.source}'s`,
          o.source,
        ),
      )
    }
  }
  const profiles = out.filter((s) => s.profile)
  if (profiles.length > 1) {
    const kept = profiles.find((s) => s.format === 'pprof') ?? profiles[0]
    drop(
      'heap profile',
      kept,
      profiles.filter((s) => s !== kept),
      (s) => {
        delete s.profile
        // A debug=1 text's MemStats trailer stays: it still fills fields.
      },
    )
  }
  for (const leaked of [false, true]) {
    const g = out.filter((s) => s.goroutines && !!s.goroutines.leaked === leaked)
    const kept = g.find((s) => s.format === 'goroutine-pprof') ?? g[0]
    if (g.length > 1)
      drop(
        'goroutine profile',
        kept,
        g.filter((s) => s !== kept),
        (s) => delete s.goroutines,
      )
  }
  const ms = MEMSTATS_FORMATS.flatMap((f) => out.filter((s) => s.memstats && s.format === f))
  if (ms.length > 1) {
    const [kept, ...others] = ms
    const merged = { ...kept.memstats! }
    for (const o of others)
      for (const [k, v] of Object.entries(o.memstats!)) if (merged[k] === undefined) merged[k] = v
    kept.memstats = merged
    for (const o of others) {
      delete o.memstats
      kept.warnings.push(
        warning(
          'explain-duplicate',
          `${o.source}: more MemStats of the snapshot; explain uses ${kept.source}'s, and ${o.source}'s only for the fields it lacks`,
          o.source,
        ),
      )
    }
  }
  return out
}
