// What the capture tests share: the bundled CLI run as a child process (asynchronously: the
// servers it talks to live in the test process), and small HTTP servers on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

const CLI = join(process.cwd(), 'dist/cli.js')

/** What a run printed and returned. */
export interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs `node dist/cli.js ...args`; `whileRunning` gets the child (to signal it). */
export function cliAsync(
  args: string[],
  opts: {
    cwd?: string
    env?: Record<string, string>
    whileRunning?: (child: ChildProcess) => void
  } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? process.cwd(),
      env: { PATH: process.env.PATH ?? '', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (b) => (stdout += b))
    child.stderr!.on('data', (b) => (stderr += b))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
    opts.whileRunning?.(child)
  })
}

/** A server on 127.0.0.1 answering with `handle`; its base URL (with a trailing slash). */
export async function serve(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; url: string }> {
  const server = createServer(handle)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }
}

/** Closes a server, its open connections too (a server that never answers has some). */
export function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

/** A port that was bound and closed again: nothing listens there. */
export async function closedPort(): Promise<number> {
  const { server, url } = await serve(() => undefined)
  await close(server)
  return Number(new URL(url).port)
}
