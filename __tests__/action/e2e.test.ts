// The bundled action (dist/index.js) run as the runner runs it, against a local GitHub.
import { readdirSync, readFileSync } from 'node:fs'
import { startFakeGitHub, type FakeGitHub } from './fake-github.js'
import {
  NODES,
  pullRequestEvent,
  pushEvent,
  runAction,
  workflowRunEvent,
  type NodeVersion,
} from './harness.js'
import { renamedProfile } from '../helpers/rewrite.js'

const fx = (name: string) => readFileSync(`fixtures/${name}`)
const files = (run: string) => ({
  'profiles/heap.pb.gz': fx(`${run}.pb.gz`),
  'profiles/memstats.json': fx(`${run}.memstats.json`),
})
const inputs = { profiles: 'profiles/*.pb.gz\nprofiles/memstats.json' }
const MAIN = 'a'.repeat(40)
const MARKER = '<!-- gomem-gate:gomem-gate -->'
const FAST_RETRIES = { GOMEM_GATE_RETRY_BASE_MS: '20' }

let gh: FakeGitHub
/** The Node the action runs on in the current describe block. */
let node: NodeVersion = 'node20'
beforeEach(async () => {
  gh = await startFakeGitHub()
})
afterEach(async () => {
  await gh.close()
})

/** A push to main that stores `run` as the baseline. */
function pushBaseline(run = 'baseline-seed1') {
  return runAction({
    gh,
    node,
    eventName: 'push',
    event: pushEvent({ sha: MAIN }),
    inputs,
    files: files(run),
    runId: 101,
  })
}

/** A pull request #7 whose head `headSha` holds `candidate` (file map). */
function pullRequest(
  headSha: string,
  candidate: Record<string, Buffer>,
  opts: {
    runId?: number
    fork?: boolean
    with?: Record<string, string>
    env?: Record<string, string>
  } = {},
) {
  gh.mergeBase.set(`${MAIN}...${headSha}`, MAIN)
  return runAction({
    gh,
    node,
    eventName: 'pull_request',
    event: pullRequestEvent({ number: 7, headSha, baseSha: MAIN, fork: opts.fork }),
    inputs: { ...inputs, ...opts.with },
    files: candidate,
    runId: opts.runId ?? 102,
    env: opts.env,
  })
}

const comments = (pr = 7) => gh.comments.get(pr) ?? []
/** Markdown as a reader sees it: backslash escapes removed. */
const plain = (markdown: string) => markdown.replace(/\\(.)/g, '$1')

