// The README's setup is the Go repository in examples/: every file the README shows is that
// file byte for byte, the workflows are ones GitHub accepts and the gate can work with, and
// `go test ./...` there writes files the CLI reads. Also: the links of those documents resolve.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, normalize } from 'node:path'
import { parse } from 'yaml'
import { loadPolicy } from '../src/policy/config.js'
import { cli } from './helpers/cli.js'

const EXAMPLES = 'examples'
const CI = `${EXAMPLES}/.github/workflows/ci.yml`
const COMMENT = `${EXAMPLES}/.github/workflows/gomem-gate-comment.yml`
const POLICY = `${EXAMPLES}/.github/gomem-gate.yml`
const MATRIX = `${EXAMPLES}/matrix/ci.yml`
/** The documents whose code blocks may show a file of examples/ (their links are checked too). */
const DOCS = ['README.md', 'docs/action.md', 'docs/producing-inputs.md']
/**
 * Files the README must show, so a new adopter gets the setup from it; the fork's commenting
 * workflow it links, and docs/action.md shows.
 */
const README_SHOWS = [CI, `${EXAMPLES}/cache/main_test.go`, `${EXAMPLES}/.gitignore`]
/** Link targets written elsewhere in parallel: a missing one is accepted, a present one checked. */
const PENDING = new Set(['docs/releasing.md', 'docs/cli.md#install'])

interface Block {
  doc: string
  line: number
  /** The file the block's first-line comment names, e.g. examples/cache/main_test.go. */
  file: string
  body: string
}

