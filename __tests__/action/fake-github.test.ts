// Proves the fake GitHub is faithful enough: the real @actions/artifact and @actions/github,
// run in child processes with the runner-like environment of the harness, work against it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { startFakeGitHub, type FakeGitHub } from './fake-github.js'
import {
  NODES,
  ROOT,
  TOKEN,
  inputVar,
  parseFileCommands,
  pullRequestEvent,
  pushEvent,
  runAction,
  workflowRunEvent,
  type ActionRun,
  type RunOptions,
} from './harness.js'
import { makeZip, readZip } from './zip.js'
import { parse as parseYaml } from 'yaml'

const lib = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, 'node_modules', path)).href)
const ARTIFACT = lib('@actions/artifact/lib/artifact.js')
const GITHUB = lib('@actions/github/lib/github.js')
const CORE = lib('@actions/core/lib/core.js')
const RETRY = lib('@octokit/plugin-retry/dist-bundle/index.js')

const scripts = mkdtempSync(join(tmpdir(), 'gomem-gate-fake-scripts-'))
/** Writes a child-process script; the last line of its stdout is JSON. */
function script(name: string, body: string): string {
  const path = join(scripts, `${name}.mjs`)
  writeFileSync(path, body)
  return path
}
const lastJson = (r: ActionRun): Record<string, unknown> => {
  if (r.status !== 0) throw new Error(`child failed (${r.status}):\n${r.stdout}\n${r.stderr}`)
  const lines = r.stdout.trim().split('\n')
  return JSON.parse(lines[lines.length - 1]) as Record<string, unknown>
}

const PROFILE = Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 7919) % 251))
const MEMSTATS = JSON.stringify({ HeapAlloc: 123456, HeapInuse: 200000, Sys: 9_000_000 })

const UPLOAD = script(
  'upload',
  `import { DefaultArtifactClient } from ${ARTIFACT}
import { join } from 'node:path'
const ws = process.env.GITHUB_WORKSPACE
const client = new DefaultArtifactClient()
const files = [join(ws, 'prof/heap.pb.gz'), join(ws, 'prof/sub/memstats.json')]
const up = await client.uploadArtifact('gomem-gate-candidate', files, join(ws, 'prof'), { retentionDays: 7 })
let duplicate = ''
try { await client.uploadArtifact('gomem-gate-candidate', files, join(ws, 'prof')) } catch (e) { duplicate = e.message }
const listed = await client.listArtifacts()
const got = await client.getArtifact('gomem-gate-candidate')
const dl = await client.downloadArtifact(up.id, { path: join(ws, 'dl-same-run') })
console.log(JSON.stringify({ up, listed, got, dl, duplicate }))
`,
)

const DOWNLOAD_OTHER_RUN = script(
  'download-other-run',
  `import { DefaultArtifactClient } from ${ARTIFACT}
import { join } from 'node:path'
const ws = process.env.GITHUB_WORKSPACE
const [runId, seededRun] = process.argv.slice(2).map(Number)
const findBy = { token: process.env.TEST_TOKEN, workflowRunId: runId, repositoryOwner: 'acme', repositoryName: 'svc' }
const client = new DefaultArtifactClient()
const own = await client.listArtifacts()
const other = await client.listArtifacts({ findBy })
const { artifact } = await client.getArtifact('gomem-gate-candidate', { findBy })
const dl = await client.downloadArtifact(artifact.id, { path: join(ws, 'dl-other-run'), findBy, expectedHash: artifact.digest })
const seeded = await client.getArtifact('gomem-gate-baseline', { findBy: { ...findBy, workflowRunId: seededRun } })
await client.downloadArtifact(seeded.artifact.id, { path: join(ws, 'dl-seeded'), findBy })
console.log(JSON.stringify({ own, other, artifact, dl }))
`,
)

