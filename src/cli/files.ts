// Expands the file arguments of one side (paths or quoted globs) and reads them.
import { readFileSync, statSync } from 'node:fs'
import { globSync, isDynamicPattern } from 'tinyglobby'
import { GateError } from '../errors.js'

/** One file of a side, as given and as read. */
export interface InputFile {
  path: string
  bytes: Uint8Array
}

/** Expands and reads the files of a side, in a stable order; errors name the argument. */
export function readSide(args: string[], side: string): InputFile[] {
  const paths: string[] = []
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const found = globSync(arg, { onlyFiles: true, expandDirectories: false }).sort()
      if (found.length === 0) {
        throw new GateError(
          'NO_FILES',
          `--${side} ${arg}: the pattern matched no files`,
          'check the path, and that the step producing the files ran',
        )
      }
      paths.push(...found)
    } else {
      paths.push(arg)
    }
  }
  return [...new Set(paths)].map((path) => ({ path, bytes: readOne(path, side) }))
}

function readOne(path: string, side: string): Uint8Array {
  try {
    if (statSync(path).isDirectory()) {
      throw new GateError(
        'READ_FAILED',
        `--${side} ${path}: is a directory`,
        `use a glob such as '${path}/*.pb.gz'`,
      )
    }
    return readFileSync(path)
  } catch (err) {
    if (err instanceof GateError) throw err
    const code = (err as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : (err as Error).message
    throw new GateError(
      'READ_FAILED',
      `--${side} ${path}: ${why}`,
      'check the path, and that the step producing the file ran',
    )
  }
}
