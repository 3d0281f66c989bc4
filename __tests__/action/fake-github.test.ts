// Proves the fake GitHub is faithful enough: the real @actions/artifact and @actions/github,
// run in child processes with the runner-like environment of the harness, work against it.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  LEGACY_TOKEN,
  startFakeGitHub,
  workflowIdOf,
  type FakeGitHub,
  type Permissions,
} from './fake-github.js'
import {
  NODES,
  RESTRICTED_DEFAULT,
  ROOT,
  TOKEN,
  evaluateTemplate,
  inputVar,
  parseFileCommands,
  prepareRun,
  pullRequestEvent,
  pushEvent,
  runAction,
  workflowRunEvent,
  type ActionRun,
  type RunOptions,
} from './harness.js'
import { readWorkflowStep } from './workflow-file.js'
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

/** A request with any token (or none). */
async function callAs(
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies, checked by the tests
): Promise<{ status: number; headers: Headers; json: Record<string, any> | null }> {
  const res = await fetch(gh.url + path, {
    method,
    redirect: 'manual',
    headers: {
      ...(token ? { authorization: `token ${token}` } : {}),
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null }
}

const R = '/repos/acme/svc'

describe('tokens and permissions', () => {
  test('an unknown token is 401 Bad credentials; the legacy TOKEN can do everything', async () => {
    expect(TOKEN).toBe(LEGACY_TOKEN)
    for (const path of [`${R}/issues/1/comments`, '/user', '/nope']) {
      const r = await callAs('ghs_nobodyKnowsThisToken', 'GET', path)
      expect(r.status).toBe(401)
      expect(r.json).toMatchObject({ message: 'Bad credentials' })
    }
    expect(gh.tokens.get(TOKEN)).toMatchObject({
      kind: 'installation',
      login: 'github-actions[bot]',
    })
    expect(Object.values(gh.tokens.get(TOKEN)!.permissions)).not.toContain('none')
  })

  test('each route demands its scope: 403 with x-accepted-github-permissions', async () => {
    gh.addRun({ id: 77 })
    const a = gh.addArtifact(77, 'gomem-gate', { 'a.txt': 'x' })
    gh.addPull({ number: 7, headSha: 'd'.repeat(40), baseSha: 'e'.repeat(40) })
    gh.mergeBase.set('main...feature', 'c'.repeat(40))
    gh.addComment(7, 'hello')
    const id = gh.comments.get(7)![0].id
    gh.addToken('ghs_contents', { kind: 'installation', permissions: { contents: 'read' } })
    const cases: [string, string, string, unknown?][] = [
      ['GET', `${R}/issues/7/comments`, 'issues=read; pull_requests=read'],
      ['GET', `${R}/issues/comments/${id}`, 'issues=read; pull_requests=read'],
      ['POST', `${R}/issues/7/comments`, 'issues=write; pull_requests=write', { body: 'b' }],
      ['PATCH', `${R}/issues/comments/${id}`, 'issues=write; pull_requests=write', { body: 'b' }],
      ['DELETE', `${R}/issues/comments/${id}`, 'issues=write; pull_requests=write'],
      ['GET', `${R}/pulls/7`, 'pull_requests=read'],
      ['GET', `${R}/actions/runs/77`, 'actions=read'],
      ['GET', `${R}/actions/workflows/ci.yml/runs?branch=main`, 'actions=read'],
      ['GET', `${R}/actions/runs?branch=main`, 'actions=read'],
      ['GET', `${R}/actions/runs/77/artifacts`, 'actions=read'],
      ['GET', `${R}/actions/artifacts/${a.id}/zip`, 'actions=read'],
    ]
    for (const [method, path, accepted, body] of cases) {
      const r = await callAs('ghs_contents', method, path, body)
      expect([method, path, r.status]).toEqual([method, path, 403])
      expect(r.headers.get('x-accepted-github-permissions')).toBe(accepted)
      expect(r.json).toMatchObject({
        message: 'Resource not accessible by integration',
        documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\/rest\/.+#.+/),
        status: '403',
      })
    }
    expect(gh.comments.get(7)!.map((c) => c.body)).toEqual(['hello'])
    // contents: read is enough for compare, and metadata is always there.
    const cmp = await callAs('ghs_contents', 'GET', `${R}/compare/main...feature`)
    expect(cmp.status).toBe(200)
    expect(cmp.headers.get('x-accepted-github-permissions')).toBe('contents=read')
    expect((await callAs('ghs_contents', 'GET', R)).json).toMatchObject({ full_name: 'acme/svc' })

    // Reading does not imply writing; pull_requests (REST spelling) is accepted.
    gh.addToken('ghs_read', {
      kind: 'installation',
      permissions: { issues: 'read', pull_requests: 'read', actions: 'read' },
    })
    expect(gh.tokens.get('ghs_read')!.permissions['pull-requests']).toBe('read')
    expect((await callAs('ghs_read', 'GET', `${R}/issues/7/comments`)).status).toBe(200)
    expect((await callAs('ghs_read', 'GET', `${R}/pulls/7`)).status).toBe(200)
    expect((await callAs('ghs_read', 'GET', `${R}/actions/runs/77/artifacts`)).status).toBe(200)
    expect((await callAs('ghs_read', 'GET', `${R}/actions/artifacts/${a.id}/zip`)).status).toBe(302)
    expect((await callAs('ghs_read', 'GET', `${R}/compare/main...feature`)).status).toBe(403)
    const post = await callAs('ghs_read', 'POST', `${R}/issues/7/comments`, { body: 'b' })
    expect(post.status).toBe(403)
    expect((await callAs('ghs_read', 'DELETE', `${R}/actions/artifacts/${a.id}`)).status).toBe(403)
    expect(gh.artifacts).toHaveLength(1)

    // Either of issues / pull-requests write can comment.
    gh.addToken('ghs_pr', { kind: 'installation', permissions: { 'pull-requests': 'write' } })
    expect((await callAs('ghs_pr', 'POST', `${R}/issues/7/comments`, { body: 'b' })).status).toBe(
      201,
    )
    expect(() =>
      gh.addToken('x', { kind: 'app', permissions: { issuez: 'read' } as Permissions }),
    ).toThrow(/unknown permission issuez/)
  })

  test('a fine-grained personal token is refused "by personal access token"', async () => {
    gh.addToken('github_pat_1', { kind: 'user', permissions: { issues: 'read' } })
    const r = await callAs('github_pat_1', 'POST', `${R}/issues/3/comments`, { body: 'b' })
    expect(r.status).toBe(403)
    expect(r.json?.message).toBe('Resource not accessible by personal access token')
  })
})

describe('who a token is', () => {
  test('GET /user: 200 for a personal token, 403 for installation and App tokens', async () => {
    gh.addToken('ghp_user', { kind: 'user' })
    gh.addToken('ghs_app', { kind: 'app' })
    const user = await callAs('ghp_user', 'GET', '/user')
    expect(user.status).toBe(200)
    expect(user.json).toMatchObject({ login: 'octocat', type: 'User' })
    for (const t of [TOKEN, 'ghs_app']) {
      const r = await callAs(t, 'GET', '/user')
      expect(r.status).toBe(403)
      expect(r.json).toMatchObject({
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
      })
    }
    expect((await callAs(undefined, 'GET', '/user')).status).toBe(401)
  })

  test('comments are written as the token: the Actions bot, an App bot, a user', async () => {
    gh.addToken('ghs_app', { kind: 'app', permissions: { issues: 'write' } })
    gh.addToken('ghs_slug', { kind: 'app', login: 'memory-bot[bot]' })
    gh.addToken('ghp_user', { kind: 'user', login: 'alice' })
    const post = (t: string) => callAs(t, 'POST', `${R}/issues/4/comments`, { body: t })
    const bot = (await post(TOKEN)).json!
    const app = (await post('ghs_app')).json!
    const slug = (await post('ghs_slug')).json!
    const user = (await post('ghp_user')).json!
    expect(bot.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot', id: 41898282 })
    expect(bot.performed_via_github_app).toMatchObject({ slug: 'github-actions', id: 15368 })
    expect(app.user).toMatchObject({ login: 'gomem-gate-app[bot]', type: 'Bot' })
    expect(app.performed_via_github_app).toMatchObject({ slug: 'gomem-gate-app' })
    expect(slug.user.login).toBe('memory-bot[bot]')
    expect(slug.performed_via_github_app.slug).toBe('memory-bot')
    expect(user.user).toMatchObject({ login: 'alice', type: 'User' })
    expect(user.performed_via_github_app).toBeNull()
    // The same, read back.
    const listed = (await callAs(TOKEN, 'GET', `${R}/issues/4/comments`)).json as unknown as {
      user: { login: string; type: string }
    }[]
    expect(listed.map((c) => `${c.user.login}:${c.user.type}`)).toEqual([
      'github-actions[bot]:Bot',
      'gomem-gate-app[bot]:Bot',
      'memory-bot[bot]:Bot',
      'alice:User',
    ])
    const posts = gh.requestsTo('POST', `${R}/issues/4/comments`)
    expect(posts.map((q) => gh.tokenOf(q)?.kind)).toEqual(['installation', 'app', 'app', 'user'])
    expect(gh.tokenOf(posts[1])?.token).toBe('ghs_app')
    expect(gh.comments.get(4)!.map((c) => c.user.login)).toEqual([
      'github-actions[bot]',
      'gomem-gate-app[bot]',
      'memory-bot[bot]',
      'alice',
    ])
  })

  test('DELETE /issues/comments/{id}: 204, then 404; needs write', async () => {
    const c = gh.addComment(5, 'old')
    gh.addToken('ghs_ro', { kind: 'installation', permissions: { issues: 'read' } })
    expect((await callAs('ghs_ro', 'DELETE', `${R}/issues/comments/${c.id}`)).status).toBe(403)
    gh.forbidCommentWrites = true
    expect((await callAs(TOKEN, 'DELETE', `${R}/issues/comments/${c.id}`)).status).toBe(403)
    gh.forbidCommentWrites = false
    expect((await callAs(TOKEN, 'DELETE', `${R}/issues/comments/${c.id}`)).status).toBe(204)
    expect(gh.comments.get(5)).toEqual([])
    expect((await callAs(TOKEN, 'DELETE', `${R}/issues/comments/${c.id}`)).status).toBe(404)
  })
})

describe('workflows and re-runs', () => {
  test('several workflow files: stable ids, runs filtered by file or id, run JSON', async () => {
    expect(gh.workflowId('ci.yml')).toBe(4242)
    expect(gh.workflowId('.github/workflows/ci.yml')).toBe(4242)
    const comment = gh.workflowId('.github/workflows/gomem-gate-comment.yml')
    expect(comment).toBe(gh.workflowId('gomem-gate-comment.yml'))
    expect(comment).toBe(workflowIdOf('gomem-gate-comment.yml'))
    expect(comment).not.toBe(4242)
    gh.addRun({ id: 1 })
    gh.addRun({ id: 2, path: 'gomem-gate-comment.yml', event: 'workflow_run', name: 'Comment' })
    gh.addRun({ id: 3, path: '.github/workflows/gomem-gate-comment.yml', event: 'workflow_run' })
    const ids = async (w: string) =>
      (
        (await callAs(TOKEN, 'GET', `${R}/actions/workflows/${w}/runs`)).json!.workflow_runs as {
          id: number
        }[]
      ).map((r) => r.id)
    expect(await ids('ci.yml')).toEqual([1])
    expect(await ids('4242')).toEqual([1])
    expect(await ids('gomem-gate-comment.yml')).toEqual([3, 2])
    expect(await ids(String(comment))).toEqual([3, 2])
    expect((await callAs(TOKEN, 'GET', `${R}/actions/workflows/nope.yml/runs`)).status).toBe(404)
    expect((await callAs(TOKEN, 'GET', `${R}/actions/workflows/999/runs`)).status).toBe(404)
    expect((await callAs(TOKEN, 'GET', `${R}/actions/runs/2`)).json).toMatchObject({
      workflow_id: comment,
      path: '.github/workflows/gomem-gate-comment.yml',
      name: 'Comment',
      run_attempt: 1,
      previous_attempt_url: null,
    })
    expect((await callAs(TOKEN, 'GET', `${R}/actions/workflows/${comment}`)).json).toMatchObject({
      id: comment,
      path: '.github/workflows/gomem-gate-comment.yml',
    })

    // workflowRunEvent describes a run of that file the way the fake does.
    const ev = workflowRunEvent({
      runId: 2,
      headSha: 'a'.repeat(40),
      workflowPath: 'gomem-gate-comment.yml',
      workflowName: 'Comment',
      runAttempt: 2,
    })
    expect(ev.workflow_run).toMatchObject({
      workflow_id: comment,
      path: '.github/workflows/gomem-gate-comment.yml',
      name: 'Comment',
      run_attempt: 2,
      previous_attempt_url: expect.stringMatching(/\/actions\/runs\/2\/attempts\/1$/),
    })
    expect(ev.workflow).toMatchObject({ id: comment, name: 'Comment' })
    expect(workflowRunEvent({ runId: 1, headSha: 'b' }).workflow_run.workflow_id).toBe(4242)
  })

  test('rerun: same id, attempt + 1, in progress; artifacts stay; status=success uses the latest attempt', async () => {
    gh.addRun({ id: 50 })
    gh.addArtifact(50, 'gomem-gate', { 'a.txt': 'first attempt' })
    const run = gh.rerun(50)
    expect(run).toMatchObject({ id: 50, run_attempt: 2, status: 'in_progress', conclusion: null })
    expect((await callAs(TOKEN, 'GET', `${R}/actions/runs/50`)).json).toMatchObject({
      run_attempt: 2,
      status: 'in_progress',
      conclusion: null,
      previous_attempt_url: `${gh.url}${R}/actions/runs/50/attempts/1`,
    })
    expect((await callAs(TOKEN, 'GET', `${R}/actions/runs/50/attempts/1`)).json).toMatchObject({
      run_attempt: 1,
      status: 'completed',
      conclusion: 'success',
      previous_attempt_url: null,
    })
    expect((await callAs(TOKEN, 'GET', `${R}/actions/runs/50/attempts/3`)).status).toBe(404)
    const success = `${R}/actions/workflows/ci.yml/runs?status=success`
    expect((await callAs(TOKEN, 'GET', success)).json!.total_count).toBe(0)
    const arts = await callAs(TOKEN, 'GET', `${R}/actions/runs/50/artifacts`)
    expect(arts.json!.artifacts.map((x: { name: string }) => x.name)).toEqual(['gomem-gate'])
    run.status = 'completed'
    run.conclusion = 'failure'
    expect((await callAs(TOKEN, 'GET', success)).json!.total_count).toBe(0)
    // POST …/rerun does the same, with actions: write.
    gh.addToken('ghs_ro', { kind: 'installation', permissions: { actions: 'read' } })
    expect((await callAs('ghs_ro', 'POST', `${R}/actions/runs/50/rerun`)).status).toBe(403)
    expect((await callAs(TOKEN, 'POST', `${R}/actions/runs/50/rerun`)).status).toBe(201)
    expect(gh.runs[0]).toMatchObject({ run_attempt: 3, status: 'in_progress' })
    expect(() => gh.rerun(51)).toThrow(/no run 51/)
  })

  const ATTEMPT = script(
    'attempt',
    `import { DefaultArtifactClient } from ${ARTIFACT}
import { writeFileSync } from 'node:fs'
const api = process.env.GITHUB_API_URL + '/repos/acme/svc/actions/runs/' + process.env.GITHUB_RUN_ID
const run = await (await fetch(api, { headers: { authorization: 'token ' + process.env.TEST_TOKEN } })).json()
writeFileSync('f.txt', 'second attempt')
let upload = 'ok'
try { await new DefaultArtifactClient().uploadArtifact('gomem-gate', ['f.txt'], '.') } catch (e) { upload = e.message }
console.log(JSON.stringify({ attempt: process.env.GITHUB_RUN_ATTEMPT, run: [run.status, run.conclusion, run.run_attempt], upload }))
`,
  )

  test('harness attempt: the run is re-run, in progress while it runs, completed after; an existing artifact name is 409', async () => {
    gh.addRun({ id: 60, conclusion: 'failure' })
    gh.addArtifact(60, 'gomem-gate', { 'f.txt': 'first attempt' })
    const r = lastJson(await runAction(base({ entry: ATTEMPT, runId: 60, attempt: 2 })))
    expect(r).toMatchObject({ attempt: '2', run: ['in_progress', null, 2] })
    expect(r.upload).toMatch(/409|already exists/)
    expect(gh.runs).toEqual([
      expect.objectContaining({
        id: 60,
        run_attempt: 2,
        status: 'completed',
        conclusion: 'success',
      }),
    ])
    expect(gh.artifacts).toHaveLength(1)
    // A new run at attempt 3 (its earlier attempts unseen) is created so.
    const n = lastJson(await runAction(base({ entry: ATTEMPT, runId: 61, attempt: 3 })))
    expect(n).toMatchObject({ attempt: '3', run: ['in_progress', null, 3], upload: 'ok' })
  })
})

const THROTTLING = lib('@octokit/plugin-throttling/dist-bundle/index.js')
const THROTTLED = script(
  'throttled',
  `import { getOctokit } from ${GITHUB}
import { throttling } from ${THROTTLING}
const seen = []
const octokit = getOctokit(process.env.TEST_TOKEN, {
  throttle: {
    onRateLimit: (after) => { seen.push('primary ' + after); return false },
    onSecondaryRateLimit: (after) => { seen.push('secondary ' + after); return false },
  },
}, throttling)
for (const n of [1, 2]) {
  try { await octokit.rest.issues.listComments({ owner: 'acme', repo: 'svc', issue_number: n }) } catch (e) { seen.push(e.status) }
}
console.log(JSON.stringify(seen))
`,
)

describe('secondary rate limits', () => {
  test('@octokit/plugin-throttling tells the secondary limit from the primary one', async () => {
    gh.failNext('GET', `${R}/issues/1/`, 403, 1, { secondary: true, retryAfterSeconds: 5 })
    gh.failNext('GET', `${R}/issues/2/`, 403, 1, { resetInSeconds: 30 })
    const seen = lastJson(await runAction(base({ entry: THROTTLED }))) as unknown as unknown[]
    expect(seen[0]).toBe('secondary 5')
    expect(seen[1]).toBe(403)
    expect(String(seen[2])).toMatch(/^primary (29|30|31)$/)
    expect(seen[3]).toBe(403)
  })

  test('403 with retry-after and a rate limit that is not spent; primary stays at 0', async () => {
    gh.failNext('GET', `${R}/issues/`, 403, 1, { secondary: true, retryAfterSeconds: 7 })
    const r = await callAs(TOKEN, 'GET', `${R}/issues/1/comments`)
    expect(r.status).toBe(403)
    expect(r.headers.get('retry-after')).toBe('7')
    expect(Number(r.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0)
    expect(r.json!.message).toMatch(/^You have exceeded a secondary rate limit/)
    expect(r.json!.documentation_url).toMatch(/#about-secondary-rate-limits$/)

    gh.failNext('POST', `${R}/issues/`, 403, 1, { secondary: true, retryAfterSeconds: null })
    const noHeader = await callAs(TOKEN, 'POST', `${R}/issues/1/comments`, { body: 'x' })
    expect(noHeader.status).toBe(403)
    expect(noHeader.headers.get('retry-after')).toBeNull()

    gh.failNext('GET', `${R}/issues/`, 403)
    const primary = await callAs(TOKEN, 'GET', `${R}/issues/1/comments`)
    expect(primary.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(primary.json!.message).toMatch(/^API rate limit exceeded/)
    expect((await callAs(TOKEN, 'GET', `${R}/issues/1/comments`)).status).toBe(200)
  })
})

// ------------------------------------------------------------------ workflow files

const wfDir = mkdtempSync(join(tmpdir(), 'gomem-gate-workflows-'))
function workflow(name: string, yaml: string): string {
  const path = join(wfDir, '.github/workflows', name)
  mkdirSync(join(wfDir, '.github/workflows'), { recursive: true })
  writeFileSync(path, yaml)
  return path
}

const CI = workflow(
  'ci.yml',
  `name: CI
on:
  push:
    branches: [main]
  pull_request:
permissions: read-all
concurrency:
  group: mem-\${{ github.ref }}
  cancel-in-progress: true
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
  memory:
    if: github.event_name != 'schedule'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      actions: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v5
      - name: Gate
        uses: acme/gomem-gate@v1
        if: always()
        with:
          profiles: |
            prof/*.pb.gz
          fail-on-regression: false
          top: 5
          github-token: \${{ secrets.GITHUB_TOKEN }}
          artifact-name: \${{ github.event.pull_request.number && 'pr' || 'gomem-gate' }}
`,
)

const COMMENT = workflow(
  'gomem-gate-comment.yml',
  `name: Memory comment
on:
  workflow_run:
    workflows: [CI]
    types: [completed]
permissions:
  actions: read
  pull-requests: write
jobs:
  comment:
    runs-on: ubuntu-latest
    steps:
      - uses: ./
        with:
          mode: comment
          artifact-name: \${{ github.event.workflow_run.name }}
          github-token: \${{ secrets.APP_TOKEN || github.token }}
`,
)

const NO_PERMISSIONS = workflow(
  'plain.yml',
  `on: [pull_request]
jobs:
  gate:
    steps:
      - uses: acme/gomem-gate@v1
        with:
          profile: typo.pb.gz
`,
)

describe('readWorkflowStep', () => {
  test("finds the job's gomem-gate step, its with: as strings and its permissions", () => {
    const step = readWorkflowStep(CI, { job: 'memory' })
    expect(step).toMatchObject({
      workflowName: 'CI',
      on: { push: { branches: ['main'] }, pull_request: null },
      jobId: 'memory',
      permissions: { contents: 'read', actions: 'read', 'pull-requests': 'write' },
      with: {
        profiles: 'prof/*.pb.gz\n',
        'fail-on-regression': 'false',
        top: '5',
        'github-token': '${{ secrets.GITHUB_TOKEN }}',
      },
      if: "(github.event_name != 'schedule') && (always())",
      jobIf: "github.event_name != 'schedule'",
      stepIf: 'always()',
      concurrency: { group: 'mem-${{ github.ref }}', 'cancel-in-progress': true },
    })
    expect(step.step.name).toBe('Gate')
  })

  test('first job by default, another step by uses:, read-all expanded, ./ matches', () => {
    expect(() => readWorkflowStep(CI)).toThrow(/job build has no step whose uses: matches/)
    const checkout = readWorkflowStep(CI, { uses: /^actions\/checkout@/ })
    expect(checkout.jobId).toBe('build')
    expect(checkout.permissions).toMatchObject({
      actions: 'read',
      contents: 'read',
      issues: 'read',
      'pull-requests': 'read',
      'id-token': 'none',
    })
    expect(checkout.if).toBeUndefined()
    expect(readWorkflowStep(COMMENT)).toMatchObject({
      workflowName: 'Memory comment',
      jobId: 'comment',
      permissions: { actions: 'read', 'pull-requests': 'write' },
      with: { mode: 'comment' },
    })
    const plain = readWorkflowStep(NO_PERMISSIONS)
    expect(plain.permissions).toBeUndefined()
    expect(plain.workflowName).toBe('.github/workflows/plain.yml')
    expect(() => readWorkflowStep(CI, { job: 'nope' })).toThrow(/no job nope/)
  })
})

describe('harness: workflow files and tokens', () => {
  const PROBE = script(
    'probe',
    `import * as core from ${CORE}
import { context, getOctokit } from ${GITHUB}
const octokit = getOctokit(core.getInput('github-token'))
const status = (p) => p.then((r) => r.status, (e) => e.status)
const repo = context.repo
const out = {
  inputs: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('INPUT_'))),
  workflow: process.env.GITHUB_WORKFLOW, job: process.env.GITHUB_JOB, ref: process.env.GITHUB_WORKFLOW_REF,
  user: await status(octokit.request('GET /user')),
  comment: await status(octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: 'probe' })),
  runs: await status(octokit.rest.actions.getWorkflowRun({ ...repo, run_id: context.runId })),
  pull: await status(octokit.rest.pulls.get({ ...repo, pull_number: 7 })),
}
console.log(JSON.stringify(out))
`,
  )
  const pr = (fork = false) =>
    pullRequestEvent({ number: 7, headSha: 'd'.repeat(40), baseSha: 'e'.repeat(40), fork })

  test("a workflow's step: inputs from with:, its job's permissions on a fresh token", async () => {
    const r = await runAction({
      gh,
      eventName: 'pull_request',
      event: pr(),
      workflow: { file: CI, job: 'memory' },
      entry: PROBE,
      runId: 700,
    })
    const out = lastJson(r) as {
      inputs: Record<string, string>
      [k: string]: unknown
    }
    expect(r.githubToken).toMatch(/^ghs_[A-Za-z0-9]{36}$/)
    expect(r.githubToken).not.toBe(TOKEN)
    expect(gh.tokens.get(r.githubToken)).toMatchObject({
      kind: 'installation',
      login: 'github-actions[bot]',
      permissions: {
        contents: 'read',
        actions: 'read',
        'pull-requests': 'write',
        issues: 'none',
        metadata: 'read',
      },
    })
    expect(out.inputs).toMatchObject({
      INPUT_PROFILES: 'prof/*.pb.gz\n',
      'INPUT_FAIL-ON-REGRESSION': 'false', // the workflow's, over action.yml's 'true'
      INPUT_TOP: '5',
      'INPUT_GITHUB-TOKEN': r.githubToken,
      'INPUT_ARTIFACT-NAME': 'pr',
      INPUT_MODE: 'auto', // action.yml's default
    })
    expect(out).toMatchObject({
      workflow: 'CI',
      job: 'memory',
      ref: expect.stringMatching(/^acme\/svc\/\.github\/workflows\/ci\.yml@refs\/pull\/7\/merge$/),
      user: 403,
      comment: 201,
      runs: 200,
      pull: 200,
    })
    expect(gh.runs[0]).toMatchObject({ id: 700, path: '.github/workflows/ci.yml', name: 'CI' })
  })

  test('a fork PR gets every write downgraded to read, and no secrets', async () => {
    const r = await runAction({
      gh,
      eventName: 'pull_request',
      event: pr(true),
      workflow: { file: CI, job: 'memory' },
      entry: PROBE,
      runId: 701,
    })
    expect(gh.tokens.get(r.githubToken)!.permissions['pull-requests']).toBe('read')
    expect(lastJson(r)).toMatchObject({ comment: 403, pull: 200 })
    const file = workflow(
      'app-token.yml',
      `on: pull_request\njobs:\n  gate:\n    steps:\n      - uses: ./\n        with:\n          github-token: \${{ secrets.APP_TOKEN || github.token }}\n`,
    )
    const run = (fork: boolean) =>
      prepareRun({
        gh,
        eventName: 'pull_request',
        event: pr(fork),
        workflow: { file },
        context: { 'secrets.APP_TOKEN': 'ghs_app_secret' },
      })
    expect(run(false).env['INPUT_GITHUB-TOKEN']).toBe('ghs_app_secret')
    const forked = run(true)
    expect(forked.env['INPUT_GITHUB-TOKEN']).toBe(forked.githubToken)
  })

  test('the commenting workflow: workflow_run of the named workflow, App token via secrets', async () => {
    gh.addToken('ghs_app', { kind: 'app', permissions: { 'pull-requests': 'write' } })
    gh.addPull({ number: 7, headSha: 'd'.repeat(40), baseSha: 'e'.repeat(40) })
    const event = workflowRunEvent({ runId: 702, headSha: 'd'.repeat(40), prNumber: 7 })
    const opts: RunOptions = {
      gh,
      eventName: 'workflow_run',
      event,
      workflow: { file: COMMENT },
      entry: PROBE,
      runId: 703,
    }
    // Without the secret, `secrets.APP_TOKEN || github.token` falls back to the run's token.
    let r = await runAction(opts)
    let out = lastJson(r) as { inputs: Record<string, string>; [k: string]: unknown }
    expect(out.inputs).toMatchObject({
      INPUT_MODE: 'comment',
      'INPUT_ARTIFACT-NAME': 'CI',
      'INPUT_GITHUB-TOKEN': r.githubToken,
    })
    expect(out).toMatchObject({
      workflow: 'Memory comment',
      job: 'comment',
      comment: 201,
      runs: 200,
    })
    expect(gh.runs.find((x) => x.id === 703)).toMatchObject({
      path: '.github/workflows/gomem-gate-comment.yml',
      workflow_id: gh.workflowId('gomem-gate-comment.yml'),
      event: 'workflow_run',
      name: 'Memory comment',
    })
    // With it, the App writes (and cannot read runs: it has no actions permission).
    r = await runAction({ ...opts, runId: 704, context: { 'secrets.APP_TOKEN': 'ghs_app' } })
    out = lastJson(r) as typeof out
    expect(out.inputs['INPUT_GITHUB-TOKEN']).toBe('ghs_app')
    expect(out).toMatchObject({ user: 403, comment: 201, runs: 403 })
    expect(gh.comments.get(7)!.map((c) => c.user.login)).toEqual([
      'github-actions[bot]',
      'gomem-gate-app[bot]',
    ])
    // RunOptions.token does the same without a secret in the workflow.
    gh.addToken('ghp_user', { kind: 'user', login: 'alice' })
    r = await runAction({ ...opts, runId: 705, token: 'ghp_user' })
    expect(lastJson(r)).toMatchObject({ user: 200, comment: 201 })
    await expect(runAction({ ...opts, token: 'ghs_never_added' })).rejects.toThrow(/addToken/)
  })

  test('refuses an event the workflow does not run on, or another triggering workflow', async () => {
    await expect(
      runAction({
        gh,
        eventName: 'push',
        event: pushEvent({ sha: 'a'.repeat(40) }),
        workflow: { file: COMMENT },
        entry: PROBE,
      }),
    ).rejects.toThrow(/does not run on push/)
    await expect(
      runAction({
        gh,
        eventName: 'workflow_run',
        event: workflowRunEvent({ runId: 1, headSha: 'a', workflowName: 'Memory' }),
        workflow: { file: COMMENT },
        entry: PROBE,
      }),
    ).rejects.toThrow(/runs after workflows CI, not "Memory"/)
  })

  test("no permissions key: GitHub's restricted default; an undeclared input throws", () => {
    expect(() =>
      prepareRun({
        gh,
        eventName: 'pull_request',
        event: pr(),
        workflow: { file: NO_PERMISSIONS },
      }),
    ).toThrow(/passes input "profile", which action.yml does not declare/)
    const readAll = workflow(
      'read-all.yml',
      `on: pull_request\npermissions: read-all\njobs:\n  gate:\n    steps:\n      - uses: ./\n`,
    )
    const prepared = prepareRun({
      gh,
      eventName: 'pull_request',
      event: pr(),
      workflow: { file: readAll },
    })
    expect(gh.tokens.get(prepared.githubToken)!.permissions.issues).toBe('read') // read-all
    expect(RESTRICTED_DEFAULT).toEqual({ contents: 'read', metadata: 'read', packages: 'read' })
    const p = workflow(
      'restricted.yml',
      `on: pull_request\njobs:\n  gate:\n    steps:\n      - uses: ./\n        with:\n          profiles: a\n`,
    )
    const restricted = prepareRun({
      gh,
      eventName: 'pull_request',
      event: pr(),
      workflow: { file: p },
    })
    expect(gh.tokens.get(restricted.githubToken)!.permissions).toMatchObject({
      contents: 'read',
      metadata: 'read',
      packages: 'read',
      issues: 'none',
      'pull-requests': 'none',
      actions: 'none',
    })
    expect(restricted.env.GITHUB_WORKFLOW).toBe('.github/workflows/restricted.yml')
    // permissions without a workflow; the legacy token when neither is given.
    const own = prepareRun({ gh, eventName: 'push', event: {}, permissions: { actions: 'read' } })
    expect(gh.tokens.get(own.githubToken)!.permissions.actions).toBe('read')
    expect(prepareRun({ gh, eventName: 'push', event: {} }).githubToken).toBe(TOKEN)
    expect(
      prepareRun({ gh, eventName: 'push', event: {}, attempt: 4 }).env.GITHUB_RUN_ATTEMPT,
    ).toBe('4')
  })

  test('expressions: literals, github.event.*, secrets, && and ||', () => {
    const ctx = { 'github.token': 't', 'secrets.GITHUB_TOKEN': 't', 'github.ref': 'refs/heads/x' }
    const ev = { pull_request: { number: 7, draft: false }, nothing: null }
    const e = (s: string) => evaluateTemplate(s, ctx, ev, 'test')
    expect(e("${{ 'it''s' }}")).toBe("it's")
    expect(e('${{ github.event.pull_request.number }}')).toBe('7')
    expect(e('${{ github.event.pull_request }}')).toBe('{"number":7,"draft":false}')
    expect(e('${{ secrets.github_token }}-${{ github.ref }}')).toBe('t-refs/heads/x')
    expect(e("${{ github.event.nothing || 'fallback' }}")).toBe('fallback')
    expect(e("${{ github.event.pull_request.draft || 'no' }}")).toBe('no')
    expect(e('${{ (github.event.missing || github.token) }}')).toBe('t')
    expect(e('${{ secrets.UNSET }}')).toBe('')
    expect(() => e('${{ vars.X }}')).toThrow(/cannot evaluate \$\{\{ vars.X \}\}/)
  })
})
