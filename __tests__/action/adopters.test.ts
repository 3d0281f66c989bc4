// The Action as adopters meet it: the workflows of examples/ (inputs and permissions read
// from those files, so the documented setup is the tested one) run on the bundled action
// against the fake GitHub, through the situations that used to end in a wrong verdict.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeGitHub, type FakeGitHub } from './fake-github.js'
import {
  NODES,
  pullRequestEvent,
  pushEvent,
  runAction,
  workflowRunEvent,
  type ActionRun,
  type NodeVersion,
  type RunOptions,
} from './harness.js'

const CI = 'examples/.github/workflows/ci.yml'
const COMMENT = 'examples/.github/workflows/gomem-gate-comment.yml'
/** Where the example's TestMain writes, matched by the profiles globs of CI. */
const OUT = 'cache/.gomem-gate'
const MAIN = 'a'.repeat(40)
const MARKER = '<!-- gomem-gate:gomem-gate -->'
const FAST_RETRIES = { GOMEM_GATE_RETRY_BASE_MS: '20' }

const fx = (name: string) => readFileSync(`fixtures/${name}`)
/** The files the example's tests write, taken from a real run of the fixture service. */
const files = (run: string, dir = OUT) => ({
  [`${dir}/heap.pb.gz`]: fx(`${run}.pb.gz`),
  [`${dir}/memstats.json`]: fx(`${run}.memstats.json`),
})
const errors = (r: ActionRun) =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message)
const warnings = (r: ActionRun) =>
  r.annotations.filter((a) => a.level === 'warning').map((a) => a.message)
/** Markdown as a reader sees it: backslash escapes removed. */
const plain = (markdown: string) => markdown.replace(/\\(.)/g, '$1')

let gh: FakeGitHub
let node: NodeVersion = 'node20'
beforeEach(async () => {
  gh = await startFakeGitHub()
})
afterEach(async () => {
  await gh.close()
})
const comments = (pr = 7) => gh.comments.get(pr) ?? []

type Extra = Partial<Omit<RunOptions, 'gh' | 'eventName' | 'event'>>

/** A push to main running the example CI workflow, storing `run` as the baseline. */
function push(run = 'baseline-seed1', o: Extra & { sha?: string; branch?: string } = {}) {
  const { sha = MAIN, branch = 'main', ...rest } = o
  return runAction({
    gh,
    node,
    workflow: { file: CI },
    eventName: 'push',
    event: pushEvent({ sha, ref: `refs/heads/${branch}` }),
    files: files(run),
    runId: 101,
    ...rest,
  })
}

/** Pull request #7 running the example CI workflow on `candidate`. */
function pullRequest(
  candidate: string,
  o: Extra & { head?: string; fork?: boolean; baseRef?: string; baseSha?: string } = {},
) {
  const { head = 'b'.repeat(40), fork, baseRef, baseSha = MAIN, ...rest } = o
  gh.mergeBase.set(`${baseSha}...${head}`, baseSha)
  return runAction({
    gh,
    node,
    workflow: { file: CI },
    eventName: 'pull_request',
    event: pullRequestEvent({ number: 7, headSha: head, baseSha, baseRef, fork }),
    files: files(candidate),
    runId: 102,
    ...rest,
  })
}

/** The example comment workflow, triggered by the completed run `runId` of a fork's PR. */
function commentRun(runId: number, head: string, o: Extra = {}) {
  return runAction({
    gh,
    node,
    workflow: { file: COMMENT },
    eventName: 'workflow_run',
    event: workflowRunEvent({ runId, headSha: head, prNumber: 7, fork: true }),
    runId: runId + 1,
    ...o,
  })
}

