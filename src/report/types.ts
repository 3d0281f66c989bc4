// What the renderers take, and the shape of the JSON report (a documented, stable contract).
import type { ClassBytes, FileSummary, SeriesAnalysis } from '../analysis/types.js'
import type { Frame, SourceFormat } from '../formats/model.js'
import type { History } from '../history/types.js'
import type {
  Judged,
  Method,
  Scope,
  ShardState,
  Significance,
  Status,
  Violation,
} from '../policy/types.js'
import type { Unit } from '../units.js'
import type { WarningCode } from '../warnings.js'

/**
 * Everything a report is rendered from: what `evaluate` returned (the judged diff and the
 * verdict; renderers only read their decisions) and the shell's choices. No I/O here.
 */
export interface ReportInput extends Judged {
  /** How many growers to list (default 10, chosen by the shell). */
  top: number
  /** gomem-gate version, written into the JSON report. */
  version: string
  /** Text only: emit ANSI colours (the shell sets it for a TTY without NO_COLOR). */
  color?: boolean
  /** Text only: the most columns a line takes (default 100; the shell passes the terminal's). */
  width?: number
  /** Markdown only: the most characters (default MARKDOWN_LIMIT, for a PR comment). */
  maxLength?: number
  /** Markdown only: lines added right after the verdict (e.g. which baseline was used). */
  notes?: string[]
  /** Markdown only: where the files can be fetched, for "Explore in pprof" (the Action). */
  explore?: Explore
  /** The baseline branch's history, when the compare had one: its trend is reported. */
  history?: History
  /** Markdown only: where the run, its summary, the report and the sources are (the Action). */
  links?: ReportLinks
  /** Today's date (YYYY-MM-DD, UTC): a waiver snippet expires 30 days later; none without. */
  today?: string
}

/**
 * Links a comment offers, built by the shell from trusted values (the server URL, the
 * repository, run and job ids, the commit). Every field is optional.
 */
export interface ReportLinks {
  /** The workflow run (with its attempt). */
  run?: string
  /** The job summary (the run URL with `#summary-<job id>`, or the run URL). */
  summary?: string
  /** The HTML report artifact. */
  report?: string
  /**
   * Where a frame's file is in the repository: `${server}/${repo}/blob/${sha}/<path>#L<line>`
   * for a file under one of `roots` (the workspace folder, the module path from go.mod).
   */
  source?: { server: string; repo: string; sha: string; roots: string[] }
}

/**
 * Where a reader finds the files of a report made elsewhere (a CI runner): links to the runs
 * that hold them, the commands that fetch them, and each file's path once fetched. Built by
 * the shell from trusted values (the server URL, the repository, run ids).
 */
export interface Explore {
  links: { text: string; url: string }[]
  /** Shell commands that fetch the files, shown before the pprof commands. */
  fetch: string[]
  /**
   * A file's source path → its path after fetching (in the pprof commands and the Inputs
   * table); a file missing here keeps its name.
   */
  paths: Record<string, string>
}

/** The output formats `render` knows. */
export type ReportFormat = 'markdown' | 'text' | 'json' | 'html'

/** A figure on both sides, in the unit's base quantity (bytes, count, ns, fraction). */
export interface JsonChange {
  unit: Unit
  baseline: number | null
  candidate: number
  delta: number | null
  /** With repeated runs only: the Mann–Whitney p-value (null: too few runs to test). */
  p?: number | null
  /** With repeated runs only: 95 % confidence intervals of the medians, [lo, hi]. */
  ci?: { baseline: [number, number] | null; candidate: [number, number] | null }
}

/** The heap sampling noise behind a figure: its standard deviation and what it means. */
export interface JsonNoise {
  /** Standard deviation of `delta` (of `candidate` without a baseline); 0 when exact. */
  sigma: number
  /** null without a baseline. */
  significance: Significance | null
  /** With repeated runs only: the Mann–Whitney p-value (null: too few runs to test). */
  p?: number | null
}

/** One broken rule in the JSON report. */
export interface JsonViolation extends JsonChange, JsonNoise {
  rule: string
  /** The profile (a package's files) a `profile:` rule judged; absent: the whole side. */
  profile?: string
  kind: Violation['kind']
  scope: Scope
  metric: string
  subject: string
  limit: number
  limitText: string
  /**
   * The heap-profile sample type the finding is about: the metric of a total, allocator or
   * package rule; for a MemStats field the one that explains it (Sys, HeapIdle, TotalAlloc,
   * NumGC… alloc_space; HeapAlloc, HeapInuse, HeapObjects inuse_space); null when none does
   * (goroutines, stacks, RSS, benchmarks).
   */
  sampleType: string | null
  /**
   * How the finding was judged: `sampling` (the heap sampling model), `exact` (MemStats or
   * MemProfileRate = 1: floors follow the program's size), `runs` (repeated runs, the U
   * test) or `history` (the spread learnt from the baseline branch's history).
   */
  method: Method
  /** With method `history`: its entries, centre, spread and the bound unchanged code stays under. */
  history?: { entries: number; center: number; sigma: number; upper: number }
  /** In a merged verdict (`mode: merge`): the matrix shard the violation is from. */
  shard?: string
}

