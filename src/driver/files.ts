// The inputs of a compare: the paths or globs of one side, its runs, and opening a file.
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { globSync, isDynamicPattern } from 'tinyglobby'
import { GateError } from '../errors.js'
import { MAX_FILE_BYTES, MAX_RUN_DEPTH, MAX_RUN_FILES, sizeText } from './limits.js'

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
    const inside = runFiles(dir, label)
    if (inside.length === 0) {
      throw new GateError(
        'NO_FILES',
        `${label} ${dir}: the run folder is empty`,
        'check that the run wrote its files',
      )
    }
    return inside
  })
}

/**
 * The files below a run folder (hidden ones left out), sorted. Bounded: at most
 * MAX_RUN_FILES files, MAX_RUN_DEPTH levels of folders, and nothing reached through a
 * link that leads out of the folder; `/` is refused outright.
 */
function runFiles(dir: string, label: string): string[] {
  const root = dir.replace(/\/+$/, '') || '/'
  if (resolve(root) === resolve('/')) {
    throw new GateError(
      'USAGE',
      `${label} ${dir}: the whole file system is not a run folder`,
      'name the folder the run wrote its files to',
    )
  }
  const top = realpathSync(root)
  const found: string[] = []
  const walk = (rel: string, depth: number) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue
      const relPath = rel ? `${rel}/${entry.name}` : entry.name
      const path = `${root}/${relPath}`
      let isDir = entry.isDirectory()
      if (entry.isSymbolicLink()) {
        let real: string | undefined
        try {
          real = realpathSync(path)
        } catch {
          real = undefined // a dangling link: reading it names it
        }
        if (real !== undefined && real !== top && !real.startsWith(top + sep)) {
          throw new GateError(
            'READ_FAILED',
            `${label} ${path}: is a link to ${real}, outside the run folder ${dir}`,
            'copy the file into the run folder',
          )
        }
        // A link to a folder inside is not followed (it could loop); to a file it is read.
        isDir = false
        if (real !== undefined && statSync(real).isDirectory()) continue
      }
      if (isDir) {
        if (depth >= MAX_RUN_DEPTH) {
          throw new GateError(
            'TOO_LARGE',
            `${label} ${dir}: has folders more than ${MAX_RUN_DEPTH} levels deep (${path})`,
            "a run folder holds one run's files; name that folder",
          )
        }
        walk(relPath, depth + 1)
        continue
      }
      found.push(path)
      if (found.length > MAX_RUN_FILES) {
        throw new GateError(
          'TOO_LARGE',
          `${label} ${dir}: holds more than ${MAX_RUN_FILES.toLocaleString('en-US')} files`,
          "a run folder holds one run's files; name that folder",
        )
      }
    }
  }
  walk('', 0)
  return found.sort()
}

/** What a glob matches, sorted; none is a GateError naming the pattern. */
function matches(pattern: string, label: string, what: 'files' | 'folders'): string[] {
  const found = globSync(
    pattern,
    what === 'files'
      ? { onlyFiles: true, expandDirectories: false, followSymbolicLinks: false }
      : { onlyDirectories: true, expandDirectories: false, followSymbolicLinks: false },
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

/** What a path that is not a regular file is, for messages; undefined for a file. */
function notAFile(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined
  if (stat.isDirectory()) return 'a directory'
  if (stat.isFIFO()) return 'a named pipe (FIFO)'
  if (stat.isSocket()) return 'a socket'
  if (stat.isCharacterDevice()) return 'a character device'
  if (stat.isBlockDevice()) return 'a block device'
  return 'not a regular file'
}

/** Refuses anything but a regular file within MAX_FILE_BYTES; returns its size. */
function checkStat(stat: Stats, path: string, label: string): number {
  const what = notAFile(stat)
  if (what === 'a directory') {
    throw new GateError(
      'READ_FAILED',
      `${label} ${path}: is a directory, not a file`,
      `use a glob such as '${path}/*.pb.gz'`,
    )
  }
  if (what) {
    throw new GateError(
      'READ_FAILED',
      `${label} ${path}: is ${what}, not a file`,
      'save what it gives to a file and pass that file',
    )
  }
  if (stat.size > MAX_FILE_BYTES) {
    throw new GateError(
      'TOO_LARGE',
      `${label} ${path}: is ${sizeText(stat.size)}, over the ${sizeText(MAX_FILE_BYTES)} limit for one file`,
      'Go memory files are far smaller; check that this is the right file',
    )
  }
  return stat.size
}

/**
 * The size of an input file, from its stat, without opening it: anything but a regular
 * file (a FIFO, a socket, a device such as /dev/zero, a folder) or a file over
 * MAX_FILE_BYTES is a GateError naming it.
 */
export function inputSize(path: string, label: string): number {
  let stat: Stats
  try {
    stat = statSync(path)
  } catch (err) {
    throw readError(err, path, label)
  }
  return checkStat(stat, path, label)
}

/**
 * Opens one input file for reading: its descriptor and size. A missing or unreadable path,
 * anything but a regular file, or a file over MAX_FILE_BYTES is a GateError naming it. The
 * path is checked before it is opened (opening a FIFO would wait for a writer), opened
 * without blocking, and checked again on the descriptor (it may have been replaced).
 */
export function openInput(path: string, label: string): { fd: number; size: number } {
  inputSize(path, label)
  let fd: number | undefined
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
    return { fd, size: checkStat(fstatSync(fd), path, label) }
  } catch (err) {
    if (fd !== undefined) closeSync(fd)
    if (err instanceof GateError) throw err
    throw readError(err, path, label)
  }
}

/**
 * The text of a small file (the policy), its UTF-8 byte order mark dropped: the same
 * checks as an input file, and refused from its stat when over `maxBytes`.
 */
export function readSmallText(path: string, label: string, maxBytes: number, hint: string): string {
  const { fd, size } = openInput(path, label)
  try {
    if (size > maxBytes) {
      throw new GateError(
        'TOO_LARGE',
        `${label} ${path}: is ${sizeText(size)}, over the ${sizeText(maxBytes)} limit`,
        hint,
      )
    }
    // Read at most one byte past the limit: the file may grow after its stat.
    const buf = Buffer.alloc(maxBytes + 1)
    let length = 0
    for (;;) {
      const n = readSync(fd, buf, length, buf.length - length, null)
      if (n === 0) break
      length += n
      if (length > maxBytes) {
        throw new GateError(
          'TOO_LARGE',
          `${label} ${path}: is over the ${sizeText(maxBytes)} limit`,
          hint,
        )
      }
    }
    return buf
      .subarray(0, length)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
  } catch (err) {
    if (err instanceof GateError) throw err
    throw readError(err, path, label)
  } finally {
    closeSync(fd)
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