const OCTOKIT = script(
  'octokit',
  `import { getOctokit } from ${GITHUB}
import { retry } from ${RETRY}
const octokit = getOctokit(process.env.TEST_TOKEN, { retry: { retryAfterBaseValue: 10 } }, retry)
const repo = { owner: 'acme', repo: 'svc' }
const out = {}
const attempt = async (f) => { try { const r = await f(); return { status: r.status, data: r.data } } catch (e) { return { status: e.status, data: e.response?.data } } }
for (const step of process.argv.slice(2)) {
  if (step === 'paginate') {
    out.all = (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: 7, per_page: 100 })).map((c) => c.id)
    out.byDefault = (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: 7 })).length
  }
  if (step === 'create') out.create = await attempt(() => octokit.rest.issues.createComment({ ...repo, issue_number: 9, body: 'hello' }))
  if (step === 'huge') out.huge = await attempt(() => octokit.rest.issues.createComment({ ...repo, issue_number: 9, body: 'x'.repeat(70000) }))
  if (step === 'runs') out.runs = (await octokit.rest.actions.listWorkflowRuns({ ...repo, workflow_id: 'ci.yml', branch: 'main', status: 'success', per_page: 2 })).data
}
console.log(JSON.stringify(out))
`,
)

let gh: FakeGitHub
beforeEach(async () => {
  gh = await startFakeGitHub()
})
afterEach(async () => {
  await gh.close()
})

const base = (over: Partial<RunOptions>): RunOptions => ({
  gh,
  eventName: 'push',
  event: pushEvent({ sha: 'a'.repeat(40) }),
  actionDefaults: false,
  env: { TEST_TOKEN: TOKEN },
  ...over,
})

describe.each(NODES)('@actions/artifact against the fake (%s)', (node) => {
  test('upload, list and download in the same run, then download from another run', async () => {
    const seeded = gh.addArtifact(3000, 'gomem-gate-baseline', {
      'heap.pb.gz': PROFILE,
      'nested/dir/memstats.json': MEMSTATS,
    })
    const a = lastJson(
      await runAction(
        base({
          node,
          entry: UPLOAD,
          runId: 1000,
          files: { 'prof/heap.pb.gz': PROFILE, 'prof/sub/memstats.json': MEMSTATS },
        }),
      ),
    ) as {
      up: { id: number; size: number; digest: string }
      listed: { artifacts: { id: number; name: string; size: number }[] }
      got: { artifact: { id: number } }
      dl: { downloadPath: string; digestMismatch: boolean }
      duplicate: string
    }

    // What the service now holds is the zip the library built, filed under run 1000.
    expect(gh.artifacts).toHaveLength(2)
    const stored = gh.artifacts.find((x) => x.name === 'gomem-gate-candidate')!
    expect(stored).toMatchObject({ id: a.up.id, runId: 1000, size: a.up.size, expired: false })
    expect(gh.readArtifact(stored)).toEqual({
      'heap.pb.gz': PROFILE,
      'sub/memstats.json': Buffer.from(MEMSTATS),
    })
    expect(a.duplicate).toMatch(/409.*already exists/)
    expect(a.listed.artifacts).toEqual([
      expect.objectContaining({ id: a.up.id, name: 'gomem-gate-candidate', size: a.up.size }),
    ])
    expect(a.got.artifact.id).toBe(a.up.id)
    expect(readFileSync(join(a.dl.downloadPath, 'heap.pb.gz'))).toEqual(PROFILE)
    expect(readFileSync(join(a.dl.downloadPath, 'sub/memstats.json'), 'utf8')).toBe(MEMSTATS)

    const b = await runAction(
      base({ node, entry: DOWNLOAD_OTHER_RUN, runId: 2000, args: ['1000', String(seeded.runId)] }),
    )
    const r = lastJson(b) as {
      own: { artifacts: unknown[] }
      other: { artifacts: { id: number }[] }
      artifact: { id: number; digest: string }
      dl: { digestMismatch: boolean }
    }
    expect(r.own.artifacts).toEqual([]) // run 2000's own (results service) list is empty
    expect(r.other.artifacts.map((x) => x.id)).toEqual([a.up.id])
    expect(r.artifact.digest).toBe(`sha256:${a.up.digest}`)
    expect(r.dl.digestMismatch).toBe(false)
    expect(readFileSync(join(b.workspace, 'dl-other-run/heap.pb.gz'))).toEqual(PROFILE)
    expect(readFileSync(join(b.workspace, 'dl-other-run/sub/memstats.json'), 'utf8')).toBe(MEMSTATS)
    expect(readFileSync(join(b.workspace, 'dl-seeded/nested/dir/memstats.json'), 'utf8')).toBe(
      MEMSTATS,
    )

    // The protocol as the library spoke it.
    const calls = gh.requests.map((q) => `${q.method} ${q.path.split('?')[0]} ${q.status}`)
    const twirp = '/twirp/github.actions.results.api.v1.ArtifactService'
    expect(calls).toEqual(
      expect.arrayContaining([
        `POST ${twirp}/CreateArtifact 200`,
        `POST ${twirp}/CreateArtifact 409`,
        `POST ${twirp}/FinalizeArtifact 200`,
        `POST ${twirp}/ListArtifacts 200`,
        `POST ${twirp}/GetSignedArtifactURL 200`,
        `GET /repos/acme/svc/actions/runs/1000/artifacts 200`,
        `GET /repos/acme/svc/actions/artifacts/${a.up.id}/zip 302`,
        `GET /blob/${a.up.id} 200`,
      ]),
    )
    expect(gh.requests.some((q) => /comp=block&/.test(q.path) && q.status === 201)).toBe(true)
    expect(gh.requests.some((q) => /comp=blocklist/.test(q.path) && q.status === 201)).toBe(true)
  })
})

