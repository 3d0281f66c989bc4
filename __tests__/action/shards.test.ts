// Matrix shards on the fake GitHub: each job of a run uploads its part, the merge job (same run,
// its own process) stores one baseline on a push and writes the one comment on a pull request.
import { readdirSync, readFileSync } from 'node:fs'
import { startFakeGitHub, type FakeGitHub } from './fake-github.js'
import {
  pullRequestEvent,
  pushEvent,
  runAction,
  workflowRunEvent,
  type ActionRun,
} from './harness.js'

const fx = (name: string) => readFileSync(`fixtures/${name}`)
const files = (run: string) => ({
  'profiles/heap.pb.gz': fx(`${run}.pb.gz`),
  'profiles/memstats.json': fx(`${run}.memstats.json`),
})
const PROFILES = { profiles: 'profiles/*.pb.gz\nprofiles/memstats.json' }
const MAIN = 'a'.repeat(40)
const MARKER = '<!-- gomem-gate:gomem-gate -->'
const plain = (markdown: string) => markdown.replace(/\\(.)/g, '$1')

let gh: FakeGitHub
beforeEach(async () => {
  gh = await startFakeGitHub()
})
afterEach(async () => {
  await gh.close()
})

type Event = { eventName: 'push' | 'pull_request'; event: object }
const push = (): Event => ({ eventName: 'push', event: pushEvent({ sha: MAIN }) })
const pr = (headSha: string, fork = false): Event => {
  gh.mergeBase.set(`${MAIN}...${headSha}`, MAIN)
  return {
    eventName: 'pull_request',
    event: pullRequestEvent({ number: 7, headSha, baseSha: MAIN, fork }),
  }
}

/** One job of the matrix: its shard's files, in its own workspace. */
function shard(
  e: Event,
  runId: number,
  name: string,
  candidate: Record<string, Buffer>,
  inputs: Record<string, string> = {},
) {
  return runAction({
    gh,
    ...e,
    inputs: { ...PROFILES, shard: name, ...inputs },
    files: candidate,
    runId,
    job: 1 + name.charCodeAt(0), // each job of the matrix has its own backend id
  })
}

/** The job after the matrix. */
function merge(e: Event, runId: number, inputs: Record<string, string> = {}) {
  return runAction({ gh, ...e, inputs: { mode: 'merge', ...inputs }, files: {}, runId, job: 0 })
}

/** Comment requests (any method) made while `job` ran. */
async function commentCalls(job: () => Promise<ActionRun>): Promise<[ActionRun, number]> {
  const before = gh.requests.length
  const r = await job()
  const calls = gh.requests.slice(before).filter((q) => /\/comments/.test(q.path))
  return [r, calls.length]
}

const errors = (r: ActionRun) =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message)
const comments = () => gh.comments.get(7) ?? []

/** A push run of two shards and the merge job storing the baseline. */
async function pushBaseline(): Promise<void> {
  const a = await shard(push(), 101, 'a', files('baseline-seed1'))
  const b = await shard(push(), 101, 'b', files('baseline-seed1'))
  expect([a.status, b.status]).toEqual([0, 0])
  const m = await merge(push(), 101)
  expect(errors(m)).toEqual([])
  expect(m.status).toBe(0)
}

test('a push: shard jobs upload their parts, the merge job stores them as one baseline', async () => {
  const [a, callsA] = await commentCalls(() => shard(push(), 101, 'a', files('baseline-seed1')))
  const [b, callsB] = await commentCalls(() => shard(push(), 101, 'b', files('baseline-seed1')))
  expect([a.status, b.status, callsA, callsB]).toEqual([0, 0, 0, 0])
  expect(plain(a.summary)).toContain('Shard a: 2 file(s) uploaded as gomem-gate-shard-a')
  // The shards store no baseline of their own.
  expect(gh.artifacts.map((x) => x.name).sort()).toEqual([
    'gomem-gate-shard-a',
    'gomem-gate-shard-b',
  ])
  const part = gh.readArtifact(gh.artifacts.find((x) => x.name === 'gomem-gate-shard-b')!)
  expect(JSON.parse(part['gomem-gate-manifest.json'].toString())).toMatchObject({
    kind: 'shard',
    shard: 'b',
    status: 'judged',
    commit: MAIN,
    files: ['profiles/heap.pb.gz', 'profiles/memstats.json'],
  })
  expect(JSON.parse(part['gomem-gate-shard-report.json'].toString()).status).toBe('no-baseline')

  const m = await merge(push(), 101)
  expect(m.status).toBe(0)
  const stored = gh.artifacts.filter((x) => x.name === 'gomem-gate')
  expect(stored).toHaveLength(1)
  const content = gh.readArtifact(stored[0])
  expect(Object.keys(content).sort()).toEqual([
    'gomem-gate-history.json',
    'gomem-gate-manifest.json',
    'shard-a/profiles/heap.pb.gz',
    'shard-a/profiles/memstats.json',
    'shard-b/profiles/heap.pb.gz',
    'shard-b/profiles/memstats.json',
  ])
  expect(content['shard-b/profiles/heap.pb.gz'].equals(fx('baseline-seed1.pb.gz'))).toBe(true)
  const manifest = JSON.parse(content['gomem-gate-manifest.json'].toString())
  expect(manifest).toMatchObject({ kind: 'baseline', shards: ['a', 'b'], commit: MAIN })
  const history = JSON.parse(content['gomem-gate-history.json'].toString())
  expect(history.entries).toHaveLength(1)
  expect(plain(m.summary)).toContain(
    'Stored 4 file(s) of 2 shard(s) (a, b) as baseline artifact gomem-gate',
  )
  expect(comments()).toHaveLength(0)
})

