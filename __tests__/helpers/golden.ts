// Golden files: the output of a scenario, kept in fixtures/golden/ and compared byte for byte.
// GOMEM_GATE_UPDATE_GOLDEN=1 writes the current output instead, so a change is a git diff.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'

/** The environment switch that rewrites the golden files. */
export const UPDATE_SWITCH = 'GOMEM_GATE_UPDATE_GOLDEN'
/** Whether this run rewrites the golden files rather than checking them. */
export const updating = process.env[UPDATE_SWITCH] === '1'

const HOW = `${UPDATE_SWITCH}=1 npm test -- __tests__/golden rewrites it; review the git diff`

/**
 * Checks `actual` against the golden file at `path` (or writes it when updating). `undefined`
 * means the file must not exist (a scenario that prints nothing on stderr has no .stderr).
 */
export function expectGolden(path: string, actual: string | undefined): void {
  const name = relative(process.cwd(), path)
  if (updating) {
    if (actual === undefined) rmSync(path, { force: true })
    else {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, actual)
    }
    return
  }
  const exists = existsSync(path)
  if (actual === undefined) {
    if (exists) throw new Error(`${name} exists but the scenario printed nothing there (${HOW})`)
    return
  }
  if (!exists) throw new Error(`${name} is missing (${HOW})`)
  const expected = readFileSync(path, 'utf8')
  if (expected !== actual)
    throw new Error(
      `${name} differs from the output: ${firstDifference(expected, actual)}\n(${HOW})`,
    )
}

/** Where two texts first differ, as a line number and both versions of that line. */
export function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n')
  const b = actual.split('\n')
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue
    const show = (line: string | undefined) =>
      line === undefined ? '(no such line)' : JSON.stringify(line)
    return `line ${i + 1}\n  golden: ${show(a[i])}\n  output: ${show(b[i])}`
  }
  return 'identical'
}