describe('REST API through @actions/github', () => {
  test('paginates 250 comments by Link header', async () => {
    for (let i = 0; i < 250; i++)
      gh.addComment(7, `comment ${i}`, { login: i % 2 ? 'octocat' : undefined })
    const r = lastJson(await runAction(base({ entry: OCTOKIT, args: ['paginate'] }))) as {
      all: number[]
      byDefault: number
    }
    const ids = gh.comments.get(7)!.map((c) => c.id)
    expect(r.all).toEqual(ids)
    expect(new Set(r.all).size).toBe(250)
    expect(r.byDefault).toBe(250)
    const pages = gh.requests.filter((q) => q.path.includes('/issues/7/comments'))
    expect(pages).toHaveLength(3 + 9) // 100 per page, then the default 30 per page
    // Pages after the first follow the Link header, which names /repositories/{id}/ as GitHub does.
    expect(pages.filter((q) => q.path.startsWith(`/repositories/${gh.repoId}/`))).toHaveLength(
      2 + 8,
    )
  })

  test('comments: 201 as the bot, 422 for a 70,000-character body, 403 for a read-only token', async () => {
    let r = lastJson(await runAction(base({ entry: OCTOKIT, args: ['create', 'huge'] }))) as {
      create: { status: number; data: { id: number; user: { login: string; type: string } } }
      huge: { status: number; data: { message: string; errors: { message: string }[] } }
    }
    expect(r.create.status).toBe(201)
    expect(r.create.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' })
    expect(gh.comments.get(9)).toEqual([expect.objectContaining({ body: 'hello' })])
    expect(r.huge.status).toBe(422)
    expect(r.huge.data.message).toBe('Validation Failed')
    expect(r.huge.data.errors[0].message).toBe('body is too long (maximum is 65536 characters)')

    gh.forbidCommentWrites = true
    r = lastJson(await runAction(base({ entry: OCTOKIT, args: ['create'] }))) as typeof r
    expect(r.create.status).toBe(403)
    expect(r.create.data).toMatchObject({ message: 'Resource not accessible by integration' })
    expect(gh.comments.get(9)).toHaveLength(1)
  })

  test('failNext(500) fails once, and the retry plugin then succeeds', async () => {
    gh.failNext('POST', '/repos/acme/svc/issues/9/comments', 500)
    const r = lastJson(await runAction(base({ entry: OCTOKIT, args: ['create'] }))) as {
      create: { status: number }
    }
    expect(r.create.status).toBe(201)
    expect(gh.requests.map((q) => q.status)).toEqual([500, 201])
  })

  test('workflow runs: filtered by file, branch and conclusion, newest first', async () => {
    gh.addRun({ id: 11 })
    gh.addRun({ id: 12, conclusion: 'failure' })
    gh.addRun({ id: 13, head_branch: 'feature' })
    gh.addRun({ id: 14, path: '.github/workflows/other.yml', workflow_id: 7 })
    gh.addRun({ id: 15 })
    gh.addRun({ id: 16 })
    const r = lastJson(await runAction(base({ entry: OCTOKIT, args: ['runs'] }))) as {
      runs: { total_count: number; workflow_runs: { id: number; conclusion: string }[] }
    }
    expect(r.runs.total_count).toBe(3)
    expect(r.runs.workflow_runs.map((x) => x.id)).toEqual([16, 15])
  })
})

describe('REST API over plain fetch', () => {
  const call = async (method: string, path: string, body?: unknown, auth = true) => {
    const res = await fetch(gh.url + path, {
      method,
      redirect: 'manual',
      headers: {
        ...(auth ? { authorization: `token ${TOKEN}` } : {}),
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null }
  }

  test('comments: 422 over 65,536 characters, 403 when forbidden, PATCH, 404, failNext', async () => {
    const ok = await call('POST', '/repos/acme/svc/issues/3/comments', { body: 'x'.repeat(65536) })
    expect(ok.status).toBe(201)
    const tooLong = await call('POST', '/repos/acme/svc/issues/3/comments', {
      body: 'x'.repeat(70000),
    })
    expect(tooLong.status).toBe(422)
    expect(tooLong.json.errors).toEqual([
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)',
      },
    ])
    const id = ok.json.id as number
    const patched = await call('PATCH', `/repos/acme/svc/issues/comments/${id}`, { body: 'v2' })
    expect(patched.status).toBe(200)
    expect(patched.json).toMatchObject({ id, body: 'v2' })
    expect((await call('PATCH', '/repos/acme/svc/issues/comments/1', { body: 'v' })).status).toBe(
      404,
    )
    expect(
      (await call('PATCH', `/repos/acme/svc/issues/comments/${id}`, { body: 'y'.repeat(70000) }))
        .status,
    ).toBe(422)

    gh.forbidCommentWrites = true
    const denied = await call('PATCH', `/repos/acme/svc/issues/comments/${id}`, { body: 'v3' })
    expect(denied.status).toBe(403)
    expect(denied.json.message).toBe('Resource not accessible by integration')
    expect(gh.comments.get(3)![0].body).toBe('v2')
    gh.forbidCommentWrites = false

    gh.failNext('GET', '/repos/acme/svc/issues/3/comments', 503, 2)
    expect((await call('GET', '/repos/acme/svc/issues/3/comments')).status).toBe(503)
    expect((await call('GET', '/repos/acme/svc/issues/3/comments')).status).toBe(503)
    expect((await call('GET', '/repos/acme/svc/issues/3/comments')).status).toBe(200)

    gh.failNext('*', '/repos/acme/svc/', 403)
    const limited = await call('GET', '/repos/acme/svc/issues/3/comments')
    expect(limited.status).toBe(403)
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000)
    expect(limited.json.message).toMatch(/rate limit/)

    expect((await call('GET', '/repos/acme/svc/issues/3/comments', undefined, false)).status).toBe(
      401,
    )
    expect((await call('GET', '/repos/acme/other/issues/3/comments')).status).toBe(404)
    expect((await call('GET', '/user')).status).toBe(403)
    expect((await call('GET', '/nope')).json.message).toBe('Not Found')
    expect(gh.requests.at(-1)).toEqual({ method: 'GET', path: '/nope', status: 404 })
  })

  test('runs, compare, artifacts and the zip redirect', async () => {
    gh.addRun({ id: 77, head_sha: 'b'.repeat(40) })
    gh.mergeBase.set('main...feature', 'c'.repeat(40))
    const a = gh.addArtifact(77, 'gomem-gate-baseline', { 'a.txt': 'hello' })
    const old = gh.addArtifact(77, 'old', { 'a.txt': 'old' })
    old.expired = true

    expect((await call('GET', '/repos/acme/svc/actions/runs/77')).json).toMatchObject({
      id: 77,
      head_sha: 'b'.repeat(40),
      conclusion: 'success',
    })
    expect((await call('GET', '/repos/acme/svc/actions/runs/78')).status).toBe(404)
    const cmp = await call('GET', '/repos/acme/svc/compare/main...feature')
    expect(cmp.json.merge_base_commit.sha).toBe('c'.repeat(40))
    expect((await call('GET', '/repos/acme/svc/compare/main...other')).status).toBe(404)

    const list = await call(
      'GET',
      '/repos/acme/svc/actions/runs/77/artifacts?name=gomem-gate-baseline',
    )
    expect(list.json.total_count).toBe(1)
    expect(list.json.artifacts[0]).toMatchObject({
      id: a.id,
      name: 'gomem-gate-baseline',
      size_in_bytes: a.zip.length,
      expired: false,
      workflow_run: { id: 77, head_sha: 'b'.repeat(40) },
    })
    const zip = await call('GET', `/repos/acme/svc/actions/artifacts/${a.id}/zip`)
    expect(zip.status).toBe(302)
    const blob = await fetch(zip.headers.get('location')!)
    expect(blob.headers.get('content-type')).toBe('application/zip')
    expect(readZip(Buffer.from(await blob.arrayBuffer()))).toEqual({
      'a.txt': Buffer.from('hello'),
    })
    expect((await call('GET', `/repos/acme/svc/actions/artifacts/${old.id}/zip`)).status).toBe(410)
  })
})