/** One profile of the per-profile view. */
export interface JsonProfile {
  name: string
  /** `new` (only the candidate has it), `gone` (only the baseline), or `both`. */
  presence: 'new' | 'gone' | 'both'
  files: { baseline: string[]; candidate: string[] }
  totals: Record<string, JsonChange & { sigma: number }>
  /** Top growers per sample type (flat figures). */
  growers: JsonAllocator[]
  /** Unwaived violations of `profile:` rules here. */
  violations: number
}

/** One function or package row of the focus sample type. */
export interface JsonAllocator extends JsonChange, JsonNoise {
  function: string
  package: string
  sampleType: string
  cumBaseline: number | null
  cumCandidate: number
}

/** Sustained growth within the candidate's run, judged a leak. Slopes are per snapshot. */
export interface JsonLeakSuspect {
  subject: string
  metric: string
  slopePerSnapshot: number
  snapshots: number
  unit: Unit
  first: number
  last: number
  /** One-sided Mann–Kendall p-value of the upward trend. */
  p: number
  /** For a process-wide metric: the allocators whose inuse_space rose the most. */
  allocators: { function: string; slopePerSnapshot: number }[]
}

/** The ordered snapshots of the candidate's run and the metrics followed over them. */
export interface JsonSeries {
  labels: string[]
  order: SeriesAnalysis['order']
  /** Process-wide metrics, then at most 20 allocators' inuse_space, steepest first. */
  metrics: {
    metric: string
    subject: string
    unit: Unit
    /** One per snapshot; null where the snapshot lacks the metric. */
    values: (number | null)[]
    slopePerSnapshot: number
    p: number
  }[]
}

/**
 * One benchmark and unit of `go test -bench` output: medians of the runs on both sides, in
 * the unit as Go prints it (`B/op`, `allocs/op`, `ns/op`, `MB/s`, custom).
 */
export interface JsonBenchmark {
  /** As Go prints it without the `-N` suffix (sub-benchmark path kept). */
  name: string
  /** GOMAXPROCS: the `-N` suffix, 1 without one. */
  procs: number
  pkg: string
  metric: string
  baseline: number | null
  candidate: number
  delta: number | null
  /** delta / |baseline|; null without a baseline or from a zero baseline. */
  relative: number | null
  /** Two-sided Mann–Whitney U p-value; null when a side has fewer than 4 runs. */
  p: number | null
  significance: Significance
  /** Runs on each side. */
  samples: { baseline: number; candidate: number }
}

/** The JSON report, schemaVersion 1. Field order is fixed; new fields only ever get added. */
export interface JsonReport {
  schemaVersion: 1
  tool: { name: 'gomem-gate'; version: string }
  status: Status
  summary: string
  policy: string
  /** Some judged figure moved by at least its rule's floor, up or down. */
  changed: boolean
  focus: string
  violations: JsonViolation[]
  /** Thresholds exceeded within the sampling noise: reported, not failing. */
  inconclusive: JsonViolation[]
  waived: (JsonViolation & { waiver: { reason: string; expires: string } })[]
  expiredWaivers: { subject: string; metric: string | null; reason: string; expires: string }[]
  leakSuspects: JsonLeakSuspect[]
  totals: Record<string, JsonChange & { sigma: number }>
  memstats: Record<string, JsonChange>
  /** Each side's memory by class (MEMORY_CLASSES order; the Go classes add up to Sys). */
  accounting: { baseline: ClassBytes[] | null; candidate: ClassBytes[] | null }
  series: JsonSeries | null
  allocators: (JsonAllocator & { stack: Frame[] })[]
  packages: JsonAllocator[]
  /**
   * The per-profile view (one per package from go-test), or null when each side is one
   * program: every profile's totals and its top growers, in JudgedDiff.profiles' order.
   */
  profiles: JsonProfile[] | null
  /** Goroutine totals and the stacks that gained goroutines (top 20), or null. */
  goroutines: {
    baseline: number | null
    candidate: number
    stacks: { baseline: number | null; candidate: number; delta: number | null; frames: Frame[] }[]
  } | null
  /** Per whole call stack, only with --stacks. */
  stacks?: JsonAllocator[]
  /** `go test -bench` results per benchmark and unit ([] without benchmark input). */
  benchmarks: JsonBenchmark[]
  files: {
    side: FileSummary['side']
    source: string
    format: SourceFormat
    period: number
    totals: Record<string, number>
    hasMemStats: boolean
  }[]
  /** Every warning's message, the diff's then the verdict's (each message once). */
  warnings: string[]
  /** The same warnings as typed values: a stable `code`, the message, what it is about. */
  warningDetails: { code: WarningCode; message: string; subject?: string }[]
  /** The baseline branch's history and the trend of the main figures; null without one. */
  history: JsonHistory | null
  /**
   * Only in a merged verdict (`mode: merge`): every shard, by name, with its status (`pass`,
   * `fail`, `no-baseline`, `missing`, `failed`), violations and, when not judged, why.
   */
  shards?: { name: string; status: ShardState['status']; violations: number; problem?: string }[]
}

/** The history a compare was given (docs/history.md) and the figures followed over it. */
export interface JsonHistory {
  entries: number
  /** `time` of the oldest and the newest entry; null when the history is empty. */
  first: string | null
  last: string | null
  /**
   * inuse_space's total (HeapInuse without a profile), RSS (else Sys), and the top grower
   * (metric: its sample type, subject: the function): the last 20 values, oldest first.
   */
  metrics: { metric: string; subject: string; unit: Unit; values: number[]; candidate: number }[]
}
