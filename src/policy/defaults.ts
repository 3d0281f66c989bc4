// The built-in policy: what gomem-gate checks when the repository has no config (or keeps
// `defaults: true`). Chosen so two runs of unchanged code pass and a real leak fails.
import type { LeakPolicy, Matcher, Rule } from './types.js'

const MiB = 1024 * 1024

/**
 * How the byte rules follow exact evidence and history (evidence.ts): for exact figures the
 * floor is 1 % of the program's size instead of fixed bytes (sized for sampled profiles of
 * big services, those hide every change of a small program), and with a history the
 * threshold drops to +3 %, the history's spread deciding beyond it.
 */
const EVIDENCE = { exactFloor: 0.01, historyMaxIncrease: 0.03 }
/** Allocators keep their threshold with a history: one function's share moves more. */
const ALLOCATOR_EVIDENCE = { exactFloor: 0.01 }
/** The built-in per-profile rules judge every profile. */
const EVERY_PROFILE: Matcher = { text: '*', test: () => true }

/** Built-in rules, in report order. A config rule with the same scope, metric and pattern replaces one. */
export const DEFAULT_RULES: readonly Rule[] = [
  // Live heap at profile time: the leak signal. Sampled, but a change must also be beyond
  // the sampling noise (`confidence`), so the floor can stay low.
  {
    id: 'default:inuse_space',
    scope: 'total',
    metric: 'inuse_space',
    maxIncrease: 0.2,
    minChange: 4 * MiB,
    evidence: EVIDENCE,
    line: 0,
  },
  // Bytes allocated over the run: GC pressure. Wider, since it scales with the work done.
  {
    id: 'default:alloc_space',
    scope: 'total',
    metric: 'alloc_space',
    maxIncrease: 0.25,
    minChange: 16 * MiB,
    evidence: EVIDENCE,
    line: 0,
  },
  // The runtime's own view of the live heap: exact, not sampled, so it can be strict.
  {
    id: 'default:HeapInuse',
    scope: 'memstats',
    metric: 'HeapInuse',
    maxIncrease: 0.2,
    minChange: 4 * MiB,
    evidence: EVIDENCE,
    line: 0,
  },
  // Live heap objects as the runtime counts them: exact, and right after a GC (as the
  // TestMain in docs/producing-inputs.md writes it) the tightest leak signal there is.
  {
    id: 'default:HeapAlloc',
    scope: 'memstats',
    metric: 'HeapAlloc',
    maxIncrease: 0.1,
    minChange: 2 * MiB,
    evidence: EVIDENCE,
    line: 0,
  },
  // Goroutine stacks: leaked goroutines show here before anywhere else.
  {
    id: 'default:StackInuse',
    scope: 'memstats',
    metric: 'StackInuse',
    maxIncrease: 0.5,
    minChange: 2 * MiB,
    evidence: EVIDENCE,
    line: 0,
  },
  // Goroutine count: a leak of blocked goroutines; 100 absorbs pools and timers.
  {
    id: 'default:Goroutines',
    scope: 'memstats',
    metric: 'Goroutines',
    maxIncrease: 0.5,
    minChange: 100,
    line: 0,
  },
  // Any one function's live heap: points at the allocator that leaks, not just the total.
  {
    id: 'default:allocator:inuse_space',
    scope: 'allocator',
    metric: 'inuse_space',
    maxIncrease: 0.5,
    minChange: 4 * MiB,
    evidence: ALLOCATOR_EVIDENCE,
    line: 0,
  },
  // Any one function's allocation volume: names the function whose allocations doubled
  // (an encoder marshalling twice), which the totals only show as churn. +75 % and 32 MiB:
  // one function's sampled alloc_space swings by +59 % (19 MiB) between unchanged runs.
  {
    id: 'default:allocator:alloc_space',
    scope: 'allocator',
    metric: 'alloc_space',
    maxIncrease: 0.75,
    minChange: 32 * MiB,
    evidence: ALLOCATOR_EVIDENCE,
    line: 0,
  },
  // Each profile's totals on their own (one per package from `gomem-gate go-test`): a
  // package that doubles its live heap is a regression even when fifty others hide it in the
  // sum. The same thresholds; exact (go-test profiles are), so the floor is 1 % of the
  // package's own size, at least 64 KiB.
  {
    id: 'default:profile:inuse_space',
    scope: 'total',
    metric: 'inuse_space',
    profile: EVERY_PROFILE,
    maxIncrease: 0.2,
    minChange: 4 * MiB,
    evidence: ALLOCATOR_EVIDENCE,
    line: 0,
  },
  {
    id: 'default:profile:alloc_space',
    scope: 'total',
    metric: 'alloc_space',
    profile: EVERY_PROFILE,
    maxIncrease: 0.25,
    minChange: 16 * MiB,
    evidence: ALLOCATOR_EVIDENCE,
    line: 0,
  },
  // A gctrace log's live heap at its peak over the run (it has no HeapInuse). 30 %: steady
  // runs of one program peak within 27 % of each other (a cycle's floating garbage); 2 MiB,
  // since gctrace prints whole MiB.
  {
    id: 'default:PeakLiveHeap',
    scope: 'memstats',
    metric: 'PeakLiveHeap',
    maxIncrease: 0.3,
    minChange: 2 * MiB,
    line: 0,
  },
]

/** Key under which a user rule replaces a default: profile, scope, metric and pattern (`*` = all). */
export function ruleKey(rule: Pick<Rule, 'scope' | 'metric' | 'match' | 'profile'>): string {
  const profile = rule.profile ? `${rule.profile.text}|` : ''
  return `${profile}${rule.scope}|${rule.metric}|${rule.match?.text ?? '*'}`
}

/**
 * How a series is judged by default: at least 5 snapshots; an upward trend at 95 %
 * confidence (Mann–Kendall) that rises in most steps, not in one jump; and a total rise of
 * 4 MiB (byte metrics) or 10 goroutines. A leak fails the check.
 */
export const DEFAULT_LEAKS: LeakPolicy = {
  minSnapshots: 5,
  minGrowthBytes: 4 * MiB,
  minGrowthGoroutines: 10,
  alpha: 0.05,
  fail: true,
  line: 0,
}

/**
 * A sampled change (heap profile at MemProfileRate > 1) fails a rule only when it is beyond
 * the sampling noise at this one-sided confidence; thinner evidence is "inconclusive".
 */
export const DEFAULT_CONFIDENCE = 0.99

/** With repeated runs, a change is significant when the Mann–Whitney p is below this (as benchstat). */
export const RUNS_ALPHA = 0.05
