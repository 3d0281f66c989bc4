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
import {
  headingSection,
  inconclusiveSection,
  violationsSection,
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
  const sections = [
    headingSection(input),
    notesSection(input),
    violationsSection(input, limits.rows),
    inconclusiveSection(input, limits.rows),
    leaksSection(input, limits),
    waiversSection(input, limits.rows),
    benchmarksSection(input, limits.rows),
    growersSection(input, limits),
    limits.packages > 0 ? packagesSection(input, limits) : undefined,
    limits.packages > 0 ? stacksSection(input, limits) : undefined,
    totalsSection(input),
    historySection(input, limits.charts),
    goroutinesSection(input.diff.goroutines, limits.stacks > 0, input.diff.leakedGoroutines),
    memorySection(input, limits),
    memstatsSection(input),
    inputsSection(input, limits.rows),
    commandSection(input),
    warningsSection(input),
  ]
  return sections.filter((s): s is string => s !== undefined)
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
