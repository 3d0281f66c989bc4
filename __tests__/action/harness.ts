// Runs the bundled action (dist/index.js) the way GitHub's runner does: a fresh workspace, the
// runner's environment variables (and nothing else from the host but PATH and HOME), the event
// payload in GITHUB_EVENT_PATH, inputs as INPUT_* (defaults filled in from action.yml like the
// runner does), and the file commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, …) read back after.
import { spawn } from 'node:child_process'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import {
  defaultWorkflowName,
  repoIdOf,
  workflowIdOf,
  workflowPathOf,
  type FakeGitHub,
  type FakeRun,
  type Permissions,
} from './fake-github.js'
import { NODE24_PATH } from './node24.js'
import { runtimeToken } from './jwt.js'
import { readWorkflowStep, triggersOf, type WorkflowStep } from './workflow-file.js'

export type NodeVersion = 'node20' | 'node24'
export type EventName =
  'push' | 'pull_request' | 'pull_request_target' | 'workflow_run' | 'workflow_dispatch'

/** The repository root (tests run with it as the working directory). */
export const ROOT = process.cwd()
export { NODES } from './node24.js'

/** The executable for a Node version: node20 is the Node running the tests. */
export const nodeBinary = (v: NodeVersion): string => {
  if (v !== 'node24') return process.execPath
  if (!NODE24_PATH) throw new Error('no Node 24 binary: run npm run node24')
  return NODE24_PATH
}

/** The GITHUB_TOKEN the harness hands the action (via action.yml's `${{ github.token }}`). */
export const TOKEN = 'ghs_FakeGitHubToken000000000000000000000'

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  properties: Record<string, string>
}

export interface ActionRun {
  /** Exit code; null when killed (see `signal`, e.g. after the timeout). */
  status: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** From GITHUB_OUTPUT (`name<<DELIM` heredocs and `name=value` lines). */
  outputs: Record<string, string>
  /** The content of GITHUB_STEP_SUMMARY. */
  summary: string
  /** `::error::`, `::warning::` and `::notice::` workflow commands printed on stdout. */
  annotations: Annotation[]
  workspace: string
  /** The environment the process got. */
  env: Record<string, string>
  durationMs: number
  /** The GITHUB_TOKEN of the run (`${{ github.token }}`): TOKEN, or a fresh per-run token. */
  githubToken: string
}

export interface RunOptions {
  gh: FakeGitHub
  /** Default node20. */
  node?: NodeVersion
  eventName: EventName
  /** The webhook payload written to GITHUB_EVENT_PATH (see pushEvent & co. below). */
  event: object
  /** `{ 'fail-on-regression': 'true' }` → INPUT_FAIL-ON-REGRESSION (GitHub's rule). */
  inputs?: Record<string, string>
  /** Written into the fresh workspace (GITHUB_WORKSPACE, also the cwd); paths may have dirs. */
  files?: Record<string, Buffer | string>
  /** GITHUB_RUN_ID (default gh.currentRunId); the runtime token's backend ids encode it. */
  runId?: number
  /**
   * Which job of the run this is (default 0): its own job backend id in the runtime token,
   * while the jobs of one run share the run's artifacts (a matrix and the job after it).
   */
  job?: number
  /** GITHUB_REF / GITHUB_SHA; by default derived from the event as the runner does. */
  ref?: string
  sha?: string
  /** Extra or overriding variables; `undefined` removes one. */
  env?: Record<string, string | undefined>
  /** The script to run instead of dist/index.js (absolute, or relative to the repo root). */
  entry?: string
  args?: string[]
  /** Kill the process after this long (default 60 s). */
  timeoutMs?: number
  /** Fill inputs missing from `inputs` with action.yml's defaults (default true). */
  actionDefaults?: boolean
  /**
   * Make the fake know this run, as GitHub would (default true): unless gh.runs already has
   * `runId`, it is added as in_progress for the event's branch and head sha (attempt `attempt`),
   * and marked completed (success if the process exited 0, else failure) when the process ends.
   * With `attempt`, an existing run is treated the same way: re-run up to that attempt, in
   * progress while the process runs, completed after. A pull request in the event
   * (pull_request*, or workflow_run's pull_requests[0]) is added to gh.pulls unless present.
   */
  register?: boolean
  /**
   * The workflow file of this run, under .github/workflows/ (default 'ci.yml', or the basename
   * of `workflow.file`).
   */
  workflowFile?: string
  /**
   * Run the gomem-gate step of a real workflow file (path relative to the repo root, or
   * absolute; see readWorkflowStep): its `with:` become inputs (after action.yml's defaults,
   * before `inputs`, `${{ }}` evaluated like the defaults), its job's permissions go to a fresh
   * per-run GITHUB_TOKEN, GITHUB_WORKFLOW is its `name:`, GITHUB_JOB the job id. The event must
   * be one its `on:` lists (and for workflow_run, the triggering workflow one it names).
   * A workflow without `permissions:` gets GitHub's restricted default (RESTRICTED_DEFAULT).
   * A `with:` naming an input action.yml does not declare throws (GitHub only warns).
   */
  workflow?: { file: string; job?: string }
  /**
   * Give the run a fresh GITHUB_TOKEN (`ghs_…`, added to the fake as an installation token)
   * with these permissions; overrides the workflow's. Without this and without `workflow`, the
   * run gets the legacy TOKEN (all permissions write). A pull_request from a fork gets every
   * write downgraded to read, as on GitHub.
   */
  permissions?: Permissions
  /**
   * The `github-token` input: a token added with gh.addToken (an App's, a personal one). Goes
   * after the workflow's `with:` and before `inputs`; `${{ github.token }}` stays the run's own.
   */
  token?: string
  /** GITHUB_RUN_ATTEMPT and `github.run_attempt` (default 1); see `register` for the run. */
  attempt?: number
  /**
   * More values for `${{ }}` expressions, by name: `{ 'secrets.APP_TOKEN': t,
   * 'steps.dl.outputs.path': 'x' }` (names are case-insensitive, as on GitHub). Like GitHub, a
   * pull_request from a fork sees every secret but GITHUB_TOKEN empty.
   */
  context?: Record<string, string>
}

