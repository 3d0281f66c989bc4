// The one entry of explain's renderers: picks a format, each lives in its own file.
import type { Explanation } from '../explain/types.js'
import { renderExplainHtml } from './explain-html.js'
import { renderExplainJson } from './explain-json.js'
import { renderExplainMarkdown } from './explain-markdown.js'
import { renderExplainText } from './explain-text.js'

/** The formats an explanation renders to. */
export type ExplainFormat = 'text' | 'markdown' | 'json' | 'html'

/** Renders an explanation; pure, every untrusted string escaped for the format. */
export function renderExplanation(
  e: Explanation,
  format: ExplainFormat,
  opts: { width?: number; color?: boolean } = {},
): string {
  switch (format) {
    case 'text':
      return renderExplainText(e, opts)
    case 'markdown':
      return renderExplainMarkdown(e)
    case 'json':
      return renderExplainJson(e)
    case 'html':
      return renderExplainHtml(e)
    default:
      throw new Error(`unknown explain format: ${String(format)}`)
  }
}
