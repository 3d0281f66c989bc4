// The REST client: retries 5xx, timeouts and secondary rate limits a bounded number of times.
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import type { Octokit } from './github.js'

/** Attempts after the first for a failing request (with 1 s, 4 s, 9 s pauses). */
export const RETRIES = 3

/** Longest wait for one request before it counts as failed (and is retried). */
const TIMEOUT_MS = 30_000

/**
 * A client for `token` that retries transient failures and never waits forever. The pause
 * unit (1 s) can be shortened with GOMEM_GATE_RETRY_BASE_MS, for tests.
 */
export function makeOctokit(token: string, retryBaseMs = 1000): Octokit {
  const octokit = getOctokit(
    token,
    { retry: { retries: RETRIES, retryAfterBaseValue: retryBaseMs } },
    retry,
  )
  octokit.hook.before('request', (options) => {
    options.request = { ...options.request, signal: AbortSignal.timeout(TIMEOUT_MS) }
  })
  return octokit
}

/** The HTTP status of a failed request, if it has one. */
export function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status
  return typeof s === 'number' ? s : undefined
}
