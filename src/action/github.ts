// GitHub REST calls of the action. Every function takes the client first; no logic lives here
// beyond what the API needs (pagination, choosing among runs).
import type { getOctokit } from '@actions/github'
import { isOurComment, type PostedComment } from './comment.js'

/** The client type `getOctokit` returns. */
export type Octokit = ReturnType<typeof getOctokit>

/** owner/repo of the current repository. */
export interface Repo {
  owner: string
  repo: string
}

/** The login comments written with a GITHUB_TOKEN carry (GET /user is refused to it). */
export const ACTIONS_BOT = 'github-actions[bot]'

/** The login of the token: GET /user for a personal token, else the Actions bot. */
export async function tokenLogin(octokit: Octokit): Promise<string> {
  try {
    const { data } = await octokit.request('GET /user', { request: { retries: 0 } })
    return typeof data.login === 'string' ? data.login : ACTIONS_BOT
  } catch {
    return ACTIONS_BOT
  }
}

/** Our comment on an issue or PR, over every page of comments. */
export async function findComment(
  octokit: Octokit,
  repo: Repo,
  issue: number,
  marker: string,
  login: string,
): Promise<PostedComment | undefined> {
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: issue,
    per_page: 100,
  })) {
    const found = page.data.find((c) => isOurComment(c, marker, login))
    if (found) return found
  }
  return undefined
}

/** Creates the comment, or updates `existing` in place; returns its URL. */
export async function upsertComment(
  octokit: Octokit,
  repo: Repo,
  issue: number,
  existing: PostedComment | undefined,
  body: string,
): Promise<{ url: string; created: boolean }> {
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({
      ...repo,
      comment_id: existing.id,
      body,
    })
    return { url: data.html_url, created: false }
  }
  const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body })
  return { url: data.html_url, created: true }
}

/** A successful run that may hold a baseline. */
export interface BaselineRun {
  id: number
  headSha: string
  /** When its commit was made (head_commit.timestamp), else when the run started. */
  time: string
}

/** Successful push runs of the current run's workflow on `branch`, newest first. */
export async function successfulRuns(
  octokit: Octokit,
  repo: Repo,
  currentRunId: number,
  branch: string,
): Promise<BaselineRun[]> {
  const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: currentRunId })
  const { data } = await octokit.rest.actions.listWorkflowRuns({
    ...repo,
    workflow_id: run.workflow_id,
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
  } catch {
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
