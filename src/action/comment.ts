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
  html_url?: string
  user?: { login?: string; type?: string } | null
}

/**
 * Whether a comment is ours: it starts with our marker and was written by the token's own
 * login. An installation token (GITHUB_TOKEN, a GitHub App's) cannot learn its login before
 * it writes (GET /user is refused), so then any bot's comment counts: people cannot write as
 * a bot, and a marker quoted by a person, or further down a body, never counts.
 */
export function isOurComment(c: PostedComment, marker: string, login: string | undefined): boolean {
  if (!(c.body ?? '').startsWith(marker)) return false
  return login !== undefined ? c.user?.login === login : c.user?.type === 'Bot'
}

/**
 * Of several copies of our comment (two runs of one PR created one each), the one to keep:
 * the oldest, so every run converges on the same comment whatever the timing.
 */
export function commentToKeep(ours: PostedComment[]): PostedComment | undefined {
  return ours.reduce<PostedComment | undefined>(
    (a, c) => (a === undefined || c.id < a.id ? c : a),
    undefined,
  )
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