/**
 * What a job's GITHUB_TOKEN gets when the workflow sets no `permissions:` and the repository
 * (or organisation) uses GitHub's restricted default — the default for repositories created
 * since February 2023: contents, metadata and packages read, everything else none. The
 * permissive default (every scope write) is not modelled: a workflow that relies on it is
 * exactly what these tests should catch.
 */
export const RESTRICTED_DEFAULT: Permissions = {
  contents: 'read',
  metadata: 'read',
  packages: 'read',
}

const hex = (seed: string) => createHash('sha1').update(seed).digest('hex')

type Json = Record<string, unknown>
const get = (o: unknown, path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), o)

/** GITHUB_REF and GITHUB_SHA for an event, as the runner sets them. */
function refAndSha(eventName: EventName, event: object): { ref: string; sha: string } {
  const e = event as Json
  const defaultBranch = String(get(e, ['repository', 'default_branch']) ?? 'main')
  switch (eventName) {
    case 'push':
      return { ref: String(e.ref ?? 'refs/heads/main'), sha: String(e.after ?? hex('push')) }
    case 'pull_request': {
      const n = Number(get(e, ['pull_request', 'number']) ?? e.number)
      const head = String(get(e, ['pull_request', 'head', 'sha']) ?? '')
      return { ref: `refs/pull/${n}/merge`, sha: hex(`merge:${n}:${head}`) }
    }
    case 'pull_request_target':
      return {
        ref: `refs/heads/${String(get(e, ['pull_request', 'base', 'ref']) ?? defaultBranch)}`,
        sha: String(get(e, ['pull_request', 'base', 'sha']) ?? hex('base')),
      }
    case 'workflow_run':
      return { ref: `refs/heads/${defaultBranch}`, sha: hex(`default-branch:${defaultBranch}`) }
    case 'workflow_dispatch':
      return { ref: String(e.ref ?? `refs/heads/${defaultBranch}`), sha: hex('dispatch') }
  }
}

/** The runner's name for an input's variable: uppercased, spaces → `_`, dashes kept. */
export const inputVar = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

/** Splits `expr` at top-level `op` (outside quotes and parentheses). */
function splitTop(expr: string, op: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i]
    if (ch === "'") quoted = !quoted
    else if (!quoted && ch === '(') depth++
    else if (!quoted && ch === ')') depth--
    else if (!quoted && depth === 0 && expr.startsWith(op, i)) {
      parts.push(expr.slice(start, i))
      start = i + op.length
      i += op.length - 1
    }
  }
  parts.push(expr.slice(start))
  return parts
}

/** `( … )` around the whole expression (not `(a) || (b)`). */
function wrapped(e: string): boolean {
  if (!e.startsWith('(') || !e.endsWith(')')) return false
  let depth = 0
  let quoted = false
  for (let i = 0; i < e.length; i++) {
    if (e[i] === "'") quoted = !quoted
    else if (!quoted && e[i] === '(') depth++
    else if (!quoted && e[i] === ')' && --depth === 0 && i < e.length - 1) return false
  }
  return true
}

const truthy = (v: unknown) =>
  !(v === false || v === 0 || v === '' || v === null || v === undefined)

/**
 * Evaluates the part of GitHub's expression language that inputs use: 'literals' (with ''),
 * true/false/null/numbers, `github.event.*`, names from `ctx` (case-insensitive: github.*,
 * secrets.GITHUB_TOKEN, runner.*, whatever RunOptions.context adds; other secrets are empty, as
 * when unset), `( … )`, `a && b` and
 * `a || b` (with GitHub's values: `a && b || c` picks like JavaScript).
 * Anything else throws, naming `where`.
 */
