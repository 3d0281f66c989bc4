// Reads the GODEBUG=gctrace=1 lines a Go program prints on stderr, one per GC cycle.
import { GateError } from '../errors.js'
import type { GcCycle, GcRun, MemStats } from './model.js'
import { figure } from './numbers.js'

// gc 4 @0.073s 29%: 0.066+77+0.004 ms clock, … ms cpu, 21->37->29 MB, 24 MB goal,
// 0 MB stacks, 0 MB globals, 2 P (forced) — stacks and globals since Go 1.18.
// Only anchored patterns without nested repeats, each on one short field: linear on any line.
const HEAD = /^gc (\d+) @(\d+(?:\.\d+)?)s \d+%: /
const HEAP = /^(\d+)->(\d+)->(\d+) MB$/
const SIZE = /^(\d+) MB (goal|stacks|globals)$/
const PROCS = /^(\d+) P( \(forced\))?$/
/** A gctrace line is under 300 characters; a longer one is something else. */
const MAX_LINE = 1000
/** Fields of a line looked at: the line has 7–9. */
const MAX_FIELDS = 12
const MiB = 1024 * 1024
/**
 * Runs (processes) one log may hold: `go test -v ./...` of a large module has a few hundred
 * packages. Each run is a metric of the series over every run's points, so the work grows
 * with the square of the runs: a log of repeated lines must not make 100,000 of them.
 */
export const MAX_GC_RUNS = 1000
// `ok  \tpkg\t0.1s` / `FAIL\tpkg\t…` after a test binary's output names the run.
const PACKAGE = /^(?:ok {2}|FAIL)\t([^\t\s]+)/

/** True when the text holds at least one gctrace line. */
export function isGcTrace(head: string): boolean {
  // Every line starts "gc ": a head without it (every profile) is ruled out at once.
  // A gctrace line with an impossible figure is gctrace too: its reader refuses it.
  const isLine = (l: string) => {
    try {
      return parseLine(l, 0, '') !== undefined
    } catch (err) {
      if (err instanceof GateError) return true
      throw err
    }
  }
  return head.includes('gc ') && head.split(/\r?\n/).some(isLine)
}

/**
 * Every cycle, in runs: a new run starts where the GC counter does not go up (a log of
 * `go test -v ./...` holds one run per package). Lines that are not gctrace are skipped.
 */
export function readGcRuns(text: string, source = 'gctrace'): GcRun[] {
  const runs: GcRun[] = []
  let run: GcRun | undefined
  let lineNo = 0
  for (let at = 0; at <= text.length;) {
    let end = text.indexOf('\n', at)
    if (end < 0) end = text.length
    const line = text.slice(at, text[end - 1] === '\r' ? end - 1 : end)
    at = end + 1
    lineNo++
    const cycle = parseLine(line, lineNo, source)
    if (cycle) {
      if (!run || cycle.n <= run.cycles[run.cycles.length - 1].n) {
        if (runs.length === MAX_GC_RUNS) {
          throw new GateError(
            'MALFORMED',
            `${source}:${lineNo}: the GC counter restarts more than ${MAX_GC_RUNS} times (each restart is one process's run)`,
            'pass the log of fewer processes, or a log whose lines are not repeated',
          )
        }
        run = { name: '', cycles: [] }
        runs.push(run)
      }
      run.cycles.push(cycle)
      continue
    }
    const pkg = run && !run.name ? PACKAGE.exec(line) : null
    if (pkg && run) run.name = pkg[1]
  }
  return runs
}

/**
 * The runs as MemStats-like figures: NumGC, NumForcedGC, the live heap after the last GC,
 * the goal it set and PeakLiveHeap (peakOf; gctrace prints whole MiB). Runs are separate
 * processes: their figures add up, as separate files of one side do.
 */
export function gcTraceStats(runs: GcRun[]): MemStats {
  const out: MemStats = { NumGC: 0, NumForcedGC: 0, LastGCLiveHeap: 0, LastGCHeapGoal: 0 }
  let peak = 0
  for (const { cycles } of runs) {
    const last = cycles[cycles.length - 1]
    out.NumGC += last.n
    out.LastGCLiveHeap += last.live
    let goal = 0
    for (const c of cycles) {
      if (c.forced) out.NumForcedGC++
      // With GC turned off the goal is not one: keep the last real goal.
      if (c.goal !== undefined) goal = c.goal
    }
    out.LastGCHeapGoal += goal
    peak += peakOf(cycles)
  }
  out.PeakLiveHeap = peak
  return out
}

/**
 * The largest live heap a run held for three cycles in a row (the largest median of three
 * consecutive cycles; the largest one of a shorter run). One cycle's floating garbage does not
 * set it: on 16 steady runs of go/gcload the plain maximum ranged 30–72 MiB, this 26–33 MiB.
 */
export function peakOf(cycles: GcCycle[]): number {
  let peak = 0
  if (cycles.length < 3) for (const c of cycles) peak = Math.max(peak, c.live)
  for (let i = 2; i < cycles.length; i++) {
    const [a, b, c] = [cycles[i - 2].live, cycles[i - 1].live, cycles[i].live]
    peak = Math.max(peak, Math.max(Math.min(a, b), Math.min(Math.max(a, b), c)))
  }
  return peak
}

function parseLine(line: string, lineNo: number, source: string): GcCycle | undefined {
  if (!line.startsWith('gc ') || line.length > MAX_LINE) return undefined
  const head = HEAD.exec(line)
  if (!head) return undefined
  const fields = line.slice(head[0].length).split(', ', MAX_FIELDS)
  let heap: RegExpExecArray | null = null
  let procs: RegExpExecArray | null = null
  const sizes: Record<string, number> = {}
  for (const f of fields) {
    heap ??= HEAP.exec(f)
    procs ??= PROCS.exec(f)
    const size = SIZE.exec(f)
    if (size) sizes[size[2]] = Number(size[1]) * MiB
  }
  if (!heap || !procs || sizes.goal === undefined) return undefined
  // A gctrace line: its figures follow the number rule (numbers.ts), a 400-digit one refused.
  const at = `${source}:${lineNo}`
  const mb = (digits: string, field: string) => figure(figure(digits, at, field) * MiB, at, field)
  for (const [k, v] of Object.entries(sizes)) {
    if (k !== 'goal') figure(v, at, `${k} MB`)
    else if (!Number.isFinite(v)) figure(v, at, 'goal MB')
  }
  figure(procs[1], at, 'P')
  return {
    n: figure(head[1], at, 'the GC number'),
    at: figure(head[2], at, 'the time', 'fraction'),
    heapStart: mb(heap[1], 'heap start MB'),
    heapEnd: mb(heap[2], 'heap end MB'),
    live: mb(heap[3], 'live heap MB'),
    // With GC off the goal prints as ~2^63 bytes in MB: no goal.
    ...(sizes.goal <= Number.MAX_SAFE_INTEGER ? { goal: sizes.goal } : {}),
    ...(sizes.stacks !== undefined ? { stacks: sizes.stacks } : {}),
    ...(sizes.globals !== undefined ? { globals: sizes.globals } : {}),
    procs: Number(procs[1]),
    forced: procs[2] !== undefined,
    line: lineNo,
  }
}
