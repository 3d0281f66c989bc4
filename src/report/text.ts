// Renders the terminal report: compact aligned columns within the terminal's width, colour
// only when asked for and only for changes beyond the noise, the verdict first and last.
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
import {
  clip,
  columns,
  cut,
  DEFAULT_WIDTH,
  deltaStyle,
  paint,
  visibleWidth,
  words,
  wrap,
  wrapWords,
  type Cell,
  type Style,
} from './text-layout.js'
import { shardRows } from './shards.js'
import { memoryLines } from './text-memory.js'
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
  partOf,
  percentText,
  shareText,
  valueText,
  limitShort,
  methodsLine,
  verdictDetail,
  violationChange,
} from './wording.js'
import { profileLines } from './text-profiles.js'

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
/** A report longer than this repeats its verdict as its last line (the first has scrolled away). */
const REPEAT_VERDICT_AFTER = 20
/** Continuation lines of the verdict start under its text, after `FAIL  `. */
const VERDICT_HANG = '      '

/**
 * The text report, every line within `input.width` columns (default DEFAULT_WIDTH); without
 * `input.color` it contains no escape codes at all.
 */
export function renderText(input: ReportInput): string {
  const { diff, verdict } = input
  const color = input.color === true
  const width = input.width !== undefined && input.width > 0 ? input.width : DEFAULT_WIDTH
  const [label, labelStyle] = couldNotJudge(verdict) ? UNJUDGED : LABELS[verdict.status]
  const policy = words(`(policy: ${clean(verdict.policySource)})`).map((w) =>
    paint(w, 'dim', color),
  )
  const verdictLines = wrapWords(
    // The label and the text after it are two spaces apart.
    [
      `${paint(label, labelStyle, color)} `,
      ...words(`gomem-gate: ${verdictDetail(verdict, clean)}`),
      ...policy,
    ],
    width,
    '',
    VERDICT_HANG,
  )
  const out = [...verdictLines]
  const phrase = focusPhrase(diff, verdict, clean)
  if (phrase) out.push(...wrap(phrase, width, VERDICT_HANG))

  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push('', paint(cut(title, width, 'end'), 'bold', color), ...lines)
  }
  const table = (head: string[], rows: Cell[][], fit: string) =>
    rows.length > 0 ? columns([head, ...rows], fit, color, width) : []
  const sentence = (text: string) => wrap(text, width, '  ', '    ')
  const sentences = (text: string | undefined) => (text ? sentence(text) : [])
  const notice = (text: string) => sentence(`! ${text}`).map((l) => paint(l, 'yellow', color))

  section(
    'Shards',
    table(
      ['shard', 'status', 'violations', 'problem'],
      shardRows(verdict).map(([name, status, n, problem]) => [
        clean(name),
        {
          text: status,
          style: status === 'pass' ? 'green' : status === 'no baseline' ? 'yellow' : 'red',
        },
        n,
        clean(problem),
      ]),
      'ggrw',
    ),
  )
  section(
    'Violations',
    table(
      ['rule', 'subject', 'metric', 'baseline', 'candidate', 'change', 'limit'],
      verdict.violations.map((v) => [
        { text: clean(v.rule), style: 'red' },
        subjectText(v),
        clean(v.metric),
        valueText(v.baseline, v.unit),
        valueText(v.candidate, v.unit),
        { text: violationChange(v), style: deltaStyle(v.delta, v.changeSignificance) },
        clean(limitShort(v)),
      ]),
      'ggmrrrw',
    ).concat(sentences(methodsLine(verdict.violations, clean))),
  )
  const unsure = table(
    ['rule', 'subject', 'metric', 'change', 'noise (1σ)', 'limit'],
    verdict.inconclusive.map((v) => [
      clean(v.rule),
      subjectText(v),
      clean(v.metric),
      violationChange(v),
      noiseText(v),
      clean(limitShort(v)),
    ]),
    'ggmrrw',
  )
  section(
    'Inconclusive: over the limit, within the sampling noise',
    unsure.length > 0 ? [...unsure, '', ...wrap(INCONCLUSIVE_ADVICE, width, '  ')] : [],
  )
  section(...leakLines(diff.series, verdict.leakSuspects ?? [], color, verdict.leakCheck, width))
  section(
    'Waived',
    table(
      ['rule', 'subject', 'metric', 'change', 'expires', 'reason'],
      verdict.waived.map((w) => [
        clean(w.rule),
        subjectText(w),
        clean(w.metric),
        violationChange(w),
        clean(w.waiver.expires),
        clean(w.waiver.reason),
      ]),
      'ggmrlw',
    ),
  )
  section(
    'Expired waivers',
    verdict.expiredWaivers.flatMap((w) => notice(expiredWaiverText(w, clean))),
  )
  section('Benchmarks', benchmarkLines(diff, color, width))

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
            ...(diff.origin
              ? [...sentence(`the top grower is ${originText(diff.origin, clean)}`), '']
              : []),
            ...changeColumns(top, compared, total, color, width),
            ...stacks(top, color, width),
          ],
    )
  }
  // A package keeps the end of its path; a stack its leaf, which comes first.
  const groups: [string, JudgedRow[], NameCut][] = [['packages', diff.packages, 'g']]
  if (diff.stacks) groups.push(['call stacks (leaf first)', diff.stacks, 'e'])
  for (const [what, all, cutAt] of groups) {
    const group = focusRows(all, verdict.focus)
    const shown = growers(group, Math.min(5, input.top))
    section(
      compared ? `Top growing ${what} (${focus})` : `Largest ${what} (${focus})`,
      changeColumns(shown, hasDeltas(group), total, color, width, cutAt),
    )
  }
  section(...profileLines(input, color, width))
  section(
    'Totals',
    figures('sample type', totalTypes(diff), (t) => diff.totals[t], color, width),
  )
  section('Goroutines', goroutineLines(diff.goroutines, diff.leakedGoroutines, width))
  section('Where the memory is', memoryLines(diff, color, width))
  section(
    'MemStats',
    figures('field', runtimeMemstatsFields(diff), (f) => diff.memstats[f], color, width),
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
      'llrrm',
    ),
  )
  section(
    'Explore in pprof',
    pprofCommands(diff, verdict.focus).flatMap((c) => commandLines(c, width)),
  )
  section(
    'Warnings',
    allWarnings(diff, verdict).flatMap((w) => notice(clean(w.message))),
  )
  // Long output scrolls the verdict away: it comes again, the same text, as the last line.
  if (out.length > REPEAT_VERDICT_AFTER) out.push('', ...verdictLines)
  return out.map((l) => clip(l, width)).join('\n') + '\n'
}