export function evaluateExpression(
  expr: string,
  ctx: Record<string, string>,
  event: object,
  where: string,
): unknown {
  const alternatives = splitTop(expr, '||')
  if (alternatives.length > 1) {
    let v: unknown
    for (const alt of alternatives) {
      v = evaluateExpression(alt, ctx, event, where)
      if (truthy(v)) return v
    }
    return v
  }
  const conjuncts = splitTop(expr, '&&')
  if (conjuncts.length > 1) {
    let v: unknown
    for (const c of conjuncts) {
      v = evaluateExpression(c, ctx, event, where)
      if (!truthy(v)) return v
    }
    return v
  }
  const e = expr.trim()
  const lit = /^'((?:[^']|'')*)'$/.exec(e)
  if (lit) return lit[1].replace(/''/g, "'")
  if (e === 'true' || e === 'false') return e === 'true'
  if (e === 'null') return null
  if (/^-?\d+(\.\d+)?$/.test(e)) return Number(e)
  if (wrapped(e)) return evaluateExpression(e.slice(1, -1), ctx, event, where)
  if (e === 'github.event') return event
  if (e.startsWith('github.event.')) return get(event, e.slice('github.event.'.length).split('.'))
  const key = Object.keys(ctx).find((k) => k.toLowerCase() === e.toLowerCase())
  if (key !== undefined) return ctx[key]
  if (/^secrets\.[A-Za-z_][A-Za-z0-9_]*$/.test(e)) return '' // an unset secret is empty
  throw new Error(
    `harness: cannot evaluate \${{ ${e} }} (${where}); RunOptions.context can supply it`,
  )
}

/** A string with `${{ }}` expressions replaced by their values, as the runner does for inputs. */
export function evaluateTemplate(
  text: string,
  ctx: Record<string, string>,
  event: object,
  where: string,
): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    const v = evaluateExpression(expr, ctx, event, where)
    return v === undefined || v === null
      ? ''
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v)
  })
}

/** action.yml's inputs (name → spec). */
function actionInputs(): Record<string, Json | null> | undefined {
  const file = join(ROOT, 'action.yml')
  if (!existsSync(file)) return undefined
  const doc = parseYaml(readFileSync(file, 'utf8')) as { inputs?: Record<string, Json | null> }
  return doc.inputs ?? {}
}

/** action.yml's input defaults, with the `${{ }}` expressions a runner would evaluate. */
function actionDefaults(ctx: Record<string, string>, event: object): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, spec] of Object.entries(actionInputs() ?? {})) {
    if (spec?.default === undefined || spec.default === null) continue
    out[name] = evaluateTemplate(String(spec.default), ctx, event, `action.yml, input "${name}"`)
  }
  return out
}

/** A new GITHUB_TOKEN-shaped token: `ghs_` and 36 letters and digits. */
export const freshToken = (): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return `ghs_${[...randomBytes(36)].map((b) => alphabet[b % alphabet.length]).join('')}`
}

/** Every write turned into read (a fork's pull_request token). */
export const downgradeWrites = (p: Permissions): Permissions =>
  Object.fromEntries(
    Object.entries(p).map(([k, v]) => [k, v === 'write' ? 'read' : v]),
  ) as Permissions

/** The event's PR comes from another repository (a fork). */
function isForkPr(event: object): boolean {
  const pr = (event as Json).pull_request
  const head = get(pr, ['head', 'repo', 'full_name'])
  const base = get(pr, ['base', 'repo', 'full_name'])
  return typeof head === 'string' && head !== base
}

/** The run's workflow file name: `workflowFile`, else `workflow.file`'s basename, else ci.yml. */
const workflowFileOf = (opts: RunOptions): string =>
  opts.workflowFile ?? (opts.workflow ? basename(opts.workflow.file) : 'ci.yml')

/** Throws unless the workflow runs on this event (and, for workflow_run, this workflow). */
function checkTrigger(wf: WorkflowStep, file: string, eventName: EventName, event: object) {
  const triggers = triggersOf(wf.on)
  if (!triggers.includes(eventName))
    throw new Error(`harness: ${file} does not run on ${eventName} (on: ${triggers.join(', ')})`)
  if (eventName !== 'workflow_run') return
  const names = get(wf.on, ['workflow_run', 'workflows'])
  const triggering = get(event, ['workflow', 'name']) ?? get(event, ['workflow_run', 'name'])
  if (Array.isArray(names) && !names.map(String).includes(String(triggering)))
    throw new Error(
      `harness: ${file} runs after workflows ${names.join(', ')}, not "${String(triggering)}" ` +
        '(workflowRunEvent({ workflowName }) names the triggering workflow)',
    )
}

