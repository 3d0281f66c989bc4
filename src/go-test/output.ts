// What `go test -json` says, per package: its output lines, whether it passed, and the build
// errors go printed on stderr under a `# importPath` header.
import { isResultLine } from '../formats/benchfmt.js'
import { TAIL_LINES } from './failure.js'

/** One event of `go test -json` (test2json's TestEvent). */
interface TestEvent {
  Action: string
  Package?: string
  /** Of `build-output` events (Go 1.24+): `pkg` or `pkg [pkg.test]`. */
  ImportPath?: string
  Test?: string
  Output?: string
}

/** Lines kept per package (the tail is taken from them). */
const KEPT = 200
/** A benchmark configuration line worth keeping: the machine and the package. */
const BENCH_CONFIG = /^(goos|goarch|pkg|cpu):/

/** Collects go test -json events and go's stderr; tells when each package is done. */
export class GoOutput {
  /** Called once per package, when go reports it passed (true) or failed (false). */
  onPackageDone: (importPath: string, ok: boolean) => void = () => {}
  exitCode = 0
  /** Keep each package's benchmark lines (`benchmarks(importPath)`). */
  keepBenchmarks = false
  private readonly bench = new Map<string, { rest: string; lines: string[] }>()
  private readonly lines = new Map<string, string[]>()
  private readonly buildErrors = new Map<string, string[]>()
  private readonly failed: { importPath: string; what: 'build failed' | 'tests failed' }[] = []
  private readonly stray: string[] = []
  private stdoutRest = ''
  private stderrRest = ''
  private header: string | undefined

  /** A chunk of go's stdout (JSON lines). */
  stdout(chunk: string): void {
    const parts = (this.stdoutRest + chunk).split('\n')
    this.stdoutRest = parts.pop()!
    for (const p of parts) this.event(p)
  }

  /** A chunk of go's stderr (build errors, go's own complaints). */
  stderr(chunk: string): void {
    const parts = (this.stderrRest + chunk).split('\n')
    this.stderrRest = parts.pop()!
    for (const p of parts) this.stderrLine(p)
  }

  /** go exited with `code`. */
  end(code: number): void {
    if (this.stdoutRest) this.event(this.stdoutRest)
    if (this.stderrRest) this.stderrLine(this.stderrRest)
    this.exitCode = code
  }

  /**
   * The packages that failed, in the order go reported them, except that one whose own build
   * errors go printed comes first (the others may have failed for importing it).
   */
  failures(): { importPath: string; what: 'build failed' | 'tests failed' }[] {
    const own = (f: { importPath: string }) => (this.buildErrors.has(f.importPath) ? 0 : 1)
    return [...this.failed].sort((a, b) => own(a) - own(b))
  }

  /** The last lines of go's output for a package: its build errors, then its own output. */
  tail(importPath: string): string[] {
    const all = [...(this.buildErrors.get(importPath) ?? []), ...(this.lines.get(importPath) ?? [])]
    return all.slice(-TAIL_LINES)
  }

  /**
   * The benchmark lines of a package's output (configuration and results), in order. Its
   * output events are pieces of one stream: a result line may come in two.
   */
  benchmarks(importPath: string): string[] {
    const b = this.bench.get(importPath)
    if (!b) return []
    return b.rest && isBenchLine(b.rest) ? [...b.lines, b.rest] : b.lines
  }

  /** The first line go printed outside any package. */
  firstProblem(): string | undefined {
    return this.stray.find((l) => l.trim() !== '')
  }

  private event(line: string): void {
    let e: TestEvent
    try {
      e = JSON.parse(line) as TestEvent
    } catch {
      // Go before 1.24 says a package failed to build in a plain line, not an event.
      const build = /^FAIL\t(\S+) \[(?:build|setup) failed\]$/.exec(line)
      if (build) {
        this.failed.push({ importPath: build[1], what: 'build failed' })
        this.onPackageDone(build[1], false)
      } else if (line.trim()) this.stray.push(line)
      return
    }
    // Go 1.24+ reports compiler errors as events too, not on stderr.
    if (e.Action === 'build-output' && e.ImportPath && e.Output !== undefined) {
      const built = e.ImportPath.split(' ')[0]
      const lines = e.Output.replace(/\n$/, '')
        .split('\n')
        .filter((l) => !l.startsWith('# '))
      this.buildErrors.set(built, [...(this.buildErrors.get(built) ?? []), ...lines])
      return
    }
    const pkg = e.Package
    if (!pkg) return
    if (e.Action === 'output' && e.Output !== undefined) {
      if (this.keepBenchmarks) this.benchOutput(pkg, e.Output)
      const kept = this.lines.get(pkg) ?? []
      kept.push(...e.Output.replace(/\n$/, '').split('\n'))
      if (kept.length > KEPT) kept.splice(0, kept.length - KEPT)
      this.lines.set(pkg, kept)
    } else if ((e.Action === 'pass' || e.Action === 'fail') && e.Test === undefined) {
      if (e.Action === 'fail') {
        const said = (this.lines.get(pkg) ?? []).join('\n')
        const build = /\[(build|setup) failed\]/.test(said) || this.buildErrors.has(pkg)
        this.failed.push({ importPath: pkg, what: build ? 'build failed' : 'tests failed' })
      }
      this.onPackageDone(pkg, e.Action === 'pass')
    }
  }

  private benchOutput(pkg: string, text: string): void {
    const b = this.bench.get(pkg) ?? { rest: '', lines: [] }
    this.bench.set(pkg, b)
    const parts = (b.rest + text).split('\n')
    b.rest = parts.pop()!
    for (const line of parts) if (isBenchLine(line)) b.lines.push(line)
  }

  private stderrLine(line: string): void {
    // `# example.com/shop/cart` or `# example.com/shop/cart [example.com/shop/cart.test]`
    const header = /^# (\S+)(?: \[(\S+?)(?:\.test)?\])?$/.exec(line)
    if (header) {
      this.header = header[1]
      return
    }
    if (this.header !== undefined && /^\s|\S+\.go:\d+/.test(line)) {
      const kept = this.buildErrors.get(this.header) ?? []
      kept.push(line)
      this.buildErrors.set(this.header, kept)
      return
    }
    this.header = undefined
    this.stray.push(line)
  }
}

function isBenchLine(line: string): boolean {
  return BENCH_CONFIG.test(line) || isResultLine(line)
}
