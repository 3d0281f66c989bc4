// The size limits of a compare, in one place. Real Go memory files stay far below them
// (the largest profiles measured are 26 MiB gzipped, 46 MB inflated); they exist so that a
// crafted or mistaken input is refused with one line instead of taking the machine's
// memory or time. docs/cli.md lists them.

const MiB = 1024 * 1024
const GiB = 1024 * MiB

/** One input file on disk. Refused from its stat, before any byte is read. */
export const MAX_FILE_BYTES = 512 * MiB

/** All the files of one side (or of a series) on disk together. */
export const MAX_SIDE_BYTES = 2 * GiB

/**
 * What one gzip file may inflate to (1 GiB; kept in src/formats, which cannot import the
 * driver); inflating stops as soon as it passes, on the main thread and on the workers.
 */
export { DEFAULT_MAX_INFLATED as MAX_INFLATED_BYTES } from '../formats/gunzip.js'

/**
 * A text input (Prometheus, MemStats JSON, a text heap profile, gctrace, go test output)
 * after any gunzip: it is decoded as one string, so it is refused before it is decoded.
 */
export const MAX_TEXT_BYTES = 256 * MiB

/** The policy file (YAML). */
export const MAX_CONFIG_BYTES = MiB

/** The manifest of an artifact a pull request's run handed over (a fork controls it). */
export const MAX_MANIFEST_BYTES = MiB

/** Distinct functions in one heap profile (kept in src/formats, which refuses them). */
export { MAX_PROFILE_FUNCTIONS } from '../formats/names.js'

/** Distinct functions across the profiles of one side together. */
export const MAX_SIDE_FUNCTIONS = 200_000

/** The files one run folder may hold, and how deep below it they are looked for. */
export const MAX_RUN_FILES = 10_000
export const MAX_RUN_DEPTH = 8

/**
 * Redirects `gomem-gate capture` follows for one request; each response it reads is bounded
 * by MAX_FILE_BYTES (a gzipped one by MAX_INFLATED_BYTES when it is checked).
 */
export const MAX_CAPTURE_REDIRECTS = 5

/** `512 MiB`, `1.5 GiB`, `300 B`: a size for the messages. */
export function sizeText(bytes: number): string {
  if (bytes >= GiB) return `${+(bytes / GiB).toFixed(1)} GiB`
  if (bytes >= MiB) return `${+(bytes / MiB).toFixed(1)} MiB`
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`
  return `${bytes} B`
}

/** `100,000`: a count for the messages. */
export function count(n: number): string {
  return n.toLocaleString('en-US')
}
