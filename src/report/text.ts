// Renders the terminal report: compact aligned columns, colour only when asked for.
import type { Change } from '../analysis/types.js'
import type { Judgement, JudgedRow, Verdict } from '../policy/types.js'
import { formatBytes, type Unit } from '../units.js'
import { escapeTerminal as clean } from './escape.js'
import { goroutineLines } from './goroutines.js'
import {
  allWarnings,
  focusRows,
  growers,
  hasDeltas,
  runtimeMemstatsFields,
  pprofCommands,
  totalTypes,
} from './select.js'
import { benchmarkLines } from './text-benchmarks.js'
import { leakLines } from './text-leaks.js'
import { columns, deltaStyle, paint, type Cell, type Style } from './text-layout.js'
import { memoryLines, wrap } from './text-memory.js'
import type { ReportInput } from './types.js'
import {
  couldNotJudge,
  deltaText,
  expiredWaiverText,
  focusPhrase,
  INCONCLUSIVE_ADVICE,
  MISSING,
  noiseText,
  originText,
  percentText,
  shareText,
  valueText,
  methodsLine,
  verdictDetail,
  violationChange,
} from './wording.js'

/** Heaviest stacks the terminal report prints, and frames per stack. */
const TEXT_STACKS = 3
const TEXT_FRAMES = 10

const LABELS: Record<Verdict['status'], [string, Style]> = {
  fail: ['FAIL', 'bold-red'],
  pass: ['PASS', 'bold-green'],
  'no-baseline': ['INFO', 'yellow'],
}
/** A pass that could not judge (couldNotJudge): not a plain PASS. */
const UNJUDGED: [string, Style] = ['WARN', 'yellow']

/** The text report; without `input.color` it contains no escape codes at all. */
export function renderText(input: ReportInput): string {
  const { diff, verdict } = input
  const color = input.color === true
  const [label, labelStyle] = couldNotJudge(verdict) ? UNJUDGED : LABELS[verdict.status]
  const out = [
    `${paint(label, labelStyle, color)}  gomem-gate: ${verdictDetail(verdict, clean)} ` +
      paint(`(policy: ${clean(verdict.policySource)})`, 'dim', color),
  ]
  const phrase = focusPhrase(diff, verdict, clean)
  if (phrase) out.push(`      ${phrase}`)

  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push('', title, ...lines)
  }
  const table = (head: string[], rows: Cell[][], align: string) =>
    rows.length > 0 ? columns([head, ...rows], align, color) : []

  section(
    'Violations',
    table(
      ['rule', 'subject', 'metric', 'baseline', 'candidate', 'change', 'limit'],
      verdict.violations.map((v) => [
        { text: clean(v.rule), style: 'red' },
        clean(v.subject),
        clean(v.metric),
        valueText(v.baseline, v.unit),
        valueText(v.candidate, v.unit),
        { text: violationChange(v), style: deltaStyle(v.delta) },
        clean(v.limitText),
      ]),
      'lllrrrl',
    ).concat(verdict.violations.length > 0 ? [`  ${methodsLine(verdict.violations, clean)}`] : []),
  )
  const unsure = table(
    ['rule', 'subject', 'metric', 'change', 'noise (1σ)', 'limit'],
    verdict.inconclusive.map((v) => [
      { text: clean(v.rule), style: 'yellow' },
      clean(v.subject),
      clean(v.metric),
      violationChange(v),
      noiseText(v),
      clean(v.limitText),
    ]),
    'lllrrl',
  )
  section(
    'Inconclusive: over the limit, within the sampling noise',
    unsure.length > 0 ? [...unsure, '', ...wrap(INCONCLUSIVE_ADVICE, '  ')] : [],
  )
  section(...leakLines(diff.series, verdict.leakSuspects ?? [], color, verdict.leakCheck))
  section(
    'Waived',
    table(
      ['rule', 'subject', 'metric', 'change', 'expires', 'reason'],
      verdict.waived.map((w) => [
        clean(w.rule),
        clean(w.subject),
        clean(w.metric),
        violationChange(w),
        clean(w.waiver.expires),
        clean(w.waiver.reason),
      ]),
      'lllrll',
    ),
  )
  section(
    'Expired waivers',
    verdict.expiredWaivers.map((w) => paint(`  ! ${expiredWaiverText(w, clean)}`, 'yellow', color)),
  )
  section('Benchmarks', benchmarkLines(diff, color))

  const rows = focusRows(diff.allocators, verdict.focus)
  const compared = hasDeltas(rows)
  const all = growers(rows, Infinity)
  const top = all.slice(0, Math.max(0, Math.floor(input.top)))
  const total = diff.totals[verdict.focus]?.candidate
  const focus = clean(verdict.focus)
  if (rows.length > 0 || diff.totals[verdict.focus]) {
    section(
      compared ? `Top growing allocators (${focus})` : `Largest allocators (${focus})`,
      all.length === 0
        ? [rows.length === 0 ? '  no allocation samples' : '  no allocator grew']
        : [
            ...(diff.origin ? [`  the top grower is ${originText(diff.origin, clean)}`, ''] : []),
            ...changeColumns(top, compared, total, color),
            ...stacks(top, color),
          ],
    )
  }
  const groups: [string, JudgedRow[]][] = [['packages', diff.packages]]
  if (diff.stacks) groups.push(['call stacks (leaf first)', diff.stacks])
  for (const [what, all] of groups) {
    const group = focusRows(all, verdict.focus)
    section(
      compared ? `Top growing ${what} (${focus})` : `Largest ${what} (${focus})`,
      changeColumns(growers(group, Math.min(5, input.top)), hasDeltas(group), total, color),
    )
  }
  section(
    'Totals',
    figures('sample type', totalTypes(diff), (t) => diff.totals[t], color),
  )
  section('Goroutines', goroutineLines(diff.goroutines, diff.leakedGoroutines))
  section('Where the memory is', memoryLines(diff, color))
  section(
    'MemStats',
    figures('field', runtimeMemstatsFields(diff), (f) => diff.memstats[f], color),
  )
  section(
    'Inputs',
    table(
      ['side', 'format', `${focus} total`, 'period', 'file'],
      diff.files.map((f) => [
        f.side,
        f.format,
        f.totals[verdict.focus] === undefined
          ? MISSING
          : valueText(f.totals[verdict.focus], diff.totals[verdict.focus]?.unit ?? 'bytes'),
        f.period > 0 ? formatBytes(f.period) : MISSING,
        { text: clean(f.source), style: 'dim' },
      ]),
      'llrrl',
    ),
  )
  section(
    'Explore in pprof',
    pprofCommands(diff, verdict.focus).map((c) => `  ${c}`),
  )
  section(
    'Warnings',
    allWarnings(diff, verdict).map((w) => paint(`  ! ${clean(w.message)}`, 'yellow', color)),
  )
  return out.join('\n') + '\n'
}

