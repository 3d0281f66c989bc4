// One GET of an untrusted endpoint: a timeout, the user's headers, a bound on the size, a
// few redirects at most; every failure a one-line GateError naming the URL, never the body.
import { GateError } from '../errors.js'
import { MAX_CAPTURE_REDIRECTS, MAX_FILE_BYTES, sizeText } from '../driver/limits.js'
import { enableHint, shown, type EndpointKind } from './endpoints.js'

/** Redirects followed before the fetch is refused. */
export const MAX_REDIRECTS = MAX_CAPTURE_REDIRECTS

/** How one request is made. */
export interface FetchOptions {
  timeoutMs: number
  /** Sent with every request; never printed or saved. Dropped on a redirect to another origin. */
  headers: Record<string, string>
  /** Aborts the request (Ctrl-C): the fetch throws a GateError with code INTERRUPTED. */
  signal?: AbortSignal
  /** Largest body accepted (default MAX_FILE_BYTES, the limit for one input file). */
  maxBytes?: number
}

/** What came back: the body, or a 404 (the endpoint is not served). */
export type Fetched =
  { status: 'ok'; body: Uint8Array; url: string } | { status: 'missing'; url: string }

/** GETs `url`; a 404 is returned as missing, anything else but a 2xx is a GateError. */
export async function fetchEndpoint(
  url: string,
  kind: EndpointKind,
  opts: FetchOptions,
): Promise<Fetched> {
  const timeout = AbortSignal.timeout(opts.timeoutMs)
  const signal = opts.signal ? either(timeout, opts.signal) : timeout
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES
  let current = new URL(url)
  let headers = opts.headers
  try {
    for (let hop = 0; ; hop++) {
      const res = await fetch(current, { headers, redirect: 'manual', signal })
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        await res.body?.cancel()
        if (hop >= MAX_REDIRECTS) {
          throw new GateError(
            'FETCH_FAILED',
            `${shown(url)}: more than ${MAX_REDIRECTS} redirects`,
            'give the URL the service finally answers at',
          )
        }
        const next = new URL(res.headers.get('location')!, current)
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new GateError(
            'FETCH_FAILED',
            `${shown(url)}: redirected to a ${next.protocol} URL`,
            'give the http(s) URL of the service',
          )
        }
        // The user's headers (a token) go to the origin they were given for, not elsewhere.
        if (next.origin !== current.origin) headers = {}
        current = next
        continue
      }
      if (res.status === 404) {
        await res.body?.cancel()
        return { status: 'missing', url: current.href }
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel()
        throw new GateError(
          'FETCH_FAILED',
          `${shown(current.href)}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
          res.status === 401 || res.status === 403
            ? "the service wants credentials: pass them with --header 'Authorization: ...'"
            : kind === 'other'
              ? 'check the URL and the service'
              : `check the service (${enableHint(kind)})`,
        )
      }
      const declared = Number(res.headers.get('content-length') ?? NaN)
      if (declared > maxBytes) {
        await res.body?.cancel()
        throw tooLarge(current.href, maxBytes)
      }
      return { status: 'ok', body: await bounded(res, current.href, maxBytes), url: current.href }
    }
  } catch (err) {
    if (err instanceof GateError) throw err
    throw fetchError(err, url, opts, signal === timeout ? undefined : opts.signal)
  }
}

/** A signal that aborts when either does (AbortSignal.any, which Node 20.0–20.2 lack). */
function either(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b])
  const both = new AbortController()
  for (const s of [a, b]) {
    if (s.aborted) both.abort(s.reason)
    else s.addEventListener('abort', () => both.abort(s.reason), { once: true })
  }
  return both.signal
}

/** The body, read chunk by chunk and refused as soon as it passes maxBytes. */
async function bounded(res: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let length = 0
  if (!res.body) return new Uint8Array(0)
  const reader = res.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    length += value.length
    if (length > maxBytes) {
      await reader.cancel()
      throw tooLarge(url, maxBytes)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, length)
}

function tooLarge(url: string, maxBytes: number): GateError {
  return new GateError(
    'TOO_LARGE',
    `${shown(url)}: the response is over the ${sizeText(maxBytes)} limit for one file`,
    'Go memory endpoints answer far less; check the URL',
  )
}

/** The GateError for a request that failed below HTTP: refused, unknown host, timeout, TLS. */
function fetchError(
  err: unknown,
  url: string,
  opts: FetchOptions,
  user: AbortSignal | undefined,
): GateError {
  const e = err as Error & { cause?: { code?: string; message?: string } }
  if (user?.aborted) return new GateError('INTERRUPTED', `${shown(url)}: interrupted`)
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return new GateError(
      'FETCH_FAILED',
      `${shown(url)}: no answer within ${opts.timeoutMs} ms`,
      'check that the service is up and not stuck, or raise --timeout',
    )
  }
  const code = e.cause?.code ?? ''
  const host = new URL(url).host
  if (code === 'ECONNREFUSED') {
    return new GateError(
      'FETCH_FAILED',
      `${shown(url)}: connection refused`,
      `check that the service is running and listening on ${host}`,
    )
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new GateError(
      'FETCH_FAILED',
      `${shown(url)}: cannot resolve the host ${new URL(url).hostname}`,
      'check the host name',
    )
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') {
    return new GateError(
      'FETCH_FAILED',
      `${shown(url)}: the connection was closed before the answer was complete`,
      'check the service, and that the URL is http or https as it serves',
    )
  }
  const why = e.cause?.message ?? e.message
  return new GateError(
    'FETCH_FAILED',
    `${shown(url)}: ${why.split('\n')[0]}${code && !why.includes(code) ? ` (${code})` : ''}`,
    'check the URL and the service (https uses the system CAs)',
  )
}
