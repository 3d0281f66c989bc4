// Inputs a fork's pull request or a mistaken path can hand the CLI: special files, folders
// where a file is expected, `/` as a run folder, links out of the workspace, files over the
// limits, a config of thousands of YAML aliases, empty option values, a byte order mark.
// Each is one stderr line naming the path or option, exit 2, and finishes (the jest timeout
// is the hang guard).
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../helpers/cli.js'
import { runFromSources } from '../helpers/cli-sources.js'
import { fixturePath } from '../helpers/fixtures.js'
import { withMoreFunctions } from '../helpers/rewrite.js'

const MiB = 1024 * 1024
const profile = fixturePath('baseline-seed1.pb.gz')

/** Exit 2 and one stderr line that contains `name`, with no stack trace. */
async function refused(argv: string[], name: string, cwd?: string): Promise<string> {
  const r = await runFromSources(argv, cwd)
  const lines = r.stderr.trimEnd().split('\n')
  expect({ status: r.status, lines: lines.length }).toEqual({ status: 2, lines: 1 })
  expect(r.stderr).toContain(name)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  return r.stderr
}

describe('special files are refused before they are opened', () => {
  test('a FIFO', async () => {
    const fifo = join(tempDir(), 'heap.pb.gz')
    execFileSync('mkfifo', [fifo])
    expect(await refused(['compare', '--candidate', fifo], fifo)).toContain('named pipe')
    expect(await refused(['compare', '--candidate', profile, '--config', fifo], fifo)).toContain(
      'named pipe',
    )
  })

  test('/dev/zero as an input and as the config', async () => {
    expect(await refused(['compare', '--candidate', '/dev/zero'], '/dev/zero')).toContain(
      'is a character device, not a file',
    )
    const config = ['compare', '--candidate', profile, '--config', '/dev/zero']
    expect(await refused(config, '/dev/zero')).toContain('character device')
  })

  test('a directory where a file is expected', async () => {
    const dir = tempDir()
    expect(await refused(['compare', '--series', dir], dir)).toContain('is a directory')
    expect(await refused(['compare', '--candidate', profile, '--config', dir], dir)).toContain(
      'is a directory',
    )
  })
})

describe('run folders stay inside what was asked', () => {
  test('/ is not a run folder', async () => {
    await refused(['compare', '--candidate', '/'], '/')
  })

  test('a link out of the run folder is refused', async () => {
    const outside = join(tempDir(), 'secret.pb.gz')
    writeFileSync(outside, readFileSync(profile))
    const ws = tempDir()
    mkdirSync(join(ws, 'run'))
    symlinkSync(outside, join(ws, 'run', 'heap.pb.gz'))
    const msg = await refused(['compare', '--candidate', join(ws, 'run')], join(ws, 'run'))
    expect(msg).toContain('outside the run folder')
  })

  test('a glob does not follow a link to a folder out of the workspace', async () => {
    const outside = tempDir()
    writeFileSync(join(outside, 'heap.pb.gz'), readFileSync(profile))
    const ws = tempDir()
    symlinkSync(outside, join(ws, 'linked'))
    const glob = `${ws}/**/*.pb.gz`
    expect(await refused(['compare', '--candidate', glob], glob)).toContain('matched no files')
  })

  test('a run folder of more than 10,000 files', async () => {
    const dir = tempDir()
    for (let i = 0; i <= 10_000; i++) writeFileSync(join(dir, `f${i}`), '')
    expect(await refused(['compare', '--candidate', dir], dir)).toContain('10,000 files')
  })

  test('a run folder nested deeper than 8 levels', async () => {
    const dir = tempDir()
    const deep = join(dir, 'a/b/c/d/e/f/g/h/i')
    mkdirSync(deep, { recursive: true })
    writeFileSync(join(deep, 'heap.pb.gz'), readFileSync(profile))
    expect(await refused(['compare', '--candidate', dir], dir)).toContain('8 levels')
  })
})

