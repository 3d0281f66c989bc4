// The compare both shells run, from inputs to the judged diff: read the policy, expand
// and read the files of each side (and the series), diff, judge.
import { existsSync } from 'node:fs'
import { diff, diffByProfile, diffRuns } from '../analysis/index.js'
import { orderSnapshots } from '../analysis/series.js'
import { GateError } from '../errors.js'
import type { StackFold } from '../formats/fold/stack-table.js'
import type { Snapshot } from '../formats/model.js'
import { readHistory } from '../history/file.js'
import type { History } from '../history/types.js'
import { BUILT_IN_SOURCE, DEFAULT_CONFIG_PATH, evaluate, loadPolicy } from '../policy/index.js'
import type { Judged, Policy } from '../policy/types.js'
import { expandSide, listRuns, readSmallText } from './files.js'
import { count, MAX_CONFIG_BYTES, MAX_SIDE_FUNCTIONS } from './limits.js'
import { readAll, type ReadResult } from './pool.js'
import type { DriverSettings } from './settings.js'

/** What to compare, and how each input is named in error messages. */
export interface CompareRequest {
  baseline: string[]
  /** May be empty when `series` is given: the series' last snapshots are the candidate. */
  candidate: string[]
  /** Snapshots of one candidate process over time, for leak detection within the run. */
  series?: string[]
  /** Policy file; undefined: DEFAULT_CONFIG_PATH when it exists, else the defaults. */
  config?: string
  labels: { baseline: string; candidate: string; config: string; series: string }
  /** Today's date, YYYY-MM-DD. */
  today: string
  sampleType?: string
  /** Fold whole stacks (--stacks); `'prefixes'` also rolls the small ones into their callers. */
  stacks?: StackFold
  /** A baseline branch's history file (gomem-gate record, or the Action's artifact). */
  history?: string
  /** How the history file is named in errors (default `--history`). */
  historyLabel?: string
}

/** Where the time of a compare went (DriverSettings.debug). */
export interface Timings {
  files: number
  onWorkers: ReadResult['onWorkers']
  readMs: number
  judgeMs: number
}

/** The judged diff and its verdict (what `evaluate` returned), with the policy used. */
export interface CompareResult extends Judged {
  policy: Policy
  /** The history read from CompareRequest.history, passed to evaluate and the reports. */
  history?: History
  /** Only when settings.debug. */
  timings?: Timings
}

/** Runs the compare; user mistakes surface as GateErrors naming the input. */
export async function compare(
  req: CompareRequest,
  settings: DriverSettings,
): Promise<CompareResult> {
  const policy = loadPolicy(...readConfig(req.config, req.labels.config))
  // Read before the profiles: a broken history fails fast, naming the file.
  const history = req.history ? readHistory(req.history, req.historyLabel) : undefined
  const baseRuns = req.baseline.length > 0 ? listRuns(req.baseline, req.labels.baseline) : []
  const candRuns = req.candidate.length > 0 ? listRuns(req.candidate, req.labels.candidate) : []
  const seriesPaths =
    req.series && req.series.length > 0 ? expandSide(req.series, req.labels.series) : []
  const started = performance.now()
  // Every file, series included, goes through one read; series first, as they always failed first.
  const { snapshots, onWorkers } = await readAll(
    [
      ...seriesPaths.map((path) => ({ path, label: req.labels.series })),
      // Reports show the candidate's heaviest stacks only: a baseline's are not built.
      ...baseRuns.flat().map((path) => ({ path, label: req.labels.baseline, heaviest: false })),
      ...candRuns.flat().map((path) => ({ path, label: req.labels.candidate })),
    ],
    { stacks: req.stacks },
    settings,
  )
  const read = performance.now()
  const load = (runs: string[][]) => runs.map((run) => run.map((path) => snapshots.get(path)!))
  const given = seriesPaths.map((path) => snapshots.get(path)!)
  const base = load(baseRuns)
  const cand = candRuns.length > 0 ? load(candRuns) : [lastOf(given)]
  refuseDisjoint(base.flat(), cand.flat())
  refuseTooManyFunctions(base.flat(), req.labels.baseline)
  refuseTooManyFunctions(cand.flat(), req.labels.candidate)
  // A gctrace log is a series by nature: the candidate's are judged for leaks within their
  // runs without --series (docs/leaks.md). This is the one place that decides it.
  const traces = cand.flat().filter((s) => s.gcRuns && !given.includes(s))
  const series = [...given, ...traces]
  const opts = { sampleType: req.sampleType, stacks: req.stacks, series }
  // Several runs on a side: medians and the U test; one run each: the sampling model.
  const runs = base.length > 1 || cand.length > 1
  // Per package (go-test output) for one run per side; repeated runs are judged whole.
  const d = runs
    ? diffRuns(base, cand, opts)
    : (diffByProfile(base[0] ?? [], cand[0], opts) ?? diff(base[0] ?? [], cand[0], opts))
  const judged = evaluate(d, policy, req.today, history)
  const timings = settings.debug
    ? {
        files: snapshots.size,
        onWorkers,
        readMs: read - started,
        judgeMs: performance.now() - read,
      }
    : undefined
  return { ...judged, policy, ...(history ? { history } : {}), timings }
}