test('a pull request with unchanged shards: one comment, written by the merge job, passing', async () => {
  await pushBaseline()
  const head = 'b'.repeat(40)
  const [a, callsA] = await commentCalls(() => shard(pr(head), 102, 'a', files('baseline-seed2')))
  const [b, callsB] = await commentCalls(() => shard(pr(head), 102, 'b', files('baseline-seed2')))
  expect([a.status, b.status, callsA, callsB]).toEqual([0, 0, 0, 0])
  expect(a.outputs.status).toBe('pass')
  expect(plain(a.summary)).toContain('Baseline: commit aaaaaaa on main')
  const m = await merge(pr(head), 102, { shards: 'a\nb' })
  expect(errors(m)).toEqual([])
  expect(m.status).toBe(0)
  expect(m.outputs.status).toBe('pass')
  expect(comments()).toHaveLength(1)
  const body = comments()[0].body
  expect(body.startsWith(`${MARKER}\n### ✅`)).toBe(true)
  expect(body).toContain('#### Shards')
  expect(body).toMatch(/\| a \| pass \| 0 \| — \|/)
  expect(body).toMatch(/\| b \| pass \| 0 \| — \|/)
  const report = JSON.parse(readFileSync(m.outputs['report-json'], 'utf8'))
  expect(report.shards).toEqual([
    { name: 'a', status: 'pass', violations: 0 },
    { name: 'b', status: 'pass', violations: 0 },
  ])
  expect(report.schemaVersion).toBe(1)
})

test('a regression in shard b alone fails the merge job, naming b and the function', async () => {
  await pushBaseline()
  const head = 'c'.repeat(40)
  const [a, callsA] = await commentCalls(() => shard(pr(head), 103, 'a', files('baseline-seed2')))
  const [b, callsB] = await commentCalls(() => shard(pr(head), 103, 'b', files('leak-cache')))
  // The shard job warns and passes: the merge job is where it fails.
  expect([a.status, b.status, callsA, callsB]).toEqual([0, 0, 0, 0])
  expect(b.outputs.status).toBe('fail')
  const warned = b.annotations.filter((x) => x.level === 'warning').map((x) => x.message)
  expect(warned.some((w) => /shard b; the merge job fails the check/.test(w))).toBe(true)
  const [m, callsM] = await commentCalls(() => merge(pr(head), 103))
  expect(callsM).toBeGreaterThan(0)
  expect(m.status).toBe(1)
  expect(m.outputs.status).toBe('fail')
  const [line] = errors(m)
  // The finding is led by the union's figure (all shards together); the shard is named after it.
  expect(line).toMatch(/^gomem-gate: memory regression in main\.\(\*Cache\)\.Put: inuse_space \+/)
  expect(line).toMatch(/; shard b failed the check$/)
  expect(comments()).toHaveLength(1)
  const body = comments()[0].body
  expect(body).toContain('### ❌ gomem-gate: memory regression')
  expect(body).toMatch(/\| b \| ❌ fail \| [1-9]\d* \| — \|/)
  expect(body).toMatch(/\| a \| pass \| 0 \| — \|/)
  expect(plain(body)).toContain('main.(*Cache).Put')
  expect(plain(body)).toContain('· shard b')
  // Explore in pprof names the artifacts holding the files, never paths on the runner.
  expect(body).not.toContain(m.env.RUNNER_TEMP)
  expect(plain(body)).toContain('gh run download 103 --name gomem-gate-shard-b --dir candidate/b')
  const report = JSON.parse(readFileSync(m.outputs['report-json'], 'utf8'))
  expect(report.violations.filter((v: { shard?: string }) => v.shard === 'b').length).toBe(
    report.shards.find((s: { name: string }) => s.name === 'b').violations,
  )
  expect(report.violations.some((v: { shard?: string }) => v.shard === 'a')).toBe(false)
})

