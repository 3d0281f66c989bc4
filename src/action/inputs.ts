// The action's inputs, read through a getter and validated; nothing is read at import time.
import { GateError } from '../errors.js'
import { splitFields } from '../go-test/quote.js'
import { parseDurationMs } from '../units.js'

/** When the PR comment is created. */
export const COMMENT_POLICIES = ['always', 'on-change', 'on-regression', 'never'] as const
export type CommentPolicy = (typeof COMMENT_POLICIES)[number]

/** What a run does; `auto` picks from the event. */
export const MODES = ['auto', 'compare', 'baseline', 'comment', 'merge'] as const
export type Mode = (typeof MODES)[number]

/** Validated inputs. */
export interface ActionInputs {
  /** Globs of the candidate's files. */
  profiles: string[]
  /** Packages to run `gomem-gate go-test` on first (e.g. `./...`); its files join `profiles`. */
  goTest: string[]
  /** More `go test` flags for go-test (e.g. `-tags=integration`), split on spaces. */
  goTestFlags: string[]
  /** URLs of a running service to capture before judging (`gomem-gate capture`). */
  capture: string[]
  /** With `capture`: snapshots to take (1: one capture that joins `profiles`; more: a series). */
  count: number
  /** With `capture` and `count` > 1: the time between snapshots, in ms. */
  everyMs: number
  /** Globs of baseline files on disk; empty: look for a baseline artifact. */
  baseline: string[]
  /** Globs of snapshots of one candidate process over time (leak detection within a run). */
  series: string[]
  config?: string
  token: string
  comment: CommentPolicy
  failOnRegression: boolean
  artifactName: string
  retentionDays?: number
  mode: Mode
  sampleType?: string
  top: number
  /** Globs of the branches whose pushes store a baseline; empty: the default branch. */
  baselineBranches: string[]
  /** Fail the step when the gate could not judge (GitHub unreachable after retries). */
  failOnUnjudged: boolean
  /** Upload the HTML report (flame graph) as an artifact and link it from the comment. */
  htmlReport: boolean
  /** This job is one shard of a matrix (`<artifact-name>-shard-<shard>`); the merge job judges all. */
  shard?: string
  /** For `mode: merge`: the shards expected; one without an artifact fails the verdict. */
  shards: string[]
  /** A shard job fails on its own regression (by default only the merge job fails). */
  failShard: boolean
}

/** A shard name: letters, digits, `.`, `-`, `_`, at most 64 characters; not `.` or `..`. */
export const SHARD_NAME = /^(?!\.\.?$)[A-Za-z0-9._-]{1,64}$/

// Characters GitHub refuses in artifact names; `>` would also end the comment marker.
const BAD_ARTIFACT_NAME = /["':<>|*?\\/\r\n]/

/** Reads and validates every input; a bad one is a GateError that names it. */
export function readInputs(get: (name: string) => string): ActionInputs {
  const mode = oneOf(get, 'mode', MODES, 'auto')
  const profiles = lines(get('profiles'))
  const series = lines(get('series'))
  const artifactName = get('artifact-name').trim() || 'gomem-gate'
  if (BAD_ARTIFACT_NAME.test(artifactName)) {
    throw bad(
      'artifact-name',
      `"${artifactName}" contains a character GitHub refuses`,
      'use letters, digits, - and _',
    )
  }
  const retention = get('retention-days').trim()
  let retentionDays: number | undefined
  if (retention) {
    retentionDays = Number(retention)
    if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 90) {
      throw bad(
        'retention-days',
        `"${retention}" is not a whole number of days from 1 to 90`,
        'e.g. 30',
      )
    }
  }
  const shard = get('shard').trim() || undefined
  const shards = lines(get('shards'))
  for (const [name, value] of [['shard', shard], ...shards.map((n) => ['shards', n])]) {
    if (value !== undefined && !SHARD_NAME.test(value))
      throw bad(
        name!,
        `"${value}" is not a shard name`,
        'use letters, digits, ., - and _, at most 64 characters',
      )
  }
  if (shard && mode === 'merge')
    throw bad('shard', 'must be empty with mode: merge', 'the merge job judges every shard')
  const top = get('top').trim() || '10'
  if (!/^[1-9]\d*$/.test(top)) throw bad('top', `"${top}" is not a positive integer`, 'e.g. 10')
  return {
    profiles,
    goTest: words(get('go-test')),
    goTestFlags: goFlags(get('go-test-flags')),
    ...captureInputs(get),
    baseline: lines(get('baseline')),
    series,
    config: get('config').trim() || undefined,
    token: get('github-token').trim(),
    comment: oneOf(get, 'comment', COMMENT_POLICIES, 'always'),
    failOnRegression: bool(get, 'fail-on-regression', true),
    artifactName,
    retentionDays,
    mode,
    sampleType: get('sample-type').trim() || undefined,
    top: Number(top),
    baselineBranches: lines(get('baseline-branches')),
    failOnUnjudged: bool(get, 'fail-on-unjudged', false),
    htmlReport: bool(get, 'html-report', true),
    shard,
    shards,
    failShard: bool(get, 'fail-shard', false),
  }
}

