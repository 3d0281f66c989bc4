// The bundled CLI under a reader that stops early (`gomem-gate compare … | head -1`).
import { spawn } from 'node:child_process'

test('a closed stdout is no stack trace, and the exit code still tells the verdict', async () => {
  const child = spawn(process.execPath, [
    'dist/cli.js',
    'compare',
    '-b',
    'fixtures/baseline-seed1.pb.gz',
    'fixtures/baseline-seed1.memstats.json',
    '-c',
    'fixtures/leak-cache.pb.gz',
    'fixtures/leak-cache.memstats.json',
  ])
  // The reader goes away before the report is written.
  child.stdout.destroy()
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
  expect(stderr).toBe('')
  expect(code).toBe(1)
})
