// fixtures/go/liveservice built in GOPATH mode against Debian's client_golang (as
// fixtures/go/generate.sh builds promscrape), cached by the hash of its source, and started
// on 127.0.0.1:0; its first line on stdout is its base URL.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { GO_ENV, GOCODE } from './go.js'

const SOURCE = join(process.cwd(), 'fixtures/go/liveservice/main.go')

/** Builds the service (or finds the build of this very source) and returns the binary. */
export function buildLiveService(): string {
  const hash = createHash('sha256').update(readFileSync(SOURCE)).digest('hex').slice(0, 16)
  const dir = join(tmpdir(), `gomem-gate-liveservice-${hash}`)
  const bin = join(dir, 'liveservice')
  if (existsSync(bin)) return bin
  const pkg = join(dir, 'gopath/src/gomemgate/liveservice')
  mkdirSync(pkg, { recursive: true })
  cpSync(SOURCE, join(pkg, 'main.go'))
  execFileSync('go', ['build', '-trimpath', '-o', `${bin}.tmp`, '.'], {
    cwd: pkg,
    env: {
      ...process.env,
      ...GO_ENV,
      GOPROXY: 'off',
      GO111MODULE: 'off',
      GOPATH: `${join(dir, 'gopath')}:${GOCODE}`,
      GODEBUG: '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  renameSync(`${bin}.tmp`, bin)
  return bin
}

/** A running service: its base URL, and the process to stop. */
export interface LiveService {
  url: string
  child: ChildProcess
}

/** Starts the service in `mode` and waits for its URL. */
export function startLiveService(bin: string, mode: 'steady' | 'leak'): Promise<LiveService> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['-addr', '127.0.0.1:0', '-mode', mode], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    child.on('error', reject)
    child.on('exit', (code) => reject(new Error(`liveservice exited with ${code}`)))
    createInterface({ input: child.stdout! }).once('line', (line) => {
      resolve({ url: `${line.trim()}/`, child })
    })
  })
}

/** Stops a service started by startLiveService. */
export function stopLiveService(s: LiveService | undefined): void {
  s?.child.removeAllListeners('exit')
  s?.child.kill()
}