/** Parses GITHUB_OUTPUT / GITHUB_ENV file-command syntax. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delim] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i])
      if (i >= lines.length) throw new Error(`unterminated heredoc for ${name} in file command`)
      out[name] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

const unescapeData = (s: string) =>
  s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
const unescapeProp = (s: string) => unescapeData(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',')

/** `::error file=x,line=1::message` workflow commands in a process's stdout. */
export function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!m) continue
    const properties: Record<string, string> = {}
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = kv.indexOf('=')
      if (eq > 0) properties[kv.slice(0, eq)] = unescapeProp(kv.slice(eq + 1))
    }
    out.push({
      level: m[1] as Annotation['level'],
      message: unescapeData(m[3]),
      properties,
    })
  }
  return out
}

/**
 * Prepares a runner-like job directory and environment; runAction uses it, and tests that run
 * another script with the same environment can too.
 */
export function prepareRun(opts: RunOptions): {
  env: Record<string, string>
  workspace: string
  githubToken: string
} {
  const { gh } = opts
  const wfFile = opts.workflow ? resolve(ROOT, opts.workflow.file) : undefined
  const wf = wfFile ? readWorkflowStep(wfFile, { job: opts.workflow?.job }) : undefined
  if (wf && wfFile) checkTrigger(wf, opts.workflow!.file, opts.eventName, opts.event)
  const workflowFile = workflowFileOf(opts)
  const workflowName = wf?.workflowName ?? 'CI'
  const job = wf?.jobId ?? 'memory'
  const attempt = String(opts.attempt ?? 1)
  let githubToken = TOKEN
  if (wf || opts.permissions) {
    let permissions = opts.permissions ?? (wf?.permissions as Permissions) ?? RESTRICTED_DEFAULT
    if (opts.eventName === 'pull_request' && isForkPr(opts.event))
      permissions = downgradeWrites(permissions)
    githubToken = freshToken()
    gh.addToken(githubToken, { kind: 'installation', permissions })
  }
  if (opts.token !== undefined && !gh.tokens.has(opts.token))
    throw new Error('harness: RunOptions.token must be added with gh.addToken first')
  const base = mkdtempSync(join(tmpdir(), 'gomem-gate-action-'))
  const workspace = join(base, 'work', gh.repo, gh.repo)
  const temp = join(base, '_temp')
  const commands = join(temp, '_runner_file_commands')
  for (const d of [workspace, commands, join(base, '_tool'), join(base, '_github_workflow')])
    mkdirSync(d, { recursive: true })
  for (const [name, content] of Object.entries(opts.files ?? {})) {
    const path = join(workspace, name)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, content)
  }
  const eventPath = join(base, '_github_workflow', 'event.json')
  writeFileSync(eventPath, JSON.stringify(opts.event, null, 2))
  const fileCommand = (name: string) => {
    const path = join(commands, `${name}_${randomUUID()}`)
    writeFileSync(path, '')
    return path
  }

  const runId = opts.runId ?? gh.currentRunId
  const derived = refAndSha(opts.eventName, opts.event)
  const ref = opts.ref ?? derived.ref
  const sha = opts.sha ?? derived.sha
  const pr = (opts.event as Json).pull_request as Json | undefined
  const isPr = opts.eventName === 'pull_request' || opts.eventName === 'pull_request_target'
  const headRef = isPr ? String(get(pr, ['head', 'ref']) ?? '') : ''
  const baseRef = isPr ? String(get(pr, ['base', 'ref']) ?? '') : ''
  const refName = ref.replace(/^refs\/(heads|tags|pull)\//, '')
  const workflowPath = workflowPathOf(workflowFile)
  const workflowRef = `${gh.owner}/${gh.repo}/${workflowPath}@${ref}`
  const actor = String(get(opts.event, ['sender', 'login']) ?? 'octocat')

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? base,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: opts.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
    GITHUB_REPOSITORY_ID: String(gh.repoId),
    GITHUB_REPOSITORY_OWNER: gh.owner,
    GITHUB_REPOSITORY_OWNER_ID: String(repoIdOf(gh.owner, '')),
    GITHUB_RUN_ID: String(runId),
    GITHUB_RUN_ATTEMPT: attempt,
    GITHUB_RUN_NUMBER: String(runId % 10000),
    GITHUB_RETENTION_DAYS: '90',
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_REF_PROTECTED: 'false',
    GITHUB_HEAD_REF: headRef,
    GITHUB_BASE_REF: baseRef,
    GITHUB_WORKFLOW: workflowName,
    GITHUB_WORKFLOW_REF: workflowRef,
    GITHUB_WORKFLOW_SHA: sha,
    GITHUB_JOB: job,
    GITHUB_ACTION: 'gomem-gate',
    GITHUB_ACTOR: actor,
    GITHUB_ACTOR_ID: '583231',
    GITHUB_TRIGGERING_ACTOR: actor,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: gh.url,
    GITHUB_GRAPHQL_URL: `${gh.url}/graphql`,
    GITHUB_OUTPUT: fileCommand('set_output'),
    GITHUB_STEP_SUMMARY: fileCommand('step_summary'),
    GITHUB_STATE: fileCommand('save_state'),
    GITHUB_ENV: fileCommand('set_env'),
    GITHUB_PATH: fileCommand('add_path'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 2',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: join(base, '_tool'),
    RUNNER_WORKSPACE: dirname(workspace),
    ACTIONS_RUNTIME_TOKEN: runtimeToken(runId, opts.job ?? 0),
    ACTIONS_RUNTIME_URL: `${gh.url}/`,
    ACTIONS_RESULTS_URL: `${gh.url}/`,
  }

  const ctx: Record<string, string> = {
    'github.token': githubToken,
    'secrets.GITHUB_TOKEN': githubToken,
    'github.repository': env.GITHUB_REPOSITORY,
    'github.repository_owner': gh.owner,
    'github.run_id': env.GITHUB_RUN_ID,
    'github.run_attempt': attempt,
    'github.run_number': env.GITHUB_RUN_NUMBER,
    'github.sha': sha,
    'github.ref': ref,
    'github.ref_name': refName,
    'github.head_ref': headRef,
    'github.base_ref': baseRef,
    'github.event_name': opts.eventName,
    'github.event_path': eventPath,
    'github.workflow': workflowName,
    'github.workflow_ref': workflowRef,
    'github.job': job,
    'github.actor': actor,
    'github.server_url': env.GITHUB_SERVER_URL,
    'github.api_url': gh.url,
    'github.graphql_url': env.GITHUB_GRAPHQL_URL,
    'github.workspace': workspace,
    'runner.os': 'Linux',
    'runner.arch': 'X64',
    'runner.temp': temp,
  }
  // A pull_request from a fork gets no secrets but GITHUB_TOKEN: they evaluate to ''.
  const forkPr = opts.eventName === 'pull_request' && isForkPr(opts.event)
  for (const [k, v] of Object.entries(opts.context ?? {}))
    ctx[k] = forkPr && /^secrets\./i.test(k) && k.toLowerCase() !== 'secrets.github_token' ? '' : v
  const fromWorkflow: Record<string, string> = {}
  if (wf) {
    const declared = actionInputs()
    for (const [name, value] of Object.entries(wf.with)) {
      if (declared && !(name in declared))
        throw new Error(
          `harness: ${opts.workflow!.file} passes input "${name}", which action.yml does not ` +
            `declare (inputs: ${Object.keys(declared).join(', ')})`,
        )
      fromWorkflow[name] = evaluateTemplate(
        value,
        ctx,
        opts.event,
        `${opts.workflow!.file}, with: ${name}`,
      )
    }
  }
  const inputs = {
    ...(opts.actionDefaults === false ? {} : actionDefaults(ctx, opts.event)),
    ...fromWorkflow,
    ...(opts.token !== undefined ? { 'github-token': opts.token } : {}),
    ...opts.inputs,
  }
  for (const [name, value] of Object.entries(inputs)) env[inputVar(name)] = value
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  return { env, workspace, githubToken }
}

