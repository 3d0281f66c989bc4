// The branch's history as it travels with no server: each push to main takes the previous
// baseline artifact's history, appends its entry and stores it in its own artifact; an
// expired artifact restarts it (said in the summary); a pull request is judged with it.
import { readFileSync } from 'node:fs'
import { startFakeGitHub, type FakeGitHub } from './fake-github.js'
import { NODES, pullRequestEvent, pushEvent, runAction, type NodeVersion } from './harness.js'

const CI = 'examples/.github/workflows/ci.yml'
const OUT = 'cache/.gomem-gate'
const HISTORY = 'gomem-gate-history.json'
const FAST_RETRIES = { GOMEM_GATE_RETRY_BASE_MS: '20' }

const fx = (name: string) => readFileSync(`fixtures/${name}`)
const files = (run: string) => ({
  [`${OUT}/heap.pb.gz`]: fx(`${run}.pb.gz`),
  [`${OUT}/memstats.json`]: fx(`${run}.memstats.json`),
})

let gh: FakeGitHub
let node: NodeVersion = 'node20'
beforeEach(async () => {
  gh = await startFakeGitHub()
})
afterEach(async () => {
  await gh.close()
})

function push(seed: number, runId: number) {
  return runAction({
    gh,
    node,
    workflow: { file: CI },
    eventName: 'push',
    event: pushEvent({ sha: String(seed).repeat(40), ref: 'refs/heads/main' }),
    files: files(`baseline-seed${seed}`),
    runId,
    env: FAST_RETRIES,
  })
}

/** The history stored in run `runId`'s baseline artifact. */
function storedHistory(runId: number) {
  const a = gh.artifacts.find((x) => x.runId === runId && x.name === 'gomem-gate')!
  const text = gh.readArtifact(a)[HISTORY].toString('utf8')
  return JSON.parse(text) as { entries: { commit: string; totals: Record<string, number> }[] }
}

describe.each(NODES)('on %s', (version) => {
  beforeAll(() => {
    node = version
  })

  test('three pushes build a history of three entries, carried artifact to artifact', async () => {
    const first = await push(1, 201)
    expect(first.status).toBe(0)
    expect(first.summary).toContain(
      'history: started anew — the previous baseline artifact expired or had none',
    )
    expect((await push(2, 202)).summary).toContain('history: 2 entries')
    const third = await push(3, 203)
    expect(third.summary).toContain('history: 3 entries')
    const h = storedHistory(203)
    expect(h.entries.map((e) => e.commit)).toEqual(['1', '2', '3'].map((c) => c.repeat(40)))
    // The entries are each push's own figures: the seeds' inuse_space differ.
    expect(new Set(h.entries.map((e) => e.totals.inuse_space)).size).toBe(3)
    // The artifact's profiles are still what a pull request compares with.
    const a = gh.artifacts.find((x) => x.runId === 203 && x.name === 'gomem-gate')!
    expect(Object.keys(gh.readArtifact(a)).sort()).toEqual(
      [`${OUT}/heap.pb.gz`, `${OUT}/memstats.json`, HISTORY, 'gomem-gate-manifest.json'].sort(),
    )

    // A pull request gets the history: in the JSON report and as a trend in the comment.
    const head = 'b'.repeat(40)
    gh.mergeBase.set(`${'3'.repeat(40)}...${head}`, '3'.repeat(40))
    const pr = await runAction({
      gh,
      node,
      workflow: { file: CI },
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 7, headSha: head, baseSha: '3'.repeat(40) }),
      files: files('leak-cache'),
      runId: 204,
      env: FAST_RETRIES,
    })
    expect(pr.outputs.status).toBe('fail')
    const report = JSON.parse(readFileSync(pr.outputs['report-json'], 'utf8'))
    expect(report.history.entries).toBe(3)
    expect(report.history.metrics[0]).toMatchObject({
      metric: 'inuse_space',
      values: h.entries.map((e) => e.totals.inuse_space),
    })
    const comment = gh.comments.get(7)![0].body
    expect(comment).toContain('Trend on the baseline branch (last 3 of 3 pushes')
    expect(comment).toContain('xychart-beta')
    // The profiles of the baseline, not the history file, are what was compared.
    expect(report.files.filter((f: { side: string }) => f.side === 'baseline')).toHaveLength(2)
  })

  test('an expired previous artifact restarts the history, and says so', async () => {
    await push(1, 201)
    await push(2, 202)
    for (const a of gh.artifacts) a.expired = true
    const r = await push(3, 203)
    expect(r.status).toBe(0)
    expect(r.summary).toContain(
      'history: started anew — the previous baseline artifact expired or had none',
    )
    expect(storedHistory(203).entries.map((e) => e.commit)).toEqual(['3'.repeat(40)])
    // Expiry is how a chain ends: a note, not a warning.
    expect(r.annotations.filter((a) => a.level === 'warning')).toEqual([])
  })

  test('a broken history in the previous artifact starts anew instead of failing the push', async () => {
    gh.addRun({ id: 200, head_sha: '0'.repeat(40) })
    gh.addArtifact(200, 'gomem-gate', {
      [`${OUT}/heap.pb.gz`]: fx('baseline-seed1.pb.gz'),
      'gomem-gate-manifest.json': '{}',
      [HISTORY]: '{"schemaVersion": 2, "tool": "gomem-gate", "entries": []}',
    })
    const r = await push(1, 201)
    expect(r.status).toBe(0)
    expect(r.summary).toMatch(/history: started anew — .*schemaVersion 2 is not supported/)
    expect(storedHistory(201).entries).toHaveLength(1)
    const warned = r.annotations.filter((a) => a.level === 'warning').map((a) => a.message)
    expect(warned).toEqual([expect.stringMatching(/^gomem-gate: history: started anew — /)])
  })
})
