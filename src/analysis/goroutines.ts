// Goroutine profiles of both sides: the total and which stacks gained goroutines; and, apart
// from them, the goroutineleak profiles' leaked goroutines (Go 1.26), grouped the same way.
import type { Frame, Snapshot } from '../formats/model.js'
import { isRuntimeFrame, matchKey } from '../formats/names.js'
import type { GoroutineDiff } from './types.js'

/** A goroutine's stack without the scheduler's frames that lead it (gopark, chanrecv…). */
export function withoutRuntimeLeaf(frames: Frame[]): Frame[] {
  let i = 0
  while (i < frames.length && isRuntimeFrame(frames[i].function)) i++
  return i === frames.length ? frames : frames.slice(i)
}

/** Most stacks kept in a diff; the report shows a few of them. */
const MAX_STACKS = 50

/** The goroutine diff, or undefined when the candidate has no goroutine profile. */
export function diffGoroutines(
  baseline: Snapshot[],
  candidate: Snapshot[],
  hasBaseline: boolean,
): GoroutineDiff | undefined {
  return diffOf(collect(candidate, false), hasBaseline ? collect(baseline, false) : undefined)
}

/**
 * The leaked goroutines of the goroutineleak profiles, per stack, or undefined when the
 * candidate has none. `baseline` is null when the baseline has no leak profile.
 */
export function diffLeakedGoroutines(
  baseline: Snapshot[],
  candidate: Snapshot[],
  hasBaseline: boolean,
): GoroutineDiff | undefined {
  return diffOf(collect(candidate, true), hasBaseline ? collect(baseline, true) : undefined)
}

type Collected = { total: number; stacks: Map<string, { frames: Frame[]; count: number }> }

function diffOf(
  cand: Collected | undefined,
  base: Collected | undefined,
): GoroutineDiff | undefined {
  if (!cand) return undefined
  const keys = new Set([...cand.stacks.keys(), ...(base?.stacks.keys() ?? [])])
  const stacks = [...keys].map((key) => {
    const c = cand.stacks.get(key)
    const b = base?.stacks.get(key)
    const candidate = c?.count ?? 0
    const before = base ? (b?.count ?? 0) : null
    return {
      frames: (c ?? b)!.frames,
      baseline: before,
      candidate,
      delta: before === null ? null : candidate - before,
    }
  })
  stacks.sort(
    (x, y) => (y.delta ?? y.candidate) - (x.delta ?? x.candidate) || y.candidate - x.candidate,
  )
  return {
    baseline: base ? base.total : null,
    candidate: cand.total,
    stacks: stacks.slice(0, MAX_STACKS),
  }
}

/** The goroutine profiles (`leaked`: the goroutineleak profiles) of one side, merged by stack. */
function collect(snapshots: Snapshot[], leaked: boolean): Collected | undefined {
  const profiles = snapshots.filter((s) => s.goroutines && !!s.goroutines.leaked === leaked)
  if (profiles.length === 0) return undefined
  const stacks = new Map<string, { frames: Frame[]; count: number }>()
  let total = 0
  for (const s of profiles) {
    total += s.goroutines!.total
    for (const st of s.goroutines!.stacks) {
      // The scheduler's own frames (gopark, chanrecv…) lead protobuf stacks but not the text
      // forms; matched by function names only, as addresses and lines differ between builds.
      const frames = withoutRuntimeLeaf(st.frames)
      const key = frames.map((f) => matchKey(f.function)).join('\n')
      const entry = stacks.get(key)
      if (entry) entry.count += st.count
      else stacks.set(key, { frames, count: st.count })
    }
  }
  return { total, stacks }
}
