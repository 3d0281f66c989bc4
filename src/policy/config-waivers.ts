// The `ignore:` and `waivers:` sections of a config.
import { isScalar } from 'yaml'
import { compileMatcher } from './matcher.js'
import { ALL_METRICS } from './metrics.js'
import type { Matcher, Waiver } from './types.js'
import { describe, scalarValue, type ConfigReader } from './yaml-reader.js'

const WAIVER_KEYS = ['subject', 'profile', 'metric', 'reason', 'expires']
const PATTERN_HELP =
  'allowed: a glob such as "runtime/pprof.*", regex:<expression> or /<expression>/'

/** Reads `ignore[index]`: a pattern on function names and package paths. */
export function parseIgnore(reader: ConfigReader, node: unknown, index: number): Matcher {
  const path = `ignore[${index}]`
  const text = reader.string(node, path, PATTERN_HELP)
  return compileMatcher(text, reader.where(node, path))
}

/** Reads `waivers[index]`; `subject`, `reason` and `expires` (YYYY-MM-DD) are required. */
export function parseWaiver(reader: ConfigReader, node: unknown, index: number): Waiver {
  const path = `waivers[${index}]`
  const entries = reader.mapping(node, path, WAIVER_KEYS)
  const line = reader.line(node)
  for (const key of ['subject', 'reason', 'expires']) {
    if (!entries.has(key)) {
      throw reader.error(node, `${path}.${key}`, 'missing', requiredHelp(key))
    }
  }
  const subjectNode = entries.get('subject')?.value
  const subject = reader.string(subjectNode, `${path}.subject`, PATTERN_HELP)
  const waiver: Waiver = {
    match: compileMatcher(subject, reader.where(subjectNode, `${path}.subject`)),
    reason: reader.string(entries.get('reason')?.value, `${path}.reason`, requiredHelp('reason')),
    expires: readDate(reader, entries.get('expires')?.value, `${path}.expires`),
    line,
  }
  const metric = entries.get('metric')
  if (metric) {
    const value = scalarValue(metric.value)
    // Benchmark units as Go prints them (B/op, allocs/op, ns/op) all have a slash.
    const benchmarkUnit = typeof value === 'string' && /^\S+\/\S+$/.test(value)
    if (typeof value !== 'string' || !(ALL_METRICS.includes(value) || benchmarkUnit)) {
      throw reader.error(
        metric.value,
        `${path}.metric`,
        `${describe(metric.value)} is not a metric`,
        `allowed: ${ALL_METRICS.join(', ')}, or a benchmark unit such as B/op`,
      )
    }
    waiver.metric = value
  }
  const profile = entries.get('profile')
  if (profile) {
    const where = `${path}.profile`
    const text = reader.string(profile.value, where, PATTERN_HELP)
    waiver.profile = compileMatcher(text, reader.where(profile.value, where))
  }
  return waiver
}

function requiredHelp(key: string): string {
  if (key === 'subject')
    return 'give the function, package or metric to waive, e.g. "main.(*Cache).Put"'
  if (key === 'reason')
    return 'say why the growth is accepted, e.g. "cache doubled on purpose, see #123"'
  return 'give the last day the waiver applies, e.g. 2026-12-31'
}

/** A calendar date as YYYY-MM-DD; YAML may hand over a Date (1.1 timestamps) or a string. */
function readDate(reader: ConfigReader, node: unknown, path: string): string {
  const value = isScalar(node) ? node.value : undefined
  let text: string | undefined
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    text = value.toISOString().slice(0, 10)
  else if (typeof value === 'string' && isCalendarDate(value.trim())) text = value.trim()
  if (text === undefined) {
    throw reader.error(
      node,
      path,
      `${describe(node)} is not a date`,
      'use YYYY-MM-DD, e.g. 2026-12-31',
    )
  }
  return text
}

function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return date.toISOString().slice(0, 10) === text
}
