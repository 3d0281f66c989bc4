// The verdict's violations grouped by cause: a leak seen in HeapAlloc, HeapInuse, the
// inuse_space total and one allocator is one finding, named by the function, with the other
// violations as its evidence. Only reads the judged diff; the policy decided what failed.
import type { JudgedDiff, JudgedRow, Verdict, Violation } from '../policy/types.js'
import type { Unit } from '../units.js'
import { focusRows } from './select.js'

/** One cause and the violations that show it. */
export interface Finding {
  /** What the finding is named by: a function, a benchmark, the goroutines' stack, a metric. */
  culprit: string
  /** 'profile': the culprit is a profile (a package's files) whose total grew. */
  kind: 'allocator' | 'origin' | 'benchmark' | 'goroutines' | 'metric' | 'profile'
  /** The profile the finding's violations judged (`profile:` rules); absent: the whole side. */
  profile?: string
  /** The figure the culprit grew in (`inuse_space`, `Goroutines`, `B/op`). */
  metric: string
  unit: Unit
  baseline: number | null
  candidate: number
  delta: number | null
  /** The violation whose limit the finding shows (the culprit's own, else the group's first). */
  lead: Violation
  /** Every violation of the group, the lead first. */
  violations: Violation[]
  /** The finding's figure is the lead's own (else the lead is evidence like the others). */
  leadShown: boolean
}

/** Metrics that the goroutines' own stacks explain. */
const GOROUTINE_METRICS: ReadonlySet<string> = new Set(['Goroutines', 'StackInuse', 'StackSys'])

/** The group a violation belongs to. */
function causeOf(v: Violation): string {
  // A profile's violations are one cause of their own, apart from the whole side's.
  if (v.profile !== undefined) return `profile:${v.profile}\u0000${v.sampleType ?? v.metric}`
  if (v.scope === 'benchmark') return `benchmark:${benchmarkName(v.subject)}`
  if (GOROUTINE_METRICS.has(v.metric)) return 'goroutines'
  if (v.sampleType) return `type:${v.sampleType}`
  return `metric:${v.metric}`
}

/** A benchmark's name without the `-N` GOMAXPROCS suffix. */
function benchmarkName(subject: string): string {
  return subject.replace(/-\d+$/, '')
}

/** The violations grouped by cause, in the order of their worst (first) violation. */
export function findings(diff: JudgedDiff, violations: Violation[]): Finding[] {
  const groups = new Map<string, Violation[]>()
  for (const v of violations) {
    const key = causeOf(v)
    groups.set(key, [...(groups.get(key) ?? []), v])
  }
  const found: Finding[] = []
  // One culprit seen in several sample types (inuse_space and alloc_space) is one finding.
  for (const f of [...groups].map(([key, vs]) => findingOf(diff, key, vs))) {
    // A function's growth seen in its profile and in the whole side is one finding too.
    const same = found.find(
      (g) =>
        g.culprit === f.culprit &&
        g.kind === f.kind &&
        (g.profile === f.profile || g.profile === undefined || f.profile === undefined),
    )
    if (same) {
      same.violations.push(...f.violations)
      same.profile ??= f.profile
    } else found.push(f)
  }
  return found
}

/** The findings of the verdict's violations (failing ones). */
export function verdictFindings(diff: JudgedDiff, verdict: Verdict): Finding[] {
  return findings(diff, verdict.violations)
}

