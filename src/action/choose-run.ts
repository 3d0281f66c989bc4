// Which earlier runs to try for a baseline, in order. Pure.
import type { BaselineRun } from './github.js'

/** Why a run was chosen, for the comment. */
export type RunChoice = 'merge-base' | 'older' | 'latest'

/**
 * The runs to try, best first: the run of the PR's merge base; then the nearest older runs
 * (by commit time, newest first). Without a known merge base: newest first.
 */
export function runsToTry(
  runs: BaselineRun[],
  base: { sha: string; time?: string } | undefined,
): { run: BaselineRun; why: RunChoice }[] {
  const newestFirst = [...runs].sort((a, b) => b.time.localeCompare(a.time) || b.id - a.id)
  if (!base) return newestFirst.map((run) => ({ run, why: 'latest' as const }))
  const exact = newestFirst.filter((r) => r.headSha === base.sha)
  const older = newestFirst.filter(
    (r) => r.headSha !== base.sha && base.time !== undefined && r.time <= base.time,
  )
  return [
    ...exact.map((run) => ({ run, why: 'merge-base' as const })),
    ...older.map((run) => ({ run, why: 'older' as const })),
  ]
}
