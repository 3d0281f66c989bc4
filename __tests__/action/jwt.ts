// The runner's ACTIONS_RUNTIME_TOKEN: a JWT that @actions/artifact decodes (never verifies) to
// find the run's backend ids in its `scp` claim. The ids here encode the numeric run id, so the
// fake results service can file an uploaded artifact under the run that uploaded it.

/**
 * Backend ids (UUID-shaped) of a workflow run and of its job number `job` (0 for the first),
 * derived from the run id: the jobs of one run share the run's id, as on GitHub, and each has
 * its own.
 */
export function backendIdsForRun(
  runId: number,
  job = 0,
): { runBackendId: string; jobBackendId: string } {
  const digits = String(runId).padStart(12, '0')
  if (!/^\d{12}$/.test(digits)) throw new Error(`run id out of range: ${runId}`)
  if (!Number.isInteger(job) || job < 0 || job > 0xffff) throw new Error(`job out of range: ${job}`)
  return {
    runBackendId: `00000000-0000-4000-8000-${digits}`,
    jobBackendId: `11111111-${job.toString(16).padStart(4, '0')}-4000-8000-${digits}`,
  }
}

/** The run id a backend id from {@link backendIdsForRun} stands for, or undefined. */
export function runIdFromBackendId(id: string): number | undefined {
  const m = /^00000000-0000-4000-8000-(\d{12})$/.exec(id)
  return m ? Number(m[1]) : undefined
}

const b64url = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url')

/** An unsigned JWT shaped like the runner's runtime token for job `job` of run `runId`. */
export function runtimeToken(runId: number, job = 0): string {
  const { runBackendId, jobBackendId } = backendIdsForRun(runId, job)
  const now = Math.floor(Date.now() / 1000)
  const header = { typ: 'JWT', alg: 'none' }
  const payload = {
    nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
    scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`,
    iss: 'vstoken.actions.githubusercontent.com',
    aud: 'vso:00000000-0000-0000-0000-000000000000',
    nbf: now - 60,
    exp: now + 6 * 3600,
    ac: JSON.stringify([{ Scope: 'refs/heads/main', Permission: 3 }]),
  }
  return `${b64url(header)}.${b64url(payload)}.`
}

/** The `scp` claim of a runtime token, or undefined when it is not a decodable JWT. */
export function scopesOf(token: string): string[] | undefined {
  const part = token.split('.')[1]
  if (!part) return undefined
  try {
    const claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as { scp?: unknown }
    return typeof claims.scp === 'string' ? claims.scp.split(' ') : undefined
  } catch {
    return undefined
  }
}
