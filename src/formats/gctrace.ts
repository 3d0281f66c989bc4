// Reads the GODEBUG=gctrace=1 lines a Go program prints on stderr, one per GC cycle.
import type { MemStats } from './model.js'

// gc 4 @0.073s 29%: 0.066+77+0.004 ms clock, ... ms cpu, 21->37->29 MB, 24 MB goal, ... 2 P (forced)
const LINE =
  /^gc (\d+) @[\d.]+s \d+%: .*?, (\d+)->(\d+)->(\d+) MB, (\d+) MB goal,.*?(\(forced\))?\s*$/
const MiB = 1024 * 1024

/** True when the text holds at least one gctrace line. */
export function isGcTrace(head: string): boolean {
  // Every line starts "gc ": a head without it (every profile) is ruled out at once.
  return head.includes('gc ') && head.split('\n').some((l) => LINE.test(l))
}

/**
 * The cycles as MemStats-like figures: NumGC, NumForcedGC, the live heap after the last GC
 * and the goal it set (gctrace prints whole MiB). Other lines of the log are skipped.
 */
export function readGcTrace(text: string): MemStats {
  let cycles = 0
  let forced = 0
  let live = 0
  let goal = 0
  for (const line of text.split('\n')) {
    const m = LINE.exec(line)
    if (!m) continue
    cycles = Math.max(cycles, Number(m[1]))
    if (m[6]) forced++
    live = Number(m[4]) * MiB
    // With GC turned off the goal prints as ~2^63 / 2^20 MB: not a goal; keep the last real one.
    if (Number(m[5]) * MiB <= Number.MAX_SAFE_INTEGER) goal = Number(m[5]) * MiB
  }
  return { NumGC: cycles, NumForcedGC: forced, LastGCLiveHeap: live, LastGCHeapGoal: goal }
}
