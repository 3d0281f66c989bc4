// The names files get inside an artifact: their workspace-relative paths, so the baseline
// reads like the candidate; a file outside the workspace keeps its base name in a folder.
import { basename, isAbsolute, join, relative } from 'node:path'
import { existingFiles } from '../driver/files.js'
import type { StoredFile } from './artifacts.js'

/** Where files from outside the workspace (absolute paths elsewhere) are stored. */
export const OUTSIDE = 'outside-workspace'

/**
 * The files of some globs, each with its path and its name in the artifact; names already
 * taken (in `taken`, or twice among these) get a numbered folder so none overwrites another.
 */
export function storedFiles(
  patterns: string[],
  label: string,
  workspace: string,
  taken: StoredFile[] = [],
): StoredFile[] {
  if (patterns.length === 0) return []
  const used = new Set(taken.map((f) => f.name))
  return existingFiles(patterns, label).map((path) => {
    const source = isAbsolute(path) ? path : join(workspace, path)
    const rel = relative(workspace, source)
    const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
    let name = inside ? rel : join(OUTSIDE, basename(source))
    for (let i = 2; used.has(name); i++) name = join(OUTSIDE, String(i), basename(source))
    used.add(name)
    return { source, name }
  })
}