/**
 * Every mode but `comment` and `merge` judges files of this job, so it needs some. Checked once
 * the mode is decided: `auto` on workflow_run is `comment`, which takes its files from the
 * artifact; `merge` takes them from the shards' artifacts.
 */
export function requireFiles(inputs: ActionInputs, mode: Exclude<Mode, 'auto'>): void {
  if (
    mode === 'comment' ||
    mode === 'merge' ||
    inputs.profiles.length > 0 ||
    inputs.goTest.length > 0 ||
    inputs.capture.length > 0 ||
    inputs.series.length > 0
  )
    return
  throw bad(
    'profiles',
    'is required',
    'list the globs of your heap profiles and MemStats files, one per line, or give go-test: ./... to have the tests write them',
  )
}

/** `capture`, `count` and `every`: what to fetch from a running service, and how often. */
function captureInputs(
  get: (name: string) => string,
): Pick<ActionInputs, 'capture' | 'count' | 'everyMs'> {
  const capture = lines(get('capture'))
  for (const url of capture) {
    if (!/^https?:\/\/[^\s/]/i.test(url))
      throw bad(
        'capture',
        `${JSON.stringify(url)} is not an http(s) URL`,
        'e.g. http://localhost:6060',
      )
  }
  const countText = get('count').trim() || '1'
  if (!/^[1-9]\d{0,3}$/.test(countText))
    throw bad('count', `"${countText}" is not a whole number from 1 to 9999`, 'e.g. 10')
  const everyText = get('every').trim() || '10s'
  const everyMs = parseDurationMs(everyText)
  if (everyMs === undefined)
    throw bad('every', `"${everyText}" is not a duration between 1ms and 24h`, 'e.g. 10s or 500ms')
  return { capture, count: Number(countText), everyMs }
}

/** Splits an input on whitespace (package patterns hold none). */
function words(value: string): string[] {
  return value.split(/\s+/).filter((w) => w !== '')
}

/** go test flags, split at blanks outside quotes as `gomem-gate go-test --go-flags` does. */
function goFlags(value: string): string[] {
  try {
    return splitFields(value)
  } catch {
    throw bad(
      'go-test-flags',
      `${JSON.stringify(value)} has an unbalanced quote`,
      "e.g. -tags=integration -run 'TestA|TestB'",
    )
  }
}

/** Splits a multi-line input: one entry per line, blank lines and `#` comments ignored. */
function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
}

function oneOf<T extends string>(
  get: (n: string) => string,
  name: string,
  allowed: readonly T[],
  dflt: T,
): T {
  const v = get(name).trim() || dflt
  if (!(allowed as readonly string[]).includes(v)) {
    throw bad(name, `"${v}" is not allowed`, `use one of ${allowed.join(', ')}`)
  }
  return v as T
}

function bool(get: (n: string) => string, name: string, dflt: boolean): boolean {
  const v = get(name).trim().toLowerCase()
  if (!v) return dflt
  if (v === 'true') return true
  if (v === 'false') return false
  throw bad(name, `"${v}" is not a boolean`, 'use true or false')
}

function bad(name: string, what: string, hint: string): GateError {
  return new GateError('USAGE', `input ${name}: ${what}`, hint)
}