/** The fenced code blocks of a markdown file whose first line is `# examples/…` or `// examples/…`. */
function exampleBlocks(doc: string): Block[] {
  const lines = readFileSync(doc, 'utf8').split('\n')
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```+)\S*\s*$/.exec(lines[i])
    if (!open) continue
    const end = lines.findIndex((l, j) => j > i && l.trim() === open[2])
    if (end < 0) break
    const marker = /^(?:#|\/\/)\s*(examples\/\S+)\s*$/.exec(lines[i + 1] ?? '')
    if (marker) {
      const body = lines.slice(i + 2, end).join('\n') + '\n'
      blocks.push({ doc, line: i + 1, file: marker[1], body })
    }
    i = end
  }
  return blocks
}

const workflow = (path: string) => parse(readFileSync(path, 'utf8')) as Workflow

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Job {
  needs?: string[]
  strategy?: { matrix?: Record<string, unknown> }
  permissions?: Record<string, string>
  concurrency?: { group: string; 'cancel-in-progress'?: unknown }
  if?: string
  steps: Step[]
}
interface Workflow {
  name: string
  on: Record<string, unknown>
  permissions?: Record<string, string>
  concurrency?: { group: string; 'cancel-in-progress'?: unknown }
  jobs: Record<string, Job>
}

/** Majors of actions that run on Node 20, which GitHub removed from its runners. */
const NODE20 =
  /^actions\/(checkout@v[1-4]|setup-go@v[1-5]|setup-node@v[1-4]|upload-artifact@v[1-4]|download-artifact@v[1-4])\b/

describe('the README shows the files of examples/', () => {
  const blocks = DOCS.flatMap(exampleBlocks)

  test('the README shows the complete setup', () => {
    const shown = new Set(exampleBlocks('README.md').map((b) => b.file))
    expect(README_SHOWS.filter((f) => !shown.has(f))).toEqual([])
    // The commenting workflow is linked from the README and shown whole in docs/action.md.
    expect(readFileSync('README.md', 'utf8')).toContain(`(${COMMENT})`)
    expect(exampleBlocks('docs/action.md').map((b) => b.file)).toContain(COMMENT)
  })

  test.each(blocks.map((b) => [`${b.doc}:${b.line} (${b.file})`, b] as const))(
    '%s is byte-identical to the file',
    (_name, block) => {
      if (!existsSync(block.file)) {
        throw new Error(`${block.doc}:${block.line} shows ${block.file}, which does not exist`)
      }
      const file = readFileSync(block.file, 'utf8')
      if (file !== block.body) {
        throw new Error(
          `${block.doc}:${block.line}: the block differs from ${block.file}; copy the file into the block`,
        )
      }
    },
  )

  test('every tested package has the same TestMain', () => {
    const main = readFileSync(`${EXAMPLES}/cache/main_test.go`, 'utf8')
    for (const pkg of goPackagesWithTests(EXAMPLES)) {
      const name = pkg.split('/').pop()!
      expect(readFileSync(join(pkg, 'main_test.go'), 'utf8')).toBe(
        main.replace(/^package cache$/m, `package ${name}`),
      )
    }
  })
})

describe('the example workflows', () => {
  test.each([CI, COMMENT, MATRIX])('%s uses no Node-20 action major', (path) => {
    const uses = Object.values(workflow(path).jobs).flatMap((j) =>
      j.steps.map((s) => s.uses).filter((u): u is string => !!u),
    )
    expect(uses.filter((u) => NODE20.test(u))).toEqual([])
    expect(uses).toContain('gomem-gate/gomem-gate@v1')
  })

  test('no snippet in the README or docs/action.md uses a Node-20 action major', () => {
    for (const doc of ['README.md', 'docs/action.md']) {
      const uses = Array.from(readFileSync(doc, 'utf8').matchAll(/uses:\s*(\S+)/g), (m) => m[1])
      expect({ doc, old: uses.filter((u) => NODE20.test(u)) }).toEqual({ doc, old: [] })
    }
  })

  test.each([CI, COMMENT])(
    '%s: the job with the gate may read other runs and write the comment',
    (path) => {
      const wf = workflow(path)
      const gated = Object.entries(wf.jobs).filter(([, j]) =>
        j.steps.some((s) => s.uses?.startsWith('gomem-gate/gomem-gate@')),
      )
      expect(gated).toHaveLength(1)
      for (const [name, job] of gated) {
        // A job's permissions replace the workflow's; unlisted ones are none.
        const perms = job.permissions ?? wf.permissions ?? {}
        expect({ job: name, ...perms }).toMatchObject({
          job: name,
          contents: expect.stringMatching(/^(read|write)$/),
          actions: expect.stringMatching(/^(read|write)$/),
          'pull-requests': 'write',
        })
      }
    },
  )

  test('CI runs the tests, then the gate on the files the TestMain writes', () => {
    const wf = workflow(CI)
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push'])
    expect(wf.permissions).toEqual({ contents: 'read' })
    const steps = wf.jobs.test.steps
    const gate = steps.findIndex((s) => s.uses === 'gomem-gate/gomem-gate@v1')
    const test = steps.findIndex((s) => /^go test\b/.test(s.run ?? ''))
    expect(test).toBeGreaterThanOrEqual(0)
    expect(gate).toBeGreaterThan(test)
    expect(steps[test].run).toMatch(/-count=1/) // a cached result would not run TestMain
    expect(String(steps[gate].with?.profiles).trim().split('\n')).toEqual([
      '**/.gomem-gate/heap.pb.gz',
      '**/.gomem-gate/memstats.json',
    ])
  })

  test('CI never cancels a push run: it stores the baseline', () => {
    const wf = workflow(CI)
    const concurrency = wf.concurrency ?? wf.jobs.test.concurrency
    expect(concurrency).toBeDefined()
    // One group per commit on a push (a pending push run is never replaced by a newer one),
    // per pull request otherwise.
    expect(concurrency!.group).toContain('github.event.pull_request.number')
    expect(concurrency!.group).toMatch(/github\.(sha|run_id)/)
    expect([false, "${{ github.event_name == 'pull_request' }}"]).toContain(
      concurrency!['cancel-in-progress'] ?? false,
    )
  })

  test('the comment workflow follows CI and comments with the base branch checked out', () => {
    const wf = workflow(COMMENT)
    const trigger = wf.on.workflow_run as { workflows: string[]; types: string[] }
    expect(trigger.workflows).toEqual([workflow(CI).name])
    expect(trigger.types).toEqual(['completed'])
    const job = wf.jobs.comment
    expect(job.if).toBe("github.event.workflow_run.event == 'pull_request'")
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!
    expect(checkout.with?.ref).toBeUndefined() // never the fork's head
    const gate = job.steps.find((s) => s.uses?.startsWith('gomem-gate/gomem-gate@'))!
    expect(gate.with).toEqual({ mode: 'comment' })
  })

  test('the matrix variant: shard jobs without a comment permission, one merge job after them', () => {
    const wf = workflow(MATRIX)
    expect(wf.name).toBe(workflow(CI).name) // the comment workflow follows it as it follows CI
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push'])
    const { test, ...rest } = wf.jobs
    expect(test.strategy?.matrix?.shard).toEqual(['cache', 'cart'])
    const shardStep = test.steps.find((s) => s.uses === 'gomem-gate/gomem-gate@v1')!
    expect(shardStep.with?.shard).toBe('${{ matrix.shard }}')
    expect(test.permissions).toEqual({ contents: 'read', actions: 'read' })
    const [[, merge]] = Object.entries(rest)
    expect(merge.needs).toEqual(['test'])
    expect(merge.if).toBe('${{ !cancelled() }}')
    expect(merge.permissions).toEqual({
      contents: 'read',
      actions: 'read',
      'pull-requests': 'write',
    })
    const mergeStep = merge.steps.find((s) => s.uses === 'gomem-gate/gomem-gate@v1')!
    expect(mergeStep.with?.mode).toBe('merge')
    expect(String(mergeStep.with?.shards).trim().split('\n')).toEqual(['cache', 'cart'])
    // The merge job reads the policy from the checkout.
    expect(merge.steps[0].uses).toMatch(/^actions\/checkout@/)
  })

  test('the policy is valid and judges the example packages', () => {
    const policy = loadPolicy(readFileSync(POLICY, 'utf8'), POLICY)
    expect(policy.rules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['cache-live-heap', 'cart-churn']),
    )
    expect(readFileSync(POLICY, 'utf8')).toContain("'example.com/shop/cache.*'")
  })
})

/** The folders under root that hold a `_test.go` file, root-relative. */
function goPackagesWithTests(root: string): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true })
    if (entries.some((e) => e.isFile() && e.name.endsWith('_test.go'))) found.push(dir)
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) walk(join(dir, e.name))
  }
  walk(root)
  return found.sort()
}

const GO_MISSING = 'go is not installed: apt-get install -y golang-go'
const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0
const skipGo = !hasGo && process.env.CI !== 'true'
if (skipGo) console.warn(`examples/ is not run with go test: ${GO_MISSING}`)

;(skipGo ? describe.skip : describe)(
  `go test ./... in examples/${skipGo ? ` (skipped: ${GO_MISSING})` : ''}`,
  () => {
    test('writes each package’s heap profile and MemStats, and the CLI reads them', () => {
      if (!hasGo) throw new Error(`${GO_MISSING} (CI=true: the example must be run)`)
      const tmp = mkdtempSync(join(tmpdir(), 'gomem-gate-examples-'))
      const repo = join(tmp, 'shop')
      cpSync(EXAMPLES, repo, {
        recursive: true,
        filter: (src) => !src.split('/').includes('.gomem-gate'),
      })
      const go = spawnSync('go', ['test', '-count=1', './...'], {
        cwd: repo,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '',
          HOME: tmp,
          GOCACHE: join(tmp, 'gocache'),
          GOPATH: join(tmp, 'gopath'),
          GOFLAGS: '-mod=mod',
          GOTOOLCHAIN: 'local',
          GOMEM_GATE_OUT: '',
        },
      })
      expect({ status: go.status, stderr: go.stderr }).toEqual({ status: 0, stderr: '' })

      const packages = goPackagesWithTests(repo)
      expect(packages.length).toBeGreaterThanOrEqual(1)
      const files = packages.flatMap((pkg) =>
        ['heap.pb.gz', 'memstats.json'].map((f) => join(pkg, '.gomem-gate', f)),
      )
      expect(files.filter((f) => !existsSync(f))).toEqual([])

      // The globs of the CI workflow find them all.
      const globs = String(workflow(CI).jobs.test.steps.at(-1)!.with!.profiles).trim().split('\n')
      const r = cli(['compare', '--candidate', ...globs, '--format', 'json'], { cwd: repo })
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' })
      const report = JSON.parse(r.stdout) as {
        status: string
        policy: string
        inputs: { path: string }[]
      }
      expect(report.status).toBe('no-baseline')
      expect(report.policy).toContain('.github/gomem-gate.yml')
      const read = JSON.stringify(report)
      for (const f of files) expect(read).toContain(f.slice(repo.length + 1))
    }, 300_000)
  },
)

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to dashes. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

function anchorsOf(path: string): Set<string> {
  const text = readFileSync(path, 'utf8').replace(/```[\s\S]*?```/g, '')
  return new Set(Array.from(text.matchAll(/^#{1,6}\s+(.+)$/gm), (m) => slug(m[1])))
}

test.each(DOCS)('%s: every link resolves to a file and a heading', (doc) => {
  const text = readFileSync(doc, 'utf8').replace(/```[\s\S]*?```/g, '')
  const targets = Array.from(text.matchAll(/\]\(([^)\s]+)\)/g), (m) => m[1]).filter(
    (t) => !/^[a-z]+:/.test(t),
  )
  expect(targets.length).toBeGreaterThan(0)
  const broken: string[] = []
  for (const target of targets) {
    const [file, anchor] = target.split('#')
    const path = file === '' ? doc : normalize(join(dirname(doc), file))
    const pending = PENDING.has(anchor ? `${path}#${anchor}` : path) || PENDING.has(path)
    if (!existsSync(path)) {
      if (!pending) broken.push(`${target}: no such file`)
    } else if (anchor && !anchorsOf(path).has(anchor)) {
      if (!pending) broken.push(`${target}: no such heading in ${path}`)
    }
  }
  expect(broken).toEqual([])
})
