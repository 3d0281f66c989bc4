// The action's pure parts: inputs, the mode a event leads to, the comment rules, run choice.
import { GateError } from '../../src/errors.js'
import { runsToTry } from '../../src/action/choose-run.js'
import { matchesBranch } from '../../src/action/branches.js'
import {
  commentMarker,
  commentToKeep,
  isOurComment,
  shouldComment,
} from '../../src/action/comment.js'
import { readInputs, requireFiles } from '../../src/action/inputs.js'
import { isPermissionDenied, permissionError } from '../../src/action/permissions.js'
import { situationOf } from '../../src/action/situation.js'

const inputs = (given: Record<string, string>) => readInputs((name) => given[name] ?? '')

describe('inputs', () => {
  test('defaults, multi-line globs with comments and blank lines', () => {
    const i = inputs({
      profiles: 'prof/*.pb.gz\n\n# MemStats too\nprof/memstats.json\n',
      'github-token': 't',
    })
    expect(i.profiles).toEqual(['prof/*.pb.gz', 'prof/memstats.json'])
    expect(i).toMatchObject({
      comment: 'always',
      failOnRegression: true,
      mode: 'auto',
      artifactName: 'gomem-gate',
      top: 10,
    })
    expect(i.baseline).toEqual([])
    expect(i.config).toBeUndefined()
  })

  test('profiles are required unless the mode is comment (workflow_run under auto)', () => {
    const none = inputs({})
    expect(() => requireFiles(none, 'compare')).toThrow(/input profiles: is required/)
    expect(() => requireFiles(none, 'baseline')).toThrow(/input profiles: is required/)
    expect(() => requireFiles(none, 'comment')).not.toThrow()
    expect(() => requireFiles(inputs({ series: 's/*' }), 'compare')).not.toThrow()
  })

  test('shard, shards and fail-shard; mode merge needs no files and no shard', () => {
    const i = inputs({ shard: 'linux-go1.24_a', 'fail-shard': 'true' })
    expect(i).toMatchObject({ shard: 'linux-go1.24_a', shards: [], failShard: true })
    expect(inputs({})).toMatchObject({ shard: undefined, failShard: false })
    expect(inputs({ mode: 'merge', shards: 'a\n# c later\nb\n' }).shards).toEqual(['a', 'b'])
    expect(() => requireFiles(inputs({ mode: 'merge' }), 'merge')).not.toThrow()
    expect(() => inputs({ shard: 'a/b' })).toThrow(/^input shard: "a\/b" is not a shard name$/)
    expect(() => inputs({ shard: 'x'.repeat(65) })).toThrow(/is not a shard name/)
    expect(() => inputs({ shard: '..' })).toThrow(/is not a shard name/)
    expect(inputs({ shard: 'x'.repeat(64) }).shard).toHaveLength(64)
    expect(() => inputs({ mode: 'merge', shards: 'a\nb c' })).toThrow(/input shards: "b c"/)
    expect(() => inputs({ mode: 'merge', shard: 'a' })).toThrow(
      /input shard: must be empty with mode: merge/,
    )
  })

  test('baseline-branches and fail-on-unjudged', () => {
    const i = inputs({ 'baseline-branches': 'main\nrelease/*\n', 'fail-on-unjudged': 'true' })
    expect(i.baselineBranches).toEqual(['main', 'release/*'])
    expect(i.failOnUnjudged).toBe(true)
    expect(inputs({}).failOnUnjudged).toBe(false)
  })

  test.each([
    [
      { profiles: 'a', comment: 'sometimes' },
      /input comment: "sometimes" is not allowed.*always, on-change, on-regression, never/,
    ],
    [
      { profiles: 'a', 'fail-on-regression': 'yes' },
      /input fail-on-regression: "yes" is not a boolean/,
    ],
    [{ profiles: 'a', 'retention-days': '365' }, /input retention-days: "365"/],
    [{ profiles: 'a', 'artifact-name': 'x-->y' }, /input artifact-name/],
    [{ profiles: 'a', mode: 'push' }, /input mode: "push"/],
  ])('%j is refused with a line naming the input', (given, message) => {
    try {
      inputs(given)
      throw new Error('accepted')
    } catch (err) {
      expect(err).toBeInstanceOf(GateError)
      expect((err as GateError).oneLine()).toMatch(message)
    }
  })
})

