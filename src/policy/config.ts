// Reads a policy from the text of a YAML config (the shell does the file I/O) and merges
// it with the built-in defaults.
import { parseIgnore, parseWaiver } from './config-waivers.js'
import { parseLimit, parseRule } from './config-rules.js'
import { parseLeaks } from './config-leaks.js'
import { DEFAULT_BENCHMARK_RULES, parseBenchmarkRules } from './config-benchmarks.js'
import { DEFAULT_CONFIDENCE, DEFAULT_LEAKS, DEFAULT_RULES, ruleKey } from './defaults.js'
import { parsePercent } from '../units.js'
import type { Policy, Rule } from './types.js'
import { ConfigReader, describe, scalarValue } from './yaml-reader.js'

/** Default location of the config file, relative to the repository root. */
export const DEFAULT_CONFIG_PATH = '.github/gomem-gate.yml'

/** `Policy.source` when no config file exists. */
export const BUILT_IN_SOURCE = 'built-in defaults'

const TOP_KEYS = [
  'version',
  'defaults',
  'confidence',
  'rules',
  'limits',
  'ignore',
  'waivers',
  'leaks',
  'benchmarks',
]

/** The built-in policy: default rules, nothing ignored, no waivers. */
export function defaultPolicy(): Policy {
  return {
    source: BUILT_IN_SOURCE,
    rules: [...DEFAULT_RULES],
    ignore: [],
    waivers: [],
    leaks: { ...DEFAULT_LEAKS },
    confidence: DEFAULT_CONFIDENCE,
    benchmarks: [...DEFAULT_BENCHMARK_RULES],
  }
}

/**
 * Parses and validates a config. `text` undefined means there is no config file (built-in
 * defaults); an empty file means the defaults too. `source` names the file in messages.
 * Throws a GateError (CONFIG_SYNTAX or CONFIG_INVALID) whose message is one line
 * `<file>:<line>: <key path>: <problem>; <what is allowed>`.
 */
export function loadPolicy(text: string | undefined, source: string): Policy {
  if (text === undefined) return defaultPolicy()
  const reader = ConfigReader.parse(text, source)
  const root = reader.root
  if (root === null || scalarValue(root) === null) {
    return { ...defaultPolicy(), source }
  }
  const top = reader.mapping(root, '', TOP_KEYS)

  const version = top.get('version')
  if (version && scalarValue(version.value) !== 1) {
    throw reader.error(
      version.value,
      'version',
      `${describe(version.value)} is not supported`,
      'allowed: 1',
    )
  }
  let useDefaults = true
  const defaults = top.get('defaults')
  if (defaults) {
    const value = scalarValue(defaults.value)
    if (typeof value !== 'boolean') {
      throw reader.error(
        defaults.value,
        'defaults',
        `${describe(defaults.value)} is not true or false`,
        'allowed: true (start from the built-in rules), false (only the rules in this file)',
      )
    }
    useDefaults = value
  }

  const listHelp = (example: string) => `write a list, one item per line, e.g. - ${example}`
  const names = new Map<string, string>()
  const rules = reader
    .sequence(top.get('rules')?.value, 'rules', listHelp('metric: inuse_space ...'))
    .map((node, i) => parseRule(reader, node, i, names))
  const limits = reader
    .sequence(top.get('limits')?.value, 'limits', listHelp('inuse_space < 200MiB'))
    .map((node, i) => parseLimit(reader, node, i))
  const ignore = reader
    .sequence(top.get('ignore')?.value, 'ignore', listHelp('"runtime/pprof.*"'))
    .map((node, i) => parseIgnore(reader, node, i))
  const waivers = reader
    .sequence(top.get('waivers')?.value, 'waivers', listHelp('subject: ...'))
    .map((node, i) => parseWaiver(reader, node, i))

  const leaks = parseLeaks(reader, top.get('leaks')?.value)
  const confidence = parseConfidence(reader, top.get('confidence')?.value)
  const benchmarks = parseBenchmarkRules(reader, top.get('benchmarks')?.value, useDefaults)
  return {
    source,
    rules: mergeRules(useDefaults, rules, limits),
    ignore,
    waivers,
    leaks,
    confidence,
    benchmarks,
  }
}

/** `confidence: 99%`: how sure a sampled change must be before it can fail a rule. */
function parseConfidence(reader: ConfigReader, node: unknown): number {
  if (node === undefined) return DEFAULT_CONFIDENCE
  const text = String(scalarValue(node) ?? '')
  const value = parsePercent(text)
  if (value === undefined || !text.includes('%') || value < 0.5 || value >= 1) {
    throw reader.error(
      node,
      'confidence',
      `${describe(node)} is not allowed`,
      'use a percentage from 50% to 99.99%, e.g. 99%',
    )
  }
  return value
}

/**
 * Defaults (unless turned off) minus those a user rule replaces, then the user rules, then
 * the limits. Limits only add ceilings; they never replace a default.
 */
function mergeRules(useDefaults: boolean, rules: Rule[], limits: Rule[]): Rule[] {
  const replaced = new Set(rules.map(ruleKey))
  const kept = useDefaults ? DEFAULT_RULES.filter((r) => !replaced.has(ruleKey(r))) : []
  return [...kept, ...rules, ...limits]
}
