// Renders the JSON report: the stable, machine-readable contract (schemaVersion 1).
import type { Accounting, Change, SeriesAnalysis } from '../analysis/types.js'
import type { JudgedProfile, JudgedRow, LeakSuspect, Violation } from '../policy/types.js'
import type { Unit } from '../units.js'
import { jsonBenchmark } from './benchmarks.js'
import { historyMetrics } from './history-metrics.js'
import { orderedSuspects, reportedSeries } from './leaks.js'
import { allMemstatsFields, allWarnings, focusRows, totalTypes } from './select.js'
import type {
  JsonAllocator,
  JsonChange,
  JsonHistory,
  JsonLeakSuspect,
  JsonProfile,
  JsonReport,
  JsonSeries,
  JsonViolation,
  ReportInput,
} from './types.js'
import { summaryLine } from './wording.js'

/** The JSON report as a value; numbers are exact, in bytes/counts/ns, never formatted. */
export function jsonReport(input: ReportInput): JsonReport {
  const { diff, verdict } = input
  const top = Math.max(0, Math.floor(input.top))
  const warnings = allWarnings(diff, verdict)
  return {
    schemaVersion: 1,
    tool: { name: 'gomem-gate', version: input.version },
    status: verdict.status,
    summary: summaryLine(diff, verdict),
    policy: verdict.policySource,
    changed: verdict.changed,
    focus: verdict.focus,
    violations: verdict.violations.map(violation),
    inconclusive: verdict.inconclusive.map(violation),
    waived: verdict.waived.map((w) => ({
      ...violation(w),
      waiver: { reason: w.waiver.reason, expires: w.waiver.expires },
    })),
    expiredWaivers: verdict.expiredWaivers.map((w) => ({
      subject: w.subject,
      metric: w.metric ?? null,
      reason: w.reason,
      expires: w.expires,
    })),
    leakSuspects: orderedSuspects(verdict.leakSuspects ?? []).map(leakSuspect),
    totals: Object.fromEntries(
      totalTypes(diff).map((t) => [t, { ...change(diff.totals[t]), sigma: diff.totals[t].sigma }]),
    ),
    memstats: Object.fromEntries(allMemstatsFields(diff).map((f) => [f, change(diff.memstats[f])])),
    accounting: {
      baseline: classes(diff.accounting?.baseline),
      candidate: classes(diff.accounting?.candidate),
    },
    series: diff.series ? series(diff.series) : null,
    allocators: focusRows(diff.allocators, verdict.focus).map((r, i) => ({
      ...allocator(r),
      stack:
        i < top ? r.stack.map((f) => ({ function: f.function, file: f.file, line: f.line })) : [],
    })),
    packages: focusRows(diff.packages, verdict.focus).map(allocator),
    profiles: diff.profiles ? diff.profiles.map(profile) : null,
    ...(diff.stacks ? { stacks: focusRows(diff.stacks, verdict.focus).map(allocator) } : {}),
    goroutines: diff.goroutines
      ? {
          baseline: diff.goroutines.baseline,
          candidate: diff.goroutines.candidate,
          stacks: diff.goroutines.stacks.slice(0, 20).map((s) => ({
            baseline: s.baseline,
            candidate: s.candidate,
            delta: s.delta,
            frames: s.frames.map((f) => ({ function: f.function, file: f.file, line: f.line })),
          })),
        }
      : null,
    benchmarks: (diff.benchmarks ?? []).map(jsonBenchmark),
    files: diff.files.map((f) => ({
      side: f.side,
      source: f.source,
      format: f.format,
      period: f.period,
      totals: { ...f.totals },
      hasMemStats: f.hasMemStats,
    })),
    warnings: warnings.map((w) => w.message),
    warningDetails: warnings.map((w) => ({
      code: w.code,
      message: w.message,
      ...(w.subject !== undefined ? { subject: w.subject } : {}),
    })),
    history: input.history ? history({ ...input, history: input.history }) : null,
    ...(verdict.shards ? { shards: verdict.shards.map((sh) => ({ ...sh })) } : {}),
  }
}

function history(
  input: ReportInput & { history: NonNullable<ReportInput['history']> },
): JsonHistory {
  const entries = input.history.entries
  return {
    entries: entries.length,
    first: entries.length > 0 ? entries[0].time : null,
    last: entries.length > 0 ? entries[entries.length - 1].time : null,
    metrics: historyMetrics(input),
  }
}

/** The JSON report as text, two-space indented, ending in a newline. */
export function renderJson(input: ReportInput): string {
  return JSON.stringify(jsonReport(input), null, 2) + '\n'
}

function change(c: Change & { unit: Unit }): JsonChange {
  return {
    unit: c.unit,
    baseline: c.baseline,
    candidate: c.candidate,
    delta: c.delta,
    ...(c.p !== undefined ? { p: c.p } : {}),
    ...(c.ci ? { ci: c.ci } : {}),
  }
}

function profile(p: JudgedProfile): JsonProfile {
  return {
    name: p.name,
    presence: p.presence ?? 'both',
    files: { baseline: [...p.files.baseline], candidate: [...p.files.candidate] },
    totals: Object.fromEntries(
      Object.entries(p.totals).map(([t, c]) => [t, { ...change(c), sigma: c.sigma }]),
    ),
    growers: p.growers.map(allocator),
    violations: p.violations,
  }
}

function violation(v: Violation): JsonViolation {
  return {
    rule: v.rule,
    ...(v.profile !== undefined ? { profile: v.profile } : {}),
    kind: v.kind,
    scope: v.scope,
    metric: v.metric,
    subject: v.subject,
    unit: v.unit,
    baseline: v.baseline,
    candidate: v.candidate,
    delta: v.delta,
    limit: v.limit,
    limitText: v.limitText,
    sigma: v.sigma,
    significance: v.significance,
    ...(v.p !== undefined ? { p: v.p } : {}),
    sampleType: v.sampleType,
    method: v.method,
    ...(v.history ? { history: v.history } : {}),
    ...(v.shard !== undefined ? { shard: v.shard } : {}),
  }
}

function allocator(r: JudgedRow): JsonAllocator {
  return {
    function: r.function,
    package: r.package,
    sampleType: r.sampleType,
    unit: r.unit,
    baseline: r.baseline,
    candidate: r.candidate,
    delta: r.delta,
    cumBaseline: r.cumBaseline,
    cumCandidate: r.cumCandidate,
    sigma: r.sigma,
    significance: r.significance,
    ...(r.p !== undefined ? { p: r.p } : {}),
  }
}

function leakSuspect(s: LeakSuspect): JsonLeakSuspect {
  return {
    subject: s.subject,
    metric: s.metric,
    slopePerSnapshot: s.slopePerSnapshot,
    snapshots: s.snapshots,
    unit: s.unit,
    first: s.first,
    last: s.last,
    p: s.p,
    allocators: s.allocators.map((a) => ({
      function: a.function,
      slopePerSnapshot: a.slopePerSnapshot,
    })),
  }
}

function classes(a: Accounting | undefined): JsonReport['accounting']['baseline'] {
  return a ? a.classes.map((c) => ({ class: c.class, bytes: c.bytes })) : null
}

function series(s: SeriesAnalysis): JsonSeries {
  return {
    labels: [...s.labels],
    order: s.order,
    metrics: reportedSeries(s).map((m) => ({
      metric: m.metric,
      subject: m.subject,
      unit: m.unit,
      values: [...m.values],
      slopePerSnapshot: m.trend.slopePerSnapshot,
      p: m.trend.p,
    })),
  }
}
