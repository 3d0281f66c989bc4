// The oracle of the fuzz tests and the campaign: runs one mutated file through the CLI
// process and says which class the outcome falls in.
//
//   hang       the process did not end within the time limit (20 s in the campaign)
//   memory     its peak resident memory passed the limit (1.5 GB)
//   crash      an exit code other than 0, 1, 2, a signal, "internal error" or a stack trace
//   multiline  a refusal (exit 2) that is not exactly one line "gomem-gate: error: …" naming
//              the mutated file (or the config file), without control characters (a carriage
//              return or an escape sequence rewrites the line on a terminal); or anything on
//              stderr on exit 0/1
//   garbage    accepted (exit 0/1) although the mutation always makes the file invalid, or
//              the JSON report holds NaN, Infinity, a negative size, a null value or a
//              "<unknown>" name
//   refused    refused cleanly: exit 2, one line naming the file
//   accepted   accepted, and the report's values are sound
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

export const CLASSES = ['hang', 'memory', 'crash', 'garbage', 'multiline', 'refused', 'accepted']
/** The failing classes, which the campaign saves under fixtures/regressions/<class>/. */
export const FAILURES = ['hang', 'memory', 'crash', 'garbage', 'multiline']

const ROOT = new URL('../../', import.meta.url).pathname
const TIME = '/usr/bin/time'

/** A file name for a case: the seed's name with the mutation and number before its extension. */
export function caseFileName(c) {
  const base = basename(c.seed.replace('#', '-'))
  const dot = base.search(/\.(pb\.gz|pprof|heap\.txt|txt\.gz|txt|json|yml|md.*)$/)
  const stem = dot > 0 ? base.slice(0, dot) : base
  const ext = dot > 0 ? base.slice(dot) : ''
  return `${stem}.${c.mutation}.${c.n}${c.kind === 'config' ? '.yml' : ext}`
}

const PPROF_SERIES = ['heap-001.pb.gz', 'heap-002.pb.gz', 'heap-003.pb.gz'].map(
  (f) => `fixtures/series/flat/${f}`,
)
const MEMSTATS_SERIES = ['memstats-001.json', 'memstats-002.json', 'memstats-003.json'].map(
  (f) => `fixtures/series/flat/${f}`,
)

/** How the case is handed to the CLI: as the candidate, the baseline, in a series, or a config. */
export function roleOf(c) {
  if (c.kind === 'config') return 'config'
  const series = c.kind === 'pprof' || /memstats\.json$/.test(c.seed)
  return ['candidate', 'baseline', ...(series ? ['series'] : [])][c.n % (series ? 3 : 2)]
}

/** The real file of each kind that stands in for a seed the CLI refuses on its own. */
const STAND_IN = {
  pprof: 'fixtures/baseline-seed1.pb.gz',
  text: 'fixtures/baseline-seed1.heap.txt',
  json: 'fixtures/baseline-seed1.memstats.json',
}
const refusedAlone = new Map()

/**
 * Whether `cli` refuses the seed compared with itself (a CPU profile, a file a reader does
 * not know yet): then a refusal would name the seed, not the mutated file. Cached.
 */
export function seedRefused(cli, seed) {
  let v = refusedAlone.get(seed)
  if (v === undefined) {
    const r = spawnSync(
      process.execPath,
      [cli, 'compare', '--baseline', seed, '--candidate', seed],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      },
    )
    v = r.status === 2 ? r.stderr.trim() : ''
    refusedAlone.set(seed, v)
  }
  return v
}

/** The other side of a compare with case `c`: its seed, or a stand-in when that is refused. */
export function partnerOf(c, cli = 'dist/cli.js') {
  return seedRefused(cli, c.seed) ? STAND_IN[c.kind] : c.seed
}