/**
 * The end state of a series: its last heap profile and its last MemStats file, by the same
 * order the series analysis uses.
 */
function lastOf(series: Snapshot[]): Snapshot[] {
  const last = (pick: (s: Snapshot) => boolean) => {
    const ordered = orderSnapshots(series.filter(pick))
    return ordered.length > 0 ? [ordered[ordered.length - 1]] : []
  }
  return [
    ...last((s) => s.profile !== undefined),
    ...last((s) => !s.profile && s.memstats !== undefined),
  ]
}

/** What a file holds, as the refusal below names it. */
function kindOf(s: Snapshot): string {
  if (s.benchmarks) return 'benchmark results'
  if (s.profile) return 'heap profiles'
  if (s.goroutines) return 'goroutine profiles'
  if (s.gcRuns) return 'gctrace logs'
  return 'MemStats'
}

/**
 * One side of benchmark results only, the other of none: nothing is compared, and a
 * heap profile against `go test -bench` output must not read as a fall to 0 B.
 */
function refuseDisjoint(base: Snapshot[], cand: Snapshot[]): void {
  if (base.length === 0 || cand.length === 0) return
  const kinds = (side: Snapshot[]) => [...new Set(side.map(kindOf))]
  const [b, c] = [kinds(base), kinds(cand)]
  const only = (k: string[]) => k.length === 1 && k[0] === 'benchmark results'
  const none = (k: string[]) => !k.includes('benchmark results')
  const say = (one: string, k1: string[], other: string, k2: string[]) =>
    new GateError(
      'USAGE',
      `the ${one} has only ${k1.join(' and ')} and the ${other} only ${k2.join(' and ')}: nothing to compare`,
      'give both sides the same kind of file',
    )
  if (only(c) && none(b)) throw say('candidate', c, 'baseline', b)
  if (only(b) && none(c)) throw say('baseline', b, 'candidate', c)
}

/** A side whose profiles hold more distinct functions together than MAX_SIDE_FUNCTIONS. */
function refuseTooManyFunctions(side: Snapshot[], label: string): void {
  const folds = side.flatMap((s) => (s.profile ? [s.profile.fold.functions.names] : []))
  // The sum bounds the distinct count: only a side that may pass counts them.
  if (folds.reduce((n, names) => n + names.length, 0) <= MAX_SIDE_FUNCTIONS) return
  const distinct = new Set<string>()
  for (const names of folds) for (const name of names) distinct.add(name)
  if (distinct.size <= MAX_SIDE_FUNCTIONS) return
  throw new GateError(
    'TOO_LARGE',
    `${label}: its ${folds.length} profiles hold ${count(distinct.size)} distinct functions together, over the ${count(MAX_SIDE_FUNCTIONS)} limit`,
    'pass the profiles of one program; real ones hold a few thousand functions',
  )
}

function readConfig(path: string | undefined, label: string): [string | undefined, string] {
  const file = path ?? (existsSync(DEFAULT_CONFIG_PATH) ? DEFAULT_CONFIG_PATH : undefined)
  if (!file) return [undefined, BUILT_IN_SOURCE]
  try {
    const text = readSmallText(file, label, MAX_CONFIG_BYTES, 'a policy file is a few KiB of YAML')
    return [text, file]
  } catch (err) {
    if (err instanceof GateError && err.message.endsWith(': no such file')) {
      throw new GateError(
        err.code,
        err.message,
        'check the path, or leave it out to use the defaults',
      )
    }
    throw err
  }
}