test('fail-shard: true fails the shard job on its own regression, still without a comment', async () => {
  await pushBaseline()
  const head = 'c'.repeat(40)
  const [b, calls] = await commentCalls(() =>
    shard(pr(head), 103, 'b', files('leak-cache'), { 'fail-shard': 'true' }),
  )
  expect(b.status).toBe(1)
  expect(calls).toBe(0)
  expect(errors(b)[0]).toMatch(/^gomem-gate: memory regression in main\.\(\*Cache\)\.Put/)
  expect(comments()).toHaveLength(0)
})

test('a shard the shards input expects but the run did not upload fails the merge, named', async () => {
  await pushBaseline()
  const head = 'd'.repeat(40)
  await shard(pr(head), 104, 'a', files('baseline-seed2'))
  await shard(pr(head), 104, 'b', files('baseline-seed2'))
  const m = await merge(pr(head), 104, { shards: 'a\nb\nc' })
  expect(m.status).toBe(1)
  expect(m.outputs.status).toBe('fail')
  expect(errors(m)).toEqual([
    'gomem-gate: not every shard was judged: shard c missing (no shard artifact was uploaded in this run)',
  ])
  const body = comments()[0].body
  expect(body.startsWith(`${MARKER}\n### ❌`)).toBe(true)
  expect(plain(body)).toContain('not every shard was judged')
  expect(body).toMatch(/\| c \| ⚠️ missing \| — \| no shard artifact was uploaded in this run \|/)
})

test('a shard missing from this run but in the baseline fails the merge too', async () => {
  await pushBaseline()
  const head = 'd'.repeat(40)
  await shard(pr(head), 104, 'a', files('baseline-seed2'))
  const m = await merge(pr(head), 104)
  expect(m.status).toBe(1)
  expect(errors(m)[0]).toMatch(/shard b missing/)
})