/**
 * A shell command on lines within `width`, broken only between arguments (never inside a
 * quoted one) and continued with ` \`, so that it still pastes as one command.
 */
function commandLines(command: string, width: number): string[] {
  const args = command.match(/(?:[^\s']+|'[^']*')+/g) ?? [command]
  const lines = wrapWords(args, width - 2, '  ', '      ')
  return lines.map((l, i) => (i < lines.length - 1 ? `${l} \\` : l))
}

/** How a name column is cut (text-layout's fit letters): `g` keeps the end, `e` the start. */
type NameCut = 'g' | 'e'

function changeColumns(
  rows: JudgedRow[],
  compared: boolean,
  total: number | undefined,
  color: boolean,
  width: number,
  cutAt: NameCut = 'g',
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
      `rr${cutAt}`,
      color,
      width,
    )
  }
  const body: Cell[][] = rows.map((r) => [
    { text: deltaText(r, r.unit), style: deltaStyle(r.delta, r.significance) },
    { text: percentText(r), style: deltaStyle(r.delta, r.significance) },
    valueText(r.baseline, r.unit),
    '→',
    valueText(r.candidate, r.unit),
    clean(r.function),
  ])
  return columns(
    [['Δ', '%', 'baseline', '', 'candidate', 'name'], ...body],
    `rrrlr${cutAt}`,
    color,
    width,
  )
}

function stacks(rows: JudgedRow[], color: boolean, width: number): string[] {
  const out: string[] = []
  for (const r of rows.slice(0, TEXT_STACKS)) {
    if (r.stack.length === 0) continue
    out.push('', ...wrap(`heaviest stack of ${clean(r.function)}:`, width, '  ', '    '))
    for (const f of r.stack.slice(0, TEXT_FRAMES)) {
      const at = f.file ? ` (${clean(f.file)}${f.line > 0 ? `:${f.line}` : ''})` : ''
      out.push(frameLine(clean(f.function), at, width, color))
    }
    if (r.stack.length > TEXT_FRAMES)
      out.push(paint(`    … ${r.stack.length - TEXT_FRAMES} more frames`, 'dim', color))
  }
  return out
}

/** `    frame (file:line)` within `width`: the place is cut first (in its middle), then the function. */
function frameLine(fn: string, at: string, width: number, color: boolean): string {
  const room = width - 4
  if (visibleWidth(fn + at) <= room) return `    ${fn}${paint(at, 'dim', color)}`
  if (visibleWidth(fn) + 2 > room) return `    ${cut(fn, room, 'end')}`
  return `    ${fn}${paint(cut(at, room - visibleWidth(fn), 'middle'), 'dim', color)}`
}

function figures(
  name: string,
  keys: string[],
  get: (key: string) => Change & Judgement & { unit: Unit },
  color: boolean,
  width: number,
): string[] {
  if (keys.length === 0) return []
  if (!keys.some((k) => get(k).baseline !== null)) {
    const rows = keys.map((k) => [clean(k), valueText(get(k).candidate, get(k).unit)])
    return columns([[name, 'candidate'], ...rows], 'mr', color, width)
  }
  const rows: Cell[][] = keys.map((k) => {
    const c = get(k)
    return [
      clean(k),
      valueText(c.baseline, c.unit),
      valueText(c.candidate, c.unit),
      { text: deltaText(c, c.unit), style: deltaStyle(c.delta, c.significance) },
      { text: percentText(c), style: deltaStyle(c.delta, c.significance) },
    ]
  })
  return columns([[name, 'baseline', 'candidate', 'Δ', '%'], ...rows], 'mrrrr', color, width)
}

/**
 * A violation's subject, with where it comes from (a shard, a profile) when it says; for a
 * total or MemStats field, which the metric column names, the part alone.
 */
function subjectText(v: {
  subject: string
  metric: string
  shard?: string
  profile?: string
}): string {
  const part = partOf(v)
  if (part && v.subject === v.metric) return clean(part)
  return clean(part ? `${v.subject} (${part})` : v.subject)
}
