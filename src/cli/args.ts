// Parses the command line into a typed request; usage mistakes become GateErrors.
import { parseArgs } from 'node:util'
import { GateError } from '../errors.js'
import { splitFields } from '../go-test/quote.js'
import { parseDurationMs } from '../units.js'

/** The output formats the CLI can write. */
export const FORMATS = ['text', 'markdown', 'json', 'html'] as const
export type Format = (typeof FORMATS)[number]

/** A parsed `compare` invocation. */
export interface CompareArgs {
  command: 'compare'
  baseline: string[]
  candidate: string[]
  series: string[]
  config?: string
  format: Format
  output?: string
  sampleType?: string
  top: number
  stacks: boolean
  /** Columns of the text report (--width); undefined: the terminal's, $COLUMNS or 100. */
  width?: number
  /** A baseline branch's history file, for the judging and the trend in reports. */
  history?: string
}

/** A parsed `record` invocation: one history entry from FILES. */
export interface RecordArgs {
  command: 'record'
  history: string
  /** Undefined: `git rev-parse HEAD`, else `unknown`. */
  commit?: string
  files: string[]
  config?: string
}

/** A parsed `go-test` invocation: per-package profiles of a module's tests. */
export interface GoTestArgs {
  command: 'go-test'
  /** The folder the files go to (default gomem-gate-out). */
  out: string
  packages: string[]
  memProfileRate?: number
  bench?: string
  count?: number
  /** --go-flags split into fields. */
  goFlags: string[]
}

/** A parsed `explain` invocation: FILES read as one snapshot of one process. */
export interface ExplainArgs {
  command: 'explain'
  /** Files, globs or (for the capture code) URLs, as given. */
  inputs: string[]
  format: Format
  output?: string
  sampleType?: string
  top: number
  width?: number
}

/** A parsed `capture` invocation: a running service's endpoints, once or as a series. */
export interface CaptureArgs {
  command: 'capture'
  urls: string[]
  /** The folder the files go to (default gomem-gate-capture). */
  out: string
  timeoutMs: number
  /** --header values by name; never printed. */
  headers: Record<string, string>
  /** A series: a snapshot every everyMs, count of them, judged for leaks. */
  series?: { everyMs: number; count: number }
  config?: string
  format: Format
  output?: string
  top: number
  width?: number
}

/** The default folder of `capture`'s files, relative to the current directory. */
export const CAPTURE_OUT = 'gomem-gate-capture'

/** The default folder of `go-test`'s files, relative to the current directory. */
export const GO_TEST_OUT = 'gomem-gate-out'

/** What the user asked for. */
export type Request =
  | CompareArgs
  | RecordArgs
  | GoTestArgs
  | ExplainArgs
  | CaptureArgs
  | { command: 'help' }
  | { command: 'version' }

