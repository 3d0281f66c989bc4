// A policy is one typed object; evaluating it against a diff returns the judged diff.
import type {
  AllocatorChange,
  BenchmarkChange,
  Change,
  Diff,
  ProfileDiff,
  SeriesAnalysis,
  TotalChange,
} from '../analysis/types.js'
import type { Unit } from '../units.js'
import type { Warning } from '../warnings.js'

/** Where a rule looks: a sample type's total, a MemStats field, an allocator, a package. */
export type Scope = 'total' | 'memstats' | 'allocator' | 'package' | 'benchmark'

/** A name pattern from the config: a glob (`*`, `?`) or `regex:...`/`/.../`. */
export interface Matcher {
  text: string
  test(name: string): boolean
}

/** One figure the policy can judge, derived from a Diff. */
export interface Measurement {
  scope: Scope
  /** The profile the figure is from (per-package view); absent: the whole side. */
  profile?: string
  /** Sample type (`inuse_space`) or MemStats field (`HeapInuse`). */
  metric: string
  /** The function or package for allocator/package scopes; the metric name otherwise. */
  subject: string
  unit: Unit
  baseline: number | null
  candidate: number
  /** Sampling standard deviation of the change (of the candidate without a baseline); 0: exact. */
  sigma: number
  /**
   * No sampling behind the figure: a MemStats field, or a profile figure when every heap
   * profile was written at MemProfileRate = 1. (Medians of repeated sampled runs have sigma
   * 0 but are not exact.)
   */
  exact: boolean
  /** With repeated runs: Mann–Whitney p of the change, null with too few runs. */
  p?: number | null
  /**
   * The program's size this figure is a part of, on the baseline side: the sample type's
   * total for an allocator or package, the figure itself otherwise (null: no baseline).
   */
  size?: number | null
  /** The figure's values in the baseline branch's history, oldest first (none: no history). */
  history?: number[]
}

/** How a figure was judged: see evidence.ts. */
export type Method = 'sampling' | 'exact' | 'runs' | 'history'

/**
 * Whether a change stands out of the noise: 'significant' beyond it, 'noise' within it,
 * 'inconclusive' in between (or too few runs to test). The one significance type.
 */
export type Significance = 'significant' | 'noise' | 'inconclusive'

/** One rule. Absent limits are not checked. */
export interface Rule {
  /** Stable name shown in reports: the config's `name`, else e.g. `rules[2]` or `default:inuse_space`. */
  id: string
  scope: Scope
  metric: string
  /** For allocator/package rules: which subjects; undefined means all. */
  match?: Matcher
  /**
   * `profile:` in the config: the rule judges each matching profile (a package's files, see
   * src/profile-name.ts) on its own, instead of the whole side. Undefined: the whole side.
   */
  profile?: Matcher
  /** Largest allowed relative increase as a fraction (0.1 = 10%). */
  maxIncrease?: number
  /** Changes smaller than this (absolute, in the metric's unit) never fail a maxIncrease check. */
  minChange?: number
  /** Absolute ceiling on the candidate value. */
  max?: number
  /** Built-in rules: how the floor and threshold follow the evidence (evidence.ts). */
  evidence?: {
    /**
     * With exact byte figures (MemStats, MemProfileRate = 1), the floor is this fraction of
     * the program's size (Measurement.size), at least EXACT_FLOOR_MIN, instead of minChange.
     */
    exactFloor: number
    /** With a history of the figure: the relative threshold; absent, maxIncrease stays. */
    historyMaxIncrease?: number
  }
  /** Line in the config file, 0 for built-in defaults. */
  line: number
}

/**
 * A rule on benchmark results (`benchmarks:` in the config): for each benchmark whose name
 * (sub-benchmark path kept, `-N` excluded) matches, the median of one unit. For a given
 * benchmark and unit the last matching rule applies, so config rules override the defaults.
 */
export interface BenchmarkRule {
  /** The config's `name`, else `benchmarks[2]` or `default:benchmark:B/op`. */
  id: string
  match: Matcher
  /** The unit as Go prints it: `B/op`, `allocs/op`, `ns/op` or a custom one. */
  metric: string
  /** Largest allowed relative increase of the median (0.1 = 10%). */
  maxIncrease?: number
  /** Increases smaller than this (in the unit) never fail. */
  minChange?: number
  /** Ceiling on the candidate's median (`max: 0` on allocs/op: must not allocate). */
  max?: number
  /**
   * A change the Mann–Whitney test calls noise (p >= 0.05) never fails. Without enough runs
   * for the test, counted units (B/op, allocs/op) are judged on the medians, others never fail.
   */
  ignoreNoise: boolean
  line: number
}

