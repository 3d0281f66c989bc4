// The `benchmarks:` section of a config, and the built-in benchmark rules.
import { limitEntries } from './config-rules.js'
import { parseCount, parsePercent, parseQuantity, parseSize } from '../units.js'
import { compileMatcher } from './matcher.js'
import type { BenchmarkRule } from './types.js'
import { describe, scalarValue, type ConfigReader, type Entry } from './yaml-reader.js'

const KEYS = ['name', 'match', 'metric', 'max-increase', 'min-change', 'max', 'ignore-noise']

/**
 * Built-in benchmark rules (every benchmark): B/op may not grow by more than 5 % and 64 B,
 * allocs/op by more than 5 % and 1 allocation (0 → 1 or more is a `new-allocations`
 * finding). Changes the Mann–Whitney test calls noise never fail. ns/op and custom units
 * are reported, not judged, unless a config rule names them.
 */
export const DEFAULT_BENCHMARK_RULES: readonly BenchmarkRule[] = [
  {
    id: 'default:benchmark:B/op',
    match: compileMatcher('*', 'built-in'),
    metric: 'B/op',
    maxIncrease: 0.05,
    minChange: 64,
    ignoreNoise: true,
    line: 0,
  },
  {
    id: 'default:benchmark:allocs/op',
    match: compileMatcher('*', 'built-in'),
    metric: 'allocs/op',
    maxIncrease: 0.05,
    minChange: 1,
    ignoreNoise: true,
    line: 0,
  },
]

/**
 * Parses `benchmarks:` (absent: none) and puts the built-in rules first unless
 * `useDefaults` is false. For one benchmark and unit the last matching rule applies.
 */
export function parseBenchmarkRules(
  reader: ConfigReader,
  node: unknown,
  useDefaults: boolean,
): BenchmarkRule[] {
  const help = 'write a list, one item per line, e.g. - match: "BenchmarkServe*"'
  const names = new Map<string, string>()
  const rules = reader
    .sequence(node, 'benchmarks', help)
    .map((item, i) => parseBenchmarkRule(reader, item, i, names))
  return [...(useDefaults ? DEFAULT_BENCHMARK_RULES : []), ...rules]
}

function parseBenchmarkRule(
  reader: ConfigReader,
  node: unknown,
  index: number,
  names: Map<string, string>,
): BenchmarkRule {
  const path = `benchmarks[${index}]`
  const entries = reader.mapping(node, path, KEYS)
  const required = (key: string, help: string): Entry => {
    const e = entries.get(key)
    if (!e) throw reader.error(node, `${path}.${key}`, 'missing', help)
    return e
  }
  let id = path
  const name = entries.get('name')
  if (name) {
    id = reader.string(name.value, `${path}.name`, 'give the rule a short name, e.g. serve-bytes')
    const first = names.get(id)
    if (first !== undefined) {
      throw reader.error(
        name.value,
        `${path}.name`,
        `${JSON.stringify(id)} is already the name of ${first}`,
        'give each rule its own name',
      )
    }
    names.set(id, path)
  }

  const matchHelp =
    'allowed: a glob on the benchmark name without -N such as "BenchmarkServe*", regex:<expression> or /<expression>/'
  const match = required('match', matchHelp)
  const pattern = reader.string(match.value, `${path}.match`, matchHelp)
  const metricHelp = 'allowed: B/op, allocs/op, ns/op or a custom unit as go test prints it'
  const metricEntry = required('metric', metricHelp)
  const metric = reader.string(metricEntry.value, `${path}.metric`, metricHelp).trim()
  if (/\s/.test(metric)) {
    throw reader.error(
      metricEntry.value,
      `${path}.metric`,
      `${describe(metricEntry.value)} is not a unit`,
      metricHelp,
    )
  }
  if (metric.endsWith('/s')) {
    throw reader.error(
      metricEntry.value,
      `${path}.metric`,
      `${metric} grows when code gets faster, and rules judge increases`,
      'judge ns/op instead',
    )
  }
  const rule: BenchmarkRule = {
    id,
    match: compileMatcher(pattern, reader.where(match.value, `${path}.match`)),
    metric,
    ignoreNoise: true,
    line: reader.line(node),
  }

  const { maxIncrease, minChange, max } = limitEntries(reader, node, path, entries, 'max: 0')
  if (maxIncrease) {
    const value = scalarValue(maxIncrease.value)
    const fraction =
      typeof value === 'string' && value.includes('%') ? parsePercent(value) : undefined
    if (fraction === undefined) {
      throw reader.error(
        maxIncrease.value,
        `${path}.max-increase`,
        `${describe(maxIncrease.value)} is not a percentage`,
        'use e.g. 10%',
      )
    }
    rule.maxIncrease = fraction
  }
  if (minChange) rule.minChange = quantity(reader, minChange.value, `${path}.min-change`, metric)
  if (max) rule.max = quantity(reader, max.value, `${path}.max`, metric)
  const noise = entries.get('ignore-noise')
  if (noise) {
    const value = scalarValue(noise.value)
    if (typeof value !== 'boolean') {
      throw reader.error(
        noise.value,
        `${path}.ignore-noise`,
        `${describe(noise.value)} is not true or false`,
        'allowed: true (a change within run-to-run noise never fails; the default), false (judge the medians alone)',
      )
    }
    rule.ignoreNoise = value
  }
  return rule
}

/** A quantity in a benchmark unit: a size for B/op, a count for allocs/op, a duration for ns/op. */
function quantity(reader: ConfigReader, node: unknown, path: string, metric: string): number {
  const value = scalarValue(node)
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
  let parsed: number | undefined
  let help: string
  if (metric === 'B/op') {
    parsed = text === undefined ? undefined : parseSize(text)
    help = 'use a size, e.g. 64B, 1KiB or 4096 (bytes)'
  } else if (metric === 'allocs/op') {
    parsed = text === undefined ? undefined : parseCount(text)
    help = 'use a count, e.g. 1 or 10'
  } else if (metric === 'ns/op') {
    parsed = text === undefined ? undefined : parseQuantity(text, 'nanoseconds')
    help = 'use a duration, e.g. 500ns, 2us or 1ms'
  } else {
    parsed = text !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : undefined
    help = `use a plain number in ${metric}, e.g. 10 or 0.5`
  }
  if (parsed === undefined) {
    throw reader.error(node, path, `${describe(node)} is not a quantity in ${metric}`, help)
  }
  return parsed
}