/** The run GitHub would show for this job, and the PR of the event (see RunOptions.register). */
function register(opts: RunOptions, env: Record<string, string>): (status: number | null) => void {
  const { gh } = opts
  const e = opts.event as Json
  const runId = Number(env.GITHUB_RUN_ID)
  const pr = (
    opts.eventName === 'workflow_run'
      ? (get(e, ['workflow_run', 'pull_requests']) as Json[] | undefined)?.[0]
      : e.pull_request
  ) as Json | undefined
  const num = Number(pr?.number)
  if (pr && Number.isInteger(num) && !gh.pulls.has(num)) {
    const headRepo = get(pr, ['head', 'repo', 'full_name'])
    const baseRepo = get(pr, ['base', 'repo', 'full_name'])
    gh.addPull({
      number: num,
      headSha: String(get(pr, ['head', 'sha']) ?? ''),
      headRef: String(get(pr, ['head', 'ref']) ?? 'feature'),
      baseSha: String(get(pr, ['base', 'sha']) ?? ''),
      baseRef: String(get(pr, ['base', 'ref']) ?? 'main'),
      fork: typeof headRepo === 'string' && headRepo !== baseRepo,
      ...(typeof get(pr, ['user', 'login']) === 'string'
        ? { author: String(get(pr, ['user', 'login'])) }
        : {}),
    })
  }
  const existing = gh.runs.find((r) => r.id === runId)
  if (existing && opts.attempt === undefined) return () => undefined
  const complete = (run: FakeRun) => (status: number | null) => {
    run.status = 'completed'
    run.conclusion = status === 0 ? 'success' : 'failure'
  }
  if (existing) {
    // A re-run: same run, a later attempt, in progress while the job runs.
    while (existing.run_attempt < (opts.attempt ?? 1)) gh.rerun(runId)
    existing.status = 'in_progress'
    existing.conclusion = null
    return complete(existing)
  }
  let branch = env.GITHUB_REF_NAME
  let sha = env.GITHUB_SHA
  if (opts.eventName === 'pull_request' && pr) {
    branch = String(get(pr, ['head', 'ref']) ?? branch)
    sha = String(get(pr, ['head', 'sha']) ?? sha)
  }
  const run = gh.addRun({
    id: runId,
    head_branch: branch,
    head_sha: sha,
    event: opts.eventName,
    status: 'in_progress',
    conclusion: null,
    run_attempt: opts.attempt ?? 1,
    name: env.GITHUB_WORKFLOW,
    path: workflowPathOf(workflowFileOf(opts)),
  })
  return complete(run)
}

