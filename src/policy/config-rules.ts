// The `rules:` and `limits:` sections of a config: each entry becomes one Rule.
import { parsePercent, parseQuantity } from '../units.js'
import { compileMatcher } from './matcher.js'
import {
  ALL_METRICS,
  SAMPLE_TYPES,
  isMetric,
  metricUnit,
  quantityExamples,
  totalScopeOf,
  unitNoun,
} from './metrics.js'
import type { Rule, Scope } from './types.js'
import { describe, scalarValue, type ConfigReader, type Entry } from './yaml-reader.js'

const RULE_KEYS = [
  'name',
  'profile',
  'metric',
  'allocator',
  'package',
  'max-increase',
  'min-change',
  'max',
]

/**
 * Reads `rules[index]`: a total/MemStats rule, or an allocator/package rule with a pattern.
 * `names` maps the rule names seen so far to their path; a repeated name is an error.
 */
export function parseRule(
  reader: ConfigReader,
  node: unknown,
  index: number,
  names: Map<string, string>,
): Rule {
  const path = `rules[${index}]`
  const entries = reader.mapping(node, path, RULE_KEYS)
  const line = reader.line(node)
  const id = entries.has('name') ? readName(reader, entries.get('name')?.value, path, names) : path

  const alloc = entries.get('allocator')
  const pkg = entries.get('package')
  if (alloc && pkg) {
    throw reader.error(
      pkg.keyNode,
      `${path}.package`,
      'a rule has either allocator or package, not both',
      'split it into two rules',
    )
  }
  const pattern = alloc ?? pkg
  const scope: Scope | undefined = alloc ? 'allocator' : pkg ? 'package' : undefined

  const metricEntry = entries.get('metric')
  if (!metricEntry) {
    throw reader.error(
      node,
      `${path}.metric`,
      'missing',
      `allowed: ${(scope ? SAMPLE_TYPES : ALL_METRICS).join(', ')}`,
    )
  }
  const metric = readMetric(
    reader,
    metricEntry.value,
    `${path}.metric`,
    scope ? SAMPLE_TYPES : ALL_METRICS,
  )

  const rule: Rule = { id, scope: scope ?? totalScopeOf(metric), metric, line }
  if (pattern) {
    const where = `${path}.${pattern.key}`
    const help =
      'allowed: a glob such as "github.com/acme/svc/cache.*", regex:<expression> or /<expression>/'
    const text = reader.string(pattern.value, where, help)
    rule.match = compileMatcher(text, reader.where(pattern.value, where))
  }
  const profile = entries.get('profile')
  if (profile) {
    const where = `${path}.profile`
    const help =
      'allowed: a glob on the profile name (a package path for go-test output), e.g. "example.com/shop/cache*"'
    rule.profile = compileMatcher(
      reader.string(profile.value, where, help),
      reader.where(profile.value, where),
    )
  }

  const { maxIncrease, minChange, max } = limitEntries(reader, node, path, entries, 'max: 200MiB')
  if (maxIncrease) rule.maxIncrease = readPercent(reader, maxIncrease, `${path}.max-increase`)
  if (minChange)
    rule.minChange = readQuantity(reader, minChange.value, `${path}.min-change`, metric)
  if (max) rule.max = readQuantity(reader, max.value, `${path}.max`, metric)
  return rule
}

/** Reads `limits[index]`, a ceiling shorthand such as `inuse_space < 200MiB`, into a Rule. */
export function parseLimit(reader: ConfigReader, node: unknown, index: number): Rule {
  const path = `limits[${index}]`
  const help = 'write "<metric> < <quantity>", e.g. inuse_space < 200MiB or Goroutines <= 10000'
  const text = reader.string(node, path, help)
  const m = /^\s*([A-Za-z_]+)\s*(<=?)\s*(.+?)\s*$/.exec(text)
  if (!m) throw reader.error(node, path, `${describe(node)} is not a limit`, help)
  const metric = m[1]
  if (!isMetric(metric)) {
    throw reader.error(
      node,
      path,
      `${JSON.stringify(metric)} is not a metric`,
      `allowed: ${ALL_METRICS.join(', ')}`,
    )
  }
  const unit = metricUnit(metric)
  const max = parseQuantity(m[3], unit)
  if (max === undefined) {
    throw reader.error(
      node,
      path,
      `${JSON.stringify(m[3])} is not ${unitNoun(unit)}`,
      quantityExamples(unit),
    )
  }
  return { id: path, scope: totalScopeOf(metric), metric, max, line: reader.line(node) }
}

function readName(
  reader: ConfigReader,
  node: unknown,
  path: string,
  names: Map<string, string>,
): string {
  const name = reader.string(node, `${path}.name`, 'give the rule a short name, e.g. heap-in-use')
  const first = names.get(name)
  if (first !== undefined) {
    throw reader.error(
      node,
      `${path}.name`,
      `${JSON.stringify(name)} is already the name of ${first}`,
      'give each rule its own name',
    )
  }
  names.set(name, path)
  return name
}

function readMetric(
  reader: ConfigReader,
  node: unknown,
  path: string,
  allowed: readonly string[],
): string {
  const value = scalarValue(node)
  if (typeof value !== 'string' || !allowed.includes(value)) {
    const scoped = allowed === SAMPLE_TYPES && typeof value === 'string' && isMetric(value)
    const problem = scoped
      ? `${describe(node)} is not a heap profile sample type (allocator and package rules judge profiles)`
      : `${describe(node)} is not a metric`
    throw reader.error(node, path, problem, `allowed: ${allowed.join(', ')}`)
  }
  return value
}

function readPercent(reader: ConfigReader, entry: Entry, path: string): number {
  const value = scalarValue(entry.value)
  const fraction =
    typeof value === 'string' && value.includes('%') ? parsePercent(value) : undefined
  if (fraction === undefined) {
    throw reader.error(
      entry.value,
      path,
      `${describe(entry.value)} is not a percentage`,
      'use e.g. 10%',
    )
  }
  return fraction
}

function readQuantity(reader: ConfigReader, node: unknown, path: string, metric: string): number {
  const unit = metricUnit(metric)
  const value = scalarValue(node)
  const parsed =
    typeof value === 'string' || typeof value === 'number'
      ? parseQuantity(String(value), unit)
      : undefined
  if (parsed === undefined) {
    throw reader.error(
      node,
      path,
      `${describe(node)} is not ${unitNoun(unit)} (the unit of ${metric})`,
      quantityExamples(unit),
    )
  }
  return parsed
}

/**
 * The limit keys of a rule (here or under benchmarks:), checked for shape: at least one of
 * max-increase and max, and min-change only beside max-increase.
 */
export function limitEntries(
  reader: ConfigReader,
  node: unknown,
  path: string,
  entries: Map<string, Entry>,
  maxExample: string,
): { maxIncrease?: Entry; minChange?: Entry; max?: Entry } {
  const maxIncrease = entries.get('max-increase')
  const minChange = entries.get('min-change')
  const max = entries.get('max')
  if (!maxIncrease && !max) {
    throw reader.error(
      node,
      path,
      'a rule needs max-increase, max or both',
      `e.g. max-increase: 10% or ${maxExample}`,
    )
  }
  if (minChange && !maxIncrease) {
    throw reader.error(
      minChange.keyNode,
      `${path}.min-change`,
      'min-change only applies to max-increase',
      'add max-increase: or remove min-change:',
    )
  }
  return { maxIncrease, minChange, max }
}