describe('harness', () => {
  const ACTION = script(
    'action',
    `import * as core from ${CORE}
import { context, getOctokit } from ${GITHUB}
const octokit = getOctokit(core.getInput('github-token'))
const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...context.repo, run_id: context.runId })
const { data: pr } = await octokit.rest.pulls.get({ ...context.repo, pull_number: 42 })
const user = await octokit.request('GET /user').then((r) => r.status, (e) => e.status)
core.setOutput('api', JSON.stringify({ run: [run.status, run.conclusion, run.head_sha, run.event], pr: [pr.head.repo.full_name, pr.head.sha, pr.base.ref], user }))
core.setOutput('verdict', 'regression')
core.setOutput('report', 'line 1\\nline 2')
core.setOutput('inputs', JSON.stringify({ profiles: core.getInput('profiles'), fail: core.getInput('fail-on-regression') }))
core.setOutput('context', JSON.stringify({ event: context.eventName, pr: context.payload.pull_request?.number, repo: context.repo, runId: context.runId, sha: context.sha, ref: context.ref, api: context.apiUrl }))
core.setOutput('env', JSON.stringify(Object.keys(process.env).sort()))
await core.summary.addHeading('Memory').addRaw('all good').write()
core.warning('heads up', { file: 'main.go', startLine: 3 })
core.setFailed('a regression')
`,
  )

  test('gives the action the runner environment and reads its outputs back', async () => {
    const r = await runAction({
      gh,
      eventName: 'pull_request',
      event: pullRequestEvent({
        number: 42,
        headSha: 'd'.repeat(40),
        baseSha: 'e'.repeat(40),
        fork: true,
      }),
      inputs: { profiles: 'prof/*.pb.gz', 'fail-on-regression': 'true', 'github-token': TOKEN },
      entry: ACTION,
      runId: 555,
      env: { GITHUB_JOB: 'gate' },
      actionDefaults: false,
    })
    expect(r.status).toBe(1)
    expect(r.outputs.verdict).toBe('regression')
    expect(r.outputs.report).toBe('line 1\nline 2')
    expect(JSON.parse(r.outputs.inputs)).toEqual({ profiles: 'prof/*.pb.gz', fail: 'true' })
    expect(JSON.parse(r.outputs.context)).toEqual({
      event: 'pull_request',
      pr: 42,
      repo: { owner: 'acme', repo: 'svc' },
      runId: 555,
      sha: expect.stringMatching(/^[0-9a-f]{40}$/),
      ref: 'refs/pull/42/merge',
      api: gh.url,
    })
    const env = JSON.parse(r.outputs.env) as string[]
    expect(env).toContain('ACTIONS_RUNTIME_TOKEN')
    expect(env).toContain('INPUT_FAIL-ON-REGRESSION')
    expect(env.filter((k) => /JEST|NODE_OPTIONS|npm_/.test(k))).toEqual([])
    expect(r.env.GITHUB_JOB).toBe('gate')
    expect(r.env.GITHUB_HEAD_REF).toBe('feature')
    expect(r.summary).toContain('<h1>Memory</h1>')
    // While it ran, the run was in progress; the PR of the event was known; GET /user refused.
    expect(JSON.parse(r.outputs.api)).toEqual({
      run: ['in_progress', null, 'd'.repeat(40), 'pull_request'],
      pr: ['contributor/svc', 'd'.repeat(40), 'main'],
      user: 403,
    })
    expect(gh.runs).toEqual([
      expect.objectContaining({ id: 555, status: 'completed', conclusion: 'failure' }),
    ])
    expect(r.annotations).toEqual([
      { level: 'warning', message: 'heads up', properties: { file: 'main.go', line: '3' } },
      { level: 'error', message: 'a regression', properties: {} },
    ])
  })

  test("fills inputs from action.yml's defaults, evaluating ${{ }} like the runner", async () => {
    const spec = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: unknown }>
    }
    const r = await runAction({
      gh,
      eventName: 'push',
      event: pushEvent({ sha: 'f'.repeat(40) }),
      inputs: { profiles: 'given' },
      entry: script('noop', ''),
      register: false,
    })
    expect(r.status).toBe(0)
    expect(r.env.INPUT_PROFILES).toBe('given')
    for (const [name, { default: d }] of Object.entries(spec.inputs)) {
      if (d === undefined || name === 'profiles') continue
      const value = r.env[inputVar(name)]
      if (String(d) === '${{ github.token }}') expect(value).toBe(TOKEN)
      else if (String(d).includes('${{')) expect(value).not.toContain('${{')
      else expect(value).toBe(String(d))
    }
    expect(gh.runs).toEqual([])
  })

  test('payload helpers have the webhook shape', () => {
    const fork = pullRequestEvent({ number: 1, headSha: '1', baseSha: '2', fork: true })
    expect(fork.pull_request.head.repo.full_name).toBe('contributor/svc')
    expect(fork.pull_request.head.repo.fork).toBe(true)
    expect(fork.pull_request.base.repo.full_name).toBe('acme/svc')
    const wr = workflowRunEvent({ runId: 9, headSha: '3', prNumber: 5 })
    expect(wr.workflow_run.pull_requests[0].number).toBe(5)
    expect(
      workflowRunEvent({ runId: 9, headSha: '3', prNumber: 5, fork: true }).workflow_run
        .pull_requests,
    ).toEqual([])
  })

  test('file-command parsing and zip round trip', () => {
    expect(parseFileCommands('a<<EOF\nx\ny\nEOF\nb=1\n')).toEqual({ a: 'x\ny', b: '1' })
    const files = { 'a/b.txt': 'hi', 'c.bin': Buffer.alloc(1000, 7) }
    expect(readZip(makeZip(files))).toEqual({
      'a/b.txt': Buffer.from('hi'),
      'c.bin': files['c.bin'],
    })
  })
})