/** The CLI arguments for case `c` written at `file`. */
export function argsFor(c, file, partner = c.seed) {
  const role = roleOf(c)
  const json = ['--format', 'json']
  if (role === 'config') {
    return [
      'compare',
      '--baseline',
      'fixtures/baseline-seed1.pb.gz',
      'fixtures/baseline-seed1.memstats.json',
      '--candidate',
      'fixtures/leak-cache.pb.gz',
      'fixtures/leak-cache.memstats.json',
      '--config',
      file,
      ...json,
    ]
  }
  if (role === 'candidate') return ['compare', '--baseline', partner, '--candidate', file, ...json]
  if (role === 'baseline') return ['compare', '--baseline', file, '--candidate', partner, ...json]
  const series = c.kind === 'pprof' ? PPROF_SERIES : MEMSTATS_SERIES
  return [
    'compare',
    '--baseline',
    partner,
    ...series.flatMap((s) => ['--series', s]),
    '--series',
    file,
    ...json,
  ]
}

/** Runs `node <cli> ...args` with a time limit, measuring its peak resident memory (bytes). */
export function runCli(cli, args, { timeoutMs = 20_000, cwd = ROOT } = {}) {
  return new Promise((resolve) => {
    const useTime = existsSync(TIME)
    const rssFile = useTime ? join(tmpdir(), `gomem-fuzz-rss-${process.pid}-${Math.random()}`) : ''
    const cmd = useTime ? TIME : process.execPath
    const argv = useTime
      ? ['-f', '%M', '-o', rssFile, process.execPath, cli, ...args]
      : [cli, ...args]
    const child = spawn(cmd, argv, {
      cwd,
      env: { PATH: process.env.PATH ?? '' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let peak = 0
    child.stdout.setEncoding('utf8').on('data', (s) => {
      if (stdout.length < 256 * 1024 * 1024) stdout += s
    })
    child.stderr.setEncoding('utf8').on('data', (s) => {
      if (stderr.length < 1024 * 1024) stderr += s
    })
    let timedOut = false
    const started = Date.now()
    const poll = useTime
      ? null
      : setInterval(() => {
          try {
            const m = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)
            if (m) peak = Math.max(peak, Number(m[1]) * 1024)
          } catch {
            // it ended
          }
        }, 20)
    const timer = setTimeout(() => {
      timedOut = true
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // gone already
      }
    }, timeoutMs)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (poll) clearInterval(poll)
      let status = code
      if (useTime) {
        try {
          const text = readFileSync(rssFile, 'utf8')
          const kb = text.trim().split('\n').pop()
          if (/^\d+$/.test(kb)) peak = Number(kb) * 1024
          const sig = text.match(/terminated by signal (\d+)/)
          if (sig) signal = `signal ${sig[1]}`
          rmSync(rssFile, { force: true })
        } catch {
          // killed before time wrote it
        }
      }
      resolve({ status, signal, stdout, stderr, peak, ms: Date.now() - started, timedOut })
    })
  })
}

/**
 * What is wrong with a JSON report's values, or '' when nothing is. `<unknown>` counts only
 * when `unknownIsGarbage`: a pprof function with no name is shown so (as CheckValid allows
 * it), while a text profile's frames are always named by its comment lines.
 */
