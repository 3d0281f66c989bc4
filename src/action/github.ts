// GitHub REST calls of the action. Every function takes the client first; no logic lives here
// beyond what the API needs (pagination, choosing among runs).
import type { getOctokit } from '@actions/github'
import { isOurComment, type PostedComment } from './comment.js'
import { isPermissionDenied, permissionError } from './permissions.js'

/** The client type `getOctokit` returns. */
export type Octokit = ReturnType<typeof getOctokit>

/** owner/repo of the current repository. */
export interface Repo {
  owner: string
  repo: string
}

/**
 * The login of the token: GET /user answers for a personal token; an installation token (the
 * workflow's GITHUB_TOKEN, a GitHub App's) has no user and gets 403: undefined then.
 */
export async function tokenLogin(octokit: Octokit): Promise<string | undefined> {
  try {
    const { data } = await octokit.request('GET /user', { request: { retries: 0 } })
    return typeof data.login === 'string' ? data.login : undefined
  } catch {
    return undefined
  }
}

/** Our comments on an issue or PR (see isOurComment), over every page, oldest first. */
export async function findComments(
  octokit: Octokit,
  repo: Repo,
  issue: number,
  marker: string,
  login: string | undefined,
): Promise<PostedComment[]> {
  const ours: PostedComment[] = []
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: issue,
    per_page: 100,
  })) {
    ours.push(...page.data.filter((c) => isOurComment(c, marker, login)))
  }
  return ours.sort((a, b) => a.id - b.id)
}

/** Deletes a comment; one already gone (another run removed it) is not an error. */
export async function deleteComment(octokit: Octokit, repo: Repo, id: number): Promise<void> {
  try {
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: id })
  } catch (err) {
    if ((err as { status?: number }).status !== 404) throw err
  }
}

/** Creates the comment, or updates `existing` in place; returns its URL. */
export async function upsertComment(
  octokit: Octokit,
  repo: Repo,
  issue: number,
  existing: PostedComment | undefined,
  body: string,
): Promise<{ url: string; id: number; created: boolean; login?: string }> {
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({
      ...repo,
      comment_id: existing.id,
      body,
    })
    return { url: data.html_url, id: data.id, created: false, login: data.user?.login }
  }
  const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body })
  return { url: data.html_url, id: data.id, created: true, login: data.user?.login }
}

/** A successful run that may hold a baseline. */
export interface BaselineRun {
  id: number
  headSha: string
  /** When its commit was made (head_commit.timestamp), else when the run started. */
  time: string
}

/** The workflow a run belongs to. */
export async function workflowOfRun(octokit: Octokit, repo: Repo, runId: number): Promise<number> {
  const { data } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId })
  return data.workflow_id
}

/**
 * Successful push runs of workflow `workflowId` on `branch`, newest first. A re-run counts
 * by its latest attempt, as GitHub's `status=success` filter does.
 */
export async function successfulRuns(
  octokit: Octokit,
  repo: Repo,
  workflowId: number,
  branch: string,
): Promise<BaselineRun[]> {
  const { data } = await octokit.rest.actions.listWorkflowRuns({
    ...repo,
    workflow_id: workflowId,
    branch,
    event: 'push',
    status: 'success',
    per_page: 100,
  })
  return data.workflow_runs.map((r) => ({
    id: r.id,
    headSha: r.head_sha,
    time: r.head_commit?.timestamp ?? r.created_at,
  }))
}

/** The merge base of a PR's head with its base branch, with its commit time. */
export async function mergeBase(
  octokit: Octokit,
  repo: Repo,
  base: string,
  head: string,
): Promise<{ sha: string; time?: string } | undefined> {
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${base}...${head}`,
      per_page: 1,
    })
    const c = data.merge_base_commit
    return { sha: c.sha, time: c.commit?.committer?.date ?? undefined }
  } catch (err) {
    // A commit GitHub does not know (404) leaves the newest baseline; a refusal does not.
    if (isPermissionDenied(err)) throw permissionError(err, 'contents: read', 'compare commits')
    return undefined
  }
}

/** A pull request's head and base, to check a claim made by an artifact. */
export async function getPullRequest(
  octokit: Octokit,
  repo: Repo,
  number: number,
): Promise<{ headSha: string; baseRef: string; baseSha: string }> {
  const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number })
  return { headSha: data.head.sha, baseRef: data.base.ref, baseSha: data.base.sha }
}