/** A waiver silences matching violations until it expires. */
export interface Waiver {
  /** Pattern on the subject (function, package or metric name). */
  match: Matcher
  /** Optional restriction to one metric. */
  metric?: string
  /** Optional restriction to the violations of matching profiles (`profile:` rules). */
  profile?: Matcher
  reason: string
  /** ISO date (YYYY-MM-DD); the waiver applies through the end of that day (UTC). */
  expires: string
  line: number
}

/** The whole policy. */
export interface Policy {
  /** Config file path, or 'built-in defaults'. */
  source: string
  rules: Rule[]
  /** Subjects never judged nor listed as growers. */
  ignore: Matcher[]
  waivers: Waiver[]
  leaks: LeakPolicy
  /** Rules on `go test -bench` results; absent means DEFAULT_BENCHMARK_RULES. */
  benchmarks?: BenchmarkRule[]
  /** One-sided confidence a sampled change needs before it can fail a rule (default 0.99). */
  confidence: number
}

/** One broken rule with its evidence. */
export interface Violation {
  rule: string
  /** The profile (a package's files) the figure is from, for a rule with `profile:`. */
  profile?: string
  /** The matrix shard the figure is from, in a merged verdict (`mode: merge`). */
  shard?: string
  /** Which limit: relative increase or absolute ceiling. */
  kind: 'max-increase' | 'max' | 'new-allocations'
  scope: Scope
  metric: string
  subject: string
  /**
   * The heap-profile sample type the finding is about: the metric of a total, allocator or
   * package rule; for a MemStats field the sample type that explains it (SAMPLE_TYPE_OF in
   * focus.ts); null when none does (goroutine stacks, RSS, benchmarks).
   */
  sampleType: string | null
  unit: Unit
  baseline: number | null
  candidate: number
  delta: number | null
  /** Largest candidate value the rule allows. */
  limit: number
  /** The rule in words, e.g. `+10% (changes under 1 MiB ignored)` or `< 200 MiB`. */
  limitText: string
  /** Sampling standard deviation behind the figure (0: exact, e.g. MemStats or rate 1). */
  sigma: number
  /** With repeated runs: the Mann–Whitney p of the change (null: too few runs). */
  p?: number | null
  /** How it was judged: sampling model, exact figures, repeated runs or the history's spread. */
  method: Method
  /** With method 'history': the entries and the bound unchanged code stays under. */
  history?: { entries: number; center: number; sigma: number; upper: number }
  /**
   * 'significant': beyond the sampling noise at the policy's confidence (or exact);
   * 'inconclusive': the threshold is exceeded but the evidence is too thin to fail.
   */
  significance: Exclude<Significance, 'noise'>
  /**
   * The significance of the change itself (`delta`, as on the row it judges): what the `~` of
   * its percentage shows. Null without a baseline.
   */
  changeSignificance: Significance | null
}

/** A violation a waiver silenced. */
export interface WaivedViolation extends Violation {
  waiver: { reason: string; expires: string }
}

/** Growth sustained over a series of snapshots, judged a leak by the policy's `leaks` settings. */
export interface LeakSuspect {
  subject: string
  metric: string
  unit: Unit
  slopePerSnapshot: number
  snapshots: number
  first: number
  last: number
  p: number
  /** For a process-wide metric: the allocators whose inuse_space rose the most, by slope. */
  allocators: { function: string; slopePerSnapshot: number }[]
}

/** How a series is judged. */
export interface LeakPolicy {
  /** Fewer snapshots than this: no leak verdict, a note. */
  minSnapshots: number
  /** Total sustained rise of a byte metric that counts as a leak. */
  minGrowthBytes: number
  /** Total sustained rise of the goroutine count that counts as a leak. */
  minGrowthGoroutines: number
  /** One-sided significance the upward trend needs (Mann–Kendall). */
  alpha: number
  /** A leak suspect fails the check. */
  fail: boolean
  line: number
}

/** The outcome. */
export type Status = 'pass' | 'fail' | 'no-baseline'

