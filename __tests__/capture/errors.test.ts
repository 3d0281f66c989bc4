// `gomem-gate capture` against small node servers on 127.0.0.1 (no go needed), through the
// bundled dist/cli.js: a base URL served from committed fixtures, an explicit endpoint, the
// header sent and never shown or saved, the capture folder read by compare, and each error:
// refused, 404 (with how to enable it), an HTML page, a timeout.
import { readdirSync, readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { tempDir } from '../helpers/cli.js'
import { cliAsync, close, closedPort, serve } from '../helpers/capture.js'

const FIX = join(process.cwd(), 'fixtures')
const BODIES: Record<string, string> = {
  '/debug/pprof/heap': 'baseline-seed1.pb.gz',
  '/debug/pprof/goroutine': 'baseline-seed1.goroutine.pb.gz',
  '/debug/vars': 'expvar.json',
  '/metrics': 'prometheus.txt',
}
const SECRET = 'Bearer s3cret-capture-token'

/** Every file below `dir`, as text. */
function contents(dir: string): string {
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'latin1'))
    .join('\n')
}

describe('gomem-gate capture against node servers', () => {
  const servers: Server[] = []
  let fake: string
  let missing: string
  let html: string
  let silent: string
  const seen: { url: string; authorization?: string }[] = []

  beforeAll(async () => {
    const add = async (...args: Parameters<typeof serve>) => {
      const s = await serve(...args)
      servers.push(s.server)
      return s.url
    }
    fake = await add((req, res) => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization })
      const path = new URL(req.url ?? '/', 'http://x').pathname
      const file = BODIES[path]
      if (!file) return res.writeHead(404).end('404 page not found\n')
      res.writeHead(200).end(readFileSync(join(FIX, file)))
    })
    missing = await add((_req, res) => res.writeHead(404).end('404 page not found\n'))
    html = await add((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!DOCTYPE html><html><body>Welcome to our shop</body></html>'),
    )
    silent = await add(() => undefined)
  })
  afterAll(async () => {
    for (const s of servers) await close(s)
  })

  const oneLine = (r: { status: number | null; stdout: string; stderr: string }) => {
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    return r.stderr
  }

  test('a base URL: /metrics, the heap and goroutine profiles saved with a manifest; expvar not needed', async () => {
    const out = join(tempDir(), 'cap')
    const r = await cliAsync(['capture', fake, '--out', out])
    expect(r.stderr).not.toMatch(/error/)
    expect(r.status).toBe(0)
    expect(readdirSync(out).sort()).toEqual([
      'capture.json',
      'goroutine.pb.gz',
      'heap.pb.gz',
      'metrics.txt',
    ])
    const manifest = JSON.parse(readFileSync(join(out, 'capture.json'), 'utf8'))
    expect(Object.keys(manifest)[0]).toBe('gomemGateCapture')
    expect(manifest.snapshots[0].missing).toEqual([])
    expect(manifest.snapshots[0].files.map((f: { kind: string }) => f.kind)).toEqual([
      'metrics',
      'heap',
      'goroutine',
    ])
    expect(r.stderr).toContain(`saved heap.pb.gz`)
    expect(r.stderr).toContain(`wrote 3 files and capture.json into ${out}/`)
    // The folder reads as it is, the manifest included.
    const alone = await cliAsync(['compare', '--candidate', `${out}/*`])
    expect(alone.stderr).toBe('')
    expect(alone.status).toBe(0)
    expect(alone.stdout).toMatch(/no baseline/)
    const same = await cliAsync(['compare', '--baseline', `${out}/*`, '--candidate', `${out}/*`])
    expect(same.status).toBe(0)
    expect(same.stdout).toMatch(/^PASS/)
  })

  test('an explicit endpoint is fetched as it is; the header is sent, never printed or saved', async () => {
    const out = join(tempDir(), 'cap')
    seen.length = 0
    const r = await cliAsync([
      'capture',
      `${fake}debug/vars`,
      '--out',
      out,
      '--header',
      `Authorization: ${SECRET}`,
    ])
    expect(r.status).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['capture.json', 'vars.json'])
    expect(seen).toEqual([{ url: '/debug/vars', authorization: SECRET }])
    expect(r.stdout + r.stderr).not.toContain('s3cret')
    expect(contents(out)).not.toContain('s3cret')
  })

  test('a redirect to another origin does not carry the header along', async () => {
    const target = await serve((req, res) => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization })
      res.writeHead(200).end(readFileSync(join(FIX, 'expvar.json')))
    })
    const hop = await serve((req, res) => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization })
      res.writeHead(302, { location: `${target.url}debug/vars` }).end()
    })
    servers.push(target.server, hop.server)
    seen.length = 0
    const out = join(tempDir(), 'cap')
    const r = await cliAsync([
      'capture',
      `${hop.url}debug/vars`,
      '--out',
      out,
      '--header',
      `Authorization: ${SECRET}`,
    ])
    expect(r.status).toBe(0)
    expect(seen).toEqual([
      { url: '/debug/vars', authorization: SECRET },
      { url: '/debug/vars', authorization: undefined },
    ])
  })

  test('a redirect loop stops after 5 redirects', async () => {
    const loop = await serve((req, res) => res.writeHead(302, { location: req.url ?? '/' }).end())
    servers.push(loop.server)
    const err = oneLine(
      await cliAsync(['capture', `${loop.url}metrics`, '--out', join(tempDir(), 'c')]),
    )
    expect(err).toContain(`${loop.url}metrics: more than 5 redirects`)
  })

  test('a malformed --header is refused without showing its value', async () => {
    const r = await cliAsync(['capture', fake, '--header', 's3cret-without-a-name'])
    expect(r.status).toBe(2)
    expect(r.stderr).not.toContain('s3cret')
  })

  test('without /metrics and /debug/vars, the heap profile comes as debug=1 for its MemStats', async () => {
    const asked: string[] = []
    const pprofOnly = await serve((req, res) => {
      asked.push(req.url ?? '')
      if (req.url === '/debug/pprof/heap?debug=1') {
        return res.writeHead(200).end(readFileSync(join(FIX, 'baseline-seed1.heap.txt')))
      }
      if (req.url === '/debug/pprof/goroutine') {
        return res.writeHead(200).end(readFileSync(join(FIX, 'baseline-seed1.goroutine.pb.gz')))
      }
      res.writeHead(404).end('404 page not found\n')
    })
    servers.push(pprofOnly.server)
    const out = join(tempDir(), 'cap')
    const r = await cliAsync(['capture', pprofOnly.url, '--out', out])
    expect(r.status).toBe(0)
    expect(asked).toEqual([
      '/metrics',
      '/debug/vars',
      '/debug/pprof/heap?debug=1',
      '/debug/pprof/goroutine',
    ])
    expect(readdirSync(out).sort()).toEqual(['capture.json', 'goroutine.pb.gz', 'heap.txt'])
    const json = await cliAsync(['compare', '--candidate', `${out}/*`, '--format', 'json'])
    expect(json.status).toBe(0)
    expect(
      JSON.parse(json.stdout)
        .files.map((f: { format: string }) => f.format)
        .sort(),
    ).toEqual(['capture-manifest', 'goroutine-pprof', 'heap-text'])
  })

  test('a partial capture is saved and says what was missing', async () => {
    const partial = await serve((req, res) => {
      if (req.url === '/debug/vars')
        return res.writeHead(200).end(readFileSync(join(FIX, 'expvar.json')))
      res.writeHead(404).end('404 page not found\n')
    })
    servers.push(partial.server)
    const out = join(tempDir(), 'cap')
    const r = await cliAsync(['capture', partial.url, '--out', out])
    expect(r.status).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['capture.json', 'vars.json'])
    expect(r.stderr).toContain(`missing ${partial.url}metrics: HTTP 404 Not Found`)
    expect(r.stderr).toContain('import _ "net/http/pprof"')
    expect(r.stderr).toMatch(/4 endpoints missing/)
    const manifest = JSON.parse(readFileSync(join(out, 'capture.json'), 'utf8'))
    expect(manifest.snapshots[0].missing.map((m: { kind: string }) => m.kind)).toEqual([
      'metrics',
      'heap',
      'allocs',
      'goroutine',
    ])
  })

  test('a refused connection: one line naming the URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`
    const err = oneLine(await cliAsync(['capture', url, '--out', join(tempDir(), 'c')]))
    expect(err).toContain(`${url}metrics: connection refused`)
  })

  test('HTTPS behind a private CA: trusted through SSL_CERT_FILE, else one line naming the URL', async () => {
    const tls = (f: string) => readFileSync(join('fixtures/tls', f))
    const server = createHttpsServer(
      { cert: tls('server.pem'), key: tls('server.key') },
      (_req, res) => res.writeHead(200).end(readFileSync(join(FIX, 'expvar.json'))),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    servers.push(server)
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/debug/vars`
    const out = join(tempDir(), 'c')
    const trusted = await cliAsync(['capture', url, '--out', out], {
      env: { SSL_CERT_FILE: join(process.cwd(), 'fixtures/tls/ca.pem') },
    })
    expect(trusted.stderr).not.toMatch(/error/)
    expect(trusted.status).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['capture.json', 'vars.json'])
    // The system's store does not hold the test CA: the certificate is refused.
    const refused = oneLine(await cliAsync(['capture', url, '--out', join(tempDir(), 'c')]))
    expect(refused).toMatch(
      new RegExp(`^gomem-gate: error: ${url.replace(/[.]/g, '\\.')}: .*certificate`),
    )
  })

  test('a host that does not resolve: one line naming the URL', async () => {
    // .invalid never resolves (RFC 2606), here or on any runner.
    const url = 'http://gomem-gate-test.invalid:6060/debug/vars'
    const err = oneLine(await cliAsync(['capture', url, '--out', join(tempDir(), 'c')]))
    expect(err).toMatch(/^gomem-gate: error: http:\/\/gomem-gate-test\.invalid:6060\/debug\/vars: /)
  })

  test.each([
    [500, /HTTP 500 .*check the service/],
    [401, /HTTP 401 .*--header 'Authorization: \.\.\.'/],
    [403, /HTTP 403 .*--header 'Authorization: \.\.\.'/],
  ])('HTTP %i: one line naming the URL and what to do', async (status, message) => {
    const s = await serve((_req, res) => res.writeHead(status).end('no'))
    servers.push(s.server)
    const err = oneLine(
      await cliAsync(['capture', `${s.url}debug/vars`, '--out', join(tempDir(), 'c')]),
    )
    expect(err).toContain(`${s.url}debug/vars: HTTP ${status}`)
    expect(err).toMatch(message)
  })

  test('nothing served (404): names the URL and how to enable the endpoints', async () => {
    const err = oneLine(await cliAsync(['capture', missing, '--out', join(tempDir(), 'c')]))
    expect(err).toContain(`${missing}debug/pprof/heap`)
    expect(err).toContain('import _ "net/http/pprof"')
    const vars = oneLine(
      await cliAsync(['capture', `${missing}debug/vars`, '--out', join(tempDir(), 'c')]),
    )
    expect(vars).toContain(`${missing}debug/vars: HTTP 404`)
    expect(vars).toContain('import _ "expvar"')
    const metrics = oneLine(
      await cliAsync(['capture', `${missing}metrics`, '--out', join(tempDir(), 'c')]),
    )
    expect(metrics).toContain('promhttp.Handler()')
  })

  test('an HTML page at /debug/pprof/heap is refused, naming the URL', async () => {
    const err = oneLine(
      await cliAsync(['capture', `${html}debug/pprof/heap`, '--out', join(tempDir(), 'c')]),
    )
    expect(err).toContain(`${html}debug/pprof/heap: served an HTML page, not a Go heap profile`)
    expect(err).not.toContain('Welcome')
  })

  test('a server that never answers: --timeout 500ms, one line naming the URL', async () => {
    const started = Date.now()
    const err = oneLine(
      await cliAsync(['capture', silent, '--timeout', '500ms', '--out', join(tempDir(), 'c')]),
    )
    expect(err).toContain(`${silent}metrics: no answer within 500 ms`)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  test('a folder that already holds files is refused', async () => {
    const dir = tempDir()
    expect((await cliAsync(['capture', fake, '--out', dir])).status).toBe(0)
    expect(oneLine(await cliAsync(['capture', fake, '--out', dir]))).toMatch(/already holds files/)
  })
})
