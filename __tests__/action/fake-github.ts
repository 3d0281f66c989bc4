// A local stand-in for the parts of GitHub the action talks to: the REST API (issue comments,
// workflow runs, compare, artifacts), the Actions results service (twirp, what @actions/artifact
// v2+ uses for the current run) and the Azure block-blob endpoints its signed URLs point at.
// One node:http server on 127.0.0.1 serves all three; every request is logged in `requests`.
// REST requests are authenticated: tokens are added with addToken (kind and permissions per
// scope; LEGACY_TOKEN is known from the start with every permission), and each route checks
// the scope GitHub demands for it.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { backendIdsForRun, runIdFromBackendId, scopesOf } from './jwt.js'
import { makeZip, readZip } from './zip.js'

export interface FakeComment {
  id: number
  body: string
  /** `type` defaults from the login: `…[bot]` is a Bot, anything else a User. */
  user: { login: string; type?: 'Bot' | 'User' }
  /** Slug of the GitHub App that wrote it (`performed_via_github_app`); default: a `…[bot]` login's. */
  app?: string | null
  created_at: string
  updated_at: string
}

export interface FakeRun {
  id: number
  workflow_id: number
  /** The workflow's `name:` ('CI' for ci.yml, else the file name without extension by default). */
  name: string
  head_branch: string
  head_sha: string
  event: string
  /** 'in_progress' (conclusion null) for a run still going, like the action's own run. */
  status: 'completed' | 'in_progress' | 'queued'
  /** The latest attempt's conclusion. */
  conclusion: 'success' | 'failure' | 'cancelled' | null
  created_at: string
  /** When the latest attempt started (a re-run moves it; created_at stays). */
  run_started_at: string
  /** 1, then + 1 for every re-run (see FakeGitHub.rerun). */
  run_attempt: number
  /** The workflow file, '.github/workflows/ci.yml' by default (workflow_id 4242). */
  path: string
}

export interface FakePull {
  number: number
  headSha: string
  headRef: string
  baseRef: string
  baseSha: string
  /** The head lives in `author`'s fork. */
  fork: boolean
  author: string
  state: 'open' | 'closed'
}

export interface FakeArtifact {
  id: number
  name: string
  runId: number
  zip: Buffer
  size: number
  expired: boolean
  created_at: string
}

export interface FailOptions {
  /** 403/429 rate limits: seconds until `x-ratelimit-reset` (default 60). */
  resetInSeconds?: number
  /**
   * 429 and secondary limits: the `retry-after` header in seconds (default 1); null leaves the
   * header out, as GitHub does on some secondary-limit answers.
   */
  retryAfterSeconds?: number | null
  /**
   * A 403 (or 429) of the secondary rate limit: its message, `retry-after`, and rate-limit
   * headers that are NOT exhausted (x-ratelimit-remaining stays above 0), as GitHub answers it.
   * Without it a 403 is the primary limit (x-ratelimit-remaining 0).
   */
  secondary?: boolean
}

/** The permissions the fake enforces (see FakeGitHub.addToken). */
export type Scope = 'actions' | 'contents' | 'issues' | 'pull-requests' | 'metadata'
/** Every permission a workflow's `permissions:` (or a GitHub App) can name. */
export type GitHubScope =
  | Scope
  | 'attestations'
  | 'checks'
  | 'deployments'
  | 'discussions'
  | 'id-token'
  | 'models'
  | 'packages'
  | 'pages'
  | 'repository-projects'
  | 'security-events'
  | 'statuses'
export type Level = 'none' | 'read' | 'write'
/** Scope → level; `pull_requests` (the REST spelling) is accepted for `pull-requests`. */
export type Permissions = Partial<Record<GitHubScope | 'pull_requests', Level>>

export const GITHUB_SCOPES: readonly GitHubScope[] = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'metadata',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
]

export interface TokenSpec {
  /**
   * installation: a workflow's GITHUB_TOKEN (login github-actions[bot], or the fake's botLogin);
   * app: a GitHub App installation token (login `<slug>[bot]`, default gomem-gate-app[bot]);
   * user: a (fine-grained) personal access token (login default octocat).
   */
  kind: 'installation' | 'app' | 'user'
  login?: string
  /**
   * Omitted: every permission write. Given: what is listed, every other scope none; metadata is
   * always at least read (GitHub grants it to every installation).
   */
  permissions?: Permissions
}

export interface FakeToken {
  token: string
  kind: TokenSpec['kind']
  login: string
  /** Normalised: every GitHubScope present, dashed spelling (`pull-requests`). */
  permissions: Record<GitHubScope, Level>
}

/** The token the harness hands the action by default (its TOKEN): installation, all write. */
export const LEGACY_TOKEN = 'ghs_FakeGitHubToken000000000000000000000'

/** Normalises a permission map (accepts `pull_requests`); throws on unknown scopes or levels. */
export function normalizePermissions(p: Permissions | undefined): Record<GitHubScope, Level> {
  const out = {} as Record<GitHubScope, Level>
  for (const s of GITHUB_SCOPES) out[s] = p === undefined ? 'write' : 'none'
  for (const [k, v] of Object.entries(p ?? {})) {
    const scope = (k === 'pull_requests' ? 'pull-requests' : k) as GitHubScope
    if (!GITHUB_SCOPES.includes(scope)) throw new Error(`fake-github: unknown permission ${k}`)
    if (v === undefined) continue
    if (v !== 'none' && v !== 'read' && v !== 'write')
      throw new Error(`fake-github: permission ${k}: ${String(v)} is not none, read or write`)
    out[scope] = v
  }
  if (out.metadata === 'none' || p === undefined) out.metadata = 'read'
  return out
}

