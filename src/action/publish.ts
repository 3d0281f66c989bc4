// Publishes a result: outputs, the job summary, the report file and the PR comment.
import * as core from '@actions/core'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CompareResult } from '../driver/compare.js'
import { render } from '../report/index.js'
import { VERSION } from '../version.js'
import { statusOf } from './client.js'
import { commentBody, commentMarker, shouldComment } from './comment.js'
import { findComment, tokenLogin, upsertComment, type Octokit, type Repo } from './github.js'
import type { ActionInputs } from './inputs.js'

/** GitHub's limit for a job summary is 1 MiB; keep well below it. */
const SUMMARY_LIMIT = 1_000_000

/** Writes outputs, the summary and report.json; returns the comment body. */
export async function publishLocally(
  result: CompareResult,
  inputs: ActionInputs,
  notes: string[],
  tempDir: string,
): Promise<string> {
  const base = {
    diff: result.diff,
    verdict: result.verdict,
    top: inputs.top,
    version: VERSION,
    notes,
  }
  const body = commentBody(commentMarker(inputs.artifactName), render(base, 'markdown'))
  const dir = join(tempDir, 'gomem-gate')
  mkdirSync(dir, { recursive: true })
  const jsonPath = join(dir, 'report.json')
  writeFileSync(jsonPath, render(base, 'json'))
  core.setOutput('status', result.verdict.status)
  core.setOutput('violations', String(result.verdict.violations.length))
  core.setOutput('report-json', jsonPath)
  core.setOutput('comment-body', body)
  await core.summary.addRaw(render({ ...base, maxLength: SUMMARY_LIMIT }, 'markdown')).write()
  return body
}

/**
 * Creates or updates the PR comment. A read-only token (a fork's pull request) is not an
 * error: the report stays in the summary and the comment-body output.
 */
export async function publishComment(args: {
  octokit: Octokit
  repo: Repo
  pr: number
  body: string
  result: CompareResult
  inputs: ActionInputs
}): Promise<void> {
  const { octokit, repo, pr, body, result, inputs } = args
  if (inputs.comment === 'never') return
  try {
    const login = await tokenLogin(octokit)
    const marker = commentMarker(inputs.artifactName)
    const existing = await findComment(octokit, repo, pr, marker, login)
    const { status, changed } = result.verdict
    if (!shouldComment(inputs.comment, status, changed, existing !== undefined)) {
      core.info(`No comment (comment: ${inputs.comment}, status ${status}).`)
      return
    }
    if (existing && existing.body === body) {
      core.info('The comment is already up to date.')
      return
    }
    const { url, created } = await upsertComment(octokit, repo, pr, existing, body)
    core.info(`${created ? 'Created' : 'Updated'} the comment: ${url}`)
  } catch (err) {
    const status = statusOf(err)
    if (status === 403 || status === 401) {
      core.notice(
        'gomem-gate could not comment: the token is read-only (a pull request from a fork?). ' +
          'The report is in the job summary and the comment-body output; see docs/action.md in gomem-gate for the workflow_run pattern that comments on forks.',
      )
    } else {
      core.warning(`gomem-gate could not comment (${(err as Error).message}); the verdict stands.`)
    }
  }
}
