// Which URLs a capture fetches: the Go endpoints below a base URL, or the endpoints named.
import { GateError } from '../errors.js'

/** What an endpoint serves. */
export type EndpointKind = 'heap' | 'allocs' | 'goroutine' | 'vars' | 'metrics' | 'other'

/** One URL to fetch, what it should serve and the file name (without extension) it goes to. */
export interface Endpoint {
  url: string
  kind: EndpointKind
  name: string
}

/** The paths below a base URL, by kind (`heap` also as `?debug=1` for its MemStats trailer). */
export const PATHS: Record<Exclude<EndpointKind, 'other'>, string> = {
  heap: '/debug/pprof/heap',
  allocs: '/debug/pprof/allocs',
  goroutine: '/debug/pprof/goroutine',
  vars: '/debug/vars',
  metrics: '/metrics',
}

/** How a service starts serving an endpoint of this kind. */
export function enableHint(kind: EndpointKind): string {
  if (kind === 'vars') return 'import _ "expvar" in the service: it serves /debug/vars'
  if (kind === 'metrics') {
    return 'serve promhttp.Handler() (github.com/prometheus/client_golang) at /metrics'
  }
  if (kind === 'other') return 'check the URL'
  return 'import _ "net/http/pprof" in the service: it serves /debug/pprof/* on http.DefaultServeMux'
}

/** The URLs the user gave: bases (path `/`) and explicit endpoints (any other path). */
export interface Targets {
  bases: URL[]
  explicit: Endpoint[]
}

/** Parses the URLs; a malformed one, or one that is not http(s), is a usage error naming it. */
export function targetsOf(urls: string[]): Targets {
  if (urls.length === 0) {
    throw new GateError(
      'USAGE',
      'capture: no URL given',
      'name the service, e.g. gomem-gate capture http://127.0.0.1:6060',
    )
  }
  const bases: URL[] = []
  const explicit: Endpoint[] = []
  for (const text of urls) {
    let url: URL
    try {
      url = new URL(text)
    } catch {
      throw new GateError(
        'USAGE',
        `capture: ${shown(text)}: not a URL`,
        'e.g. http://127.0.0.1:6060',
      )
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new GateError(
        'USAGE',
        `capture: ${shownUrl(url)}: only http and https URLs are fetched`,
        'e.g. http://127.0.0.1:6060',
      )
    }
    if (url.pathname === '/' && url.search === '') bases.push(url)
    else explicit.push({ url: url.href, kind: kindOfPath(url.pathname), name: nameOfPath(url) })
  }
  return { bases, explicit }
}

/** The endpoint of `kind` below a base URL. */
export function below(base: URL, kind: Exclude<EndpointKind, 'other'>, query = ''): Endpoint {
  const url = new URL(PATHS[kind] + query, base)
  return { url: url.href, kind, name: kind }
}

function kindOfPath(path: string): EndpointKind {
  for (const [kind, p] of Object.entries(PATHS))
    if (path.replace(/\/+$/, '') === p) return kind as EndpointKind
  return 'other'
}

function nameOfPath(url: URL): string {
  const last = url.pathname.replace(/\/+$/, '').split('/').pop() || 'index'
  const name = last.replace(/[^A-Za-z0-9._-]/g, '_')
  return url.searchParams.get('debug')
    ? `${name}-debug${url.searchParams.get('debug')!.replace(/\D/g, '')}`
    : name
}

/** A URL as it may be printed or saved: user and password (credentials) left out. */
export function shownUrl(url: URL): string {
  if (!url.username && !url.password) return url.href
  const copy = new URL(url.href)
  copy.username = ''
  copy.password = ''
  return copy.href
}

/** shownUrl of a text that may not parse. */
export function shown(text: string): string {
  try {
    return shownUrl(new URL(text))
  } catch {
    return text.replace(/\/\/[^/@]*@/, '//')
  }
}
