// The name of the program part a file belongs to (its "profile"): `gomem-gate go-test` writes
// one set of files per package, named for its import path, and the per-package view, the
// `profile:` scope of rules and the matrix shards all key on that name. Decided here only.
import { basename } from 'node:path'

/**
 * File name suffixes that say what a file is, not whose it is; the longest that matches is
 * dropped. Content is still sniffed: these only shape the name.
 */
const SUFFIXES = [
  '.goroutine-stacks.txt.gz',
  '.goroutineleak.pb.gz',
  '.goroutine.pb.gz',
  '.runtime-metrics.json',
  '.goroutineleak.txt',
  '.memstats.json',
  '.goroutine.txt',
  '.gctrace.txt',
  '.heap.txt',
  '.pprof.gz',
  '.prof.gz',
  '.pb.gz',
  '.json',
  '.prof',
  '.txt',
  '.pb',
  '.gz',
].sort((a, b) => b.length - a.length)

/**
 * The profile a file belongs to: its base name without the suffix that says what it is, with
 * `%2F` read back as `/` and `%25` as `%` (the escapes of `fileStemOf`). `dir/example.com%2Fshop%2Fcache.pb.gz`
 * and `….gctrace.txt` are both `example.com/shop/cache`.
 */
export function profileNameOf(path: string): string {
  const base = basename(path)
  const lower = base.toLowerCase()
  const suffix = SUFFIXES.find((s) => lower.endsWith(s) && lower.length > s.length)
  const stem = suffix ? base.slice(0, base.length - suffix.length) : base
  return stem.replace(/%2F/gi, '/').replace(/%25/g, '%')
}

/**
 * A file name stem for an import path: `/` as `%2F` and `%` as `%25`, so the files of every
 * package sit flat in one folder and `profileNameOf` gives the import path back. (Import paths
 * have no `%`; the escape keeps the mapping one to one whatever the name.)
 */
export function fileStemOf(importPath: string): string {
  return importPath.replace(/%/g, '%25').replace(/\//g, '%2F')
}
