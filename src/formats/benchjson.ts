// `go test -json` (test2json) output: one JSON event per line. The benchmark text is in the
// `Output` fields, and a result line is often split across events (`go test` prints the name,
// runs the benchmark, then prints the figures), so output is reassembled per package first.
import { GateError } from '../errors.js'
import { BenchCollector } from './benchfmt.js'
import { warning, type Warning } from '../warnings.js'
import type { BenchmarkSet } from './model.js'

/** True when the text starts like test2json output: a JSON object with an `Action`. */
export function isTestJson(head: string): boolean {
  if (!head.includes('"Action"')) return false
  const first = head.split('\n').find((l) => l.trim() !== '') ?? ''
  return /^\s*\{.*"Action"\s*:\s*"/.test(first)
}

/** One package's output, and where each chunk came from (for warnings). */
interface Stream {
  pkg: string
  text: string
  /** Offset in `text` where each chunk starts, and the file line of its event. */
  starts: number[]
  lines: number[]
}

/**
 * Reads the benchmark results of `go test -json` output. Events without `Output` are
 * skipped; lines that are not JSON are counted in one warning (`go test` before Go 1.24
 * interleaves build errors as text). Warnings name the file line of the event a malformed
 * result starts in. Since Go 1.24 the build's own output comes as `build-output` events
 * (named by `ImportPath`, not `Package`): skipped, but a `build-fail` event (or a package's
 * `fail` naming its `FailedBuild`) refuses the file, naming the package and its first
 * diagnostic. Go 1.27's `OutputType` ("frame", "error", "error-continue") changes nothing:
 * the text is in `Output` as before.
 */
export function readBenchJson(
  text: string,
  source: string,
): { benchmarks: BenchmarkSet; warnings: Warning[] } {
  const streams = new Map<string, Stream>()
  let notJson = 0
  /** Each build's output (`build-output` events), by ImportPath, for a failed build's message. */
  const builds = new Map<string, string>()
  let failed: { build: string; line: number } | undefined
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return
    const event = parseEvent(line)
    if (!event) {
      notJson++
      return
    }
    const build = typeof event.ImportPath === 'string' ? event.ImportPath : ''
    if (event.Action === 'build-output') {
      if (typeof event.Output === 'string')
        builds.set(build, (builds.get(build) ?? '') + event.Output)
      return
    }
    if (event.Action === 'build-fail') failed ??= { build, line: i + 1 }
    if (event.Action === 'fail' && typeof event.FailedBuild === 'string' && event.FailedBuild) {
      failed ??= { build: event.FailedBuild, line: i + 1 }
    }
    if (typeof event.Output !== 'string') return
    const pkg = typeof event.Package === 'string' ? event.Package : ''
    let s = streams.get(pkg)
    if (!s) {
      s = { pkg, text: '', starts: [], lines: [] }
      streams.set(pkg, s)
    }
    s.starts.push(s.text.length)
    s.lines.push(i + 1)
    s.text += event.Output
  })

  if (failed) throw buildFailed(source, failed.build, failed.line, builds.get(failed.build))

  const c = new BenchCollector()
  for (const s of streams.values()) {
    const lineStarts = [0]
    for (let k = 0; k < s.text.length; k++) if (s.text[k] === '\n') lineStarts.push(k + 1)
    c.stream(s.text, (n) => `${source}:${eventLine(s, lineStarts[n])}`, s.pkg)
  }
  const out = c.finish()
  if (notJson > 0) {
    out.warnings.push(
      warning(
        'not-test-json',
        `${source}: ${notJson} line${notJson === 1 ? ' is' : 's are'} not go test -json events; skipped`,
        source,
      ),
    )
  }
  return out
}

/** `x.go:3:1: undefined: f`: the first line of a build's output that is not its `# pkg` header. */
function buildFailed(source: string, build: string, line: number, output = ''): GateError {
  const first = output.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#'))
  const pkg = build.replace(/ \[.*\]$/, '').replace(/\.test$/, '') || 'a package'
  return new GateError(
    'MALFORMED',
    `${source}:${line}: the build of ${pkg} failed${first ? ` (${first.trim().slice(0, 200)})` : ''}; go test ran no benchmarks there`,
    'fix the build and run the benchmarks again',
  )
}

function parseEvent(line: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(line)
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** File line of the event whose output holds `offset` (binary search over chunk starts). */
function eventLine(s: Stream, offset: number): number {
  let lo = 0
  let hi = s.starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (s.starts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return s.lines[lo] ?? 0
}
