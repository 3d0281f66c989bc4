// Recognises `go test -bench` output, as text or as `go test -json`, and reads it.
import { GateError } from '../errors.js'
import { isResultLine, readBenchText } from './benchfmt.js'
import { isTestJson, readBenchJson } from './benchjson.js'
import type { Snapshot } from './model.js'

/** The header `go test` prints before the first benchmark of a package. */
const HEADER = /^(goos|goarch|pkg): /m
/** Other signs of `go test` output, where results may start after the first few KiB. */
const TEST_OUTPUT = /^(=== RUN |--- (PASS|FAIL|SKIP|BENCH): |PASS$|FAIL$|ok {2}\t)/m

const HINT =
  "run go test with -bench and -benchmem, e.g. go test -run '^$' -bench . -benchmem ./..."

/**
 * A benchmark Snapshot when the file is `go test -bench` output, else undefined (the file is
 * something else). `head` is the decoded start of the file, `decoded()` the whole of it, decoded
 * once by the caller. A file with no result line is not
 * a benchmark file; one that is clearly `go test` output without results is an error.
 */
export function readGoTest(
  head: string,
  decoded: () => string,
  source: string,
): Snapshot | undefined {
  const json = isTestJson(head)
  // A result line names a Benchmark: most files (every profile) are ruled out by that alone.
  const results = head.includes('Benchmark') && head.split('\n').some(isResultLine)
  if (!json && !results && !HEADER.test(head) && !TEST_OUTPUT.test(head)) return undefined

  const text = decoded()
  const { benchmarks, warnings } = json ? readBenchJson(text, source) : readBenchText(text, source)
  if (benchmarks.results.length > 0) {
    return { source, format: 'benchfmt', benchmarks, warnings }
  }
  if (json || HEADER.test(head)) {
    const what = json ? 'go test -json output' : 'go test output'
    throw new GateError('UNKNOWN_FORMAT', `${source}: ${what} without benchmark results`, HINT)
  }
  return undefined
}
