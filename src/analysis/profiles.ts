// The per-profile view: the files of each side grouped by profile name (a package's files,
// for `gomem-gate go-test` output), and each group diffed on its own, so a regression in one
// package of fifty is not lost in the sum of all of them.
import type { Snapshot } from '../formats/model.js'
import { profileNameOf } from '../profile-name.js'
import { warning } from '../warnings.js'
import { diff, summaries, type DiffOptions } from './diff.js'
import type { Diff, ProfileDiff } from './types.js'

/**
 * One ProfileDiff per profile name on either side, or undefined when neither side holds heap
 * profiles of two or more names, or the sides share none of them (one program each: the
 * whole-side diff says it all). MemStats and
 * gctrace files join the group of their name; benchmark results stay with the whole side
 * (they name their packages themselves). Sorted by name.
 */
export function diffProfiles(
  baseline: Snapshot[],
  candidate: Snapshot[],
  opts: { sampleType?: string } = {},
): ProfileDiff[] | undefined {
  const base = groupsOf(baseline)
  const cand = groupsOf(candidate)
  if (namedProfiles(base) < 2 && namedProfiles(cand) < 2) return undefined
  const hasBaseline = baseline.length > 0
  // Sides that share no profile name are not packages of one module but files to add up
  // (two replicas against two others): one program each.
  if (hasBaseline && ![...base.keys()].some((name) => hasProfile(cand.get(name)))) return undefined
  const names = [...new Set([...base.keys(), ...cand.keys()])].sort()
  return names.map((name): ProfileDiff => {
    const b = base.get(name) ?? []
    const c = cand.get(name) ?? []
    // A profile the baseline lacks is new, not grown from zero: only ceilings judge it.
    const presence = !hasBaseline
      ? undefined
      : b.length === 0
        ? 'new'
        : c.length === 0
          ? 'gone'
          : undefined
    const d = diff(b, c, { sampleType: opts.sampleType })
    const profiles = [...b, ...c].filter((s) => s.profile)
    return {
      name,
      ...(presence ? { presence } : {}),
      files: { baseline: b.map((s) => s.source), candidate: c.map((s) => s.source) },
      totals: d.totals,
      memstats: d.memstats,
      // Allocation sites only: a function with no flat figure on either side judges nothing
      // and would multiply the rows by every caller in every package.
      allocators: d.allocators.filter((r) => (r.baseline ?? 0) !== 0 || r.candidate !== 0),
      exact: profiles.length > 0 && profiles.every((s) => s.profile!.period === 1),
    }
  })
}

/**
 * The diff with its per-profile view, or undefined when the sides are one program each
 * (diffProfiles). The whole side's figures are over the profiles both sides have; the new and
 * gone ones are named in a warning (only ceilings judge them, in their own rows).
 */
export function diffByProfile(
  base: Snapshot[],
  cand: Snapshot[],
  opts: DiffOptions = {},
): Diff | undefined {
  const profiles = diffProfiles(base, cand, opts)
  if (!profiles) return undefined
  const d = diff(sharedFiles(base, profiles), sharedFiles(cand, profiles), opts)
  // The inputs list shows every file, those left out of the totals too.
  d.files = [...summaries(base, 'baseline'), ...summaries(cand, 'candidate')]
  const added = profiles.filter((p) => p.presence === 'new').map((p) => p.name)
  const gone = profiles.filter((p) => p.presence === 'gone').map((p) => p.name)
  if (added.length + gone.length > 0) {
    const list = (names: string[]) =>
      names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '')
    const parts = [
      added.length > 0 ? `new in the candidate: ${list(added)}` : '',
      gone.length > 0 ? `gone from it: ${list(gone)}` : '',
    ].filter((p) => p)
    d.warnings.push(
      warning(
        'profiles-unmatched',
        `profiles ${parts.join('; ')}; the totals sum the ${profiles.length - added.length - gone.length} profiles both sides have`,
      ),
    )
  }
  return { ...d, profiles }
}

/**
 * The files of a side without those of new and gone profiles: the whole side's figures are
 * the sum of the profiles both sides have, so adding a package with tests is not growth.
 */
function sharedFiles(side: Snapshot[], profiles: ProfileDiff[]): Snapshot[] {
  const apart = new Set(profiles.filter((p) => p.presence).map((p) => p.name))
  if (apart.size === 0) return side
  return side.filter((s) => s.benchmarks || !apart.has(profileNameOf(s.source)))
}

/** The files of a side by profile name; benchmark results left out. */
function groupsOf(side: Snapshot[]): Map<string, Snapshot[]> {
  const out = new Map<string, Snapshot[]>()
  for (const s of side) {
    if (s.benchmarks) continue
    const name = profileNameOf(s.source)
    const list = out.get(name)
    if (list) list.push(s)
    else out.set(name, [s])
  }
  return out
}

/** How many groups hold a heap profile. */
function namedProfiles(groups: Map<string, Snapshot[]>): number {
  let n = 0
  for (const files of groups.values()) if (hasProfile(files)) n++
  return n
}

function hasProfile(files: Snapshot[] | undefined): boolean {
  return files !== undefined && files.some((s) => s.profile)
}
