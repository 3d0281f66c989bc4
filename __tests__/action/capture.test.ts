// The `capture` input: the bundled action captures a real Go service (fixtures/go/liveservice)
// that an earlier step started. A push stores one capture of the steady service as the
// baseline; a pull request's series of the leaking service fails on the leak, naming it.
// Needs go and Debian's client_golang; locally without them the suite is skipped, saying so.
import { startFakeGitHub, type FakeGitHub } from './fake-github.js'
import { pullRequestEvent, pushEvent, runAction } from './harness.js'
import { readZip } from './zip.js'
import { clientGolangSuite, requireClientGolang } from '../helpers/go.js'
import {
  buildLiveService,
  startLiveService,
  stopLiveService,
  type LiveService,
} from '../helpers/live-service.js'

const suite = clientGolangSuite('capture input tests')
const MAIN = 'a'.repeat(40)
const MARKER = '<!-- gomem-gate:gomem-gate -->'

suite('the capture input fetches a running service and judges what it saved', () => {
  let gh: FakeGitHub
  let steady: LiveService
  let leak: LiveService
  beforeAll(async () => {
    requireClientGolang()
    gh = await startFakeGitHub()
    const bin = buildLiveService()
    ;[steady, leak] = await Promise.all([
      startLiveService(bin, 'steady'),
      startLiveService(bin, 'leak'),
    ])
  }, 120_000)
  afterAll(async () => {
    stopLiveService(steady)
    stopLiveService(leak)
    await gh?.close()
  })

  test('push: one capture stored as the baseline; pull request: a leaking series fails', async () => {
    const push = await runAction({
      gh,
      eventName: 'push',
      event: pushEvent({ sha: MAIN }),
      inputs: { capture: steady.url },
      runId: 401,
    })
    expect(push.stderr).toBe('')
    expect(push.status).toBe(0)
    const stored = gh.artifacts.filter((a) => a.name === 'gomem-gate')
    expect(stored).toHaveLength(1)
    const names = Object.keys(readZip(stored[0].zip)).sort()
    expect(names).toEqual(
      expect.arrayContaining([
        'outside-workspace/capture.json',
        'outside-workspace/goroutine.pb.gz',
        'outside-workspace/heap.pb.gz',
        'outside-workspace/metrics.txt',
      ]),
    )

    const head = 'b'.repeat(40)
    gh.mergeBase.set(`${MAIN}...${head}`, MAIN)
    const pr = await runAction({
      gh,
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 7, headSha: head, baseSha: MAIN }),
      inputs: { capture: leak.url, count: '6', every: '1s' },
      runId: 402,
      timeoutMs: 120_000,
    })
    expect(pr.status).toBe(1)
    expect(pr.outputs.status).toBe('fail')
    const comment = (gh.comments.get(7) ?? []).find((c) => c.body.includes(MARKER))
    expect(comment).toBeDefined()
    const plain = comment!.body.replace(/\\(.)/g, '$1')
    expect(plain.split('\n').find((l) => l.startsWith('### '))).toMatch(
      /memory leak within the run/,
    )
    expect(plain).toContain('main.(*sessionLog).keep')
  }, 200_000)

  test('a URL nothing serves fails the step with one line naming it', async () => {
    const r = await runAction({
      gh,
      eventName: 'push',
      event: pushEvent({ sha: 'c'.repeat(40) }),
      inputs: { capture: `${steady.url}debug/nothing-here` },
      runId: 403,
    })
    expect(r.status).toBe(1)
    const errors = r.annotations.filter((a) => a.level === 'error').map((a) => a.message)
    expect(errors).toEqual([expect.stringMatching(/^gomem-gate: .*debug\/nothing-here/)])
  }, 60_000)
})