/**
 * Runs the action (or `opts.entry`) as a child process against the fake GitHub. Asynchronous
 * on purpose: the fake server lives in the test's own process, so the event loop must stay free.
 */
export async function runAction(opts: RunOptions): Promise<ActionRun> {
  const entry = opts.entry ?? 'dist/index.js'
  const script = isAbsolute(entry) ? entry : join(ROOT, entry)
  if (!existsSync(script)) throw new Error(`harness: ${script} does not exist (build it first)`)
  const { env, workspace, githubToken } = prepareRun(opts)
  const finish = opts.register === false ? () => undefined : register(opts, env)
  const started = Date.now()
  const child = spawn(nodeBinary(opts.node ?? 'node20'), [script, ...(opts.args ?? [])], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000)
  const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
    (resolve, reject) => {
      child.once('error', reject)
      child.once('close', (code, sig) => resolve([code, sig]))
    },
  ).finally(() => clearTimeout(timer))
  finish(status)
  return {
    status,
    signal,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(env.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'),
    annotations: parseAnnotations(stdout),
    workspace,
    env,
    durationMs: Date.now() - started,
    githubToken,
  }
}

// ------------------------------------------------------------------ webhook payloads

const API = 'https://api.github.com'
const ts = '2025-06-02T09:30:00Z'

function account(login: string, type: 'User' | 'Organization' | 'Bot' = 'User') {
  const id = repoIdOf(login, '')
  return {
    login,
    id,
    node_id: `MDQ6VXNlcj${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `${API}/users/${login}`,
    html_url: `https://github.com/${login}`,
    followers_url: `${API}/users/${login}/followers`,
    repos_url: `${API}/users/${login}/repos`,
    type,
    user_view_type: 'public',
    site_admin: false,
  }
}

/** A webhook `repository` object. */
export function repositoryPayload(owner = 'acme', repo = 'svc', opts: { fork?: boolean } = {}) {
  const id = repoIdOf(owner, repo)
  const full = `${owner}/${repo}`
  return {
    id,
    node_id: `R_kgDO${id}`,
    name: repo,
    full_name: full,
    private: false,
    owner: account(owner, opts.fork ? 'User' : 'Organization'),
    html_url: `https://github.com/${full}`,
    description: 'A Go service',
    fork: Boolean(opts.fork),
    url: `${API}/repos/${full}`,
    issue_comment_url: `${API}/repos/${full}/issues/comments{/number}`,
    comments_url: `${API}/repos/${full}/comments{/number}`,
    pulls_url: `${API}/repos/${full}/pulls{/number}`,
    git_url: `git://github.com/${full}.git`,
    ssh_url: `git@github.com:${full}.git`,
    clone_url: `https://github.com/${full}.git`,
    created_at: '2024-01-10T08:00:00Z',
    updated_at: ts,
    pushed_at: ts,
    homepage: null,
    size: 2048,
    stargazers_count: 3,
    watchers_count: 3,
    language: 'Go',
    has_issues: true,
    forks_count: 1,
    archived: false,
    disabled: false,
    open_issues_count: 2,
    license: null,
    allow_forking: true,
    is_template: false,
    topics: [],
    visibility: 'public',
    default_branch: 'main',
  }
}

interface Who {
  owner?: string
  repo?: string
  sender?: string
}