describe.each(NODES)('on %s', (version) => {
  beforeAll(() => {
    node = version
  })

  test.each(['comment', 'auto'])(
    'a fork PR gets a real comparison from the comment workflow (mode %s)',
    async (mode) => {
      expect((await push()).status).toBe(0)
      const head = 'd'.repeat(40)
      const pr = await pullRequest('leak-cache', { head, fork: true, runId: 104 })
      // The fork's own run cannot comment (read-only token) and hands its files over.
      expect(comments()).toHaveLength(0)
      expect(gh.artifacts.find((a) => a.name === 'gomem-gate-pr')!.runId).toBe(104)
      expect(pr.outputs.status).toBe('fail')

      const r = await commentRun(104, head, { inputs: { mode } })
      expect(r.stderr).not.toMatch(/DEP0005|DeprecationWarning/)
      expect(errors(r)).toEqual([expect.stringMatching(/^gomem-gate: memory regression/)])
      expect(r.status).toBe(1)
      expect(r.outputs.status).toBe('fail')
      expect(comments()).toHaveLength(1)
      const body = plain(comments()[0].body)
      expect(body).toContain(
        'Baseline: commit aaaaaaa on main, the merge base of this pull request (run 101).',
      )
      expect(body).toContain('main.(*Cache).Put')
      // The pprof section names the runs holding the files, not paths on the runner.
      expect(body).toContain('gh run download 104 --name gomem-gate-pr --dir candidate')
      expect(body).toContain('gh run download 101 --name gomem-gate --dir baseline')
      expect(body).toContain(`https://github.com/acme/svc/actions/runs/101`)
      expect(body).not.toContain(r.env.RUNNER_TEMP)
    },
  )

  test('re-running a push run replaces its baseline; PRs take the newest good one', async () => {
    await push('baseline-seed1')
    gh.rerun(101)
    const again = await push('baseline-seed2', { attempt: 2 })
    expect(errors(again)).toEqual([])
    expect(again.status).toBe(0)
    expect(gh.runs.find((r) => r.id === 101)).toMatchObject({
      run_attempt: 2,
      conclusion: 'success',
    })
    const stored = gh.artifacts.filter((a) => a.name === 'gomem-gate' && a.runId === 101)
    expect(stored).toHaveLength(1)
    expect(gh.readArtifact(stored[0])[`${OUT}/heap.pb.gz`].equals(fx('baseline-seed2.pb.gz'))).toBe(
      true,
    )
    // A newer push whose latest attempt failed holds no good baseline.
    const newer = 'e'.repeat(40)
    gh.addRun({ id: 103, head_sha: newer, conclusion: 'failure' })
    gh.addArtifact(103, 'gomem-gate', files('leak-cache'))
    const pr = await pullRequest('baseline-seed1', { baseSha: newer })
    expect(plain(comments()[0].body)).toMatch(
      /Baseline: commit aaaaaaa, the newest stored baseline on main \(run 101\)|Baseline: commit aaaaaaa on main \(run 101\)/,
    )
    expect(pr.status).toBe(0)
  })

  test.each([
    ['actions', 'actions: read'],
    ['pull-requests', 'pull-requests: write'],
    ['contents', 'contents: read'],
  ])('without %s permission the step fails, naming %s', async (scope, named) => {
    await push()
    const permissions = { contents: 'read', actions: 'read', 'pull-requests': 'write' } as const
    const r = await pullRequest('leak-cache', {
      permissions: { ...permissions, [scope]: 'none' },
    })
    expect(r.status).toBe(1)
    const lines = errors(r)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(`add \`${named}\` to the job's permissions`)
    expect(lines[0]).not.toMatch(/unreachable|internal error/)
    expect(r.outputs.status).not.toBe('pass')
    expect(r.outputs.status).not.toBe('no-baseline')
  })

  test('GitHub unreachable: unjudged in the status, the annotation and the comment', async () => {
    await push()
    gh.failNext('GET', '/repos/acme/svc/actions/', 503, 1000)
    const r = await pullRequest('leak-cache', { env: FAST_RETRIES })
    expect(r.status).toBe(0)
    expect(r.outputs.status).toBe('unjudged')
    expect(
      warnings(r).some((w) => /^gomem-gate could not judge: GitHub did not answer/.test(w)),
    ).toBe(true)
    const body = comments()[0].body
    expect(body).toMatch(
      /^<!-- gomem-gate:gomem-gate -->\n### ⚠️ gomem-gate: could not judge — the baseline could not be fetched/,
    )
    expect(plain(body)).toContain('Could not judge: GitHub did not answer the baseline lookup')

    gh.failNext('GET', '/repos/acme/svc/actions/', 503, 1000)
    const strict = await pullRequest('leak-cache', {
      env: FAST_RETRIES,
      runId: 103,
      inputs: { 'fail-on-unjudged': 'true' },
    })
    expect(strict.status).toBe(1)
    expect(errors(strict)).toEqual([expect.stringMatching(/^gomem-gate could not judge/)])
  })

  test('a baseline download that fails (503) is unjudged, not "no baseline"', async () => {
    await push()
    gh.failNext('GET', '/repos/acme/svc/actions/artifacts/', 503, 10)
    const r = await pullRequest('leak-cache', { env: FAST_RETRIES })
    expect(r.outputs.status).toBe('unjudged')
    expect(warnings(r)).toContainEqual(
      expect.stringMatching(
        /^gomem-gate could not judge: the baseline artifact could not be downloaded \(run 101: /,
      ),
    )
    expect(plain(comments()[0].body)).not.toContain('No baseline')
  })

  test('a secondary rate limit is waited out and the baseline still found', async () => {
    await push()
    gh.failNext('GET', '/repos/acme/svc/actions/', 403, 1, {
      secondary: true,
      retryAfterSeconds: 1,
    })
    const r = await pullRequest('leak-cache', { env: FAST_RETRIES })
    expect(r.outputs.status).toBe('fail')
    expect(plain(comments()[0].body)).toContain('Baseline: commit aaaaaaa on main')
  })

  test.each([
    ['a GitHub App', { kind: 'app', login: 'shop-ci[bot]' }],
    ['a personal', { kind: 'user', login: 'octocat' }],
  ] as const)('%s token finds its own comment again', async (_, spec) => {
    await push()
    const token =
      spec.kind === 'app'
        ? 'ghs_AppInstallationToken0000000000000000'
        : 'ghp_PersonalToken00000000000000000000000'
    gh.addToken(token, {
      ...spec,
      permissions: { 'pull-requests': 'write', actions: 'read', contents: 'read' },
    })
    const first = await pullRequest('baseline-seed2', { token })
    const second = await pullRequest('leak-cache', { token, runId: 103, head: 'c'.repeat(40) })
    expect([first.status, second.status]).toEqual([0, 1])
    expect(comments()).toHaveLength(1)
    expect(comments()[0].user.login).toBe(spec.login)
    expect(comments()[0].body).toContain('memory regression')
    expect(second.outputs['comment-id']).toBe(String(comments()[0].id))
    expect(second.outputs['comment-url']).toBe(
      `https://github.com/acme/svc/pull/7#issuecomment-${comments()[0].id}`,
    )
  })

  test('two runs of one PR at once leave one comment', async () => {
    await push()
    const head = 'b'.repeat(40)
    gh.mergeBase.set(`${MAIN}...${head}`, MAIN)
    await Promise.all([
      pullRequest('baseline-seed2', { runId: 102 }),
      pullRequest('baseline-seed2', { runId: 103 }),
    ])
    expect(comments()).toHaveLength(1)
    // Copies left by an earlier race converge on the oldest.
    const oldest = gh.addComment(8, `${MARKER}\nold`)
    gh.addComment(8, `${MARKER}\nnewer`)
    gh.addComment(8, `${MARKER}\nquoted by a person`, { login: 'mallory' })
    gh.mergeBase.set(`${MAIN}...${'f'.repeat(40)}`, MAIN)
    const r = await runAction({
      gh,
      node,
      workflow: { file: CI },
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 8, headSha: 'f'.repeat(40), baseSha: MAIN }),
      files: files('baseline-seed2'),
      runId: 104,
    })
    expect(r.status).toBe(0)
    const left = gh.comments.get(8)!
    expect(left.map((c) => c.user.login)).toEqual([gh.botLogin, 'mallory'])
    expect(left[0].id).toBe(oldest.id)
    expect(left[0].body).toContain('### ✅')
  })

  test('baseline-branches: a PR into release/1.x uses the baseline its pushes stored', async () => {
    const branches = { 'baseline-branches': 'main\nrelease/*' }
    const rel = '1'.repeat(40)
    const stored = await push('baseline-seed1', {
      sha: rel,
      branch: 'release/1.x',
      inputs: branches,
    })
    expect(plain(stored.summary)).toContain('Stored 2 file(s) as baseline artifact gomem-gate')
    const r = await pullRequest('leak-cache', {
      baseRef: 'release/1.x',
      baseSha: rel,
      inputs: branches,
    })
    expect(r.outputs.status).toBe('fail')
    expect(plain(comments()[0].body)).toContain('Baseline: commit 1111111 on release/1.x')

    // Without the input, the PR says why it has none, and what to do.
    const plainRun = await pullRequest('leak-cache', {
      baseRef: 'release/1.x',
      baseSha: rel,
      runId: 103,
    })
    expect(plainRun.outputs.status).toBe('no-baseline')
    const body = plain(comments()[0].body)
    expect(body).toContain(
      'pushes to release/1.x store none, as it is not one of baseline-branches (main)',
    )
    expect(body).not.toContain('stored by the next push to release/1.x')
  })

  test('two gates in one job keep their files and reports apart', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'gomem-gate-job-'))
    const gate = (name: string, run: string, o: Extra) =>
      runAction({
        gh,
        node,
        workflow: { file: CI },
        inputs: { 'artifact-name': name, profiles: `${name}/*` },
        files: files(run, name),
        env: { RUNNER_TEMP: shared },
        ...o,
      } as RunOptions)
    const pushed = { eventName: 'push', event: pushEvent({ sha: MAIN }), runId: 101 } as const
    await gate('api', 'baseline-seed1', pushed)
    await gate('worker', 'baseline-seed2', pushed)
    gh.mergeBase.set(`${MAIN}...${'b'.repeat(40)}`, MAIN)
    const pr = {
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 7, headSha: 'b'.repeat(40), baseSha: MAIN }),
      runId: 102,
    } as const
    const a = await gate('api', 'baseline-seed2', pr)
    const b = await gate('worker', 'baseline-seed2', pr)
    const baselineFiles = (r: ActionRun) =>
      (
        JSON.parse(readFileSync(r.outputs['report-json'], 'utf8')) as {
          files: { side: string; source: string }[]
        }
      ).files
        .filter((f) => f.side === 'baseline')
        .map((f) => f.source.split('/').slice(-2).join('/'))
    expect(baselineFiles(a)).toEqual(['api/heap.pb.gz', 'api/memstats.json'])
    expect(baselineFiles(b)).toEqual(['worker/heap.pb.gz', 'worker/memstats.json'])
    expect(a.outputs['report-json']).not.toBe(b.outputs['report-json'])
    expect(comments()).toHaveLength(2)
  })

  test('profiles at absolute paths outside the workspace are stored with the baseline', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'gomem-gate-outside-'))
    writeFileSync(join(outside, 'heap.pb.gz'), fx('baseline-seed1.pb.gz'))
    const r = await push('baseline-seed1', {
      inputs: { profiles: `${outside}/heap.pb.gz\n${OUT}/memstats.json` },
    })
    expect(errors(r)).toEqual([])
    expect(r.status).toBe(0)
    const content = gh.readArtifact(gh.artifacts.find((a) => a.name === 'gomem-gate')!)
    expect(Object.keys(content).sort()).toEqual([
      `${OUT}/memstats.json`,
      'gomem-gate-history.json',
      'gomem-gate-manifest.json',
      'outside-workspace/heap.pb.gz',
    ])
  })

  test('pull_request_target is warned about', async () => {
    await push()
    gh.mergeBase.set(`${MAIN}...${'b'.repeat(40)}`, MAIN)
    const r = await runAction({
      gh,
      node,
      eventName: 'pull_request_target',
      event: pullRequestEvent({ number: 7, headSha: 'b'.repeat(40), baseSha: MAIN, fork: true }),
      inputs: { profiles: `${OUT}/*` },
      files: files('baseline-seed2'),
      runId: 102,
    })
    expect(r.status).toBe(0)
    expect(warnings(r).some((w) => /pull_request_target.*write token.*workflow_run/.test(w))).toBe(
      true,
    )
  })
})
