// `go test -json` (test2json) output: one JSON event per line. The benchmark text is in the
// `Output` fields, and a result line is often split across events (`go test` prints the name,
// runs the benchmark, then prints the figures), so output is reassembled per package first.
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
 * skipped; lines that are not JSON are counted in one warning (`go test` can interleave
 * build errors). Warnings name the file line of the event a malformed result starts in.
 */
export function readBenchJson(
  text: string,
  source: string,
): { benchmarks: BenchmarkSet; warnings: Warning[] } {
  const streams = new Map<string, Stream>()
  let notJson = 0
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return
    const event = parseEvent(line)
    if (!event) {
      notJson++
      return
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