export function reportProblem(stdout, unknownIsGarbage = true) {
  let report
  try {
    report = JSON.parse(stdout)
  } catch {
    return 'the JSON report does not parse'
  }
  const VALUE_KEYS = new Set([
    'baseline',
    'candidate',
    'cumBaseline',
    'cumCandidate',
    'limit',
    'sigma',
    'period',
  ])
  let problem = ''
  const walk = (v, path, parent) => {
    if (problem) return
    if (typeof v === 'string') {
      if (unknownIsGarbage && v.includes('<unknown>')) problem = `${path} names <unknown>`
      else if (
        /(^|[\s(+-])(NaN|-?Infinity)\b/.test(v) &&
        !/NaN|Infinity/.test(JSON.stringify(parent?.source ?? ''))
      )
        problem = `${path} holds ${JSON.stringify(v.slice(0, 80))}`
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) problem = `${path} = ${v}`
      else if (v < 0 && VALUE_KEYS.has(path.split('.').pop())) problem = `${path} = ${v} (negative)`
      else if (
        v < 0 &&
        /^totals\./.test(path.replace(/^files\[\d+\]\./, '')) &&
        !path.endsWith('delta')
      )
        problem = `${path} = ${v} (negative)`
    } else if (v && typeof v === 'object' && 'unit' in v && 'delta' in v) {
      // JSON writes NaN as null: a delta of null between two numbers, or a number between nulls.
      const nums = ['baseline', 'candidate'].filter((k) => typeof v[k] === 'number').length
      if ((v.delta === null && nums === 2) || (typeof v.delta === 'number' && nums < 2))
        problem = `${path}: baseline ${v.baseline}, candidate ${v.candidate}, delta ${v.delta} (NaN?)`
      else for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, v)
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, v))
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k, v)
    }
  }
  // Warnings quote the input's lines, which may hold any word.
  walk({ ...report, warnings: [], warningDetails: [] }, '', null)
  return problem
}

/** Classifies a finished run of case `c` whose file was given as `file`. */
export function classify(c, file, run, { memLimit = 1.5e9 } = {}) {
  if (run.timedOut) return { cls: 'hang', detail: `no end after ${run.ms} ms` }
  if (run.peak > memLimit)
    return { cls: 'memory', detail: `peak RSS ${(run.peak / 1e9).toFixed(2)} GB` }
  const firstLine = run.stderr.split('\n').find((l) => l.trim()) ?? ''
  if (run.signal || ![0, 1, 2].includes(run.status))
    return {
      cls: 'crash',
      detail: `exit ${run.status} ${run.signal ?? ''}: ${firstLine.slice(0, 300)}`,
    }
  if (/internal error/.test(run.stderr) || /^\s+at /m.test(run.stderr))
    return { cls: 'crash', detail: firstLine.slice(0, 300) }
  const lines = run.stderr.split('\n').filter((l) => l.trim())
  if (run.status === 2) {
    if (lines.length !== 1)
      return { cls: 'multiline', detail: `${lines.length} lines: ${run.stderr.slice(0, 300)}` }
    // A carriage return or an escape sequence lets the line overwrite itself on a terminal.
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x08\x0b-\x1f\x7f]/.test(lines[0]))
      return {
        cls: 'multiline',
        detail: `control characters in: ${JSON.stringify(lines[0].slice(0, 300))}`,
      }
    if (!lines[0].startsWith('gomem-gate: error: '))
      return { cls: 'multiline', detail: `not an error line: ${lines[0].slice(0, 300)}` }
    if (!lines[0].includes(file))
      return { cls: 'multiline', detail: `does not name ${file}: ${lines[0].slice(0, 300)}` }
    return { cls: 'refused', detail: lines[0].slice(0, 300) }
  }
  if (lines.length)
    return { cls: 'multiline', detail: `stderr on exit ${run.status}: ${lines[0].slice(0, 300)}` }
  if (c.mustRefuse)
    return { cls: 'garbage', detail: `accepted (exit ${run.status}) a file that is always invalid` }
  const problem = reportProblem(run.stdout, c.kind !== 'pprof')
  if (problem) return { cls: 'garbage', detail: problem.slice(0, 300) }
  return { cls: 'accepted', detail: `exit ${run.status}` }
}

/**
 * Writes case `c` into `dir`, runs it through `cli` and classifies it:
 * { cls, detail, file, args, ms, peak }.
 */
export async function runCase(
  c,
  { cli = 'dist/cli.js', dir, timeoutMs = 20_000, memLimit = 1.5e9 },
) {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, caseFileName(c))
  writeFileSync(file, c.bytes)
  const args = argsFor(c, file, partnerOf(c, cli))
  const run = await runCli(cli, args, { timeoutMs })
  const { cls, detail } = classify(c, file, run, { memLimit })
  return { cls, detail, file, args, ms: run.ms, peak: run.peak }
}
