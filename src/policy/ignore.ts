// What `ignore` covers, decided in one place: the policy judges none of it, no report lists it.
import { STACK_SEPARATOR } from '../formats/model.js'
import { packageOf } from '../formats/names.js'
import type { AllocatorChange, SeriesAnalysis } from '../analysis/types.js'
import type { Matcher, Policy } from './types.js'

/**
 * Whether an allocator or package row is ignored by the policy: a pattern that matches the
 * function name or its package path (so `runtime/pprof` covers the package and its functions).
 */
export function isIgnored(policy: Pick<Policy, 'ignore'>, row: AllocatorChange): boolean {
  return policy.ignore.some((m) => m.test(row.function) || m.test(row.package))
}

/** Whether a call-stack row is ignored: by its leaf function (the row names the whole stack). */
export function isIgnoredStack(policy: Pick<Policy, 'ignore'>, row: AllocatorChange): boolean {
  const i = row.function.indexOf(STACK_SEPARATOR)
  return isIgnored(policy, i < 0 ? row : { ...row, function: row.function.slice(0, i) })
}

/** The series without the allocators `ignore` covers (by name or package); process-wide metrics stay. */
export function listedSeries(series: SeriesAnalysis, ignore: Matcher[]): SeriesAnalysis {
  const ignored = (fn: string) => ignore.some((m) => m.test(fn) || m.test(packageOf(fn)))
  return {
    ...series,
    metrics: series.metrics.filter((m) => m.subject === m.metric || !ignored(m.subject)),
  }
}
