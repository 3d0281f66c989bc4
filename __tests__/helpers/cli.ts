// Runs the bundled CLI (dist/cli.js) as a process, as a user would.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** What a run printed and returned. */
export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs `node dist/cli.js ...args` in `cwd` (default: the repository root). */
export function cli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): CliResult {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'dist/cli.js'), ...args], {
    cwd: opts.cwd ?? process.cwd(),
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...opts.env },
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gomem-gate-test-'))
}

/** Writes a file into a fresh temporary directory and returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tempDir(), name)
  writeFileSync(path, content)
  return path
}
