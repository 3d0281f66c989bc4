// `gomem-gate record`: one history entry from the files a compare would read as its
// candidate, appended to the history file (created when missing).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { compare } from '../driver/compare.js'
import { settingsFrom } from '../driver/settings.js'
import { entryOf } from '../history/entry.js'
import { appendEntry, newHistory, readHistory, writeHistory } from '../history/file.js'
import type { RecordArgs } from './args.js'
import type { CliIO } from './run.js'

/** Appends the entry for `args.files` and prints one line saying so; returns the exit code. */
export async function record(args: RecordArgs, io: CliIO, now: Date): Promise<number> {
  // Read first: a broken history is refused before any profile is read.
  const history = existsSync(args.history) ? readHistory(args.history) : newHistory()
  const result = await compare(
    {
      baseline: [],
      candidate: args.files,
      config: args.config,
      labels: {
        baseline: '--baseline',
        candidate: 'record',
        config: '--config',
        series: '--series',
      },
      today: io.today,
    },
    settingsFrom(io.env, availableParallelism()),
  )
  const commit = args.commit ?? headCommit()
  const next = appendEntry(history, entryOf(result, { commit, time: now.toISOString() }))
  writeHistory(args.history, next)
  io.stdout(
    `recorded entry ${next.entries.length} of ${args.history} for commit ${commit.slice(0, 7)} (${result.diff.files.length} files)\n`,
  )
  return 0
}

/** The commit checked out here, or `unknown` outside a git repository. */
function headCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    }).trim()
    return /^[0-9a-f]{7,64}$/.test(sha) ? sha : 'unknown'
  } catch {
    return 'unknown'
  }
}
