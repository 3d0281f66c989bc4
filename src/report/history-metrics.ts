// Which figures a report follows over the baseline branch's history: the live heap, the
// process's memory and the top grower, each with its recent values and this change's value.
import { historyValues } from '../history/file.js'
import type { History, HistoryKey } from '../history/types.js'
import type { Unit } from '../units.js'
import { focusRows } from './select.js'
import type { ReportInput } from './types.js'

/** Most history values a report shows per metric (the newest). */
export const HISTORY_VALUES = 20

/** One followed figure: the branch's values, oldest first, and the candidate's. */
export interface HistoryMetric {
  metric: string
  /** The function, for the top grower; else the metric name. */
  subject: string
  unit: Unit
  values: number[]
  candidate: number
}

/**
 * inuse_space's total (HeapInuse without a heap profile), RSS (else Sys) and the first
 * allocator row of the focus, when the candidate has them; values from the last
 * HISTORY_VALUES entries that have the figure.
 */
export function historyMetrics(input: ReportInput & { history: History }): HistoryMetric[] {
  const { diff, verdict, history } = input
  const recent: History = { ...history, entries: history.entries.slice(-HISTORY_VALUES) }
  const out: HistoryMetric[] = []
  const add = (key: HistoryKey, metric: string, subject: string, unit: Unit, candidate: number) =>
    out.push({ metric, subject, unit, values: historyValues(recent, key), candidate })
  const inuse = diff.totals.inuse_space
  if (inuse)
    add(
      { scope: 'total', metric: 'inuse_space' },
      'inuse_space',
      'inuse_space',
      inuse.unit,
      inuse.candidate,
    )
  else if (diff.memstats.HeapInuse) {
    const m = diff.memstats.HeapInuse
    add({ scope: 'memstats', metric: 'HeapInuse' }, 'HeapInuse', 'HeapInuse', m.unit, m.candidate)
  }
  const process = diff.memstats.RSS ? 'RSS' : diff.memstats.Sys ? 'Sys' : undefined
  if (process) {
    const m = diff.memstats[process]
    add({ scope: 'memstats', metric: process }, process, process, m.unit, m.candidate)
  }
  const top = focusRows(diff.allocators, verdict.focus)[0]
  if (top) {
    add(
      { scope: 'allocator', metric: top.sampleType, subject: top.function },
      top.sampleType,
      top.function,
      top.unit,
      top.candidate,
    )
  }
  return out
}
