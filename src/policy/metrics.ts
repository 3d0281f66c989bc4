// The metrics a policy can name: the four heap-profile sample types and the MemStats fields.
import { GO_HEAP_SAMPLE_TYPES, MEMSTATS_FIELDS, memstatsUnit } from '../formats/model.js'
import type { Unit } from '../units.js'
import type { Scope } from './types.js'

/** Heap profile sample types, in pprof's order; the only metrics allocator/package rules take. */
export const SAMPLE_TYPES: readonly string[] = GO_HEAP_SAMPLE_TYPES

/** Every metric name a config may use: sample types, then MemStats fields. */
export const ALL_METRICS: readonly string[] = [...SAMPLE_TYPES, ...MEMSTATS_FIELDS]

/** Whether `name` is a metric the policy knows (case-sensitive, as Go spells it). */
export function isMetric(name: string): boolean {
  return ALL_METRICS.includes(name)
}

/** Scope of a rule on this metric without allocator/package: 'total' or 'memstats'. */
export function totalScopeOf(metric: string): Scope {
  return SAMPLE_TYPES.includes(metric) ? 'total' : 'memstats'
}

/** Unit in which config quantities for this metric are written. */
export function metricUnit(metric: string): Unit {
  return metric.endsWith('_space') ? 'bytes' : memstatsUnit(metric)
}

/** Examples of valid quantities in a unit, for error messages. */
export function quantityExamples(unit: Unit): string {
  switch (unit) {
    case 'bytes':
      return 'use e.g. 512KiB, 1.5MiB, 10MB or 4096 (bytes)'
    case 'nanoseconds':
      return 'use e.g. 50ms, 250us, 1s or 5000 (ns)'
    case 'fraction':
      return 'use e.g. 5% or 0.05'
    default:
      return 'use e.g. 1000, 1000 objects or 10k'
  }
}

/** Word for a quantity in a unit, for error messages ("a size in bytes"). */
export function unitNoun(unit: Unit): string {
  switch (unit) {
    case 'bytes':
      return 'a size in bytes'
    case 'nanoseconds':
      return 'a duration'
    case 'fraction':
      return 'a fraction'
    default:
      return 'a count'
  }
}