export interface Verdict {
  status: Status
  /**
   * The sample type the report is about: `--sample-type` when given, else the sample type of
   * the worst violation that has one, else the candidate's default (inuse_space).
   */
  focus: string
  /** Significant violations: these fail the check. */
  violations: Violation[]
  /** Thresholds exceeded within the sampling noise: reported, never failing. */
  inconclusive: Violation[]
  waived: WaivedViolation[]
  /** Waivers whose date has passed: they no longer apply and the report says so. */
  expiredWaivers: { subject: string; metric?: string; reason: string; expires: string }[]
  policySource: string
  /** The one-sided confidence sampled changes were judged at. */
  confidence: number
  /**
   * Whether any figure a relative rule judges moved, up or down, by at least that rule's
   * min-change (any nonzero change when it has none): "memory changed notably".
   */
  changed: boolean
  /** Sustained growth within the candidate's series (fails the check when leaks.fail). */
  leakSuspects: LeakSuspect[]
  /** With a series: how many snapshots it had, and the fewest the policy judges. */
  leakCheck?: { snapshots: number; minSnapshots: number }
  /** Soft problems the policy found (rules that judged nothing, a series too short). */
  warnings: Warning[]
  /** A merged verdict of matrix shards (`mode: merge`, policy/shards.ts): each shard's state. */
  shards?: ShardState[]
}

/** How one matrix shard came out in a merged verdict. */
export interface ShardState {
  name: string
  /**
   * The shard's own verdict; 'missing': expected (the `shards` input, or the baseline's list)
   * but not uploaded by this run; 'failed': its job could not judge (a bad input).
   */
  status: Status | 'missing' | 'failed'
  /** Its significant violations (they are in Verdict.violations, tagged with `shard`). */
  violations: number
  /** For 'missing' and 'failed': why, in one line. */
  problem?: string
}

/** What the policy decided about one row of the diff. */
export interface Judgement {
  /** Whether the change stands out of the noise; null without a baseline figure. */
  significance: Significance | null
  /** A waiver silenced a violation on this row's subject and metric. */
  waived: boolean
}

/** A function, package or call-stack row with the policy's decision. */
export type JudgedRow = AllocatorChange & Judgement

/** A benchmark row; without a baseline (or enough runs) its significance is 'inconclusive'. */
export type JudgedBenchmark = BenchmarkChange & Judgement & { significance: Significance }

/**
 * The diff as the policy judged it, the only thing renderers read. Every total, MemStats
 * field (memory classes included), allocator, package, stack and benchmark carries its
 * significance and waived state. Ignored subjects are left out: rows of an ignored function
 * or package (stacks by their leaf) and series of ignored allocators are not here at all,
 * while totals and MemStats stay whole. The focus is the verdict's, not the diff's.
 */
export interface JudgedDiff extends Omit<
  Diff,
  'focus' | 'totals' | 'memstats' | 'allocators' | 'packages' | 'stacks' | 'benchmarks' | 'profiles'
> {
  /**
   * The per-profile view (one per package from go-test): profiles with violations first, then
   * by the growth of the verdict's focus; gone profiles last.
   */
  profiles?: JudgedProfile[]
  totals: Record<string, TotalChange & Judgement>
  memstats: Record<string, Change & { unit: Unit } & Judgement>
  allocators: JudgedRow[]
  packages: JudgedRow[]
  stacks?: JudgedRow[]
  benchmarks?: JudgedBenchmark[]
  /** The series without the allocators `ignore` matches (process-wide metrics stay). */
  series?: SeriesAnalysis
  /**
   * With violations: the program's own function the focus's growth comes from, when the top
   * grower is a library function (focus.ts originOf); its cumulative figures are the growth.
   */
  origin?: JudgedRow
}

/** One profile of the per-profile view, judged (JudgedDiff.profiles). */
export interface JudgedProfile {
  name: string
  presence?: ProfileDiff['presence']
  files: ProfileDiff['files']
  totals: Record<string, TotalChange & Judgement>
  /** Its functions that grew the most, per sample type (PROFILE_GROWERS each), ignored ones left out. */
  growers: JudgedRow[]
  /** Unwaived violations of `profile:` rules on this profile (failing or inconclusive). */
  violations: number
}

/** What `evaluate` returns: the judged diff and the verdict on it. */
export interface Judged {
  diff: JudgedDiff
  verdict: Verdict
}
