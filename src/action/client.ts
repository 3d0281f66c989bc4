// The REST client: retries 5xx, timeouts and rate limits a bounded number of times.
import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Octokit } from './github.js'

/** Attempts after the first for a failing request (with 1 s, 4 s, 9 s pauses). */
export const RETRIES = 3

/** Longest wait for one request before it counts as failed (and is retried). */
const TIMEOUT_MS = 30_000

/** A rate limit is waited out at most this often, and only when it lifts within a minute. */
const RATE_LIMIT_RETRIES = 2
const RATE_LIMIT_MAX_WAIT_S = 60

/**
 * A client for `token` that retries transient failures and never waits forever. The pause
 * unit (1 s) can be shortened with GOMEM_GATE_RETRY_BASE_MS, for tests.
 */
export function makeOctokit(token: string, retryBaseMs = 1000): Octokit {
  const onLimit = (
    retryAfter: number,
    options: { method?: string; url?: string },
    _o: unknown,
    retryCount: number,
  ) => {
    const wait = retryCount < RATE_LIMIT_RETRIES && retryAfter <= RATE_LIMIT_MAX_WAIT_S
    core.info(
      `GitHub rate limit on ${options.method} ${options.url}: ${wait ? `retrying in ${retryAfter} s` : 'giving up'}`,
    )
    return wait
  }
  const octokit = getOctokit(
    token,
    {
      retry: { retries: RETRIES, retryAfterBaseValue: retryBaseMs },
      throttle: {
        onRateLimit: onLimit,
        onSecondaryRateLimit: onLimit,
        retryAfterBaseValue: retryBaseMs,
      },
    },
    retry,
    throttling,
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
