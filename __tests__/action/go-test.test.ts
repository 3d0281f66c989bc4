// The `go-test` input: the bundled action runs the real go on a checkout of fixtures/go/shop
// (no TestMain anywhere), stores the per-package files as the baseline on a push, and fails a
// pull request whose build tag makes the cache keep what it should evict, naming the package.
// Needs go (1.19 or later); locally without it the suite is skipped, saying so; in CI it runs.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { startFakeGitHub, type FakeGitHub } from './fake-github.js'
import { pullRequestEvent, pushEvent, runAction } from './harness.js'
import { readZip } from './zip.js'
import { GO_ENV, goSuite, requireGo } from '../helpers/go.js'

const suite = goSuite('go-test input tests')

const SHOP = 'fixtures/go/shop'
const MAIN = 'a'.repeat(40)
const MARKER = '<!-- gomem-gate:gomem-gate -->'

/** The module's files, as a checkout has them (the `files` of a run). */
function checkout(): Record<string, Buffer> {
  const out: Record<string, Buffer> = {}
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (!name.endsWith('.sh')) out[relative(SHOP, path)] = readFileSync(path)
    }
  }
  walk(SHOP)
  return out
}

suite('the go-test input runs the tests and judges their files', () => {
  let gh: FakeGitHub
  beforeAll(async () => {
    requireGo()
    gh = await startFakeGitHub()
  })
  afterAll(async () => {
    await gh.close()
  })

  test('push: the packages are tested and stored; pull request: the regressed package is named', async () => {
    const inputs = { 'go-test': './...', 'go-test-flags': '-trimpath' }
    const push = await runAction({
      gh,
      eventName: 'push',
      event: pushEvent({ sha: MAIN }),
      inputs,
      files: checkout(),
      runId: 301,
      env: GO_ENV,
      timeoutMs: 180_000,
    })
    expect(push.stderr).toBe('')
    expect(push.status).toBe(0)
    expect(push.stdout).toMatch(/go test: 4 packages passed, 1 without tests/)
    const stored = gh.artifacts.filter((a) => a.name === 'gomem-gate')
    expect(stored).toHaveLength(1)
    const names = Object.keys(readZip(stored[0].zip))
      .filter((n) => n.endsWith('.pb.gz'))
      .sort()
    expect(names).toEqual(
      ['cache', 'cart', 'encode', 'server'].map(
        (p) => `outside-workspace/example.com%2Fshop%2F${p}.pb.gz`,
      ),
    )

    const head = 'b'.repeat(40)
    gh.mergeBase.set(`${MAIN}...${head}`, MAIN)
    const pr = await runAction({
      gh,
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 7, headSha: head, baseSha: MAIN }),
      inputs: { ...inputs, 'go-test-flags': '-trimpath -tags=candidate' },
      files: checkout(),
      runId: 302,
      env: GO_ENV,
      timeoutMs: 180_000,
    })
    expect(pr.status).toBe(1)
    const comment = (gh.comments.get(7) ?? []).find((c) => c.body.includes(MARKER))
    expect(comment).toBeDefined()
    const heading = comment!.body.split('\n').find((l) => l.startsWith('### '))
    // As a reader sees it: markdown's backslash escapes removed.
    expect(heading!.replace(/\\(.)/g, '$1')).toMatch(
      /memory regression in example\.com\/shop\/cache\.\S+ \(example\.com\/shop\/cache\)/,
    )
    expect(comment!.body).toContain('Per profile')
    expect(pr.outputs.status).toBe('fail')
  }, 400_000)

  test('a package whose tests fail fails the step, naming it, with the end of go output', async () => {
    const files = checkout()
    files['cart/cart_test.go'] = Buffer.from(
      `${files['cart/cart_test.go'].toString()}\nfunc TestBroken(t *testing.T) { t.Fatal("broken on purpose") }\n`,
    )
    const r = await runAction({
      gh,
      eventName: 'push',
      event: pushEvent({ sha: 'c'.repeat(40) }),
      inputs: { 'go-test': './...' },
      files,
      runId: 303,
      env: GO_ENV,
      timeoutMs: 180_000,
    })
    expect(r.status).toBe(1)
    const errors = r.annotations.filter((a) => a.level === 'error').map((a) => a.message)
    expect(errors).toEqual([
      expect.stringMatching(/^gomem-gate: go test: example\.com\/shop\/cart: tests failed/),
    ])
    expect(r.stdout).toContain('broken on purpose')
  }, 200_000)
})