describe.each(NODES)('on %s', (version) => {
  beforeAll(() => {
    node = version
  })

  test('a push to main stores the baseline; a pull request finds it and comments once', async () => {
    const push = await pushBaseline('baseline-seed1')
    expect(push.stderr).not.toMatch(/Error|error:/)
    expect(push.status).toBe(0)
    expect(push.outputs.status).toBe('no-baseline')
    const stored = gh.artifacts.filter((a) => a.name === 'gomem-gate')
    expect(stored.map((a) => a.runId)).toEqual([101])
    const content = gh.readArtifact(stored[0])
    expect(content['profiles/heap.pb.gz'].equals(fx('baseline-seed1.pb.gz'))).toBe(true)
    const manifest = JSON.parse(content['gomem-gate-manifest.json'].toString())
    expect(manifest).toMatchObject({
      tool: 'gomem-gate',
      kind: 'baseline',
      commit: MAIN,
      files: ['profiles/heap.pb.gz', 'profiles/memstats.json'],
    })
    expect(plain(push.summary)).toContain('Stored 2 file(s) as baseline artifact gomem-gate')

    const pr = await pullRequest('b'.repeat(40), files('baseline-seed2'))
    expect(pr.status).toBe(0)
    expect(pr.outputs.status).toBe('pass')
    expect(comments()).toHaveLength(1)
    const body = comments()[0].body
    expect(body.startsWith(`${MARKER}\n### ✅`)).toBe(true)
    expect(plain(body)).toContain(
      'Baseline: commit aaaaaaa on main, the merge base of this pull request (run 101).',
    )
    expect(pr.summary).toContain('### ✅ gomem-gate')
    expect(pr.outputs['comment-body']).toBe(body)
    const report = JSON.parse(readFileSync(pr.outputs['report-json'], 'utf8'))
    expect(report.status).toBe('pass')
  })

  test('a second push updates the same comment, and a regression fails the step', async () => {
    await pushBaseline()
    await pullRequest('b'.repeat(40), files('baseline-seed2'))
    const first = comments()[0]
    const second = await pullRequest('c'.repeat(40), files('leak-cache'), { runId: 103 })
    expect(second.status).toBe(1)
    expect(second.outputs.status).toBe('fail')
    expect(comments()).toHaveLength(1)
    expect(comments()[0].id).toBe(first.id)
    expect(comments()[0].body).toContain('### ❌ gomem-gate: memory regression')
    expect(comments()[0].body).toContain('main\\.\\(\\*Cache\\)\\.Put')
    // The run is linked under the verdict (no job id is known: the summary is the run's page).
    expect(comments()[0].body).toMatch(
      / · \[Run\]\(https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/actions\/runs\/103\)/,
    )
    const errors = second.annotations.filter((a) => a.level === 'error').map((a) => a.message)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^gomem-gate: memory regression in main\.\(\*Cache\)\.Put: inuse_space \+[\d.]+ MiB \(\+\d+%\), limit \+50%, at least \+4 MiB \[default:allocator:inuse_space\]; \d+ violations, 1 cause$/,
    )
    expect(gh.requestsTo('PATCH', /\/issues\/comments\/\d+$/)).toHaveLength(1)
  })

  test('fail-on-regression: false turns the failure into a warning', async () => {
    await pushBaseline()
    const r = await pullRequest('c'.repeat(40), files('leak-cache'), {
      with: { 'fail-on-regression': 'false' },
    })
    expect(r.status).toBe(0)
    expect(r.outputs.status).toBe('fail')
    expect(
      r.annotations.some((a) => a.level === 'warning' && /memory regression/.test(a.message)),
    ).toBe(true)
  })

  test('a leak within one run fails the first pull request, with no baseline at all', async () => {
    const snapshots = Object.fromEntries(
      readdirSync('fixtures/series/leak').map((f) => [`snapshots/${f}`, fx(`series/leak/${f}`)]),
    )
    const r = await pullRequest('b'.repeat(40), snapshots, {
      with: { profiles: '', series: 'snapshots/*' },
    })
    expect(r.status).toBe(1)
    expect(r.outputs.status).toBe('fail')
    const error = r.annotations.find((a) => a.level === 'error')!.message
    expect(error).toMatch(
      /^gomem-gate: memory leak within the run: HeapInuse \+[\d.]+ MiB per snapshot over 8 snapshots/,
    )
    expect(comments()).toHaveLength(1)
    expect(plain(comments()[0].body)).toContain('main.(*Cache).Put')
  })

  test('no baseline yet: a pass, and a comment that says so', async () => {
    const r = await pullRequest('b'.repeat(40), files('leak-cache'))
    expect(r.status).toBe(0)
    expect(r.outputs.status).toBe('no-baseline')
    expect(comments()).toHaveLength(1)
    expect(comments()[0].body).toMatch(
      /No baseline: no successful push run of this workflow on main yet/,
    )
  })

  test('an expired baseline artifact means no baseline, and the comment says why', async () => {
    await pushBaseline()
    for (const a of gh.artifacts) a.expired = true
    const r = await pullRequest('b'.repeat(40), files('leak-cache'))
    expect(r.status).toBe(0)
    expect(r.outputs.status).toBe('no-baseline')
    expect(plain(comments()[0].body)).toMatch(
      /No baseline: no run on main at or before the merge base has an artifact named gomem-gate \(first run, or it expired\)/,
    )
  })

  test('a fork: 403 on the comment passes with the summary; the workflow_run then comments', async () => {
    await pushBaseline()
    gh.forbidCommentWrites = true
    const head = 'd'.repeat(40)
    const pr = await pullRequest(head, files('baseline-seed2'), { fork: true, runId: 104 })
    expect(pr.status).toBe(0)
    expect(comments()).toHaveLength(0)
    expect(
      pr.annotations.some((a) => a.level === 'notice' && /read-only token/.test(a.message)),
    ).toBe(true)
    expect(pr.summary).toContain('gomem-gate')
    expect(pr.outputs['comment-body'].startsWith(MARKER)).toBe(true)
    const handed = gh.artifacts.find((a) => a.name === 'gomem-gate-pr')!
    expect(handed.runId).toBe(104)

    gh.forbidCommentWrites = false
    const comment = await runAction({
      gh,
      node,
      eventName: 'workflow_run',
      event: workflowRunEvent({ runId: 104, headSha: head, prNumber: 7, fork: true }),
      inputs: { mode: 'comment' },
      runId: 105,
    })
    expect(comment.stderr).not.toMatch(/Error/)
    expect(comment.status).toBe(0)
    expect(comments()).toHaveLength(1)
    expect(comments()[0].body).toMatch(/^<!-- gomem-gate:gomem-gate -->\n### ✅/)
  })

  /** Run `runId` of a fork's PR hands over a leak profile and `files` in its manifest; the comment workflow runs. */
  async function handOver(runId: number, headSha: string, files: string[]) {
    await pushBaseline()
    gh.addPull({ number: 8, headSha: 'e'.repeat(40), baseSha: MAIN })
    gh.addRun({ id: runId, event: 'pull_request', head_sha: headSha, head_branch: 'fork' })
    const manifest = {
      tool: 'gomem-gate',
      kind: 'pull-request',
      pullRequest: 8,
      commit: headSha,
      files,
    }
    gh.addArtifact(runId, 'gomem-gate-pr', {
      'heap.pb.gz': fx('leak-cache.pb.gz'),
      'gomem-gate-manifest.json': JSON.stringify(manifest),
    })
    return runAction({
      gh,
      node,
      eventName: 'workflow_run',
      event: workflowRunEvent({ runId, headSha, fork: true }),
      inputs: { mode: 'comment' },
      runId: runId + 1,
    })
  }

  test('the HTML report is uploaded as an artifact and linked from the comment and the summary', async () => {
    await pushBaseline()
    const r = await pullRequest('b'.repeat(40), files('leak-cache'))
    expect(r.status).toBe(1)
    const report = gh.artifacts.find((a) => a.name === 'gomem-gate-report' && a.runId === 102)!
    const page = gh.readArtifact(report)['report.html'].toString()
    expect(page).toContain('main.(*Cache).Put')
    expect(page).toMatch(/Content-Security-Policy/)
    expect(readFileSync(r.outputs['report-html'], 'utf8')).toBe(page)
    const link = `https://github.com/acme/svc/actions/runs/102/artifacts/${report.id}`
    expect(comments()[0].body).toContain(`(${link})`)
    expect(r.summary).toContain(`(${link})`)
  })

  test('html-report: false uploads no report and links none', async () => {
    await pushBaseline()
    const r = await pullRequest('b'.repeat(40), files('leak-cache'), {
      with: { 'html-report': 'false' },
    })
    expect(r.status).toBe(1)
    expect(gh.artifacts.filter((a) => a.name === 'gomem-gate-report' && a.runId === 102)).toEqual(
      [],
    )
    expect(r.outputs['report-html']).toBeUndefined()
    expect(comments()[0].body).not.toContain('/artifacts/')
  })

  test('the commenting workflow refuses files that name a pull request the run did not build', async () => {
    const r = await handOver(106, 'f'.repeat(40), ['heap.pb.gz'])
    expect(r.status).toBe(1)
    expect(r.annotations.find((a) => a.level === 'error')!.message).toMatch(
      /names pull request #8, whose head is not the commit run 106 built/,
    )
    expect(comments(8)).toHaveLength(0)
  })

  test('a handed-over manifest over 1 MiB is refused from its size, in one line', async () => {
    const files = Array.from({ length: 80_000 }, (_, i) => `profiles/heap-${i}.pb.gz`)
    const r = await handOver(108, 'e'.repeat(40), files)
    expect(r.status).toBe(1)
    const error = r.annotations.find((a) => a.level === 'error')!.message
    expect(error).toMatch(/manifest \S*gomem-gate-manifest\.json: is 2.1 MiB, over the 1 MiB limit/)
    expect(error).not.toContain('\n')
    expect(comments(8)).toHaveLength(0)
  })

  test('hostile function names cannot inject markup, mentions or a second marker', async () => {
    await pushBaseline()
    const hostile = `main.(*Cache).Put ${MARKER} <img src=x onerror=alert(1)> @octocat #1 [x](http://evil)`
    gh.addComment(7, `${MARKER}\nI quote your marker`, { login: 'mallory' })
    const candidate = {
      'profiles/heap.pb.gz': renamedProfile('leak-cache.pb.gz', (n) =>
        n === 'main.(*Cache).Put' ? hostile : n,
      ),
      'profiles/memstats.json': fx('leak-cache.memstats.json'),
    }
    const r = await pullRequest('b'.repeat(40), candidate)
    expect(r.status).toBe(1)
    const ours = comments().filter((c) => c.user.login === gh.botLogin)
    expect(ours).toHaveLength(1)
    expect(comments().find((c) => c.user.login === 'mallory')!.body).toBe(
      `${MARKER}\nI quote your marker`,
    )
    const body = ours[0].body
    expect(body.split('<!--')).toHaveLength(2)
    expect(body.indexOf(MARKER)).toBe(0)
    expect(body).not.toContain('<img')
    expect(body).not.toMatch(/(^|[^\w&;])@octocat/)
    expect(body).toContain('octocat')
  })

  test('a 6,000-function diff with every allocator violating stays under the comment limit', async () => {
    await runAction({
      gh,
      node,
      eventName: 'push',
      event: pushEvent({ sha: MAIN }),
      inputs: { profiles: 'heap.pb.gz' },
      files: { 'heap.pb.gz': fx('baseline-seed1.pb.gz') },
      runId: 101,
    })
    const policy =
      'rules:\n  - allocator: "*"\n    metric: inuse_space\n    max-increase: 0%\n    min-change: 1\n'
    gh.mergeBase.set(`${MAIN}...${'b'.repeat(40)}`, MAIN)
    const r = await runAction({
      gh,
      node,
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 7, headSha: 'b'.repeat(40), baseSha: MAIN }),
      inputs: { profiles: 'heap.pb.gz', config: 'policy.yml', top: '5000' },
      files: { 'heap.pb.gz': fx('many-functions.pb.gz'), 'policy.yml': policy },
      runId: 102,
    })
    expect(r.status).toBe(1)
    expect(Number(r.outputs.violations)).toBeGreaterThan(3000)
    const body = comments()[0].body
    expect(body.length).toBeLessThanOrEqual(65536)
    expect(body).toMatch(/shortened or left out to fit a GitHub comment/)
    expect(r.summary.length).toBeGreaterThan(body.length)
    expect(r.summary.length).toBeLessThan(1024 * 1024)
  })

  test('a 500 from the API is retried and the comment still lands', async () => {
    await pushBaseline()
    gh.failNext('POST', '/repos/acme/svc/issues/7/comments', 500)
    const r = await pullRequest('b'.repeat(40), files('baseline-seed2'), { env: FAST_RETRIES })
    expect(r.status).toBe(0)
    expect(comments()).toHaveLength(1)
    const posts = gh.requests.filter(
      (q) => q.method === 'POST' && q.path.startsWith('/repos/acme/svc/issues/7/comments'),
    )
    expect(posts.map((q) => q.status)).toEqual([500, 201])
  })

  test('a rate limit that lifts soon is waited out', async () => {
    await pushBaseline()
    gh.failNext('POST', '/repos/acme/svc/issues/7/comments', 403, 1, { resetInSeconds: 1 })
    const r = await pullRequest('b'.repeat(40), files('baseline-seed2'), { env: FAST_RETRIES })
    expect(r.status).toBe(0)
    expect(comments()).toHaveLength(1)
    expect(r.stdout).toMatch(/GitHub rate limit on POST .*: retrying in \d+ s/)
  })

  test('with GitHub down, the gate still decides from local files', async () => {
    gh.failNext('*', '/repos/', 503, 1000)
    const r = await runAction({
      gh,
      node,
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 7, headSha: 'c'.repeat(40), baseSha: MAIN }),
      inputs: { ...inputs, baseline: 'base/heap.pb.gz\nbase/memstats.json' },
      files: {
        ...files('leak-cache'),
        'base/heap.pb.gz': fx('baseline-seed1.pb.gz'),
        'base/memstats.json': fx('baseline-seed1.memstats.json'),
      },
      runId: 110,
      env: FAST_RETRIES,
    })
    expect(r.status).toBe(1)
    expect(r.outputs.status).toBe('fail')
    expect(
      r.annotations.some((a) => a.level === 'warning' && /could not comment/.test(a.message)),
    ).toBe(true)
    expect(comments()).toHaveLength(0)
    // Each failing call was tried 1 + 3 times.
    const lists = gh.requests.filter((q) => q.path.startsWith('/repos/acme/svc/issues/7/comments'))
    expect(lists.map((q) => q.status)).toEqual([503, 503, 503, 503])
  })
})