/** A `push` payload. */
export function pushEvent(o: { ref?: string; sha: string; before?: string } & Who) {
  const owner = o.owner ?? 'acme'
  const repo = o.repo ?? 'svc'
  const before = o.before ?? hex(`before:${o.sha}`)
  const commit = {
    id: o.sha,
    tree_id: hex(`tree:${o.sha}`),
    distinct: true,
    message: 'Update service',
    timestamp: ts,
    url: `https://github.com/${owner}/${repo}/commit/${o.sha}`,
    author: { name: 'Octo Cat', email: 'octocat@example.com', username: 'octocat' },
    committer: { name: 'GitHub', email: 'noreply@github.com', username: 'web-flow' },
    added: [],
    removed: [],
    modified: ['main.go'],
  }
  return {
    ref: o.ref ?? 'refs/heads/main',
    before,
    after: o.sha,
    repository: repositoryPayload(owner, repo),
    pusher: { name: o.sender ?? 'octocat', email: 'octocat@example.com' },
    organization: { login: owner, id: repoIdOf(owner, ''), url: `${API}/orgs/${owner}` },
    sender: account(o.sender ?? 'octocat'),
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `https://github.com/${owner}/${repo}/compare/${before.slice(0, 12)}...${o.sha.slice(0, 12)}`,
    commits: [commit],
    head_commit: commit,
  }
}

/** A `pull_request` (or `pull_request_target`) payload; `fork` puts the head in another owner's repo. */
export function pullRequestEvent(
  o: {
    number: number
    headSha: string
    baseRef?: string
    baseSha: string
    headRef?: string
    fork?: boolean
    action?: 'opened' | 'synchronize' | 'reopened' | 'edited'
    title?: string
    author?: string
  } & Who,
) {
  const owner = o.owner ?? 'acme'
  const repo = o.repo ?? 'svc'
  const full = `${owner}/${repo}`
  const author = o.author ?? (o.fork ? 'contributor' : 'octocat')
  const headOwner = o.fork ? author : owner
  const headRef = o.headRef ?? 'feature'
  const baseRef = o.baseRef ?? 'main'
  const prUrl = `${API}/repos/${full}/pulls/${o.number}`
  const id = repoIdOf(full, String(o.number))
  return {
    action: o.action ?? 'synchronize',
    number: o.number,
    ...(o.action === undefined || o.action === 'synchronize'
      ? { before: hex(`before:${o.headSha}`), after: o.headSha }
      : {}),
    pull_request: {
      url: prUrl,
      id,
      node_id: `PR_kwDO${id}`,
      html_url: `https://github.com/${full}/pull/${o.number}`,
      diff_url: `https://github.com/${full}/pull/${o.number}.diff`,
      patch_url: `https://github.com/${full}/pull/${o.number}.patch`,
      issue_url: `${API}/repos/${full}/issues/${o.number}`,
      number: o.number,
      state: 'open',
      locked: false,
      title: o.title ?? 'Cache parsed configs',
      user: account(author),
      body: 'Speeds up config loading.',
      created_at: ts,
      updated_at: ts,
      closed_at: null,
      merged_at: null,
      merge_commit_sha: hex(`merge:${o.number}:${o.headSha}`),
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      labels: [],
      milestone: null,
      draft: false,
      commits_url: `${prUrl}/commits`,
      review_comments_url: `${prUrl}/comments`,
      review_comment_url: `${API}/repos/${full}/pulls/comments{/number}`,
      comments_url: `${API}/repos/${full}/issues/${o.number}/comments`,
      statuses_url: `${API}/repos/${full}/statuses/${o.headSha}`,
      head: {
        label: `${headOwner}:${headRef}`,
        ref: headRef,
        sha: o.headSha,
        user: account(headOwner),
        repo: repositoryPayload(headOwner, repo, { fork: o.fork }),
      },
      base: {
        label: `${owner}:${baseRef}`,
        ref: baseRef,
        sha: o.baseSha,
        user: account(owner, 'Organization'),
        repo: repositoryPayload(owner, repo),
      },
      author_association: o.fork ? 'FIRST_TIME_CONTRIBUTOR' : 'MEMBER',
      auto_merge: null,
      active_lock_reason: null,
      merged: false,
      mergeable: null,
      rebaseable: null,
      mergeable_state: 'unknown',
      merged_by: null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: Boolean(o.fork),
      commits: 1,
      additions: 10,
      deletions: 2,
      changed_files: 1,
    },
    repository: repositoryPayload(owner, repo),
    organization: { login: owner, id: repoIdOf(owner, ''), url: `${API}/orgs/${owner}` },
    sender: account(o.sender ?? author),
  }
}

/**
 * A `workflow_run` (completed) payload. Like GitHub, `workflow_run.pull_requests` is empty when
 * the PR comes from a fork (or no prNumber is given). The triggering workflow is
 * `workflowPath` (default .github/workflows/ci.yml; a bare file name is put under
 * .github/workflows/), its id the fake's for that file (gh.workflowId) unless `workflowId` is
 * given, its name `workflowName` (default 'CI' for ci.yml, else the file's stem, as the fake).
 */
