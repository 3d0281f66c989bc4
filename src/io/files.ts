// File reading shared by both shells: expands the paths or globs of one side and reads them.
import { readFileSync, statSync } from 'node:fs'
import { globSync, isDynamicPattern } from 'tinyglobby'
import { GateError } from '../errors.js'

/** One file of a side, as given and as read. */
export interface InputFile {
  path: string
  bytes: Uint8Array
}

/**
 * Expands and reads the files of a side, in a stable order. `label` names where the
 * patterns came from in errors (`--candidate`, `the profiles input`).
 */
export function readSide(args: string[], label: string): InputFile[] {
  const paths: string[] = []
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const found = globSync(arg, { onlyFiles: true, expandDirectories: false }).sort()
      if (found.length === 0) {
        throw new GateError(
          'NO_FILES',
          `${label} ${arg}: the pattern matched no files`,
          'check the path, and that the step producing the files ran',
        )
      }
      paths.push(...found)
    } else {
      paths.push(arg)
    }
  }
  return [...new Set(paths)].map((path) => ({ path, bytes: readOne(path, label) }))
}

function readOne(path: string, label: string): Uint8Array {
  try {
    if (statSync(path).isDirectory()) {
      throw new GateError(
        'READ_FAILED',
        `${label} ${path}: is a directory`,
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
      `${label} ${path}: ${why}`,
      'check the path, and that the step producing the file ran',
    )
  }
}