export interface FakeGitHub {
  /** http://127.0.0.1:PORT — GITHUB_API_URL, and the origin of ACTIONS_RESULTS_URL. */
  url: string
  owner: string
  repo: string
  /** The numeric repository id (used in `Link` headers, as GitHub does: /repositories/{id}/…). */
  repoId: number
  botLogin: string
  /** The run id uploads are filed under when the runtime token does not name one. */
  currentRunId: number
  /** Comments by issue/PR number; may be filled directly (see also addComment). */
  comments: Map<number, FakeComment[]>
  runs: FakeRun[]
  artifacts: FakeArtifact[]
  /** Pull requests for GET /pulls/{n} (the harness registers the PR of a pull_request event). */
  pulls: Map<number, FakePull>
  /** 'base...head' → merge base sha, for GET /compare/{base}...{head}. */
  mergeBase: Map<string, string>
  /** Every request in arrival order; `path` includes the query. */
  requests: { method: string; path: string; status: number }[]
  /** true: POST/PATCH/DELETE of comments answer 403 (a fork PR's read-only token). */
  forbidCommentWrites: boolean
  /**
   * The next `times` (default 1) requests whose method matches (`'*'` for any) and whose path
   * (with query) starts with `pathPrefix` answer `status`: 403/429 as a rate limit, 5xx as a
   * server error; twirp and blob paths answer in their own error formats.
   */
  failNext(
    method: string,
    pathPrefix: string,
    status: number,
    times?: number,
    opts?: FailOptions,
  ): void
  /**
   * Defaults: a successful push run of ci.yml on main, attempt 1, created now (after earlier
   * runs). `path` may be a bare file name (`other.yml`); its workflow_id is workflowId(path)
   * unless `workflow_id` is given for a file not seen before.
   */
  addRun(run: Partial<FakeRun> & { id: number }): FakeRun
  /**
   * The id of a workflow file (`.github/workflows/x.yml` or `x.yml`): 4242 for ci.yml, else a
   * stable id derived from the path. The file becomes known to GET /actions/workflows/….
   */
  workflowId(path: string): number
  /**
   * Re-runs a run as GitHub's "Re-run jobs" does: same id, run_attempt + 1, back to in_progress
   * with conclusion null. Its artifacts (of earlier attempts) stay on the run.
   */
  rerun(runId: number): FakeRun
  /**
   * Makes `token` known. Unknown tokens answer 401 Bad credentials; LEGACY_TOKEN is known from
   * the start (installation, all write). REST routes check the permissions (403 "Resource not
   * accessible by integration" with `x-accepted-github-permissions`); comments are written as
   * the token's login.
   */
  addToken(token: string, spec: TokenSpec): FakeToken
  /** Known tokens (LEGACY_TOKEN included). */
  tokens: Map<string, FakeToken>
  addPull(pull: Partial<FakePull> & { number: number; headSha: string; baseSha: string }): FakePull
  /** Builds a real zip of `files` and files it as an artifact of run `runId`. */
  addArtifact(runId: number, name: string, files: Record<string, Buffer | string>): FakeArtifact
  /** The files inside an artifact's zip. */
  readArtifact(a: FakeArtifact): Record<string, Buffer>
  /** Adds a comment as if `login` (default: the bot) had written it. */
  addComment(
    issue: number,
    body: string,
    opts?: { login?: string; type?: 'Bot' | 'User'; app?: string | null },
  ): FakeComment
  /** The token a logged request (from `requests` or requestsTo) carried, if the fake knew it. */
  tokenOf(request: { method: string; path: string }): FakeToken | undefined
  /** The requests whose path (without query) matches. */
  requestsTo(method: string, pathPattern: RegExp | string): { method: string; path: string }[]
  close(): Promise<void>
}

export interface FakeGitHubOptions {
  owner?: string
  repo?: string
  /** Author of comments written through the API (default 'github-actions[bot]'). */
  botLogin?: string
  /** The run an upload is filed under when its backend id does not encode one (default 1000). */
  currentRunId?: number
}

/** Sizes GitHub enforces. */
export const MAX_COMMENT_CHARS = 65536

const DOCS = 'https://docs.github.com/rest'

interface Pending {
  uploadId: string
  runId: number
  runBackendId: string
  jobBackendId: string
  name: string
  expiresAt?: string
  blocks: Map<string, Buffer>
  blob?: Buffer
}