export function workflowRunEvent(
  o: {
    runId: number
    event?: string
    headSha: string
    prNumber?: number
    headBranch?: string
    baseSha?: string
    conclusion?: 'success' | 'failure'
    workflowId?: number
    workflowPath?: string
    workflowName?: string
    /** run_attempt of the triggering run (default 1). */
    runAttempt?: number
    fork?: boolean
  } & Who,
) {
  const owner = o.owner ?? 'acme'
  const repo = o.repo ?? 'svc'
  const full = `${owner}/${repo}`
  const headOwner = o.fork ? 'contributor' : owner
  const workflowPath = workflowPathOf(o.workflowPath ?? 'ci.yml')
  const workflowId = o.workflowId ?? workflowIdOf(workflowPath)
  const workflowName = o.workflowName ?? defaultWorkflowName(workflowPath)
  const runAttempt = o.runAttempt ?? 1
  const headBranch = o.headBranch ?? 'feature'
  const runUrl = `${API}/repos/${full}/actions/runs/${o.runId}`
  const small = (r: ReturnType<typeof repositoryPayload>) => ({
    id: r.id,
    url: r.url,
    name: r.name,
  })
  const baseRepo = repositoryPayload(owner, repo)
  return {
    action: 'completed',
    workflow_run: {
      id: o.runId,
      name: workflowName,
      node_id: `WFR_kwLO${o.runId}`,
      head_branch: headBranch,
      head_sha: o.headSha,
      path: workflowPath,
      display_title: 'Cache parsed configs',
      run_number: o.runId % 10000,
      event: o.event ?? 'pull_request',
      status: 'completed',
      conclusion: o.conclusion ?? 'success',
      workflow_id: workflowId,
      check_suite_id: o.runId + 1,
      url: runUrl,
      html_url: `https://github.com/${full}/actions/runs/${o.runId}`,
      pull_requests:
        o.prNumber === undefined || o.fork
          ? []
          : [
              {
                url: `${API}/repos/${full}/pulls/${o.prNumber}`,
                id: repoIdOf(full, String(o.prNumber)),
                number: o.prNumber,
                head: { ref: headBranch, sha: o.headSha, repo: small(baseRepo) },
                base: { ref: 'main', sha: o.baseSha ?? hex('base'), repo: small(baseRepo) },
              },
            ],
      created_at: ts,
      updated_at: ts,
      actor: account(o.sender ?? 'octocat'),
      triggering_actor: account(o.sender ?? 'octocat'),
      run_attempt: runAttempt,
      run_started_at: ts,
      jobs_url: `${runUrl}/jobs`,
      logs_url: `${runUrl}/logs`,
      check_suite_url: `${API}/repos/${full}/check-suites/${o.runId + 1}`,
      artifacts_url: `${runUrl}/artifacts`,
      cancel_url: `${runUrl}/cancel`,
      rerun_url: `${runUrl}/rerun`,
      previous_attempt_url: runAttempt > 1 ? `${runUrl}/attempts/${runAttempt - 1}` : null,
      workflow_url: `${API}/repos/${full}/actions/workflows/${workflowId}`,
      head_commit: {
        id: o.headSha,
        tree_id: hex(`tree:${o.headSha}`),
        message: 'Cache parsed configs',
        timestamp: ts,
        author: { name: 'Octo Cat', email: 'octocat@example.com' },
        committer: { name: 'GitHub', email: 'noreply@github.com' },
      },
      repository: baseRepo,
      head_repository: repositoryPayload(headOwner, repo, { fork: o.fork }),
    },
    workflow: {
      id: workflowId,
      node_id: `W_kwDO${workflowId}`,
      name: workflowName,
      path: workflowPath,
      state: 'active',
      created_at: '2024-01-10T08:00:00Z',
      updated_at: ts,
      url: `${API}/repos/${full}/actions/workflows/${workflowId}`,
      html_url: `https://github.com/${full}/blob/main/${workflowPath}`,
      badge_url: `https://github.com/${full}/workflows/${encodeURIComponent(workflowName)}/badge.svg`,
    },
    repository: baseRepo,
    organization: { login: owner, id: repoIdOf(owner, ''), url: `${API}/orgs/${owner}` },
    sender: account(o.sender ?? 'octocat'),
  }
}

/** A `workflow_dispatch` payload. */
export function workflowDispatchEvent(
  o: { ref?: string; inputs?: Record<string, string> } & Who = {},
) {
  const owner = o.owner ?? 'acme'
  const repo = o.repo ?? 'svc'
  return {
    inputs: o.inputs ?? {},
    ref: o.ref ?? 'refs/heads/main',
    repository: repositoryPayload(owner, repo),
    organization: { login: owner, id: repoIdOf(owner, ''), url: `${API}/orgs/${owner}` },
    sender: account(o.sender ?? 'octocat'),
    workflow: '.github/workflows/ci.yml',
  }
}
