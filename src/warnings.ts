// Soft problems as values: made where they arise (formats, analysis, policy), shown by every
// report. A problem that stops the compare is a GateError (errors.ts) instead.

/** What kind of soft problem a warning is; stable, for scripts and tests. */
export type WarningCode =
  /** formats: a debug=1 heap profile without symbols (functions shown as addresses). */
  | 'no-symbols'
  /** formats: a debug=1 heap profile without its `# runtime.MemStats` trailer. */
  | 'no-memstats-trailer'
  /** formats: a line of benchmark output that could not be read, skipped. */
  | 'malformed-benchmark'
  /** formats: lines of a go test -json file that are not events, skipped. */
  | 'not-test-json'
  /** analysis: several files of a side carry MemStats; they are added up. */
  | 'memstats-added'
  /** analysis: the two sides were sampled at different MemProfileRates. */
  | 'sampling-periods-differ'
  /** analysis: the baseline has MemStats but no heap profile. */
  | 'baseline-without-profile'
  /** analysis: --stacks left out the smallest call stacks. */
  | 'stacks-omitted'
  /** analysis: too few repeated runs for a significance test. */
  | 'too-few-runs'
  /** analysis: the baseline has no benchmark results. */
  | 'baseline-without-benchmarks'
  /** analysis: benchmarks only the baseline has. */
  | 'benchmarks-gone'
  /** analysis: profiles (packages) only one side has, left out of the whole side's totals. */
  | 'profiles-unmatched'
  /** policy: a configured rule found nothing to judge and was skipped. */
  | 'rule-skipped'
  /** policy: a configured rule's pattern matches nothing. */
  | 'pattern-matches-nothing'
  /** policy: no rule had a figure on both sides, so nothing was compared. */
  | 'nothing-compared'
  /** policy: a series too short for a leak verdict. */
  | 'series-too-short'
  /** policy: a history too short to learn the noise from; judged as without one. */
  | 'history-too-short'
  /** shell: the baseline exists but could not be fetched (GitHub unreachable): not judged. */
  | 'baseline-unavailable'
  /** explain: several files of one kind for one snapshot; the first is used, the others fill gaps. */
  | 'explain-duplicate'

/** A soft problem: the compare goes on, and every report shows it. */
export interface Warning {
  code: WarningCode
  /** One line for a person, as the reports print it. */
  message: string
  /** The file, rule or benchmark it is about, when it is about one. */
  subject?: string
}

/** A warning; `subject` names the file, rule or benchmark when there is one. */
export function warning(code: WarningCode, message: string, subject?: string): Warning {
  return subject === undefined ? { code, message } : { code, message, subject }
}
