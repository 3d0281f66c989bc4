// The links a comment offers (the run, its summary, the HTML report, source lines) and the
// waiver that accepts a finding. Links are built only from the shell's trusted values and a
// path checked character by character; nothing from a profile becomes a URL unchecked.
import type { Frame } from '../formats/model.js'
import { codeFence, stripControls } from './escape.js'
import type { Finding } from './findings.js'
import type { ReportLinks } from './types.js'

/** A URL the shell built: https (or http for a local server), no space, quote or bracket. */
const SAFE_URL = /^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9._~/%+=&?#-]*)?$/
/** One repository path segment as a link may hold it. */
const SAFE_SEGMENT = /^[A-Za-z0-9._-]+$/
const SAFE_REPO = /^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/
const SAFE_SHA = /^[0-9a-f]{7,64}$/

/** `[Run](…) · [Job summary](…) · [HTML report](…)` for the links given; undefined for none. */
export function runLinks(links: ReportLinks | undefined): string | undefined {
  if (!links) return undefined
  const parts = (
    [
      ['Run', links.run],
      // The summary link is the run's own when no job id was known: show it once.
      ['Job summary', links.summary !== links.run ? links.summary : undefined],
      ['HTML report', links.report],
    ] as const
  )
    .filter(([, url]) => url !== undefined && SAFE_URL.test(url))
    .map(([text, url]) => `[${text}](${url})`)
  return parts.length > 0 ? parts.join(' · ') : undefined
}

/**
 * A frame's file as a path in the repository, when it is certainly one: under a root (the
 * workspace folder or the module path) at a segment boundary, every segment of letters,
 * digits and `._-`, none `.` or `..`. Undefined otherwise (the standard library, a vendored
 * or generated path outside the roots, anything odd).
 */
export function repoPath(file: string, roots: string[]): string | undefined {
  for (const root of roots) {
    const r = root.replace(/\/+$/, '')
    if (r === '' || !file.startsWith(r + '/')) continue
    const rest = file.slice(r.length + 1)
    const segments = rest.split('/')
    if (segments.some((s) => !SAFE_SEGMENT.test(s) || s === '.' || s === '..')) return undefined
    return rest
  }
  return undefined
}

/** The source line of a frame at the commit, or undefined when its file is not the repository's. */
export function sourceLink(
  frame: Pick<Frame, 'file' | 'line'>,
  source: ReportLinks['source'],
): { url: string; text: string } | undefined {
  if (!source || !frame.file) return undefined
  const server = source.server.replace(/\/+$/, '')
  if (!SAFE_URL.test(server) || !SAFE_REPO.test(source.repo) || !SAFE_SHA.test(source.sha))
    return undefined
  const path = repoPath(frame.file, source.roots)
  if (!path) return undefined
  const line = Number.isInteger(frame.line) && frame.line > 0 ? frame.line : 0
  const url = `${server}/${source.repo}/blob/${source.sha}/${path}${line > 0 ? `#L${line}` : ''}`
  return { url, text: line > 0 ? `${path}:${line}` : path }
}

/** Days a suggested waiver lasts. */
export const WAIVER_DAYS = 30

/** `today` plus `days`, YYYY-MM-DD; undefined when `today` is not a date. */
export function addDays(today: string, days: number): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) return undefined
  const t = Date.parse(`${today}T00:00:00Z`)
  if (Number.isNaN(t)) return undefined
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10)
}

/** Most waiver entries suggested for one finding. */
const MAX_WAIVERS = 5

/**
 * The `waivers:` entries that accept a finding (one per violation of it), for the policy
 * file, as a fenced YAML block; undefined without a date to expire on.
 */
export function waiverSnippet(finding: Finding, today: string | undefined): string | undefined {
  const expires = today ? addDays(today, WAIVER_DAYS) : undefined
  if (!expires) return undefined
  const lines = ['waivers:']
  for (const v of finding.violations.slice(0, MAX_WAIVERS)) {
    lines.push(
      `  # rule ${plainWord(v.rule)}`,
      `  - subject: '${subjectGlob(v.subject)}'`,
      ...(v.profile !== undefined ? [`    profile: '${subjectGlob(v.profile)}'`] : []),
      ...(SAFE_METRIC.test(v.metric) ? [`    metric: ${v.metric}`] : []),
      `    reason: 'TODO: why this growth is intended'`,
      `    expires: ${expires}`,
    )
  }
  return codeFence(lines.join('\n'), 'yaml')
}

const SAFE_METRIC = /^[A-Za-z0-9_./-]+$/
/** Characters a subject keeps in a suggested waiver; any other matches through `?`. */
const SAFE_SUBJECT = /[A-Za-z0-9._/()*+ -]/
/** Longest subject pattern suggested; a longer name is matched by its start and `*`. */
const MAX_SUBJECT = 200

/**
 * A glob that matches `subject` (the policy matches globs on UTF-16 code units): every
 * character outside SAFE_SUBJECT becomes `?`, so no quote, markup, mention or link reaches
 * the snippet, and the pattern still matches the name it came from.
 */
export function subjectGlob(subject: string): string {
  let out = ''
  for (let i = 0; i < subject.length; i++) {
    if (out.length >= MAX_SUBJECT - 1) return out + '*'
    const ch = subject[i]
    out += SAFE_SUBJECT.test(ch) ? ch : '?'
  }
  return out
}

/** A rule name for a comment line: only letters, digits and `._:/[]-`. */
function plainWord(s: string): string {
  return stripControls(s).replace(/[^A-Za-z0-9._:/[\]-]/g, '?')
}
