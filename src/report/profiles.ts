// What every renderer shows of the per-profile view (one profile per package from go-test):
// the counts for its summary and the profiles worth a row. The order is the policy's.
import type { JudgedDiff, JudgedProfile, JudgedRow } from '../policy/types.js'

/** How the profiles of a compare divide: all, with violations, new, gone. */
export interface ProfileCounts {
  all: number
  failing: number
  added: string[]
  gone: string[]
}

/** The counts, with the names of the profiles that appeared and disappeared. */
export function profileCounts(profiles: JudgedProfile[]): ProfileCounts {
  return {
    all: profiles.length,
    failing: profiles.filter((p) => p.violations > 0).length,
    added: profiles.filter((p) => p.presence === 'new').map((p) => p.name),
    gone: profiles.filter((p) => p.presence === 'gone').map((p) => p.name),
  }
}

/** `12 profiles · 1 with violations · 2 new · 1 gone`. */
export function countsText(c: ProfileCounts): string {
  const parts = [`${c.all} profile${c.all === 1 ? '' : 's'}`]
  if (c.failing > 0) parts.push(`${c.failing} with violations`)
  if (c.added.length > 0) parts.push(`${c.added.length} new`)
  if (c.gone.length > 0) parts.push(`${c.gone.length} gone`)
  return parts.join(' · ')
}

/** The profiles given a row: all but the gone ones (listed by name), at most `limit`. */
export function shownProfiles(profiles: JudgedProfile[], limit: number): JudgedProfile[] {
  return profiles.filter((p) => p.presence !== 'gone').slice(0, Math.max(0, limit))
}

/** A profile's top grower in `type`, when one grew. */
export function topGrowerOf(p: JudgedProfile, type: string): JudgedRow | undefined {
  return p.growers.find((r) => r.sampleType === type)
}

/** The per-profile view of a judged diff, or undefined when it has none. */
export function profilesOf(diff: JudgedDiff): JudgedProfile[] | undefined {
  return diff.profiles && diff.profiles.length > 0 ? diff.profiles : undefined
}
