// The Go benchmark format, line by line (golang.org/x/perf/benchfmt's rules): result lines
// `BenchmarkName[-N] <iterations> <value> <unit> [<value> <unit>]...`, configuration lines
// `key: value`, everything else ignored. A malformed result line is a warning, not an error.
import { warning, type Warning } from '../warnings.js'
import type { BenchmarkResult, BenchmarkSet } from './model.js'
import { figure } from './numbers.js'
import { capName } from './names.js'

/** A result line's name: `Benchmark`, then anything but a lowercase letter (Go's rule). */
const NAME = /^Benchmark(?![a-z])\S*$/
/** A configuration line: a lowercase key without spaces or capitals, a colon, a blank or nothing. */
const CONFIG = /^([a-z][^\s:A-Z]*):(?:\s+(.*))?$/
/** The GOMAXPROCS suffix `go test` appends when it is not 1. */
const PROCS = /^(.+)-(\d+)$/
/** Malformed lines reported one by one; the rest are counted. */
const MAX_WARNINGS = 5
/** Units whose values are figures (numbers.ts): never negative, never unbounded. */
const FIGURES = new Set(['ns/op', 'B/op', 'allocs/op', 'MB/s'])

/** True when the line is a benchmark result (name, iterations, at least one value and unit). */
export function isResultLine(line: string): boolean {
  const f = line.trim().split(/\s+/)
  return f.length >= 4 && NAME.test(f[0]) && /^\d+$/.test(f[1]) && parseValue(f[2]) !== undefined
}

/** Splits `BenchmarkServe-2` into name and GOMAXPROCS; no suffix means 1. */
export function splitProcs(fullName: string): { name: string; procs: number } {
  const m = PROCS.exec(fullName)
  const procs = m ? Number(m[2]) : 0
  return m && procs > 0 ? { name: m[1], procs } : { name: fullName, procs: 1 }
}

/** How reports name a benchmark: as `go test` prints it, `-N` only when GOMAXPROCS is not 1. */
export function benchmarkLabel(r: Pick<BenchmarkResult, 'name' | 'procs'>): string {
  return r.procs === 1 ? r.name : `${r.name}-${r.procs}`
}

/**
 * Collects results from one or more streams of `go test` output (one per package for
 * `go test -json`). Repeated results of one package, name and GOMAXPROCS become samples.
 */
export class BenchCollector {
  private readonly config: Record<string, string> = {}
  private readonly results = new Map<string, BenchmarkResult>()
  private readonly problems: Warning[] = []
  private malformed = 0

  /**
   * Reads the lines of one stream. `pkg` applies until a `pkg:` line says otherwise;
   * `where(i)` names line i (0-based) in warnings, e.g. `bench.txt:12`.
   */
  stream(text: string, where: (line: number) => string, pkg = ''): void {
    const lines = text.split('\n')
    lines.forEach((raw, i) => {
      const line = raw.replace(/\r$/, '')
      const config = CONFIG.exec(line)
      if (config) {
        // Cut like function names: reports show the configuration and the package.
        const key = capName(config[1])
        const value = capName((config[2] ?? '').trim())
        if (key === 'pkg') pkg = value
        else if (!(key in this.config)) this.config[key] = value
        return
      }
      if (!line.startsWith('Benchmark')) return
      const fields = line.trim().split(/\s+/)
      // `BenchmarkEncode` alone: a parent of sub-benchmarks, or -v naming the one that runs next.
      if (!NAME.test(fields[0]) || fields.length === 1) return
      const problem = this.result(fields, pkg, where(i))
      if (problem) this.warn(`${where(i)}: ${problem}: ${JSON.stringify(truncate(line.trim()))}`)
    })
  }

  /** The results and the warnings, once every stream has been read. */
  finish(): { benchmarks: BenchmarkSet; warnings: Warning[] } {
    const warnings = [...this.problems]
    const more = this.malformed - this.problems.length
    if (more > 0)
      warnings.push(
        warning(
          'malformed-benchmark',
          `${more} more malformed benchmark line${more === 1 ? '' : 's'} skipped`,
        ),
      )
    return {
      benchmarks: { config: { ...this.config }, results: [...this.results.values()] },
      warnings,
    }
  }

  /** Adds one result line; returns what is wrong with it instead when it is malformed. */
  private result(fields: string[], pkg: string, at: string): string | undefined {
    if (!/^\d+$/.test(fields[1])) return 'malformed benchmark line (no iteration count)'
    if (fields.length < 4 || fields.length % 2 !== 0)
      return 'malformed benchmark line (values and units do not pair up)'
    const pairs: [string, number][] = []
    for (let i = 2; i < fields.length; i += 2) {
      // `-1 B/op` or a 400-digit `allocs/op` is no malformed line but an impossible figure.
      if (FIGURES.has(fields[i + 1]) && /^[-+0-9.eE]+$/.test(fields[i])) {
        pairs.push([fields[i + 1], figure(fields[i], at, fields[i + 1], 'fraction')])
        continue
      }
      const value = parseValue(fields[i])
      if (value === undefined) return `malformed benchmark line (${fields[i]} is not a number)`
      pairs.push([fields[i + 1], value])
    }
    const { name, procs } = splitProcs(fields[0])
    const key = `${pkg}\u0000${name}\u0000${procs}`
    let r = this.results.get(key)
    if (!r) {
      r = { name, procs, pkg, metrics: {} }
      this.results.set(key, r)
    }
    for (const [unit, value] of pairs) (r.metrics[unit] ??= []).push(value)
    return undefined
  }

  private warn(message: string): void {
    if (this.malformed++ < MAX_WARNINGS) this.problems.push(warning('malformed-benchmark', message))
  }
}

/** Reads a whole text file of `go test -bench` output; `source` names it in warnings. */
export function readBenchText(
  text: string,
  source: string,
): { benchmarks: BenchmarkSet; warnings: Warning[] } {
  const c = new BenchCollector()
  c.stream(text, (i) => `${source}:${i + 1}`)
  return c.finish()
}

function parseValue(text: string): number | undefined {
  if (text.length > 40) return undefined // no figure is that long; keeps the test below linear
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined
  const v = Number(text)
  return Number.isFinite(v) ? v : undefined
}

function truncate(line: string): string {
  return line.length > 120 ? `${line.slice(0, 117)}...` : line
}