function findingOf(diff: JudgedDiff, key: string, vs: Violation[]): Finding {
  const first = vs[0]
  const byDelta = (x: Violation, y: Violation) =>
    (y.delta ?? y.candidate) - (x.delta ?? x.candidate)
  if (key.startsWith('profile:')) return profileFinding(diff, first.profile!, vs.sort(byDelta))
  if (key.startsWith('benchmark:')) {
    return {
      ...figure(first),
      culprit: first.subject,
      kind: 'benchmark',
      lead: first,
      violations: vs,
      leadShown: true,
    }
  }
  if (key === 'goroutines') {
    const lead = vs.find((v) => v.metric === 'Goroutines') ?? first
    const top = diff.goroutines?.stacks.find((s) => (s.delta ?? s.candidate) > 0)
    const frame = top?.frames.find((f) => !f.function.startsWith('runtime.')) ?? top?.frames[0]
    return {
      ...figure(lead),
      culprit: frame?.function ?? lead.subject,
      kind: frame ? 'goroutines' : 'metric',
      lead,
      violations: order(lead, vs),
      leadShown: true,
    }
  }
  if (key.startsWith('type:')) {
    const type = key.slice('type:'.length)
    const functions = vs.filter((v) => v.scope === 'allocator').sort(byDelta)
    const lead = functions[0] ?? vs.filter((v) => v.scope === 'package').sort(byDelta)[0] ?? first
    const origin = diff.origin
    if (origin && origin.sampleType === type && origin.cumBaseline !== origin.cumCandidate) {
      return {
        culprit: origin.function,
        kind: 'origin',
        metric: type,
        unit: origin.unit,
        baseline: origin.cumBaseline,
        candidate: origin.cumCandidate,
        delta: origin.cumBaseline === null ? null : origin.cumCandidate - origin.cumBaseline,
        lead,
        violations: order(lead, vs),
        leadShown: false,
      }
    }
    if (lead.scope === 'allocator' || lead.scope === 'package') {
      return {
        ...figure(lead),
        culprit: lead.subject,
        kind: 'allocator',
        lead,
        violations: order(lead, vs),
        leadShown: true,
      }
    }
    const grower = topGrower(diff.allocators, type)
    if (grower) {
      return {
        ...figure(grower),
        metric: type,
        culprit: grower.function,
        kind: 'allocator',
        lead,
        violations: vs,
        leadShown: false,
      }
    }
  }
  return {
    ...figure(first),
    culprit: first.subject,
    kind: 'metric',
    lead: first,
    violations: vs,
    leadShown: true,
  }
}

/**
 * A profile's violations: named by the function that grew most there in the lead's sample
 * type when one did beyond the noise (its own figure shown), else by the profile itself.
 */
function profileFinding(diff: JudgedDiff, profile: string, vs: Violation[]): Finding {
  const lead = vs.find((v) => v.scope === 'allocator') ?? vs[0]
  const rows = diff.profiles?.find((p) => p.name === profile)?.growers ?? []
  const grower =
    lead.scope === 'allocator' || !lead.sampleType ? undefined : topGrower(rows, lead.sampleType)
  if (grower) {
    return {
      ...figure(grower),
      metric: lead.sampleType!,
      culprit: grower.function,
      kind: 'allocator',
      profile,
      lead,
      violations: vs,
      leadShown: false,
    }
  }
  const own = lead.scope === 'allocator'
  return {
    ...figure(lead),
    culprit: own ? lead.subject : profile,
    kind: own ? 'allocator' : 'profile',
    profile,
    lead,
    violations: order(lead, vs),
    leadShown: true,
  }
}

/** The function that grew most in `type`, beyond the noise; undefined when none did. */
function topGrower(rows: JudgedRow[], type: string): JudgedRow | undefined {
  const top = focusRows(rows, type)[0]
  return top && (top.delta ?? 0) > 0 && top.significance !== 'noise' ? top : undefined
}

function figure(x: {
  metric?: string
  unit: Unit
  baseline: number | null
  candidate: number
  delta: number | null
}): Pick<Finding, 'metric' | 'unit' | 'baseline' | 'candidate' | 'delta'> {
  return {
    metric: x.metric ?? '',
    unit: x.unit,
    baseline: x.baseline,
    candidate: x.candidate,
    delta: x.delta,
  }
}

function order(lead: Violation, vs: Violation[]): Violation[] {
  return [lead, ...vs.filter((v) => v !== lead)]
}
