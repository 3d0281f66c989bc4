// Which packages `gomem-gate go-test` runs: `go list` of the patterns, in the module at `dir`.
import { execFile } from 'node:child_process'
import { dirname } from 'node:path'
import { GateError } from '../errors.js'

/** One listed package: its import path, its directory, and whether it has test files. */
export interface GoPackage {
  importPath: string
  dir: string
  hasTests: boolean
}

/** The packages the patterns match, and the root of the module they belong to. */
export interface PackageList {
  moduleRoot: string
  packages: GoPackage[]
}

// One tab-separated line per package; `-e` keeps a package that does not build in the list
// (its build error is go test's to report, with the package's name).
const TEMPLATE =
  '{{.ImportPath}}\t{{.Dir}}\t{{len .TestGoFiles}}\t{{len .XTestGoFiles}}\t{{if .Module}}{{.Module.Dir}}{{end}}\t{{if .Error}}{{.Error.Err}}{{end}}'

/** Flags of `go test` that change which files `go list` sees; the others are not its own. */
const LIST_FLAGS = new Set(['-tags', '-mod', '-modfile', '-overlay'])

/** The flags of `goFlags` that `go list` needs too (build tags, module mode), as given. */
export function listFlagsOf(goFlags: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < goFlags.length; i++) {
    const flag = goFlags[i].replace(/^--/, '-')
    const name = flag.split('=')[0]
    if (!LIST_FLAGS.has(name)) continue
    out.push(flag)
    if (!flag.includes('=') && i + 1 < goFlags.length) out.push(goFlags[++i])
  }
  return out
}

/** Runs `go list` in `dir`; a missing go, no module or no match is a GateError of one line. */
export async function listPackages(
  dir: string,
  patterns: readonly string[],
  goFlags: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<PackageList> {
  const args = ['list', '-e', '-f', TEMPLATE, ...listFlagsOf(goFlags), '--', ...patterns]
  // Side by side: each go command takes a while to start.
  const [gomod, listed] = await Promise.allSettled([
    go(['env', 'GOMOD'], dir, env),
    go(args, dir, env),
  ])
  if (gomod.status === 'rejected') throw gomod.reason
  const goMod = gomod.value.stdout.trim()
  if (goMod === '' || goMod === '/dev/null' || goMod === 'NUL') {
    throw new GateError(
      'GO_TEST',
      `go test: ${dir} is not in a Go module (no go.mod here or above)`,
      'run gomem-gate go-test in a module, or create one with go mod init',
    )
  }
  if (listed.status === 'rejected') throw listed.reason
  const { stdout, stderr } = listed.value
  const packages: GoPackage[] = []
  let moduleRoot = dirname(goMod)
  for (const line of stdout.split('\n')) {
    if (!line) continue
    const [importPath, pkgDir, tests, xtests, modDir, error] = line.split('\t')
    if (!pkgDir) {
      throw new GateError(
        'GO_TEST',
        `go list: ${importPath}: ${error || 'no such package'}`,
        'name packages of this module, e.g. ./...',
      )
    }
    if (modDir) moduleRoot = modDir
    packages.push({ importPath, dir: pkgDir, hasTests: Number(tests) + Number(xtests) > 0 })
  }
  if (packages.length === 0) {
    const warning = firstProblem(stderr)
    throw new GateError(
      'GO_TEST',
      `go test: no packages matched ${patterns.join(' ')}${warning ? ` (${warning})` : ''}`,
      'name packages of this module, e.g. ./...',
    )
  }
  return { moduleRoot, packages }
}

/** Runs go; go missing from PATH or a failing command is a GateError of one line. */
function go(
  args: string[],
  dir: string,
  env: NodeJS.ProcessEnv,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile('go', args, { cwd: dir, env, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(
          new GateError(
            'GO_TEST',
            'go test: go was not found on PATH',
            'install Go (https://go.dev/dl/) or put its bin directory on PATH',
          ),
        )
      } else if (err) {
        const first = firstProblem(stderr) ?? err.message.split('\n')[0]
        reject(
          new GateError('GO_TEST', `go ${args[0]}: ${first}`, 'check the packages and --go-flags'),
        )
      } else resolve({ stdout, stderr })
    })
  })
}

/** The first line of go's stderr, without its `go: ` prefix. */
function firstProblem(stderr: string): string | undefined {
  const line = stderr.split('\n').find((l) => l.trim() !== '')
  return line?.replace(/^go: (warning: )?/, '').trim()
}