describe('the mode an event leads to', () => {
  const repository = { default_branch: 'main', full_name: 'acme/svc' }
  const pr = (headRepo: string) => ({
    repository,
    pull_request: {
      number: 7,
      head: { sha: 'h', ref: 'f', repo: { full_name: headRepo } },
      base: { sha: 'b', ref: 'main' },
    },
  })
  test('push to the default branch stores a baseline; elsewhere it compares', () => {
    expect(situationOf('auto', 'push', { repository }, 'refs/heads/main').mode).toBe('baseline')
    expect(situationOf('auto', 'push', { repository }, 'refs/heads/topic').mode).toBe('compare')
  })
  test('a pull request compares against its base branch, and knows a fork', () => {
    const s = situationOf('auto', 'pull_request', pr('acme/svc'), 'refs/pull/7/merge')
    expect(s).toMatchObject({ mode: 'compare', baseBranch: 'main', pr: { number: 7, fork: false } })
    expect(
      situationOf('auto', 'pull_request', pr('mallory/svc'), 'refs/pull/7/merge').pr!.fork,
    ).toBe(true)
  })
  test('workflow_run comments; an explicit mode wins', () => {
    const s = situationOf(
      'auto',
      'workflow_run',
      { repository, workflow_run: { id: 42, head_sha: 'h', event: 'pull_request' } },
      '',
    )
    expect(s).toMatchObject({ mode: 'comment', workflowRun: { id: 42, headSha: 'h' } })
    expect(situationOf('baseline', 'pull_request', pr('acme/svc'), '').mode).toBe('baseline')
  })
  test('baseline-branches: pushes to matching branches store; a PR knows whether its base does', () => {
    const globs = ['main', 'release/*']
    const push = (ref: string) => situationOf('auto', 'push', { repository }, ref, globs).mode
    expect(push('refs/heads/release/1.x')).toBe('baseline')
    expect(push('refs/heads/main')).toBe('baseline')
    expect(push('refs/heads/release/1.x/hotfix')).toBe('compare')
    expect(push('refs/tags/release/1.x')).toBe('compare')
    const into = (base: string, g: string[] = []) =>
      situationOf(
        'auto',
        'pull_request',
        {
          ...pr('acme/svc'),
          pull_request: { ...pr('acme/svc').pull_request, base: { ref: base } },
        },
        '',
        g,
      )
    expect(into('release/1.x')).toMatchObject({
      baseBranch: 'release/1.x',
      baseBranchStores: false,
    })
    expect(into('release/1.x', globs).baseBranchStores).toBe(true)
    expect(into('main').baseBranchStores).toBe(true)
  })
})

describe('branch globs', () => {
  test('* stays within a segment, ** crosses them, everything else is literal', () => {
    expect(matchesBranch(['release/*'], 'release/1.x')).toBe(true)
    expect(matchesBranch(['release/*'], 'release/1/x')).toBe(false)
    expect(matchesBranch(['release/**'], 'release/1/x')).toBe(true)
    expect(matchesBranch(['v1.0'], 'v1x0')).toBe(false)
    expect(matchesBranch(['main'], 'main-old')).toBe(false)
  })
})