export const USAGE = `gomem-gate: stop Go memory regressions

Usage:
  gomem-gate compare --baseline <file|glob>... --candidate <file|glob>... [options]
  gomem-gate record --history <file> [--commit <sha>] <file|glob>...
  gomem-gate explain [--format <fmt>] [--output <file>] [--top <n>] <file|glob>...
  gomem-gate go-test [--out <dir>] [--bench <regex>] [--count <n>] [--memprofilerate <n>]
                     [--go-flags "<flags>"] [packages...]
  gomem-gate capture <url>... [--out <dir>] [--timeout <d>] [--header 'Name: value']...
                     [--every <d> --count <n>] [--config <file>] [--format <fmt>]

Compares a baseline and a candidate set of Go memory files, judges the change against a
YAML policy and exits 0 (pass, or no baseline), 1 (regression) or 2 (bad input or usage).

Inputs (sniffed by content, gzipped or not; several per side are added up):
  heap profiles (go test -memprofile, /debug/pprof/heap), debug=1 text heap profiles,
  runtime.MemStats JSON or /debug/vars, Prometheus /metrics scrapes.

Options:
  -b, --baseline <file|glob>   baseline files; repeat or list several (omit: no baseline)
  -c, --candidate <file|glob>  candidate files; repeat or list several
  -s, --series <file|glob>     snapshots of one candidate process over time (heap-001.pb.gz,
                               memstats-001.json, ...): leaks within the run are detected
                               without a baseline; the last snapshots are the candidate
                               when --candidate is not given
      --config <file>          policy file (default .github/gomem-gate.yml when it exists,
                               else the built-in defaults)
  -f, --format <fmt>           text | markdown | json | html (default text); html: one
                               self-contained page with a differential flame graph
  -o, --output <file>          write the report to a file instead of stdout
      --sample-type <type>     alloc_objects | alloc_space | inuse_objects | inuse_space
                               (default: the profiles' own default, else inuse_space)
      --top <n>                growing allocators to list (default 10)
      --width <n>              columns of the text report (default: the terminal's width,
                               else $COLUMNS, else 100)
      --stacks                 also group by whole call stack and list the stacks that grew
      --history <file>         a baseline branch's history (written by record): the report
                               shows the trend of the main figures
  -h, --help                   show this help
  -v, --version                print the version

record reads the files as a compare reads its candidate and appends one entry (totals,
MemStats, memory classes, the top 50 allocators, benchmark medians) to the history file,
creating it when missing; the newest 200 entries are kept, within 1 MiB.
      --history <file>         the history file to append to (required)
      --commit <sha>           the commit the files were made from (default: git rev-parse
                               HEAD in a git repository, else unknown)
      --config <file>          policy file (its ignore list applies)

explain reads the files of ONE process (a heap profile, MemStats JSON or /debug/vars, a
Prometheus scrape, runtime/metrics, a goroutine profile, a gctrace log) as one snapshot and
says where its memory is: RSS and Sys class by class, how much of the live heap the heap
profile covers and why, the top live allocators and goroutine stacks, and advice where a
figure crosses its threshold (docs/explain.md). Exits 0, or 2 on bad input.
  -f, --format <fmt>           text | markdown | json | html (default text)
  -o, --output <file>          write it to a file instead of stdout
      --sample-type <type>     the sample type allocators are listed by (default inuse_space)
      --top <n>                allocators and goroutine stacks to list (default 10)
      --width <n>              columns of the text (default: the terminal's, $COLUMNS, 100)

go-test runs go test on the packages (default ./...) of the Go module in the current
directory and writes, per package with tests, DIR/<import path>.pb.gz (the allocs profile,
every allocation recorded) and DIR/<import path>.gctrace.txt (the test binary's
GODEBUG=gctrace=1 lines), '/' written as %2F; nothing is written into the module. Exits 0
when every test passed, 2 when a package fails to build or its tests fail, 130 on Ctrl-C.
  -o, --out <dir>              the folder for the files (default gomem-gate-out, created
                               when missing; keep it outside the module or in .gitignore)
      --bench <regex>          also run the benchmarks matching regex (-bench -benchmem) into
                               DIR/benchmarks.txt; their allocations count in the profiles
      --count <n>              go test -count (default 1)
      --memprofilerate <n>     runtime.MemProfileRate of the tests (default 1: exact profiles;
                               524288 is Go's default sampling)
      --go-flags "<flags>"     more go test flags, e.g. "-tags=candidate -trimpath -short"

capture fetches what a running Go service serves of its memory into DIR and writes
DIR/capture.json (when, from where, what was missing); compare reads DIR/* as it is. A base
URL (http://host:port/) gives /metrics (else /debug/vars, else the heap profile's debug=1
MemStats trailer), /debug/pprof/heap (else allocs) and /debug/pprof/goroutine; a URL with a
path is fetched as it is. Exits 0 when at least one endpoint was saved, 2 on an error.
With --every, takes a series and judges it for leaks as compare --series does (exit 1 on a
leak); Ctrl-C stops it and judges what was taken. docs/capture.md has the details.
  -o, --out <dir>              the folder for the files (default gomem-gate-capture; created,
                               and refused when it already holds files)
      --timeout <d>            per request, e.g. 500ms, 10s (default 10s)
      --header 'Name: value'   sent with every request (repeat for more); never printed or saved
      --every <d>              a series: one snapshot every d (e.g. 10s); files DIR/001-...
      --count <n>              snapshots in the series (default 10; at least 2)
      --config, --format, --output, --top, --width   as compare, for the series' report
`

