// The one renderer entry: picks a format, each format lives in its own file.
import { renderHtml } from './html/page.js'
import { renderJson } from './json.js'
import { renderMarkdown } from './markdown.js'
import { renderText } from './text.js'
import type { ReportFormat, ReportInput } from './types.js'

export { escapeHtml, escapeMarkdown, escapeTerminal, shellQuote, stripControls } from './escape.js'
export { failureLine } from './failure.js'
export { jsonReport } from './json.js'
export { MARKDOWN_LIMIT } from './markdown.js'
export type { JsonReport, ReportFormat, ReportInput } from './types.js'

/** Renders the report in one format; pure, and every untrusted string is escaped for it. */
export function render(input: ReportInput, format: ReportFormat): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(input)
    case 'text':
      return renderText(input)
    case 'json':
      return renderJson(input)
    case 'html':
      return renderHtml(input)
    default:
      throw new Error(`unknown report format: ${String(format)}`)
  }
}
