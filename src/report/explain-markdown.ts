// The markdown rendering of an Explanation for GitHub: names through escapeMarkdown, prose
// through escapeProse, stacks in collapsed blocks.
import type { Explanation } from '../explain/types.js'
import type { Frame } from '../formats/model.js'
import { formatBytes, formatCount, formatValue } from '../units.js'
import { escapeHtml, escapeMarkdown, escapeProse } from './escape.js'
import {
  allocatorsTitle,
  gcLines,
  goroutineCount,
  headline,
  rssRowLabel,
  share,
  shownFrames,
  TITLES,
} from './explain-common.js'
import { bar } from './markdown-memory.js'
import { details, table } from './markdown-verdict.js'

/** The markdown rendering. */
export function renderExplainMarkdown(e: Explanation): string {
  const parts: string[] = [`### gomem-gate explain`, escapeProse(headline(e))]
  const section = (title: string, body: string) => parts.push(`#### ${title}`, body)

  if (e.classes.length > 0) {
    const max = Math.max(1, ...e.classes.map((c) => c.bytes))
    const rows = e.classes.map((c) => [
      `${escapeProse(c.label)} (\`${c.class}\`)`,
      formatBytes(c.bytes),
      share(c.shareOfSys),
      c.bytes > 0 ? `\`${bar(c.bytes, max)}\`` : '',
    ])
    if (e.sys !== undefined)
      rows.push(['**Sys (Go runtime total)**', formatBytes(e.sys), '100%', ''])
    if (e.rss) rows.push([escapeProse(rssRowLabel(e)), formatBytes(e.rss.bytes), '', ''])
    const list = e.classes.map((c) => `- **${escapeProse(c.label)}**: ${escapeProse(c.sentence)}`)
    section(
      TITLES.memory,
      `${table(['Class', 'Bytes', 'Of Sys', ''], rows, 'lrrl')}\n\n${list.join('\n')}`,
    )
  } else if (e.rss) {
    section(TITLES.memory, `${escapeProse(rssRowLabel(e))}: ${formatBytes(e.rss.bytes)}`)
  }

  if (e.coverage) section(TITLES.coverage, e.coverage.sentences.map(escapeProse).join(' '))

  if (e.profile && e.allocators.length > 0) {
    const unit = e.profile.unit
    const rows = e.allocators.map((a) => [
      formatValue(a.flat, unit),
      share(a.share),
      formatValue(a.cum, unit),
      escapeMarkdown(a.function),
    ])
    const stacks = e.allocators
      .filter((a) => a.stack.length > 1)
      .map((a) => details(escapeHtml(a.function), frameList(a.stack.slice(1))))
    const more =
      e.moreAllocators > 0 ? `\n\n… ${formatCount(e.moreAllocators)} more allocators` : ''
    section(
      allocatorsTitle(e),
      `${table(['Flat', 'Share', 'Cum', 'Function'], rows, 'rrrl')}${more}` +
        (stacks.length > 0 ? `\n\nHeaviest stacks (leaf first):\n\n${stacks.join('\n\n')}` : ''),
    )
  }

  if (e.goroutines) {
    const g = e.goroutines
    const lines = [`${goroutineCount(g.total)} (from the ${g.source})`]
    if (g.stacks.length > 0) {
      const rows = g.stacks.map((s) => [
        formatCount(s.count),
        escapeMarkdown(s.frames[0]?.function ?? '?'),
      ])
      lines.push(table(['Goroutines', 'Blocked in'], rows, 'rl'))
      for (const s of g.stacks)
        if (s.frames.length > 1)
          lines.push(details(escapeHtml(s.frames[0].function), frameList(s.frames.slice(1))))
      if (g.moreStacks > 0) lines.push(`… ${formatCount(g.moreStacks)} more stacks`)
    }
    section(TITLES.goroutines, lines.join('\n\n'))
  }

  if (e.gc) section(TITLES.gc, gcLines(e).map(escapeProse).join(' '))

  section(
    TITLES.advice,
    e.advice.length > 0
      ? e.advice.map((a) => `- **${a.severity}** \`${a.code}\`: ${escapeProse(a.text)}`).join('\n')
      : 'No rule crossed its threshold (docs/explain.md lists them).',
  )
  if (e.warnings.length > 0)
    section(TITLES.warnings, e.warnings.map((w) => `- ${escapeProse(w.message)}`).join('\n'))
  section(
    TITLES.files,
    e.files.map((f) => `- ${escapeMarkdown(f.source)} (${f.format})`).join('\n'),
  )
  return parts.join('\n\n') + '\n'
}

function frameList(frames: Frame[]): string {
  const { frames: shown, more } = shownFrames(frames)
  const lines = shown.map((f) => `- ← ${escapeMarkdown(f.function)}`)
  if (more > 0) lines.push(`- ← … ${more} more frames`)
  return lines.join('\n')
}
