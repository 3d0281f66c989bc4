// Publishes a result: outputs, the job summary, the report file and the PR comment.
import * as core from '@actions/core'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CompareResult } from '../driver/compare.js'
import { render } from '../report/index.js'
import type { Explore, ReportLinks } from '../report/types.js'
import { VERSION } from '../version.js'
import { statusOf } from './client.js'
import { commentBody, commentMarker, commentToKeep, shouldComment } from './comment.js'
import {
  deleteComment,
  findComments,
  tokenLogin,
  upsertComment,
  type Octokit,
  type Repo,
} from './github.js'
import type { ActionInputs } from './inputs.js'
import { isPermissionDenied, permissionError } from './permissions.js'

/** GitHub's limit for a job summary is 1 MiB; keep well below it. */
const SUMMARY_LIMIT = 1_000_000

/** The `status` output: the verdict's, or `unjudged` when the gate could not judge. */
export type ActionStatus = CompareResult['verdict']['status'] | 'unjudged'

/**
 * Writes outputs, the summary and report.json (in `dir`, one per gate); returns the comment
 * body.
 */
export async function publishLocally(args: {
  result: CompareResult
  status: ActionStatus
  inputs: ActionInputs
  notes: string[]
  dir: string
  explore?: Explore
  links?: ReportLinks
  /** Stores the HTML report file; returns where a reader downloads it (its artifact page). */
  storeReport?: (path: string) => Promise<string | undefined>
}): Promise<string> {
  const { result, inputs, dir } = args
  mkdirSync(dir, { recursive: true })
  const base = {
    diff: result.diff,
    verdict: result.verdict,
    top: inputs.top,
    version: VERSION,
    notes: args.notes,
    explore: args.explore,
    history: result.history,
    links: args.links,
    today: new Date().toISOString().slice(0, 10),
  }
  if (args.storeReport) {
    const htmlPath = join(dir, 'report.html')
    writeFileSync(htmlPath, render(base, 'html'))
    core.setOutput('report-html', htmlPath)
    base.links = { ...base.links, report: await args.storeReport(htmlPath) }
  }
  const body = commentBody(commentMarker(inputs.artifactName), render(base, 'markdown'))
  const jsonPath = join(dir, 'report.json')
  writeFileSync(jsonPath, render(base, 'json'))
  core.setOutput('status', args.status)
  core.setOutput('violations', String(result.verdict.violations.length))
  core.setOutput('report-json', jsonPath)
  core.setOutput('comment-body', body)
  await core.summary.addRaw(render({ ...base, maxLength: SUMMARY_LIMIT }, 'markdown')).write()
  return body
}

/**
 * Creates or updates the one PR comment and sets the comment-url and comment-id outputs. A
 * fork's read-only token is not an error (the report stays in the summary and the
 * comment-body output); a token without `pull-requests: write` elsewhere is, named.
 */
export async function publishComment(args: {
  octokit: Octokit
  repo: Repo
  pr: number
  body: string
  result: CompareResult
  inputs: ActionInputs
  /** The token is read-only by GitHub's rule (a fork's pull_request run). */
  readOnly: boolean
}): Promise<void> {
  const { octokit, repo, pr, body, result, inputs } = args
  if (inputs.comment === 'never') return
  const marker = commentMarker(inputs.artifactName)
  try {
    const login = await tokenLogin(octokit)
    const ours = await findComments(octokit, repo, pr, marker, login)
    const existing = commentToKeep(ours)
    const { status, changed } = result.verdict
    if (!shouldComment(inputs.comment, status, changed, existing !== undefined)) {
      core.info(`No comment (comment: ${inputs.comment}, status ${status}).`)
      return
    }
    let kept: { id: number; url: string }
    if (existing && existing.body === body) {
      core.info('The comment is already up to date.')
      kept = { id: existing.id, url: existing.html_url ?? '' }
    } else {
      const posted = await upsertComment(octokit, repo, pr, existing, body)
      core.info(`${posted.created ? 'Created' : 'Updated'} the comment: ${posted.url}`)
      kept = posted
      // Another run of this PR may have created one at the same time: converge on the oldest.
      if (posted.created) kept = await converge(octokit, repo, pr, marker, posted, body)
    }
    for (const c of ours) if (c.id !== kept.id) await deleteComment(octokit, repo, c.id)
    core.setOutput('comment-url', kept.url)
    core.setOutput('comment-id', String(kept.id))
  } catch (err) {
    const status = statusOf(err)
    if (args.readOnly && (status === 403 || status === 401)) {
      core.notice(
        'gomem-gate could not comment: a pull request from a fork gets a read-only token. ' +
          'The report is in the job summary and the comment-body output; the workflow_run workflow in docs/action.md comments on forks.',
      )
    } else if (isPermissionDenied(err)) {
      throw permissionError(err, 'pull-requests: write', `comment on pull request #${pr}`)
    } else {
      core.warning(`gomem-gate could not comment (${(err as Error).message}); the verdict stands.`)
    }
  }
}

/**
 * After creating a comment: list ours again (now knowing our login from the response) and
 * keep the oldest, moving this run's body there and deleting the rest.
 */
async function converge(
  octokit: Octokit,
  repo: Repo,
  pr: number,
  marker: string,
  posted: { id: number; url: string; login?: string },
  body: string,
): Promise<{ id: number; url: string }> {
  const ours = await findComments(octokit, repo, pr, marker, posted.login)
  const oldest = commentToKeep(ours)
  if (!oldest || oldest.id === posted.id) return posted
  await upsertComment(octokit, repo, pr, oldest, body)
  for (const c of ours) if (c.id !== oldest.id) await deleteComment(octokit, repo, c.id)
  core.info(`Another run had created the comment too; kept the oldest (${oldest.id}).`)
  return { id: oldest.id, url: oldest.html_url ?? posted.url }
}
