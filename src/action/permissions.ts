// A missing permission is the user's to fix, never a reason to judge without a baseline:
// tell a 403 "not accessible" apart from rate limits and outages, and name what to add.
import { GateError } from '../errors.js'

/** The job permission a GitHub call needs, as written under `permissions:`. */
export type Permission = 'actions: read' | 'contents: read' | 'pull-requests: write'

interface ResponseLike {
  status?: unknown
  message?: unknown
  response?: { headers?: Record<string, unknown> }
}

/**
 * Whether `err` is GitHub refusing the token the permission (403 "Resource not accessible",
 * or 404 for a private resource the token may not see), not a rate limit.
 */
export function isPermissionDenied(err: unknown): boolean {
  const e = err as ResponseLike
  const status = typeof e?.status === 'number' ? e.status : undefined
  if (status !== 403) return false
  const headers = e.response?.headers ?? {}
  const message = String(e.message ?? '')
  if (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0') return false
  return !/rate limit/i.test(message)
}

/** The one line that fails the step: what was refused and the permission to add. */
export function permissionError(err: unknown, need: Permission, what: string): GateError {
  return new GateError(
    'PERMISSION',
    `the token may not ${what} (GitHub answered 403: ${firstLine(err)})`,
    `add \`${need}\` to the job's permissions`,
  )
}

function firstLine(err: unknown): string {
  const message = String((err as ResponseLike)?.message ?? err)
  return message
    .split('\n')[0]
    .replace(/ - https?:\/\/\S+$/, '')
    .slice(0, 200)
}