/** Parses argv (without node and script). */
export function parseCommandLine(argv: string[]): Request {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') {
    return { command: 'help' }
  }
  if (argv[0] === '-v' || argv[0] === '--version') return { command: 'version' }
  if (argv[0] === 'record') return parseRecord(argv.slice(1))
  if (argv[0] === 'go-test') return parseGoTest(argv.slice(1))
  if (argv[0] === 'explain') return parseExplain(argv.slice(1))
  if (argv[0] === 'capture') return parseCapture(argv.slice(1))
  if (argv[0] !== 'compare') {
    throw new GateError('USAGE', `unknown command "${argv[0]}"`, 'run gomem-gate compare --help')
  }
  let parsed
  try {
    parsed = parseArgs({
      args: argv.slice(1),
      allowPositionals: true,
      options: {
        baseline: { type: 'string', short: 'b', multiple: true },
        candidate: { type: 'string', short: 'c', multiple: true },
        series: { type: 'string', short: 's', multiple: true },
        config: { type: 'string' },
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'sample-type': { type: 'string' },
        top: { type: 'string' },
        width: { type: 'string' },
        stacks: { type: 'boolean' },
        history: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      tokens: true,
    })
  } catch (err) {
    throw new GateError(
      'USAGE',
      (err as Error).message.split('\n')[0],
      'run gomem-gate compare --help',
    )
  }
  if (parsed.values.help) return { command: 'help' }
  refuseEmpty(parsed.values, [
    'config',
    'output',
    'history',
    'sample-type',
    'format',
    'top',
    'width',
  ])
  // `--baseline a.pb.gz b.pb.gz --candidate c.pb.gz`: bare words belong to the option before them.
  const lists = { baseline: [] as string[], candidate: [] as string[], series: [] as string[] }
  let current: keyof typeof lists | undefined
  for (const t of parsed.tokens ?? []) {
    if (t.kind === 'option') {
      current = t.name in lists ? (t.name as keyof typeof lists) : undefined
      if (current && t.value !== undefined) lists[current].push(t.value)
    } else if (t.kind === 'positional') {
      if (!current) {
        throw new GateError(
          'USAGE',
          `unexpected argument "${t.value}"`,
          'put files after --baseline or --candidate',
        )
      }
      lists[current].push(t.value)
    }
  }
  if (lists.candidate.length === 0 && lists.series.length === 0) {
    throw new GateError(
      'USAGE',
      '--candidate is required',
      'name the files of the change under test, or a --series of snapshots',
    )
  }
  const format = parsed.values.format ?? 'text'
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new GateError(
      'USAGE',
      `--format ${format}: unknown format`,
      `use one of ${FORMATS.join(', ')}`,
    )
  }
  const topText = parsed.values.top ?? '10'
  const top = Number(topText)
  if (!Number.isInteger(top) || top < 1) {
    throw new GateError('USAGE', `--top ${topText}: not a positive integer`, 'e.g. --top 20')
  }
  const width = parsed.values.width === undefined ? undefined : Number(parsed.values.width)
  if (width !== undefined && (!Number.isInteger(width) || width < 20)) {
    throw new GateError(
      'USAGE',
      `--width ${parsed.values.width}: not an integer of at least 20`,
      'e.g. --width 80',
    )
  }
  return {
    command: 'compare',
    baseline: lists.baseline,
    candidate: lists.candidate,
    series: lists.series,
    config: parsed.values.config,
    format: format as Format,
    output: parsed.values.output,
    sampleType: parsed.values['sample-type'],
    top,
    stacks: parsed.values.stacks === true,
    ...(width !== undefined ? { width } : {}),
    ...(parsed.values.history !== undefined ? { history: parsed.values.history } : {}),
  }
}

