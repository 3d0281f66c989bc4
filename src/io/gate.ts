// The compare both shells run: read the policy and the files of each side, diff, judge.
import { existsSync, readFileSync } from 'node:fs'
import { diff } from '../analysis/index.js'
import type { Diff } from '../analysis/types.js'
import { GateError } from '../errors.js'
import { readSnapshot } from '../formats/index.js'
import { BUILT_IN_SOURCE, DEFAULT_CONFIG_PATH, evaluate, loadPolicy } from '../policy/index.js'
import type { Policy, Verdict } from '../policy/types.js'
import { readSide } from './files.js'

/** What to compare, and how each input is named in error messages. */
export interface GateRequest {
  baseline: string[]
  candidate: string[]
  /** Policy file; undefined: DEFAULT_CONFIG_PATH when it exists, else the defaults. */
  config?: string
  labels: { baseline: string; candidate: string; config: string }
  /** Today's date, YYYY-MM-DD. */
  today: string
  sampleType?: string
  stacks?: boolean
}

/** The judged diff. */
export interface GateResult {
  diff: Diff
  verdict: Verdict
  policy: Policy
}

/** Runs the compare; user mistakes surface as GateErrors naming the input. */
export function runGate(req: GateRequest): GateResult {
  const policy = loadPolicy(...readConfig(req.config, req.labels.config))
  const read = (patterns: string[], label: string) =>
    readSide(patterns, label).map((f) => readSnapshot(f.bytes, f.path))
  const baseline = req.baseline.length > 0 ? read(req.baseline, req.labels.baseline) : []
  const candidate = read(req.candidate, req.labels.candidate)
  const d = diff(baseline, candidate, { sampleType: req.sampleType, stacks: req.stacks })
  return { diff: d, verdict: evaluate(d, policy, req.today), policy }
}

function readConfig(path: string | undefined, label: string): [string | undefined, string] {
  const file = path ?? (existsSync(DEFAULT_CONFIG_PATH) ? DEFAULT_CONFIG_PATH : undefined)
  if (!file) return [undefined, BUILT_IN_SOURCE]
  try {
    return [readFileSync(file, 'utf8'), file]
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new GateError(
      'READ_FAILED',
      `${label} ${file}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
      'check the path, or leave it out to use the defaults',
    )
  }
}