interface Failure {
  method: string
  prefix: string
  status: number
  remaining: number
  opts: FailOptions
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const md5b64 = (b: Buffer) => createHash('md5').update(b).digest('base64')
const hexId = (seed: string) => createHash('sha1').update(seed).digest('hex')
const numId = (seed: string) => parseInt(hexId(seed).slice(0, 7), 16) + 1_000_000
const nodeId = (prefix: string, id: number) =>
  `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`

/** The numeric id the fake gives repository `owner/repo` (event payloads use the same). */
export const repoIdOf = (owner: string, repo: string): number => numId(`${owner}/${repo}`)

/** `ci.yml` → `.github/workflows/ci.yml`; a path with a directory is kept. */
export const workflowPathOf = (file: string): string =>
  file.includes('/') ? file.replace(/^\.\//, '') : `.github/workflows/${file}`

/** The id the fake (and the harness's payloads) give a workflow file: ci.yml is 4242. */
export const workflowIdOf = (path: string): number => {
  const full = workflowPathOf(path)
  return full === '.github/workflows/ci.yml' ? 4242 : numId(full)
}

/** The workflow's name when nothing says otherwise: 'CI' for ci.yml, else the file's stem. */
export const defaultWorkflowName = (path: string): string => {
  const full = workflowPathOf(path)
  return full === '.github/workflows/ci.yml'
    ? 'CI'
    : (full.split('/').pop() ?? full).replace(/\.ya?ml$/, '')
}

export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = opts.owner ?? 'acme'
  const repo = opts.repo ?? 'svc'
  const botLogin = opts.botLogin ?? 'github-actions[bot]'
  const currentRunId = opts.currentRunId ?? 1000
  const repoId = repoIdOf(owner, repo)

  const comments = new Map<number, FakeComment[]>()
  const runs: FakeRun[] = []
  const pulls = new Map<number, FakePull>()
  const workflowIds = new Map<string, number>([['.github/workflows/ci.yml', 4242]])
  const tokens = new Map<string, FakeToken>()
  const requestTokens = new WeakMap<object, FakeToken>()
  /** Earlier attempts of re-run runs, oldest first (for GET …/attempts/{n}). */
  const attempts = new Map<number, Pick<FakeRun, 'status' | 'conclusion' | 'run_started_at'>[]>()
  const artifacts: FakeArtifact[] = []
  const mergeBase = new Map<string, string>()
  const requests: FakeGitHub['requests'] = []
  const failures: Failure[] = []
  const pending = new Map<string, Pending>() // by uploadId
  const uploadedBy = new Map<number, { runBackendId: string; jobBackendId: string }>()
  const expiresAt = new Map<number, string>()
  let rateUsed = 0
  let nextCommentId = 2_000_000_001
  let nextArtifactId = 1_800_000_001
  let lastStamp = 0

  // A clock that never repeats a second, so creation order is also timestamp order.
  const stamp = (): string => {
    const now = Math.max(Math.floor(Date.now() / 1000) * 1000, lastStamp + 1000)
    lastStamp = now
    return new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }

  let url = ''
  const api = () => `${url}/repos/${owner}/${repo}`
  const html = `https://github.com/${owner}/${repo}`

  const userJson = (login: string, type?: string) => {
    const id = login === 'github-actions[bot]' ? 41898282 : numId(login)
    return {
      login,
      id,
      node_id: nodeId('MDQ6VXNlcj', id),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: `${url}/users/${encodeURIComponent(login)}`,
      html_url: login.endsWith('[bot]')
        ? `https://github.com/apps/${login.slice(0, -5)}`
        : `https://github.com/${login}`,
      type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'),
      user_view_type: 'public',
      site_admin: false,
    }
  }

  /** GET /user for a personal token. */
  const authenticatedUserJson = (login: string) => ({
    ...userJson(login, 'User'),
    name: login === 'octocat' ? 'The Octocat' : login,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    notification_email: null,
    public_repos: 8,
    public_gists: 0,
    followers: 10,
    following: 0,
    created_at: '2011-01-25T18:44:36Z',
    updated_at: '2025-01-01T00:00:00Z',
  })

  const addToken = (token: string, spec: TokenSpec): FakeToken => {
    const login =
      spec.login ??
      (spec.kind === 'installation'
        ? botLogin
        : spec.kind === 'app'
          ? 'gomem-gate-app[bot]'
          : 'octocat')
    const t: FakeToken = {
      token,
      kind: spec.kind,
      login,
      permissions: normalizePermissions(spec.permissions),
    }
    tokens.set(token, t)
    return t
  }
  addToken(LEGACY_TOKEN, { kind: 'installation' })

  const repoJson = () => ({
    id: repoId,
    node_id: nodeId('R', repoId),
    name: repo,
    full_name: `${owner}/${repo}`,
    private: false,
    owner: userJson(owner, 'Organization'),
    html_url: html,
    url: api(),
    fork: false,
    default_branch: 'main',
  })

  const appJson = (slug: string) => {
    const actions = slug === 'github-actions'
    const id = actions ? 15368 : numId(`app:${slug}`)
    return {
      id,
      client_id: `Iv1.${hexId(`client:${slug}`).slice(0, 16)}`,
      slug,
      node_id: nodeId('MDM6QXBw', id),
      owner: actions ? userJson('github', 'Organization') : userJson(owner, 'Organization'),
      name: actions ? 'GitHub Actions' : slug,
      description: '',
      external_url: actions ? 'https://help.github.com/en/actions' : `https://github.com/${owner}`,
      html_url: `https://github.com/apps/${slug}`,
      created_at: '2018-07-30T09:30:17Z',
      updated_at: '2024-04-10T20:33:16Z',
      permissions: { actions: 'write', contents: 'write', issues: 'write', metadata: 'read' },
      events: [],
    }
  }

  const commentJson = (issue: number, c: FakeComment) => {
    const bot = c.user.login.endsWith('[bot]')
    const type = c.user.type ?? (bot ? 'Bot' : 'User')
    const app = c.app !== undefined ? c.app : bot ? c.user.login.slice(0, -5) : null
    return {
      url: `${api()}/issues/comments/${c.id}`,
      html_url: `${html}/pull/${issue}#issuecomment-${c.id}`,
      issue_url: `${api()}/issues/${issue}`,
      id: c.id,
      node_id: nodeId('IC', c.id),
      user: userJson(c.user.login, type),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: type === 'Bot' ? 'NONE' : 'MEMBER',
      body: c.body,
      reactions: {
        url: `${api()}/issues/comments/${c.id}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        hooray: 0,
        confused: 0,
        heart: 0,
        rocket: 0,
        eyes: 0,
      },
      performed_via_github_app: app ? appJson(app) : null,
    }
  }

  const runJson = (r: FakeRun) => ({
    id: r.id,
    name: r.name,
    node_id: nodeId('WFR', r.id),
    head_branch: r.head_branch,
    head_sha: r.head_sha,
    path: r.path,
    display_title: `Run ${r.id}`,
    run_number: r.id % 10000,
    event: r.event,
    status: r.status,
    conclusion: r.conclusion,
    workflow_id: r.workflow_id,
    check_suite_id: r.id + 1,
    check_suite_node_id: nodeId('CS', r.id + 1),
    url: `${api()}/actions/runs/${r.id}`,
    html_url: `${html}/actions/runs/${r.id}`,
    pull_requests: [],
    created_at: r.created_at,
    updated_at: r.run_started_at,
    actor: userJson('octocat'),
    triggering_actor: userJson('octocat'),
    run_attempt: r.run_attempt,
    referenced_workflows: [],
    run_started_at: r.run_started_at,
    jobs_url: `${api()}/actions/runs/${r.id}/jobs`,
    logs_url: `${api()}/actions/runs/${r.id}/logs`,
    check_suite_url: `${api()}/check-suites/${r.id + 1}`,
    artifacts_url: `${api()}/actions/runs/${r.id}/artifacts`,
    cancel_url: `${api()}/actions/runs/${r.id}/cancel`,
    rerun_url: `${api()}/actions/runs/${r.id}/rerun`,
    previous_attempt_url:
      r.run_attempt > 1 ? `${api()}/actions/runs/${r.id}/attempts/${r.run_attempt - 1}` : null,
    workflow_url: `${api()}/actions/workflows/${r.workflow_id}`,
    head_commit: {
      id: r.head_sha,
      tree_id: hexId(`tree:${r.head_sha}`),
      message: 'commit',
      timestamp: r.created_at,
      author: { name: 'Octo Cat', email: 'octocat@example.com' },
      committer: { name: 'GitHub', email: 'noreply@github.com' },
    },
    repository: repoJson(),
    head_repository: repoJson(),
  })

  const artifactJson = (a: FakeArtifact) => {
    const run = runs.find((r) => r.id === a.runId)
    const exp =
      expiresAt.get(a.id) ??
      new Date(Date.parse(a.created_at) + 90 * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    return {
      id: a.id,
      node_id: nodeId('MDg6QXJ0aWZhY3', a.id),
      name: a.name,
      size_in_bytes: a.size,
      url: `${api()}/actions/artifacts/${a.id}`,
      archive_download_url: `${api()}/actions/artifacts/${a.id}/zip`,
      expired: a.expired,
      digest: `sha256:${sha256(a.zip)}`,
      created_at: a.created_at,
      updated_at: a.created_at,
      expires_at: exp,
      workflow_run: {
        id: a.runId,
        repository_id: repoId,
        head_repository_id: repoId,
        head_branch: run?.head_branch ?? 'main',
        head_sha: run?.head_sha ?? hexId(`run:${a.runId}`),
      },
    }
  }

  const pullJson = (p: FakePull) => {
    const headOwner = p.fork ? p.author : owner
    const side = (who: string, ref: string, sha: string) => ({
      label: `${who}:${ref}`,
      ref,
      sha,
      user: userJson(who, who === owner ? 'Organization' : 'User'),
      repo: {
        ...repoJson(),
        ...(who === owner
          ? {}
          : {
              id: repoIdOf(who, repo),
              node_id: nodeId('R', repoIdOf(who, repo)),
              full_name: `${who}/${repo}`,
              owner: userJson(who),
              html_url: `https://github.com/${who}/${repo}`,
              url: `${url}/repos/${who}/${repo}`,
              fork: true,
            }),
      },
    })
    const id = numId(`pull:${p.number}`)
    return {
      url: `${api()}/pulls/${p.number}`,
      id,
      node_id: nodeId('PR', id),
      html_url: `${html}/pull/${p.number}`,
      issue_url: `${api()}/issues/${p.number}`,
      comments_url: `${api()}/issues/${p.number}/comments`,
      number: p.number,
      state: p.state,
      locked: false,
      title: `Pull request ${p.number}`,
      user: userJson(p.author),
      body: null,
      created_at: '2025-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
      closed_at: null,
      merged_at: null,
      merge_commit_sha: hexId(`merge:${p.number}:${p.headSha}`),
      draft: false,
      head: side(headOwner, p.headRef, p.headSha),
      base: side(owner, p.baseRef, p.baseSha),
      author_association: p.fork ? 'CONTRIBUTOR' : 'MEMBER',
      merged: false,
      mergeable: true,
      mergeable_state: 'clean',
      comments: comments.get(p.number)?.length ?? 0,
      commits: 1,
      additions: 10,
      deletions: 2,
      changed_files: 1,
    }
  }

  const findComment = (id: number): { issue: number; list: FakeComment[]; c: FakeComment } => {
    for (const [issue, list] of comments) {
      const c = list.find((x) => x.id === id)
      if (c) return { issue, list, c }
    }
    throw new HttpError(404, 'Not Found')
  }

  const newCommentId = () => {
    for (const list of comments.values())
      for (const c of list) nextCommentId = Math.max(nextCommentId, c.id + 1)
    return nextCommentId++
  }

  const newArtifactId = () => {
    for (const a of artifacts) nextArtifactId = Math.max(nextArtifactId, a.id + 1)
    return nextArtifactId++
  }

  // ---------------------------------------------------------------- responses

  const log = (req: IncomingMessage, status: number) => {
    const entry = { method: req.method ?? 'GET', path: req.url ?? '/', status }
    requests.push(entry)
    const tok = tokenOf(req.headers.authorization)
    if (tok) requestTokens.set(entry, tok)
    // FAKE_GITHUB_LOG=1 npm test … prints the traffic, for debugging.
    if (process.env.FAKE_GITHUB_LOG)
      process.stderr.write(`fake-github: ${status} ${req.method} ${req.url}\n`)
  }

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: Buffer | string | object | null,
    headers: Record<string, string | number> = {},
  ) => {
    log(req, status)
    let payload: Buffer
    if (body === null) payload = Buffer.alloc(0)
    else if (Buffer.isBuffer(body)) payload = body
    else if (typeof body === 'string') payload = Buffer.from(body)
    else {
      payload = Buffer.from(JSON.stringify(body))
      headers = { 'content-type': 'application/json; charset=utf-8', ...headers }
    }
    res.writeHead(status, { ...headers, 'content-length': payload.length })
    res.end(req.method === 'HEAD' ? undefined : payload)
  }

  const restHeaders = (): Record<string, string> => {
    rateUsed++
    return {
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': randomUUID().toUpperCase().slice(0, 23),
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(Math.max(0, 5000 - rateUsed)),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-used': String(rateUsed),
      'x-ratelimit-resource': 'core',
    }
  }

  const restError = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    message: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) =>
    send(
      req,
      res,
      status,
      { message, documentation_url: DOCS, ...extra, status: String(status) },
      { ...restHeaders(), ...headers },
    )

  const twirpError = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    code: string,
    msg: string,
  ) => send(req, res, status, { code, msg })

  const azureHeaders = (req: IncomingMessage): Record<string, string> => ({
    'x-ms-request-id': randomUUID(),
    'x-ms-version': String(req.headers['x-ms-version'] ?? '2026-02-06'),
    'x-ms-client-request-id': String(req.headers['x-ms-client-request-id'] ?? ''),
    date: new Date().toUTCString(),
    server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0',
  })

  const azureError = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    code: string,
    message: string,
  ) => {
    const headers = azureHeaders(req)
    const xml =
      `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}\n` +
      `RequestId:${headers['x-ms-request-id']}\nTime:${new Date().toISOString()}</Message></Error>`
    send(req, res, status, xml, {
      ...headers,
      'content-type': 'application/xml',
      'x-ms-error-code': code,
    })
  }

  // ---------------------------------------------------------------- injected failures

  const injected = (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = req.url ?? '/'
    const i = failures.findIndex(
      (f) => (f.method === '*' || f.method === req.method) && path.startsWith(f.prefix),
    )
    if (i < 0) return false
    const f = failures[i]
    if (--f.remaining <= 0) failures.splice(i, 1)
    const s = f.status
    if (path.startsWith('/twirp/')) {
      const code =
        s === 429
          ? 'resource_exhausted'
          : s === 502 || s === 503 || s === 504
            ? 'unavailable'
            : s === 401
              ? 'unauthenticated'
              : s === 403
                ? 'permission_denied'
                : s === 404
                  ? 'not_found'
                  : s >= 500
                    ? 'internal'
                    : 'invalid_argument'
      twirpError(req, res, s, code, `injected failure (${s})`)
    } else if (path.startsWith('/upload/') || path.startsWith('/blob/')) {
      azureError(req, res, s, s === 503 ? 'ServerBusy' : 'InternalError', 'Injected failure.')
    } else if ((s === 403 || s === 429) && f.opts.secondary) {
      // Secondary limit: the primary budget is not spent; the body and retry-after say why.
      const headers: Record<string, string> = restHeaders()
      const after = f.opts.retryAfterSeconds === undefined ? 1 : f.opts.retryAfterSeconds
      if (after !== null) headers['retry-after'] = String(after)
      send(
        req,
        res,
        s,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
            'If you reach out to GitHub Support for help, please include the request ID ' +
            `${headers['x-github-request-id']} and timestamp ${new Date().toISOString().replace(/\.\d{3}Z$/, ' UTC')}.`,
          documentation_url:
            'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: String(s),
        },
        headers,
      )
    } else if (s === 403 || s === 429) {
      const reset = Math.floor(Date.now() / 1000) + (f.opts.resetInSeconds ?? 60)
      const headers: Record<string, string> = {
        ...restHeaders(),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-used': '5000',
      }
      if (s === 429 && f.opts.retryAfterSeconds !== null)
        headers['retry-after'] = String(f.opts.retryAfterSeconds ?? 1)
      const message =
        s === 403
          ? 'API rate limit exceeded for installation ID 12345678. If you reach out to GitHub Support for help, please include the request ID ' +
            `${headers['x-github-request-id']} and timestamp ${new Date().toISOString()}.`
          : 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
      send(
        req,
        res,
        s,
        {
          message,
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: String(s),
        },
        headers,
      )
    } else if (s === 502) {
      send(
        req,
        res,
        s,
        '<html><body><h1>502 Bad Gateway</h1>Unicorn! This page is taking too long to load.</body></html>',
        { 'content-type': 'text/html' },
      )
    } else {
      restError(req, res, s, s === 500 ? 'Server Error' : (STATUS_CODES[s] ?? 'Error'))
    }
    return true
  }

  // ---------------------------------------------------------------- REST

  const intParam = (q: URLSearchParams, name: string, dflt: number, max = Infinity) => {
    const v = Number.parseInt(q.get(name) ?? '', 10)
    return Number.isFinite(v) && v >= 1 ? Math.min(v, max) : dflt
  }

  /** Slices one page and sets GitHub's `Link` header (URLs of the /repositories/{id} form). */
  const paginate = <T>(
    items: T[],
    q: URLSearchParams,
    sub: string,
    headers: Record<string, string>,
  ): T[] => {
    const perPage = intParam(q, 'per_page', 30, 100)
    const page = intParam(q, 'page', 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (p: number, rel: string) => {
      const params = new URLSearchParams(q)
      params.set('page', String(p))
      return `<${url}/repositories/${repoId}${sub}?${params.toString()}>; rel="${rel}"`
    }
    const links: string[] = []
    if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'))
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'))
    if (links.length) headers.link = links.join(', ')
    return items.slice((page - 1) * perPage, page * perPage)
  }

  const parseJsonBody = (raw: Buffer): Record<string, unknown> => {
    try {
      const v: unknown = JSON.parse(raw.toString('utf8') || '{}')
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>
    } catch {
      // fall through
    }
    throw new HttpError(400, 'Problems parsing JSON')
  }

  const commentBody = (raw: Buffer): string => {
    const { body } = parseJsonBody(raw)
    if (typeof body !== 'string')
      throw new HttpError(422, 'Invalid request.\n\nNo subschema in "anyOf" matched.')
    if ([...body].length > MAX_COMMENT_CHARS)
      throw new HttpError(422, 'Validation Failed', {
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: `body is too long (maximum is ${MAX_COMMENT_CHARS} characters)`,
          },
        ],
      })
    return body
  }

  const forbidden = (tok: FakeToken, docs: string) =>
    new HttpError(
      403,
      tok.kind === 'user'
        ? 'Resource not accessible by personal access token'
        : 'Resource not accessible by integration',
      { documentation_url: `${DOCS}/${docs}` },
    )

  const RANK: Record<Level, number> = { none: 0, read: 1, write: 2 }
  /**
   * Demands one of `alternatives` (scope, level) of the token, as GitHub does for fine-grained
   * actors: the `x-accepted-github-permissions` header lists the alternatives (sets separated
   * by `; `, REST spellings), and a token with none of them gets 403.
   */
  const need = (
    tok: FakeToken,
    headers: Record<string, string>,
    docs: string,
    ...alternatives: [Scope, 'read' | 'write'][]
  ) => {
    headers['x-accepted-github-permissions'] = alternatives
      .map(([scope, level]) => `${scope.replace('-', '_')}=${level}`)
      .join('; ')
    if (!alternatives.some(([scope, level]) => RANK[tok.permissions[scope]] >= RANK[level]))
      throw forbidden(tok, docs)
  }

  const workflowPathFor = (id: string): string | undefined => {
    if (/^\d+$/.test(id)) return [...workflowIds].find(([, v]) => v === Number(id))?.[0]
    return [...workflowIds.keys()].find((p) => p === id || p.endsWith(`/${id}`))
  }

  const workflowJson = (path: string) => {
    const id = workflowIds.get(path)!
    const name = [...runs].reverse().find((r) => r.path === path)?.name ?? defaultWorkflowName(path)
    return {
      id,
      node_id: nodeId('W', id),
      name,
      path,
      state: 'active',
      created_at: '2024-01-10T08:00:00Z',
      updated_at: '2024-01-10T08:00:00Z',
      url: `${api()}/actions/workflows/${id}`,
      html_url: `${html}/blob/main/${path}`,
      badge_url: `${html}/workflows/${encodeURIComponent(name)}/badge.svg`,
    }
  }

  const restRoute = (
    method: string,
    sub: string,
    q: URLSearchParams,
    raw: Buffer,
    headers: Record<string, string>,
    tok: FakeToken,
  ): { status: number; body: object | null } => {
    let m: RegExpExecArray | null
    const read = method === 'GET' || method === 'HEAD'
    // Issue comments: either permission works (a PR is an issue).
    const comments_ = (level: 'read' | 'write', docs: string) =>
      need(tok, headers, `issues/comments#${docs}`, ['issues', level], ['pull-requests', level])
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(sub))) {
      const issue = Number(m[1])
      if (method === 'GET') {
        comments_('read', 'list-issue-comments')
        const list = [...(comments.get(issue) ?? [])].sort((a, b) => a.id - b.id)
        return {
          status: 200,
          body: paginate(list, q, sub, headers).map((c) => commentJson(issue, c)),
        }
      }
      if (method === 'POST') {
        comments_('write', 'create-an-issue-comment')
        if (gh.forbidCommentWrites) throw forbidden(tok, 'issues/comments#create-an-issue-comment')
        const c = gh.addComment(issue, commentBody(raw), {
          login: tok.login,
          type: tok.kind === 'user' ? 'User' : 'Bot',
          app: tok.kind === 'user' ? null : tok.login.replace(/\[bot\]$/, ''),
        })
        headers.location = `${api()}/issues/comments/${c.id}`
        return { status: 201, body: commentJson(issue, c) }
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(sub))) {
      const docs = read
        ? 'get-an-issue-comment'
        : method === 'PATCH'
          ? 'update-an-issue-comment'
          : 'delete-an-issue-comment'
      comments_(read ? 'read' : 'write', docs)
      if (!read && gh.forbidCommentWrites) throw forbidden(tok, `issues/comments#${docs}`)
      const { issue, list, c } = findComment(Number(m[1]))
      if (method === 'GET') return { status: 200, body: commentJson(issue, c) }
      if (method === 'PATCH') {
        c.body = commentBody(raw)
        c.updated_at = stamp()
        return { status: 200, body: commentJson(issue, c) }
      }
      if (method === 'DELETE') {
        list.splice(list.indexOf(c), 1)
        return { status: 204, body: null }
      }
    }
    if ((m = /^\/actions\/runs\/(\d+)\/rerun$/.exec(sub)) && method === 'POST') {
      need(tok, headers, 'actions/workflow-runs#re-run-a-workflow', ['actions', 'write'])
      if (!runs.some((r) => r.id === Number(m![1]))) throw new HttpError(404, 'Not Found')
      gh.rerun(Number(m[1]))
      return { status: 201, body: {} }
    }
    if (method !== 'GET' && method !== 'HEAD' && method !== 'DELETE')
      throw new HttpError(404, 'Not Found')

    if (sub === '' && read) {
      need(tok, headers, 'repos/repos#get-a-repository', ['metadata', 'read'])
      return { status: 200, body: repoJson() }
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(sub)) && method !== 'DELETE') {
      need(tok, headers, 'pulls/pulls#get-a-pull-request', ['pull-requests', 'read'])
      const p = pulls.get(Number(m[1]))
      if (!p) throw new HttpError(404, 'Not Found')
      return { status: 200, body: pullJson(p) }
    }
    if ((m = /^\/actions\/runs\/(\d+)\/attempts\/(\d+)$/.exec(sub)) && read) {
      need(tok, headers, 'actions/workflow-runs#get-a-workflow-run-attempt', ['actions', 'read'])
      const r = runs.find((x) => x.id === Number(m![1]))
      const n = Number(m[2])
      if (!r || n < 1 || n > r.run_attempt) throw new HttpError(404, 'Not Found')
      if (n === r.run_attempt) return { status: 200, body: runJson(r) }
      const earlier = attempts.get(r.id)?.[n - 1] ?? { status: 'completed', conclusion: null }
      return { status: 200, body: runJson({ ...r, ...earlier, run_attempt: n }) }
    }
    if ((m = /^\/actions\/runs\/(\d+)$/.exec(sub)) && method !== 'DELETE') {
      need(tok, headers, 'actions/workflow-runs#get-a-workflow-run', ['actions', 'read'])
      const r = runs.find((x) => x.id === Number(m![1]))
      if (!r) throw new HttpError(404, 'Not Found')
      return { status: 200, body: runJson(r) }
    }
    if (sub === '/actions/workflows' && read) {
      need(tok, headers, 'actions/workflows#list-repository-workflows', ['actions', 'read'])
      const list = [...workflowIds.keys()].map(workflowJson)
      return {
        status: 200,
        body: { total_count: list.length, workflows: paginate(list, q, sub, headers) },
      }
    }
    if ((m = /^\/actions\/workflows\/([^/]+)$/.exec(sub)) && read) {
      need(tok, headers, 'actions/workflows#get-a-workflow', ['actions', 'read'])
      const path = workflowPathFor(decodeURIComponent(m[1]))
      if (!path) throw new HttpError(404, 'Not Found')
      return { status: 200, body: workflowJson(path) }
    }
    const wf = /^\/actions\/workflows\/([^/]+)\/runs$/.exec(sub)
    if ((wf || sub === '/actions/runs') && method !== 'DELETE') {
      need(
        tok,
        headers,
        wf
          ? 'actions/workflow-runs#list-workflow-runs-for-a-workflow'
          : 'actions/workflow-runs#list-workflow-runs-for-a-repository',
        ['actions', 'read'],
      )
      // An unknown workflow file or id is a 404, as on GitHub.
      const path = wf ? workflowPathFor(decodeURIComponent(wf[1])) : undefined
      if (wf && !path) throw new HttpError(404, 'Not Found')
      const completed = [
        'completed',
        'in_progress',
        'queued',
        'requested',
        'waiting',
        'pending',
        'action_required',
      ]
      const status = q.get('status')
      // status=success & co. look at the latest attempt's conclusion (a re-run in progress has none).
      const list = runs
        .filter((r) => path === undefined || r.path === path)
        .filter((r) => !q.get('branch') || r.head_branch === q.get('branch'))
        .filter((r) => !q.get('event') || r.event === q.get('event'))
        .filter((r) => !q.get('head_sha') || r.head_sha === q.get('head_sha'))
        .filter(
          (r) =>
            !status || (completed.includes(status) ? r.status === status : r.conclusion === status),
        )
        .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id)
      return {
        status: 200,
        body: {
          total_count: list.length,
          workflow_runs: paginate(list, q, sub, headers).map(runJson),
        },
      }
    }
    if ((m = /^\/compare\/(.+)$/.exec(sub)) && method !== 'DELETE') {
      need(tok, headers, 'commits/commits#compare-two-commits', ['contents', 'read'])
      const basehead = decodeURIComponent(m[1])
      const sha = mergeBase.get(basehead)
      const [base, head] = basehead.split('...')
      if (!sha || head === undefined) throw new HttpError(404, 'Not Found')
      const commit = (s: string) => {
        // The commit's date: that of a run of it if there is one, else a fixed past date.
        const date = runs.find((r) => r.head_sha === s)?.created_at ?? '2025-01-01T00:00:00Z'
        const who = (name: string, email: string) => ({ name, email, date })
        return {
          sha: s,
          node_id: nodeId('C', numId(s)),
          url: `${api()}/commits/${s}`,
          html_url: `${html}/commit/${s}`,
          commit: {
            author: who('Octo Cat', 'octocat@example.com'),
            committer: who('GitHub', 'noreply@github.com'),
            message: 'commit',
            tree: { sha: hexId(`tree:${s}`), url: `${api()}/git/trees/${hexId(`tree:${s}`)}` },
            url: `${api()}/git/commits/${s}`,
            comment_count: 0,
          },
          author: userJson('octocat'),
          committer: userJson('web-flow'),
          parents: [],
        }
      }
      return {
        status: 200,
        body: {
          url: `${api()}/compare/${basehead}`,
          html_url: `${html}/compare/${basehead}`,
          base_commit: commit(/^[0-9a-f]{40}$/.test(base) ? base : sha),
          merge_base_commit: commit(sha),
          status: sha === head ? 'identical' : 'ahead',
          ahead_by: sha === head ? 0 : 1,
          behind_by: 0,
          total_commits: sha === head ? 0 : 1,
          commits: [],
          files: [],
        },
      }
    }
    const runArtifacts = /^\/actions\/runs\/(\d+)\/artifacts$/.exec(sub)
    if ((runArtifacts || sub === '/actions/artifacts') && method !== 'DELETE') {
      need(
        tok,
        headers,
        runArtifacts
          ? 'actions/artifacts#list-workflow-run-artifacts'
          : 'actions/artifacts#list-artifacts-for-a-repository',
        ['actions', 'read'],
      )
      const runId = runArtifacts ? Number(runArtifacts[1]) : undefined
      let list = artifacts.filter((a) => runId === undefined || a.runId === runId)
      if (runId !== undefined && list.length === 0 && !runs.some((r) => r.id === runId))
        throw new HttpError(404, 'Not Found')
      const name = q.get('name')
      if (name) list = list.filter((a) => a.name === name)
      list = [...list].sort((a, b) => b.id - a.id)
      return {
        status: 200,
        body: {
          total_count: list.length,
          artifacts: paginate(list, q, sub, headers).map(artifactJson),
        },
      }
    }
    if ((m = /^\/actions\/artifacts\/(\d+)(?:\/([^/]+))?$/.exec(sub))) {
      if (m[2] !== undefined)
        need(tok, headers, 'actions/artifacts#download-an-artifact', ['actions', 'read'])
      else if (method === 'DELETE')
        need(tok, headers, 'actions/artifacts#delete-an-artifact', ['actions', 'write'])
      else need(tok, headers, 'actions/artifacts#get-an-artifact', ['actions', 'read'])
      const a = artifacts.find((x) => x.id === Number(m![1]))
      if (!a) throw new HttpError(404, 'Not Found')
      if (m[2] === undefined) {
        if (method === 'DELETE') {
          artifacts.splice(artifacts.indexOf(a), 1)
          return { status: 204, body: null }
        }
        return { status: 200, body: artifactJson(a) }
      }
      if (method === 'DELETE') throw new HttpError(404, 'Not Found')
      if (m[2] !== 'zip') throw new HttpError(400, `Unsupported archive format: ${m[2]}`)
      if (a.expired) throw new HttpError(410, 'Artifact has expired')
      headers.location = `${url}/blob/${a.id}?sv=2025-01-05&sr=b&sp=r&sig=${randomBytes(8).toString('hex')}`
      return { status: 302, body: null }
    }
    throw new HttpError(404, 'Not Found')
  }

  /** The token an Authorization header carries (`token X`, `Bearer X` or Basic), if known. */
  const tokenOf = (header: string | undefined): FakeToken | undefined => {
    if (!header) return undefined
    let m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header)
    if (!m && (m = /^basic\s+(\S+)\s*$/i.exec(header))) {
      const decoded = Buffer.from(m[1], 'base64').toString('utf8')
      return tokens.get(decoded.slice(decoded.indexOf(':') + 1))
    }
    return m ? tokens.get(m[1]) : undefined
  }

  const rest = (req: IncomingMessage, res: ServerResponse, u: URL, raw: Buffer) => {
    let sub: string | undefined
    const tok = tokenOf(req.headers.authorization)
    // A token the fake does not know (never added, or mistyped) is refused everywhere.
    const unknown = () =>
      req.headers.authorization
        ? restError(req, res, 401, 'Bad credentials')
        : restError(req, res, 404, 'Not Found')
    let m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(u.pathname)
    if (m) {
      if (
        decodeURIComponent(m[1]).toLowerCase() === owner.toLowerCase() &&
        decodeURIComponent(m[2]).toLowerCase() === repo.toLowerCase()
      )
        sub = m[3] ?? ''
    } else if ((m = /^\/repositories\/(\d+)(\/.*)?$/.exec(u.pathname))) {
      if (Number(m[1]) === repoId) sub = m[2] ?? ''
    } else if (u.pathname !== '/user') {
      return tok ? restError(req, res, 404, 'Not Found') : unknown()
    }
    if (!req.headers.authorization) return restError(req, res, 401, 'Requires authentication')
    if (!tok) return unknown()
    if (u.pathname === '/user') {
      // Installation tokens (a GITHUB_TOKEN, a GitHub App's) have no user.
      if (tok.kind !== 'user')
        return restError(req, res, 403, 'Resource not accessible by integration', {
          documentation_url: `${DOCS}/users/users#get-the-authenticated-user`,
        })
      return send(req, res, 200, authenticatedUserJson(tok.login), restHeaders())
    }
    if (sub === undefined) return restError(req, res, 404, 'Not Found')
    const headers = restHeaders()
    try {
      const { status, body } = restRoute(
        req.method ?? 'GET',
        sub,
        u.searchParams,
        raw,
        headers,
        tok,
      )
      send(req, res, status, body, headers)
    } catch (e) {
      if (!(e instanceof HttpError)) throw e
      const body = {
        message: e.message,
        documentation_url: DOCS,
        ...e.extra,
        status: String(e.status),
      }
      send(req, res, e.status, body, headers)
    }
  }

  // ---------------------------------------------------------------- results service (twirp)

  const twirp = (req: IncomingMessage, res: ServerResponse, method: string, raw: Buffer) => {
    if (req.method !== 'POST')
      return twirpError(req, res, 404, 'bad_route', `unsupported method ${req.method}`)
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
      return twirpError(req, res, 404, 'bad_route', 'unexpected Content-Type (fake: JSON only)')
    const auth = String(req.headers.authorization ?? '')
    const scope = scopesOf(auth.replace(/^Bearer\s+/i, ''))?.find((s) =>
      s.startsWith('Actions.Results:'),
    )
    if (!auth.startsWith('Bearer ') || !scope)
      return twirpError(req, res, 401, 'unauthenticated', 'invalid or missing runtime token')
    const tokenRunId = runIdFromBackendId(scope.split(':')[1]) ?? currentRunId
    let body: Record<string, unknown>
    try {
      body = parseJsonBody(raw)
    } catch {
      return twirpError(req, res, 400, 'malformed', 'failed to parse request json')
    }
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '')
    const runBackendId = str('workflow_run_backend_id')
    const jobBackendId = str('workflow_job_run_backend_id')
    if (!runBackendId || !jobBackendId)
      return twirpError(req, res, 400, 'invalid_argument', 'workflow run backend ids are required')
    const runId = runIdFromBackendId(runBackendId) ?? currentRunId
    if (runId !== tokenRunId)
      return twirpError(req, res, 403, 'permission_denied', 'token is not valid for this run')
    const live = (name?: string) =>
      artifacts
        .filter((a) => a.runId === runId && !a.expired && (name === undefined || a.name === name))
        .sort((a, b) => b.id - a.id)

    switch (method) {
      case 'CreateArtifact': {
        const name = str('name')
        if (!name) return twirpError(req, res, 400, 'invalid_argument', 'name is required')
        if (Number(body.version ?? 0) < 4)
          return twirpError(req, res, 400, 'invalid_argument', 'unsupported artifact version')
        if (live(name).length)
          return twirpError(
            req,
            res,
            409,
            'already_exists',
            'an artifact with this name already exists on the workflow run',
          )
        for (const [k, p] of pending) if (p.runId === runId && p.name === name) pending.delete(k)
        const uploadId = randomUUID()
        pending.set(uploadId, {
          uploadId,
          runId,
          runBackendId,
          jobBackendId,
          name,
          expiresAt: str('expires_at') || undefined,
          blocks: new Map(),
        })
        const se = new Date(Date.now() + 6 * 3600_000).toISOString()
        return send(req, res, 200, {
          ok: true,
          signed_upload_url: `${url}/upload/actions-results/${uploadId}.zip?sv=2025-01-05&se=${encodeURIComponent(se)}&sr=b&sp=racw&sig=${randomBytes(8).toString('hex')}`,
        })
      }
      case 'FinalizeArtifact': {
        const name = str('name')
        const p = [...pending.values()].find((x) => x.runId === runId && x.name === name)
        if (!p) return twirpError(req, res, 404, 'not_found', 'artifact not found')
        if (!p.blob)
          return twirpError(req, res, 412, 'failed_precondition', 'artifact blob not uploaded')
        const size = Number(body.size ?? 0)
        if (size !== p.blob.length)
          return twirpError(
            req,
            res,
            400,
            'invalid_argument',
            `size ${size} does not match uploaded blob (${p.blob.length} bytes)`,
          )
        const hash = str('hash')
        if (hash && hash !== `sha256:${sha256(p.blob)}`)
          return twirpError(req, res, 400, 'invalid_argument', `hash mismatch: ${hash}`)
        pending.delete(p.uploadId)
        const a: FakeArtifact = {
          id: newArtifactId(),
          name,
          runId,
          zip: p.blob,
          size: p.blob.length,
          expired: false,
          created_at: stamp(),
        }
        artifacts.push(a)
        uploadedBy.set(a.id, { runBackendId: p.runBackendId, jobBackendId: p.jobBackendId })
        if (p.expiresAt) expiresAt.set(a.id, p.expiresAt)
        return send(req, res, 200, { ok: true, artifact_id: String(a.id) })
      }
      case 'ListArtifacts': {
        let list = live()
        const nameFilter = body.name_filter
        const idFilter = body.id_filter
        if (typeof nameFilter === 'string') list = list.filter((a) => a.name === nameFilter)
        if (idFilter !== undefined && idFilter !== null)
          list = list.filter((a) => String(a.id) === String(idFilter))
        return send(req, res, 200, {
          artifacts: list.map((a) => {
            const ids = uploadedBy.get(a.id)
            const derived = backendIdsForRun(a.runId)
            return {
              workflow_run_backend_id: ids?.runBackendId ?? derived.runBackendId,
              workflow_job_run_backend_id: ids?.jobBackendId ?? derived.jobBackendId,
              database_id: String(a.id),
              name: a.name,
              size: String(a.size),
              created_at: a.created_at,
              digest: `sha256:${sha256(a.zip)}`,
            }
          }),
        })
      }
      case 'GetSignedArtifactURL': {
        const [a] = live(str('name'))
        if (!a) return twirpError(req, res, 404, 'not_found', 'artifact not found')
        return send(req, res, 200, {
          signed_url: `${url}/blob/${a.id}?sv=2025-01-05&sr=b&sp=r&sig=${randomBytes(8).toString('hex')}`,
        })
      }
      case 'DeleteArtifact': {
        const [a] = live(str('name'))
        if (!a) return twirpError(req, res, 404, 'not_found', 'artifact not found')
        artifacts.splice(artifacts.indexOf(a), 1)
        return send(req, res, 200, { ok: true, artifact_id: String(a.id) })
      }
      default:
        return twirpError(req, res, 404, 'bad_route', `no handler for path ${req.url}`)
    }
  }

  // ---------------------------------------------------------------- Azure blob storage

  const upload = (req: IncomingMessage, res: ServerResponse, u: URL, raw: Buffer) => {
    const m = /^\/upload\/actions-results\/([0-9a-f-]+)\.zip$/.exec(u.pathname)
    const p = m ? pending.get(m[1]) : undefined
    if (!u.searchParams.get('sig'))
      return azureError(req, res, 403, 'AuthenticationFailed', 'Signature not present.')
    if (!p) return azureError(req, res, 404, 'BlobNotFound', 'The specified blob does not exist.')
    if (req.method !== 'PUT')
      return azureError(req, res, 405, 'UnsupportedHttpVerb', 'The resource does not support it.')
    if (req.headers['x-ms-structured-body'])
      return azureError(
        req,
        res,
        400,
        'UnsupportedHeader',
        'fake-github: structured (CRC64) bodies are not implemented.',
      )
    const comp = u.searchParams.get('comp')
    const ok = (extra: Record<string, string>) =>
      send(req, res, 201, null, {
        ...azureHeaders(req),
        'x-ms-request-server-encrypted': 'true',
        ...extra,
      })
    const stored = () => ({
      etag: `"0x8DC${randomBytes(6).toString('hex').toUpperCase()}"`,
      'last-modified': new Date().toUTCString(),
    })
    if (comp === 'block') {
      const blockId = u.searchParams.get('blockid')
      if (!blockId)
        return azureError(req, res, 400, 'InvalidQueryParameterValue', 'blockid is required.')
      p.blocks.set(blockId, raw)
      return ok({ 'content-md5': md5b64(raw) })
    }
    if (comp === 'blocklist') {
      const ids = [
        ...raw.toString('utf8').matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g),
      ].map((x) => x[2])
      const missing = ids.find((id) => !p.blocks.has(id))
      if (missing !== undefined)
        return azureError(req, res, 400, 'InvalidBlockList', 'The specified block list is invalid.')
      p.blob = Buffer.concat(ids.map((id) => p.blocks.get(id)!))
      p.blocks.clear()
      return ok({ ...stored(), 'x-ms-version-id': new Date().toISOString() })
    }
    if (comp === null) {
      if (req.headers['x-ms-blob-type'] !== 'BlockBlob')
        return azureError(req, res, 400, 'MissingRequiredHeader', 'x-ms-blob-type is required.')
      p.blob = raw
      return ok({ ...stored(), 'content-md5': md5b64(raw) })
    }
    return azureError(req, res, 400, 'InvalidQueryParameterValue', `comp=${comp}`)
  }

  const blob = (req: IncomingMessage, res: ServerResponse, u: URL) => {
    const m = /^\/blob\/(\d+)$/.exec(u.pathname)
    if (!u.searchParams.get('sig'))
      return azureError(req, res, 403, 'AuthenticationFailed', 'Signature not present.')
    const a = m ? artifacts.find((x) => x.id === Number(m[1]) && !x.expired) : undefined
    if (!a || (req.method !== 'GET' && req.method !== 'HEAD'))
      return azureError(req, res, 404, 'BlobNotFound', 'The specified blob does not exist.')
    send(req, res, 200, a.zip, {
      ...azureHeaders(req),
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename=${a.name}.zip; filename*=UTF-8''${encodeURIComponent(a.name)}.zip`,
      'content-md5': md5b64(a.zip),
      etag: `"0x8DC${hexId(String(a.id)).slice(0, 12).toUpperCase()}"`,
      'last-modified': new Date(a.created_at).toUTCString(),
      'accept-ranges': 'bytes',
      'x-ms-blob-type': 'BlockBlob',
      'x-ms-server-encrypted': 'true',
    })
  }

  // ---------------------------------------------------------------- server

  const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks)
    const u = new URL(req.url ?? '/', url)
    if (injected(req, res)) return
    if (u.pathname.startsWith('/twirp/')) {
      if (!u.pathname.startsWith(TWIRP))
        return twirpError(req, res, 404, 'bad_route', `no handler for path ${u.pathname}`)
      return twirp(req, res, u.pathname.slice(TWIRP.length), raw)
    }
    if (u.pathname.startsWith('/upload/')) return upload(req, res, u, raw)
    if (u.pathname.startsWith('/blob/')) return blob(req, res, u)
    return rest(req, res, u, raw)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const message = `fake-github internal error: ${e instanceof Error ? e.stack : String(e)}`
      if (!res.headersSent) send(req, res, 500, { message })
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const gh: FakeGitHub = {
    url,
    owner,
    repo,
    repoId,
    botLogin,
    currentRunId,
    comments,
    runs,
    artifacts,
    pulls,
    mergeBase,
    requests,
    forbidCommentWrites: false,
    failNext(method, pathPrefix, status, times = 1, fopts = {}) {
      failures.push({
        method: method.toUpperCase(),
        prefix: pathPrefix,
        status,
        remaining: times,
        opts: fopts,
      })
    },
    addRun(run) {
      const path = workflowPathOf(run.path ?? 'ci.yml')
      if (!workflowIds.has(path)) workflowIds.set(path, run.workflow_id ?? workflowIdOf(path))
      const created = run.created_at ?? stamp()
      const full: FakeRun = {
        workflow_id: workflowIds.get(path)!,
        name: defaultWorkflowName(path),
        head_branch: 'main',
        head_sha: hexId(`run:${run.id}`),
        event: 'push',
        status: 'completed',
        conclusion: 'success',
        created_at: created,
        run_started_at: created,
        run_attempt: 1,
        ...run,
        path,
      }
      runs.push(full)
      return full
    },
    workflowId(path) {
      const full = workflowPathOf(path)
      if (!workflowIds.has(full)) workflowIds.set(full, workflowIdOf(full))
      return workflowIds.get(full)!
    },
    rerun(runId) {
      const run = runs.find((r) => r.id === runId)
      if (!run) throw new Error(`fake-github: no run ${runId} to re-run`)
      const earlier = attempts.get(runId) ?? []
      earlier[run.run_attempt - 1] = {
        status: run.status,
        conclusion: run.conclusion,
        run_started_at: run.run_started_at,
      }
      attempts.set(runId, earlier)
      run.run_attempt++
      run.status = 'in_progress'
      run.conclusion = null
      run.run_started_at = stamp()
      return run
    },
    addToken,
    tokens,
    addPull(pull) {
      const full: FakePull = {
        headRef: 'feature',
        baseRef: 'main',
        fork: false,
        author: pull.fork ? 'contributor' : 'octocat',
        state: 'open',
        ...pull,
      }
      pulls.set(full.number, full)
      return full
    },
    addArtifact(runId, name, files) {
      const zip = makeZip(files)
      const a: FakeArtifact = {
        id: newArtifactId(),
        name,
        runId,
        zip,
        size: zip.length,
        expired: false,
        created_at: stamp(),
      }
      artifacts.push(a)
      return a
    },
    readArtifact: (a) => readZip(a.zip),
    addComment(issue, body, copts = {}) {
      const t = stamp()
      const c: FakeComment = {
        id: newCommentId(),
        body,
        user: { login: copts.login ?? botLogin, ...(copts.type ? { type: copts.type } : {}) },
        ...(copts.app !== undefined ? { app: copts.app } : {}),
        created_at: t,
        updated_at: t,
      }
      const list = comments.get(issue) ?? []
      list.push(c)
      comments.set(issue, list)
      return c
    },
    tokenOf: (request) => requestTokens.get(request),
    requestsTo(method, pattern) {
      return requests.filter((r) => {
        const path = r.path.split('?')[0]
        return (
          (method === '*' || r.method === method.toUpperCase()) &&
          (typeof pattern === 'string' ? path === pattern : pattern.test(path))
        )
      })
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()))
        server.closeAllConnections()
      }),
  }
  return gh
}
