// The "Shards" table of a merged verdict's comment (Verdict.shards): one row per shard.
import { escapeMarkdown } from './escape.js'
import { table } from './markdown-verdict.js'
import { shardRows } from './shards.js'
import type { ReportInput } from './types.js'

/** Shard, status, violations and the problem of one not judged; undefined without shards. */
export function shardsSection({ verdict }: ReportInput): string | undefined {
  if (!verdict.shards || verdict.shards.length === 0) return undefined
  const icon: Record<string, string> = { fail: '❌ ', missing: '⚠️ ', failed: '⚠️ ' }
  const rows = shardRows(verdict).map(([name, status, violations, problem]) => [
    escapeMarkdown(name),
    `${icon[verdict.shards!.find((s) => s.name === name)!.status] ?? ''}${escapeMarkdown(status)}`,
    violations,
    problem ? escapeMarkdown(problem) : '—',
  ])
  return `#### Shards\n\n${table(['Shard', 'Status', 'Violations', 'Problem'], rows, 'llrl')}`
}
