// The workflows in .github/workflows, parsed: no action major that runs on the removed Node 20,
// a release only from a vX.Y.Z tag that passed check-release, and a check-dist that fails when
// the committed dist/ is not a fresh bundle (its comparison step is run here on a real repo).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { tempDir } from './helpers/cli.js'

interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
}
interface Job {
  steps: Step[]
  permissions?: Record<string, string>
}
interface Workflow {
  on: Record<string, { branches?: string[]; tags?: string[] } | null>
  jobs: Record<string, Job>
}

const DIR = '.github/workflows'
const workflows: Record<string, Workflow> = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => [f, parse(readFileSync(join(DIR, f), 'utf8'))]),
)
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps)

/** The first major of each official action that runs on Node 24 (Node 20 left the runners). */
const NODE24_MAJOR: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/setup-go': 6,
  'actions/upload-artifact': 5,
}

test('the workflows are there', () => {
  expect(Object.keys(workflows)).toEqual(
    expect.arrayContaining(['check-dist.yml', 'ci.yml', 'gomem-gate-comment.yml', 'release.yml']),
  )
})

test.each(Object.keys(workflows))('%s uses only Node-24 majors of the actions/ actions', (f) => {
  for (const { uses } of steps(workflows[f])) {
    if (!uses?.startsWith('actions/')) continue
    const [name, ref] = uses.split('@')
    expect({ uses, known: name in NODE24_MAJOR }).toEqual({ uses, known: true })
    const major = Number(/^v(\d+)$/.exec(ref)?.[1])
    expect({ uses, major }).toEqual({ uses, major: expect.any(Number) })
    expect({ uses, node24: major >= NODE24_MAJOR[name] }).toEqual({ uses, node24: true })
  }
})

describe('release.yml', () => {
  const w = workflows['release.yml']
  const release = w.jobs.release

  test('runs only for pushed vX.Y.Z tags', () => {
    expect(w.on).toEqual({ push: { tags: ['v*.*.*'] } })
  })

  test('checks the tag with check-release.mjs before creating the release', () => {
    const runs = release.steps.map((s) => s.run ?? '')
    const check = runs.findIndex((r) =>
      r.includes('node scripts/check-release.mjs "$GITHUB_REF_NAME"'),
    )
    const create = runs.findIndex((r) => r.includes('gh release create "$TAG"'))
    const test = runs.findIndex((r) => /^npm test$/m.test(r))
    expect(check).toBeGreaterThan(-1)
    expect(test).toBeGreaterThan(check)
    expect(create).toBeGreaterThan(test)
    expect(runs[create]).toContain('--verify-tag')
    expect(runs[create]).toContain('--notes-file')
    expect(release.permissions).toEqual({ contents: 'write' })
  })

  test('moves the major tag to the newest release of that major, on the remote', () => {
    const move = release.steps.map((s) => s.run ?? '').find((r) => r.includes('git tag -fa'))!
    const origin = tempDir()
    const repo = tempDir()
    const git = (cwd: string, ...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        cwd,
        encoding: 'utf8',
      }).stdout.trim()
    git(origin, 'init', '-q', '--bare')
    git(repo, 'init', '-q')
    git(repo, 'remote', 'add', 'origin', origin)
    for (const tag of ['v1.0.0', 'v1.1.0']) {
      git(repo, 'commit', '-q', '--allow-empty', '-m', tag)
      git(repo, 'tag', tag)
    }
    const step = (tag: string) =>
      spawnSync('bash', ['-e', '-c', move], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, TAG: tag },
      })
    const v1 = () => git(origin, 'rev-parse', 'v1^{commit}')

    expect(step('v1.1.0').status).toBe(0)
    expect(v1()).toBe(git(repo, 'rev-parse', 'v1.1.0'))
    // A patch of the older minor, tagged later, leaves v1 on v1.1.0.
    git(repo, 'tag', 'v1.0.1', 'v1.0.0')
    const patch = step('v1.0.1')
    expect(patch.status).toBe(0)
    expect(patch.stdout).toContain('v1 stays at v1.1.0')
    expect(v1()).toBe(git(repo, 'rev-parse', 'v1.1.0'))
  })

  test('publishes to npm with provenance, only when the release job saw an NPM_TOKEN', () => {
    const npm = w.jobs.npm as Job & { needs: string; if: string }
    expect(npm.needs).toBe('release')
    expect(npm.if).toContain("needs.release.outputs.npm == 'true'")
    expect(npm.permissions).toMatchObject({ 'id-token': 'write' })
    expect(steps(w).some((s) => s.run === 'npm publish --provenance --access public')).toBe(true)
  })
})

describe('check-dist.yml', () => {
  const w = workflows['check-dist.yml']
  const job = Object.values(w.jobs)[0]
  const diff = job.steps.find((s) => s.run?.includes('git diff --exit-code'))!

  test('runs on pushes to main and on pull requests, after npm ci and npm run bundle', () => {
    expect(w.on).toEqual({ push: { branches: ['main'] }, pull_request: null })
    const runs = job.steps.map((s) => s.run)
    expect(runs.indexOf('npm run bundle')).toBeGreaterThan(
      runs.findIndex((r) => r?.startsWith('npm ci')),
    )
    expect(job.steps.indexOf(diff)).toBeGreaterThan(runs.indexOf('npm run bundle'))
  })

  test('its comparison fails with a clear message when dist/ differs, and passes when not', () => {
    const repo = tempDir()
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo })
    git('init', '-q')
    mkdirSync(join(repo, 'dist'))
    writeFileSync(join(repo, 'dist/index.js'), 'console.log(1)\n')
    git('add', '.')
    git('commit', '-qm', 'dist')
    const step = () => spawnSync('bash', ['-e', '-c', diff.run!], { cwd: repo, encoding: 'utf8' })

    expect(step().status).toBe(0)
    writeFileSync(join(repo, 'dist/index.js'), 'console.log(2)\n')
    const r = step()
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(
      "::error::dist/ is not the bundle of these sources: run 'npm run bundle'",
    )
    expect(r.stdout).toContain('dist/index.js')
  })

  test('uploads the expected dist/ when the comparison failed', () => {
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!
    expect(upload.if).toContain("steps.diff.outcome == 'failure'")
    expect(diff.id).toBe('diff')
    expect(upload.with).toMatchObject({ path: 'dist/' })
  })
})