function parseRecord(argv: string[]): Request {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        history: { type: 'string' },
        commit: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (err) {
    throw new GateError(
      'USAGE',
      (err as Error).message.split('\n')[0],
      'run gomem-gate record --help',
    )
  }
  if (parsed.values.help) return { command: 'help' }
  refuseEmpty(parsed.values, ['history', 'commit', 'config'], 'record: ')
  if (!parsed.values.history) {
    throw new GateError(
      'USAGE',
      'record: --history is required',
      'name the history file to append to',
    )
  }
  if (parsed.positionals.length === 0) {
    throw new GateError(
      'USAGE',
      'record: no files given',
      'name the heap profiles and MemStats files to record',
    )
  }
  return {
    command: 'record',
    history: parsed.values.history,
    commit: parsed.values.commit,
    files: parsed.positionals,
    config: parsed.values.config,
  }
}

function parseExplain(argv: string[]): Request {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'sample-type': { type: 'string' },
        top: { type: 'string' },
        width: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (err) {
    throw new GateError(
      'USAGE',
      `explain: ${(err as Error).message.split('\n')[0]}`,
      'run gomem-gate explain --help',
    )
  }
  const v = parsed.values
  if (v.help) return { command: 'help' }
  refuseEmpty(v, ['format', 'output', 'sample-type', 'top', 'width'], 'explain: ')
  if (parsed.positionals.length === 0) {
    throw new GateError(
      'USAGE',
      'explain: no files given',
      'name the heap profile, MemStats and goroutine files of one process (globs work)',
    )
  }
  const { format, top, width } = reportOptions('explain', v)
  return {
    command: 'explain',
    inputs: parsed.positionals,
    format: format as Format,
    top,
    ...(v.output !== undefined ? { output: v.output } : {}),
    ...(v['sample-type'] !== undefined ? { sampleType: v['sample-type'] } : {}),
    ...(width !== undefined ? { width } : {}),
  }
}

function parseGoTest(argv: string[]): Request {
  // `--go-flags "-tags=x"`: the value starts with a dash, which parseArgs takes for an option.
  const args: string[] = []
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--go-flags' && i + 1 < argv.length) args.push(`--go-flags=${argv[++i]}`)
    else args.push(argv[i])
  }
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        bench: { type: 'string' },
        count: { type: 'string' },
        memprofilerate: { type: 'string' },
        'go-flags': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (err) {
    throw new GateError(
      'USAGE',
      `go-test: ${(err as Error).message.split('\n')[0]}`,
      'run gomem-gate go-test --help',
    )
  }
  const v = parsed.values
  if (v.help) return { command: 'help' }
  refuseEmpty(v, ['out', 'bench', 'count', 'memprofilerate'], 'go-test: ')
  const positive = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined
    const n = Number(text)
    if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(n) || n < 1) {
      throw new GateError(
        'USAGE',
        `go-test: --${name} ${text}: not a positive integer`,
        `e.g. --${name} 1`,
      )
    }
    return n
  }
  return {
    command: 'go-test',
    out: v.out ?? GO_TEST_OUT,
    packages: parsed.positionals,
    goFlags: splitFields(v['go-flags'] ?? ''),
    ...(v.bench !== undefined ? { bench: v.bench } : {}),
    ...(v.count !== undefined ? { count: positive('count', v.count) } : {}),
    ...(v.memprofilerate !== undefined
      ? { memProfileRate: positive('memprofilerate', v.memprofilerate) }
      : {}),
  }
}

