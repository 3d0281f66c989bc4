// The JSON rendering of an Explanation: a stable, documented shape (docs/explain.md),
// numbers exact in bytes and counts, never formatted.
import type { Explanation } from '../explain/types.js'
import { VERSION } from '../version.js'

/** The JSON document of `explain --format json`; schemaVersion changes only with a breaking change. */
export interface ExplainJson extends Explanation {
  schemaVersion: 1
  kind: 'explain'
  tool: { name: 'gomem-gate'; version: string }
}

/** The explanation as the JSON document's value. */
export function explainJson(e: Explanation): ExplainJson {
  return { schemaVersion: 1, kind: 'explain', tool: { name: 'gomem-gate', version: VERSION }, ...e }
}

/** The JSON rendering, two-space indented, with a trailing newline. */
export function renderExplainJson(e: Explanation): string {
  return JSON.stringify(explainJson(e), null, 2) + '\n'
}
