// The inputs of a compare: the paths or globs of one side, its runs, and opening a file.
import { closeSync, fstatSync, openSync, statSync } from 'node:fs'
import { globSync, isDynamicPattern } from 'tinyglobby'
import { GateError } from '../errors.js'

/**
 * The files of a side (globs expanded), in a stable order, each checked to be readable.
 * `label` names where the patterns came from in errors (`--candidate`, `input profiles:`).
 */
export function existingFiles(args: string[], label: string): string[] {
  const paths = expandSide(args, label)
  for (const path of paths) closeSync(openInput(path, label).fd)
  return paths
}

/** The paths of a side's files (globs expanded), in a stable order, without reading them. */
export function expandSide(args: string[], label: string): string[] {
  const paths: string[] = []
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      paths.push(...matches(arg, label, 'files'))
    } else {
      paths.push(arg)
    }
  }
  return [...new Set(paths)]
}

/**
 * The runs of a side. A folder is one run (every file below it), so `base/1 base/2 …`, or a
 * glob that ends in a slash (it matches folders), gives several runs; plain files are one
 * run together.
 * Mixing folders and files is a usage error: it would be unclear which run a file is in.
 */
export function listRuns(args: string[], label: string): string[][] {
  const folders: string[] = []
  const files: string[] = []
  for (const arg of args) {
    if (arg.endsWith('/') && isDynamicPattern(arg)) {
      folders.push(...matches(arg, label, 'folders'))
    } else if (!isDynamicPattern(arg) && isDirectory(arg)) {
      folders.push(arg)
    } else {
      files.push(arg)
    }
  }
  if (folders.length === 0) return [expandSide(files, label)]
  if (files.length > 0) {
    throw new GateError(
      'USAGE',
      `${label}: mixes run folders (${folders[0]}) and files (${files[0]})`,
      'give one folder per run, or only files for a single run',
    )
  }
  return [...new Set(folders)].map((dir) => {
    const inside = globSync('**/*', { cwd: dir, onlyFiles: true }).sort()
    if (inside.length === 0) {
      throw new GateError(
        'NO_FILES',
        `${label} ${dir}: the run folder is empty`,
        'check that the run wrote its files',
      )
    }
    return inside.map((f) => `${dir.replace(/\/$/, '')}/${f}`)
  })
}

/** What a glob matches, sorted; none is a GateError naming the pattern. */
function matches(pattern: string, label: string, what: 'files' | 'folders'): string[] {
  const found = globSync(
    pattern,
    what === 'files'
      ? { onlyFiles: true, expandDirectories: false }
      : { onlyDirectories: true, expandDirectories: false },
  ).sort()
  if (found.length === 0) {
    throw new GateError(
      'NO_FILES',
      `${label} ${pattern}: the pattern matched no ${what}`,
      what === 'files'
        ? 'check the path, and that the step producing the files ran'
        : 'check the path',
    )
  }
  return found
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/**
 * Opens one input file for reading: its descriptor and size. A missing, unreadable or
 * folder path is a GateError naming it.
 */
export function openInput(path: string, label: string): { fd: number; size: number } {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const stat = fstatSync(fd)
    if (stat.isDirectory()) {
      throw new GateError(
        'READ_FAILED',
        `${label} ${path}: is a directory`,
        `use a glob such as '${path}/*.pb.gz'`,
      )
    }
    return { fd, size: stat.size }
  } catch (err) {
    if (fd !== undefined) closeSync(fd)
    if (err instanceof GateError) throw err
    throw readError(err, path, label)
  }
}

/** The GateError for a file that could not be opened or read. */
export function readError(err: unknown, path: string, label: string): GateError {
  const code = (err as NodeJS.ErrnoException).code
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES'
        ? 'permission denied'
        : (err as Error).message
  return new GateError(
    'READ_FAILED',
    `${label} ${path}: ${why}`,
    'check the path, and that the step producing the file ran',
  )
}
