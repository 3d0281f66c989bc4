// One GET of an untrusted endpoint: a timeout, the user's headers, a bound on the size, a
// few redirects at most; every failure a one-line GateError naming the URL, never the body.
import { existsSync, readFileSync } from 'node:fs'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { rootCertificates } from 'node:tls'
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
      const res = await get(current, headers, signal)
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        res.cancel()
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
        res.cancel()
        return { status: 'missing', url: current.href }
      }
      if (res.status < 200 || res.status >= 300) {
        res.cancel()
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
        res.cancel()
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
async function bounded(res: Answer, url: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of res.body) {
    const data = chunk as Buffer
    length += data.length
    if (length > maxBytes) {
      res.cancel()
      throw tooLarge(url, maxBytes)
    }
    chunks.push(data)
  }
  return Buffer.concat(chunks, length)
}

/** An answer's status, headers and body, read as a stream. */
interface Answer {
  status: number
  statusText: string
  headers: { has(name: string): boolean; get(name: string): string | null }
  body: IncomingMessage
  cancel(): void
}

/**
 * One GET, no redirect followed. HTTPS is checked against Node's certificate authorities and
 * the system's (`SSL_CERT_FILE`, else the distribution's bundle), so a service behind a CA the
 * machine trusts is reached as curl would reach it.
 */
function get(url: URL, headers: Record<string, string>, signal: AbortSignal): Promise<Answer> {
  const secure = url.protocol === 'https:'
  const send = secure ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      { method: 'GET', headers, signal, ...(secure ? { ca: trusted() } : {}) },
      (res) =>
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: {
            has: (name) => res.headers[name.toLowerCase()] !== undefined,
            get: (name) => {
              const v = res.headers[name.toLowerCase()]
              return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v
            },
          },
          body: res,
          cancel: () => res.destroy(),
        }),
    )
    req.on('error', reject)
    req.end()
  })
}

/** Where distributions keep the system's certificate authorities, most common first. */
const SYSTEM_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/cert.pem',
]

let trustedCache: string[] | undefined

/** Node's own certificate authorities and the system's, read once. */
function trusted(): string[] {
  if (trustedCache) return trustedCache
  const file = process.env.SSL_CERT_FILE || SYSTEM_BUNDLES.find((f) => existsSync(f))
  let system: string[] = []
  try {
    if (file) system = [readFileSync(file, 'utf8')]
  } catch {
    // An unreadable bundle leaves Node's own list, which public services need alone.
  }
  trustedCache = [...rootCertificates, ...system]
  return trustedCache
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
  const code = (e as { code?: string }).code ?? e.cause?.code ?? ''
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
    'check the URL and the service (https trusts the system CAs and SSL_CERT_FILE)',
  )
}
