// Reads a workflow file the way a test needs it: the step that uses the action, its `with:`
// values, and the permissions its job's GITHUB_TOKEN gets. The harness builds a run from it
// (RunOptions.workflow), so tests exercise the workflows adopters copy, not a paraphrase.
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { GITHUB_SCOPES } from './fake-github.js'

export interface WorkflowStep {
  /** The workflow's `name:`; GitHub shows the file's path when it has none. */
  workflowName: string
  /** The `on:` value as written (string, list or map). */
  on: unknown
  jobId: string
  /**
   * The job's `permissions:`, else the workflow's; `read-all` / `write-all` expanded to every
   * scope, `{}` to an empty map (every scope none). undefined when neither sets any (GitHub
   * then applies the repository's default, see the harness).
   */
  permissions: Record<string, string> | undefined
  /** The step's `with:`, every value as a string (YAML `true` → 'true'). */
  with: Record<string, string>
  /** The condition the step runs under: the job's `if` and the step's, joined with `&&`. */
  if?: string
  jobIf?: string
  stepIf?: string
  /** The job's `concurrency:`, else the workflow's. */
  concurrency?: unknown
  /** The step as written. */
  step: Record<string, unknown>
}

/** The step `uses:` that stands for gomem-gate: `…/gomem-gate@v1` or the repository itself. */
export const GOMEM_GATE_USES = /(^|\/)gomem-gate@v1$|^\.\/?$/

type Json = Record<string, unknown>
const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Expands `read-all` / `write-all` and stringifies a `permissions:` value. */
export function expandPermissions(p: unknown, where: string): Record<string, string> | undefined {
  if (p === undefined || p === null) return undefined
  if (p === 'read-all' || p === 'write-all') {
    const level = p === 'read-all' ? 'read' : 'write'
    const out: Record<string, string> = {}
    // id-token has no read level; models has no write level.
    for (const s of GITHUB_SCOPES)
      out[s] = s === 'id-token' && level === 'read' ? 'none' : s === 'models' ? 'read' : level
    return out
  }
  if (!isMap(p)) throw new Error(`${where}: permissions must be read-all, write-all or a map`)
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)]))
}

/**
 * Parses workflow `file` and returns the step of job `opts.job` (default: the first job) whose
 * `uses:` matches `opts.uses` (default GOMEM_GATE_USES). Throws when there is no such job or step.
 */
export function readWorkflowStep(
  file: string,
  opts: { job?: string; uses?: RegExp } = {},
): WorkflowStep {
  const doc = parseYaml(readFileSync(file, 'utf8')) as unknown
  if (!isMap(doc)) throw new Error(`${file}: not a workflow (no top-level map)`)
  // YAML 1.1 readers turn a bare `on` key into true; the yaml package (1.2) keeps 'on'.
  const on = 'on' in doc ? doc.on : doc.true
  const jobs = doc.jobs
  if (!isMap(jobs) || Object.keys(jobs).length === 0) throw new Error(`${file}: no jobs`)
  const jobId = opts.job ?? Object.keys(jobs)[0]
  const job = jobs[jobId]
  if (!isMap(job))
    throw new Error(`${file}: no job ${jobId} (jobs: ${Object.keys(jobs).join(', ')})`)
  const uses = opts.uses ?? GOMEM_GATE_USES
  const steps = Array.isArray(job.steps) ? (job.steps as unknown[]).filter(isMap) : []
  const step = steps.find((s) => typeof s.uses === 'string' && uses.test(s.uses))
  if (!step)
    throw new Error(
      `${file}: job ${jobId} has no step whose uses: matches ${String(uses)} ` +
        `(uses: ${steps.map((s) => String(s.uses ?? '-')).join(', ')})`,
    )
  const withMap = isMap(step.with) ? step.with : {}
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v))
  const jobIf = str(job.if)
  const stepIf = str(step.if)
  const cond = [jobIf, stepIf].filter((c): c is string => c !== undefined)
  return {
    workflowName: typeof doc.name === 'string' ? doc.name : file.replace(/^.*?(\.github\/)/, '$1'),
    on,
    jobId,
    permissions:
      'permissions' in job
        ? expandPermissions(job.permissions, `${file}: job ${jobId}`)
        : expandPermissions(doc.permissions, file),
    with: Object.fromEntries(
      Object.entries(withMap).map(([k, v]) => [
        k,
        v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v),
      ]),
    ),
    ...(cond.length
      ? { if: cond.length === 1 ? cond[0] : cond.map((c) => `(${c})`).join(' && ') }
      : {}),
    ...(jobIf !== undefined ? { jobIf } : {}),
    ...(stepIf !== undefined ? { stepIf } : {}),
    ...('concurrency' in job
      ? { concurrency: job.concurrency }
      : 'concurrency' in doc
        ? { concurrency: doc.concurrency }
        : {}),
    step,
  }
}

/** The events `on:` names (`on: push`, `on: [push, pull_request]`, `on: { push: … }`). */
export function triggersOf(on: unknown): string[] {
  if (typeof on === 'string') return [on]
  if (Array.isArray(on)) return on.map(String)
  if (isMap(on)) return Object.keys(on)
  return []
}
