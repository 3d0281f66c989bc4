// What the property tests assert about one read: a Snapshot whose numbers are finite and not
// negative and whose names stay under the cap, or a GateError of one line naming the file.
import { GateError } from '../../src/errors.js'
import type { Snapshot } from '../../src/formats/model.js'
import { MAX_NAME_LENGTH } from '../../src/formats/names.js'

/** Longest string a snapshot may hold that came from a file (names, paths, labels). */
const MAX_STRING = MAX_NAME_LENGTH

/**
 * The first thing wrong with a snapshot read from a file, or '' when nothing is. A pprof
 * function without a name is shown as `<unknown>` (CheckValid allows it); anywhere else that
 * name means a reader lost one.
 */
export function snapshotProblem(snap: Snapshot): string {
  const unknownIsGarbage = snap.format !== 'pprof' && snap.format !== 'goroutine-pprof'
  let problem = ''
  const seen = new Set<object>()
  const walk = (v: unknown, path: string): void => {
    if (problem) return
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) problem = `${path} = ${v}`
      else if (v < 0) problem = `${path} = ${v} (negative)`
    } else if (typeof v === 'string') {
      if (v.length > MAX_STRING && path !== 'source') {
        problem = `${path} is ${v.length} characters (cap ${MAX_STRING})`
      } else if (unknownIsGarbage && v.includes('<unknown>')) problem = `${path} names <unknown>`
    } else if (ArrayBuffer.isView(v)) {
      const a = v as unknown as ArrayLike<number>
      for (let i = 0; i < a.length && !problem; i++) walk(a[i], `${path}[${i}]`)
    } else if (v && typeof v === 'object') {
      if (seen.has(v)) return
      seen.add(v)
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`))
      else for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k)
    }
  }
  walk({ ...snap, warnings: [] }, '')
  return problem
}

/** The first thing wrong with an error thrown while reading `source`, or ''. */
export function errorProblem(err: unknown, source: string): string {
  if (!(err instanceof GateError)) {
    const e = err as Error
    return `not a GateError: ${e?.name}: ${e?.message}\n${e?.stack ?? ''}`
  }
  const line = err.oneLine()
  if (/[\n\r]/.test(line)) return `more than one line: ${JSON.stringify(line.slice(0, 400))}`
  // An escape sequence (or any control character but tab) rewrites the line on a terminal.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b-\x1f\x7f]/.test(line)) {
    return `control characters in the line: ${JSON.stringify(line.slice(0, 400))}`
  }
  if (!line.includes(source)) return `does not name ${source}: ${line.slice(0, 300)}`
  return ''
}

/**
 * Problems in readers that another change is fixing (listed in fixtures/regressions/README.md):
 * the tests skip them until it lands.
 */
export function knownElsewhere(problem: string): boolean {
  return (
    // memstats-json.ts quotes JSON.parse's message, which can hold the file's own newlines.
    (/line|multiline/.test(problem) && problem.includes(': not valid JSON (')) ||
    // goroutines.ts quotes an unexpected line as it is, a carriage return included.
    (/line|control/.test(problem) &&
      problem.includes('corrupt goroutine profile: unexpected line')) ||
    // goroutines.ts keeps a debug=2 frame's function name whole, past the 4,096 cap.
    /^goroutines\.stacks\[\d+\]\.frames\[\d+\]\.(function|file) is \d+ characters/.test(problem)
  )
}
