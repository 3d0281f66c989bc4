// The sticky PR comment: its marker, its body, and whether to post it. Pure.
import type { Status } from '../policy/types.js'
import type { CommentPolicy } from './inputs.js'

/** The hidden marker that finds our comment again: one per artifact name. */
export function commentMarker(artifactName: string): string {
  return `<!-- gomem-gate:${artifactName} -->`
}

/** The comment: the marker on its own line, then the report. */
export function commentBody(marker: string, report: string): string {
  return `${marker}\n${report}`
}

/** A comment found on the PR. */
export interface PostedComment {
  id: number
  body?: string
  user?: { login?: string } | null
}

/**
 * Whether a comment is ours: written by the token's own login and starting with our marker.
 * A marker quoted inside someone else's comment, or further down a body, does not count.
 */
export function isOurComment(c: PostedComment, marker: string, login: string): boolean {
  return c.user?.login === login && (c.body ?? '').startsWith(marker)
}

/**
 * Whether to create or update the comment. An existing comment is always kept current, so
 * it never shows a stale verdict; a new one is created according to the policy.
 */
export function shouldComment(
  policy: CommentPolicy,
  status: Status,
  changed: boolean,
  exists: boolean,
): boolean {
  if (policy === 'never') return false
  if (exists || policy === 'always') return true
  if (policy === 'on-regression') return status === 'fail'
  return status === 'fail' || changed
}