describe('size limits are applied from the stat, before reading', () => {
  test('a sparse file over the per-file limit', async () => {
    const big = join(tempDir(), 'huge.pb.gz')
    writeFileSync(big, '')
    truncateSync(big, 600 * MiB)
    const msg = await refused(['compare', '--candidate', big], big)
    expect(msg).toContain('600 MiB')
    expect(msg).toContain('512 MiB')
  })

  test('a side over the total limit', async () => {
    const dir = tempDir()
    const files = [1, 2, 3, 4, 5].map((i) => {
      const path = join(dir, `heap-${i}.pb.gz`)
      writeFileSync(path, '')
      truncateSync(path, 500 * MiB)
      return path
    })
    expect(await refused(['compare', '--candidate', ...files], '--candidate')).toContain('2 GiB')
  })

  test('a text file over the text limit', async () => {
    const path = join(tempDir(), 'metrics.txt')
    const head = readFileSync(fixturePath('prometheus.txt'), 'utf8').slice(0, 4096)
    writeFileSync(path, head)
    truncateSync(path, 300 * MiB)
    expect(await refused(['compare', '--candidate', path], path)).toContain('256 MiB')
  })

  test('a config over 1 MiB', async () => {
    const path = join(tempDir(), 'gomem-gate.yml')
    writeFileSync(path, `# ${'x'.repeat(2 * MiB)}\n`)
    const msg = await refused(['compare', '--candidate', profile, '--config', path], path)
    expect(msg).toContain('1 MiB')
  })
})

describe('profiles with more functions than any real one', () => {
  test('one profile over 100,000 functions is refused before it is folded', async () => {
    const path = join(tempDir(), 'many.pb.gz')
    writeFileSync(path, withMoreFunctions('baseline-seed1.pb.gz', 100_000))
    const msg = await refused(['compare', '-b', profile, '-c', path], path)
    expect(msg).toMatch(/holds 100,0\d\d functions, over the 100,000 limit/)
  })

  test('a side over 200,000 distinct functions together is refused, naming the side', async () => {
    const dir = tempDir()
    const files = ['a', 'b', 'c'].map((prefix) => {
      const path = join(dir, `heap-${prefix}.pb.gz`)
      writeFileSync(path, withMoreFunctions('baseline-seed1.pb.gz', 70_000, `main.${prefix}`))
      return path
    })
    const msg = await refused(['compare', '-b', profile, '-c', ...files], '--candidate')
    expect(msg).toMatch(
      /its 3 profiles hold 210,\d{3} distinct functions together, over the 200,000 limit/,
    )
  })
})

describe('the config and the command line', () => {
  test('a config of 10,000 YAML aliases is refused, naming it', async () => {
    const path = join(tempDir(), 'aliases.yml')
    const lines = ['ignore:', '  - &a "runtime.*"']
    for (let i = 0; i < 10_000; i++) lines.push('  - *a')
    writeFileSync(path, `${lines.join('\n')}\n`)
    const msg = await refused(['compare', '--candidate', profile, '--config', path], path)
    expect(msg).toContain('aliases')
  })

  test('--config and --output with an empty value', async () => {
    await refused(['compare', '--candidate', profile, '--config', ''], '--config')
    await refused(['compare', '--candidate', profile, '--output', ''], '--output')
    await refused(['compare', '--candidate', profile, '--config='], '--config')
  })

  test('a config that starts with a byte order mark is read', async () => {
    const text = readFileSync('examples/gomem-gate.yml', 'utf8')
    const path = join(tempDir(), 'bom.yml')
    writeFileSync(path, `\uFEFF${text}`)
    const plain = join(tempDir(), 'plain.yml')
    writeFileSync(plain, text)
    const withBom = await runFromSources(['compare', '--candidate', profile, '--config', path])
    const without = await runFromSources(['compare', '--candidate', profile, '--config', plain])
    expect(withBom.stderr).toBe(without.stderr)
    expect(withBom.status).toBe(without.status)
    expect(withBom.stdout.replaceAll(path, plain)).toBe(without.stdout)
  })
})