function changeColumns(
  rows: JudgedRow[],
  compared: boolean,
  total: number | undefined,
  color: boolean,
): string[] {
  if (rows.length === 0) return []
  if (!compared) {
    return columns(
      [
        ['candidate', 'share', 'name'],
        ...rows.map((r) => [
          valueText(r.candidate, r.unit),
          shareText(r.candidate, total),
          clean(r.function),
        ]),
      ],
      'rrl',
      color,
    )
  }
  const body: Cell[][] = rows.map((r) => [
    { text: deltaText(r, r.unit), style: deltaStyle(r.delta) },
    { text: percentText(r), style: deltaStyle(r.delta) },
    valueText(r.baseline, r.unit),
    '→',
    valueText(r.candidate, r.unit),
    clean(r.function),
  ])
  return columns([['Δ', '%', 'baseline', '', 'candidate', 'name'], ...body], 'rrrlrl', color)
}

function stacks(rows: JudgedRow[], color: boolean): string[] {
  const out: string[] = []
  for (const r of rows.slice(0, TEXT_STACKS)) {
    if (r.stack.length === 0) continue
    out.push('', `  heaviest stack of ${clean(r.function)}:`)
    for (const f of r.stack.slice(0, TEXT_FRAMES)) {
      const at = f.file ? ` (${clean(f.file)}${f.line > 0 ? `:${f.line}` : ''})` : ''
      out.push(`    ${clean(f.function)}${paint(at, 'dim', color)}`)
    }
    if (r.stack.length > TEXT_FRAMES)
      out.push(paint(`    … ${r.stack.length - TEXT_FRAMES} more frames`, 'dim', color))
  }
  return out
}

function figures(
  name: string,
  keys: string[],
  get: (key: string) => Change & Judgement & { unit: Unit },
  color: boolean,
): string[] {
  if (keys.length === 0) return []
  if (!keys.some((k) => get(k).baseline !== null)) {
    const rows = keys.map((k) => [clean(k), valueText(get(k).candidate, get(k).unit)])
    return columns([[name, 'candidate'], ...rows], 'lr', color)
  }
  const rows: Cell[][] = keys.map((k) => {
    const c = get(k)
    return [
      clean(k),
      valueText(c.baseline, c.unit),
      valueText(c.candidate, c.unit),
      { text: deltaText(c, c.unit), style: deltaStyle(c.delta) },
      { text: percentText(c), style: deltaStyle(c.delta) },
    ]
  })
  return columns([[name, 'baseline', 'candidate', 'Δ', '%'], ...rows], 'lrrrr', color)
}
