// Renders the PR comment: GitHub-flavoured markdown, every untrusted string escaped.
import { escapeMarkdown } from './escape.js'
import { benchmarksSection } from './markdown-benchmarks.js'
import { goroutinesSection } from './goroutines.js'
import { historySection } from './markdown-history.js'
import {
  growersSection,
  packagesSection,
  stacksSection,
  type AllocatorLimits,
} from './markdown-allocators.js'
import {
  commandSection,
  inputsSection,
  memstatsSection,
  totalsSection,
  warningsSection,
} from './markdown-figures.js'
import { leaksSection, type LeakLimits } from './markdown-leaks.js'
import { memorySection, type MemoryLimits } from './markdown-memory.js'
import { profilesSection, profilesSummary } from './markdown-profiles.js'
import { shardsSection } from './markdown-shards.js'
import { escapeHtml } from './escape.js'
import { verdictFindings } from './findings.js'
import {
  details,
  expiredSection,
  findingsSection,
  headingSection,
  inconclusiveSection,
  violationsSection,
  waiverSection,
  waiversSection,
} from './markdown-verdict.js'
import type { ReportInput } from './types.js'

/**
 * Longest markdown report, in characters. GitHub refuses comments over 65,536; the margin
 * leaves room for the shell's marker and footer.
 */
export const MARKDOWN_LIMIT = 60_000

interface Limits extends AllocatorLimits, LeakLimits, MemoryLimits {
  rows: number
}

const TRIMMED =
  '_Some sections were shortened or left out to fit a GitHub comment; ' +
  'run gomem-gate with `--format json` for everything._'

/** The markdown report, at most `input.maxLength` characters, ending in a newline. */
export function renderMarkdown(input: ReportInput): string {
  const max = input.maxLength ?? MARKDOWN_LIMIT
  const top = Math.max(0, Math.floor(input.top))
  // Each level shortens more; the charts go first (a picture supplements the tables).
  const full: Limits = {
    rows: 50,
    growers: top,
    stacks: 5,
    frames: 32,
    packages: 5,
    charts: true,
    explain: true,
    seriesRows: 50,
  }
  const levels: Limits[] = [
    full,
    { ...full, charts: false },
    {
      ...full,
      rows: 20,
      growers: Math.min(top, 10),
      stacks: 2,
      frames: 12,
      charts: false,
      seriesRows: 20,
    },
    {
      rows: 5,
      growers: Math.min(top, 5),
      stacks: 0,
      frames: 0,
      packages: 0,
      charts: false,
      explain: false,
      seriesRows: 0,
    },
  ]
  for (const [i, limits] of levels.entries()) {
    const sections = build(input, limits)
    const text = join(i === 0 ? sections : [...sections, TRIMMED])
    if (text.length <= max) return text
  }
  return fit(build(input, levels[levels.length - 1]), max)
}

function build(input: ReportInput, limits: Limits): string[] {
  const { diff, verdict } = input
  const found = verdictFindings(diff, verdict)
  const focus = verdict.focus
  const sections = [
    headingSection(input, found),
    notesSection(input),
    shardsSection(input),
    verdict.status === 'fail' ? findingsSection(found) : undefined,
    leaksSection(input, limits),
    inconclusiveSection(input, limits.rows),
    verdict.status === 'fail' ? undefined : findingsSection(found),
    expiredSection(input, limits.rows),
    violationsSection(input, limits.rows),
    waiverSection(input, found),
    waiversSection(input, limits.rows),
    fold(growersSection(input, limits), `Allocators (${focus}) and their heaviest stacks`),
    fold(profilesSection(input, limits.rows), profilesSummary(input)),
    limits.packages > 0 ? fold(packagesSection(input, limits), `Packages (${focus})`) : undefined,
    limits.packages > 0 ? fold(stacksSection(input, limits), `Call stacks (${focus})`) : undefined,
    fold(benchmarksSection(input, limits.rows), 'Benchmarks'),
    fold(
      goroutinesSection(
        diff.goroutines,
        limits.stacks > 0,
        diff.leakedGoroutines,
        input.links?.source,
      ),
      'Goroutines',
    ),
    memorySection(input, limits),
    fold(memstatsSection(input), 'MemStats'),
    fold(totalsSection(input), 'Totals per sample type'),
    historySection(input, limits.charts),
    inputsSection(input, limits.rows),
    fold(commandSection(input), 'Explore in pprof'),
    warningsSection(input),
  ]
  return sections.filter((s): s is string => s !== undefined)
}

/** A section collapsed under `summary` (plain text), its `#### ` heading dropped. */
function fold(section: string | undefined, summary: string): string | undefined {
  if (section === undefined) return undefined
  const body = section.replace(/^#### [^\n]*\n\n/, '')
  return details(escapeHtml(summary), body)
}

/** Keeps whole sections, in order, while they fit; the heading always does. */
function fit(sections: string[], max: number): string {
  const kept: string[] = []
  let size = TRIMMED.length + 2
  for (const s of sections) {
    if (size + s.length + 2 > max) continue
    kept.push(s)
    size += s.length + 2
  }
  return join([...kept, TRIMMED])
}

/** The shell's notes (plain text, escaped here like everything else). */
function notesSection(input: ReportInput): string | undefined {
  const notes = input.notes ?? []
  return notes.length > 0 ? notes.map((n) => `> ${escapeMarkdown(n)}`).join('\n>\n') : undefined
}

function join(sections: string[]): string {
  return sections.join('\n\n') + '\n'
}