test('a shard whose job failed on its input is named failed by the merge job', async () => {
  await pushBaseline()
  const head = 'e'.repeat(40)
  await shard(pr(head), 105, 'a', files('baseline-seed2'))
  const b = await shard(pr(head), 105, 'b', {}, { profiles: 'nowhere/*.pb.gz' })
  expect(b.status).toBe(1)
  const part = gh.readArtifact(
    gh.artifacts.find((x) => x.name === 'gomem-gate-shard-b' && x.runId === 105)!,
  )
  const manifest = JSON.parse(part['gomem-gate-manifest.json'].toString())
  expect(manifest).toMatchObject({ kind: 'shard', shard: 'b', status: 'error' })
  expect(manifest.message).toMatch(/nowhere/)
  const m = await merge(pr(head), 105)
  expect(m.status).toBe(1)
  expect(errors(m)[0]).toMatch(
    /^gomem-gate: not every shard was judged: shard b failed \(.*nowhere/,
  )
  expect(comments()).toHaveLength(1)
  expect(comments()[0].body).toMatch(/\| b \| ⚠️ failed \| — \| .*nowhere/)
})

test('a merge job without shards in its run fails in one line', async () => {
  const m = await merge(pr('f'.repeat(40)), 106)
  expect(m.status).toBe(1)
  expect(errors(m)).toEqual([
    expect.stringMatching(
      /^gomem-gate: mode merge: this run has no artifact named gomem-gate-shard-\*/,
    ),
  ])
  expect(comments()).toHaveLength(0)
})

test('a bad shard name is refused in one line', async () => {
  const r = await shard(push(), 101, '../x', files('baseline-seed1'))
  expect(r.status).toBe(1)
  expect(errors(r)[0]).toMatch(/^gomem-gate: input shard: "\.\.\/x" is not a shard name/)
  expect(gh.artifacts).toHaveLength(0)
})

test('a fork: the merge job hands every shard over; the workflow_run judges them merged', async () => {
  await pushBaseline()
  gh.forbidCommentWrites = true
  const head = '9'.repeat(40)
  await shard(pr(head, true), 107, 'a', files('baseline-seed2'))
  await shard(pr(head, true), 107, 'b', files('leak-cache'))
  const m = await merge(pr(head, true), 107)
  expect(m.status).toBe(1)
  expect(comments()).toHaveLength(0)
  const handed = gh.artifacts.find((x) => x.name === 'gomem-gate-pr' && x.runId === 107)!
  const content = gh.readArtifact(handed)
  const manifest = JSON.parse(content['gomem-gate-manifest.json'].toString())
  expect(manifest).toMatchObject({ kind: 'pull-request', pullRequest: 7, shards: ['a', 'b'] })
  expect(
    Object.keys(content)
      .filter((f) => f.startsWith('shard-'))
      .sort(),
  ).toEqual([
    'shard-a/profiles/heap.pb.gz',
    'shard-a/profiles/memstats.json',
    'shard-b/profiles/heap.pb.gz',
    'shard-b/profiles/memstats.json',
  ])

  gh.forbidCommentWrites = false
  const c = await runAction({
    gh,
    eventName: 'workflow_run',
    event: workflowRunEvent({ runId: 107, headSha: head, prNumber: 7, fork: true }),
    inputs: { mode: 'comment' },
    runId: 108,
  })
  expect(c.status).toBe(1)
  expect(errors(c)[0]).toMatch(/; shard b failed the check$/)
  expect(comments()).toHaveLength(1)
  expect(comments()[0].body).toMatch(/\| b \| ❌ fail \| [1-9]\d* \| — \|/)
  expect(comments()[0].body).toMatch(/\| a \| pass \| 0 \| — \|/)
})

describe('the example matrix workflow (examples/matrix/ci.yml)', () => {
  const WORKFLOW = 'examples/matrix/ci.yml'
  /** The files a package's TestMain writes, in its folder. */
  const out = (pkg: string, run: string) => ({
    [`${pkg}/.gomem-gate/heap.pb.gz`]: fx(`${run}.pb.gz`),
    [`${pkg}/.gomem-gate/memstats.json`]: fx(`${run}.memstats.json`),
  })
  const job = (e: Event, runId: number, name: string, run: string) =>
    runAction({
      gh,
      ...e,
      workflow: { file: WORKFLOW, job: 'test' },
      context: { 'matrix.shard': name },
      files: out(name, run),
      runId,
      job: name === 'cache' ? 1 : 2,
    })
  const mergeJob = (e: Event, runId: number) =>
    runAction({ gh, ...e, workflow: { file: WORKFLOW, job: 'gomem-gate' }, files: {}, runId })

  test('push, then a pull request with a regression in cart: one failing comment', async () => {
    for (const name of ['cache', 'cart'])
      expect((await job(push(), 101, name, 'baseline-seed1')).status).toBe(0)
    const stored = await mergeJob(push(), 101)
    expect(errors(stored)).toEqual([])
    const head = 'b'.repeat(40)
    const [cache, c1] = await commentCalls(() => job(pr(head), 102, 'cache', 'baseline-seed2'))
    const [cart, c2] = await commentCalls(() => job(pr(head), 102, 'cart', 'leak-cache'))
    // The shard jobs' token cannot comment, and they do not try.
    expect([cache.status, cart.status, c1, c2]).toEqual([0, 0, 0, 0])
    const m = await mergeJob(pr(head), 102)
    expect(m.status).toBe(1)
    expect(errors(m)[0]).toMatch(/; shard cart failed the check$/)
    expect(comments()).toHaveLength(1)
    expect(comments()[0].body).toMatch(/\| cart \| ❌ fail \|/)
  })
})

test('a push with a failed shard: the merge job stores the rest and fails, naming it', async () => {
  await shard(push(), 101, 'a', files('baseline-seed1'))
  const b = await shard(push(), 101, 'b', {}, { profiles: 'nowhere/*.pb.gz' })
  expect(b.status).toBe(1)
  const m = await merge(push(), 101)
  expect(m.status).toBe(1)
  expect(errors(m)).toEqual([
    expect.stringMatching(/^gomem-gate: not every shard was judged: shard b failed \(.*nowhere/),
  ])
  const stored = gh.readArtifact(gh.artifacts.find((x) => x.name === 'gomem-gate')!)
  expect(JSON.parse(stored['gomem-gate-manifest.json'].toString()).shards).toEqual(['a'])
})

test("a shard's series is judged within that shard: its leak fails the merge, naming it", async () => {
  await pushBaseline()
  const head = '8'.repeat(40)
  const series = Object.fromEntries(
    readdirSync('fixtures/series/leak').map((f) => [`series/${f}`, fx(`series/leak/${f}`)]),
  )
  const a = await shard(
    pr(head),
    109,
    'a',
    { ...files('baseline-seed2'), ...series },
    {
      series: 'series/*',
    },
  )
  expect(a.outputs.status).toBe('fail')
  await shard(pr(head), 109, 'b', files('baseline-seed2'))
  const part = gh.readArtifact(
    gh.artifacts.find((x) => x.name === 'gomem-gate-shard-a' && x.runId === 109)!,
  )
  expect(JSON.parse(part['gomem-gate-manifest.json'].toString()).series).toContain(
    'series/heap-001.pb.gz',
  )
  const m = await merge(pr(head), 109)
  expect(m.status).toBe(1)
  expect(errors(m)[0]).toMatch(
    /^gomem-gate: memory leak within the run: .*; shard a failed the check$/,
  )
  expect(comments()[0].body).toMatch(/\| a \| ❌ fail \|/)
})