describe('permission errors', () => {
  const refused = (headers: Record<string, string> = {}) =>
    Object.assign(
      new Error('Resource not accessible by integration - https://docs.github.com/rest'),
      {
        status: 403,
        response: { headers },
      },
    )
  test('a 403 refusal is one, a rate limit is not', () => {
    expect(isPermissionDenied(refused())).toBe(true)
    expect(isPermissionDenied(refused({ 'x-ratelimit-remaining': '0' }))).toBe(false)
    expect(isPermissionDenied(refused({ 'retry-after': '60' }))).toBe(false)
    expect(
      isPermissionDenied(Object.assign(new Error('API rate limit exceeded'), { status: 403 })),
    ).toBe(false)
    expect(isPermissionDenied(Object.assign(new Error('Server Error'), { status: 500 }))).toBe(
      false,
    )
  })
  test('names the permission to add', () => {
    expect(permissionError(refused(), 'actions: read', 'list workflow runs').oneLine()).toBe(
      "the token may not list workflow runs (GitHub answered 403: Resource not accessible by integration) (add `actions: read` to the job's permissions)",
    )
  })
})

describe('the sticky comment', () => {
  const marker = commentMarker('gomem-gate')
  test('is ours only when the token wrote it and it starts with the marker', () => {
    const login = 'github-actions[bot]'
    expect(isOurComment({ id: 1, body: `${marker}\nreport`, user: { login } }, marker, login)).toBe(
      true,
    )
    expect(
      isOurComment({ id: 2, body: `${marker}\nfake`, user: { login: 'mallory' } }, marker, login),
    ).toBe(false)
    expect(isOurComment({ id: 3, body: `quote: ${marker}`, user: { login } }, marker, login)).toBe(
      false,
    )
    expect(
      isOurComment({ id: 4, body: `${commentMarker('other')}\n`, user: { login } }, marker, login),
    ).toBe(false)
  })
  test('with an installation token (login unknown), any bot comment with the marker is ours', () => {
    const bot = { login: 'shop-ci[bot]', type: 'Bot' }
    expect(isOurComment({ id: 1, body: `${marker}\nr`, user: bot }, marker, undefined)).toBe(true)
    const person = { login: 'mallory', type: 'User' }
    expect(isOurComment({ id: 2, body: `${marker}\nr`, user: person }, marker, undefined)).toBe(
      false,
    )
  })
  test('of several copies the oldest is kept', () => {
    expect(commentToKeep([{ id: 9 }, { id: 3 }, { id: 5 }])!.id).toBe(3)
    expect(commentToKeep([])).toBeUndefined()
  })
  test('comment policies', () => {
    expect(shouldComment('never', 'fail', true, true)).toBe(false)
    expect(shouldComment('always', 'pass', false, false)).toBe(true)
    expect(shouldComment('on-regression', 'pass', true, false)).toBe(false)
    expect(shouldComment('on-regression', 'fail', true, false)).toBe(true)
    expect(shouldComment('on-change', 'pass', false, false)).toBe(false)
    expect(shouldComment('on-change', 'pass', true, false)).toBe(true)
    // An existing comment is kept current, so a fixed regression does not keep saying ❌.
    expect(shouldComment('on-regression', 'pass', false, true)).toBe(true)
  })
})

describe('which earlier run gives the baseline', () => {
  const runs = [
    { id: 1, headSha: 'a', time: '2026-11-01T10:00:00Z' },
    { id: 2, headSha: 'b', time: '2026-11-02T10:00:00Z' },
    { id: 3, headSha: 'c', time: '2026-11-03T10:00:00Z' },
  ]
  test('the merge base first, then the nearest older runs; never a newer one', () => {
    const order = runsToTry(runs, { sha: 'b', time: '2026-11-02T10:00:00Z' })
    expect(order.map((o) => [o.run.id, o.why])).toEqual([
      [2, 'merge-base'],
      [1, 'older'],
    ])
    const noRun = runsToTry(runs, { sha: 'x', time: '2026-11-02T12:00:00Z' })
    expect(noRun.map((o) => [o.run.id, o.why])).toEqual([
      [2, 'older'],
      [1, 'older'],
    ])
  })
  test('without a merge base (a push), newest first', () => {
    expect(runsToTry(runs, undefined).map((o) => o.run.id)).toEqual([3, 2, 1])
  })
})