function parseCapture(argv: string[]): Request {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        timeout: { type: 'string' },
        header: { type: 'string', multiple: true },
        every: { type: 'string' },
        count: { type: 'string' },
        config: { type: 'string' },
        format: { type: 'string', short: 'f' },
        output: { type: 'string' },
        top: { type: 'string' },
        width: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (err) {
    // parseArgs quotes the argument it refuses: a header value must not be echoed.
    const message = (err as Error).message.split('\n')[0].replace(/'(?!-)[^']*'/g, "'...'")
    throw new GateError('USAGE', `capture: ${message}`, 'run gomem-gate capture --help')
  }
  const v = parsed.values
  if (v.help) return { command: 'help' }
  refuseEmpty(
    v,
    ['out', 'timeout', 'every', 'count', 'config', 'format', 'output', 'top', 'width'],
    'capture: ',
  )
  if (parsed.positionals.length === 0) {
    throw new GateError(
      'USAGE',
      'capture: no URL given',
      'name the service, e.g. gomem-gate capture http://127.0.0.1:6060',
    )
  }
  const headers: Record<string, string> = {}
  for (const h of v.header ?? []) {
    const colon = h.indexOf(':')
    const name = colon < 0 ? '' : h.slice(0, colon).trim()
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new GateError(
        'USAGE',
        `capture: --header: not of the form 'Name: value'`,
        "e.g. --header 'Authorization: Bearer ...' (the value is not shown)",
      )
    }
    headers[name] = h.slice(colon + 1).trim()
  }
  const every = v.every === undefined ? undefined : durationOf('every', v.every)
  const countText = v.count ?? (every !== undefined ? '10' : undefined)
  let series: CaptureArgs['series']
  if (countText !== undefined) {
    const n = Number(countText)
    if (!/^[0-9]+$/.test(countText) || !Number.isSafeInteger(n) || n < 2) {
      throw new GateError(
        'USAGE',
        `capture: --count ${countText}: not an integer of at least 2`,
        'e.g. --every 10s --count 30',
      )
    }
    series = { everyMs: every ?? 10_000, count: n }
  }
  const { format, top, width } = reportOptions('capture', v)
  return {
    command: 'capture',
    urls: parsed.positionals,
    out: v.out ?? CAPTURE_OUT,
    timeoutMs: v.timeout === undefined ? 10_000 : durationOf('timeout', v.timeout),
    headers,
    ...(series ? { series } : {}),
    config: v.config,
    format: format as Format,
    output: v.output,
    top,
    ...(width !== undefined ? { width } : {}),
  }
}

/** `500ms`, `10s`, `1.5s`, `2m` (a plain number is seconds), in milliseconds. */
function durationOf(name: string, text: string): number {
  const ms = parseDurationMs(text)
  if (ms === undefined) {
    throw new GateError(
      'USAGE',
      `capture: --${name} ${text}: not a duration between 1ms and 24h`,
      `e.g. --${name} 500ms, 10s or 2m`,
    )
  }
  return ms
}

/** --format, --top and --width of a command that renders a report, checked. */
function reportOptions(
  command: string,
  v: { format?: string; top?: string; width?: string },
): { format: Format; top: number; width?: number } {
  const format = v.format ?? 'text'
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new GateError(
      'USAGE',
      `${command}: --format ${format}: unknown format`,
      `use one of ${FORMATS.join(', ')}`,
    )
  }
  const top = Number(v.top ?? '10')
  if (!Number.isInteger(top) || top < 1) {
    throw new GateError(
      'USAGE',
      `${command}: --top ${v.top}: not a positive integer`,
      'e.g. --top 20',
    )
  }
  const width = v.width === undefined ? undefined : Number(v.width)
  if (width !== undefined && (!Number.isInteger(width) || width < 20)) {
    throw new GateError(
      'USAGE',
      `${command}: --width ${v.width}: not an integer of at least 20`,
      'e.g. --width 80',
    )
  }
  return { format: format as Format, top, width }
}

/**
 * An option given an empty value (`--config ''`, often an unset shell variable) is a usage
 * error naming it, not the option left out.
 */
function refuseEmpty(values: Record<string, unknown>, names: readonly string[], prefix = ''): void {
  for (const name of names) {
    if (values[name] === '') {
      throw new GateError(
        'USAGE',
        `${prefix}--${name} was given an empty value`,
        `name a value, or leave --${name} out`,
      )
    }
  }
}
