// Types of oracle.mjs for the TypeScript tests.
import type { Case } from './mutate.mjs'

export type OutcomeClass =
  'hang' | 'memory' | 'crash' | 'garbage' | 'multiline' | 'refused' | 'accepted'
export const CLASSES: OutcomeClass[]
export const FAILURES: OutcomeClass[]
export interface CaseRef {
  seed: string
  kind: Case['kind']
  mutation: string
  n: number
  mustRefuse: boolean
}
export function caseFileName(c: CaseRef): string
export function roleOf(c: CaseRef): 'candidate' | 'baseline' | 'series' | 'config'
export function partnerOf(c: CaseRef, cli?: string): string
export function argsFor(c: CaseRef, file: string, partner?: string): string[]
export function reportProblem(stdout: string): string
export function runCase(
  c: Case,
  opts: { cli?: string; dir: string; timeoutMs?: number; memLimit?: number },
): Promise<{
  cls: OutcomeClass
  detail: string
  file: string
  args: string[]
  ms: number
  peak: number
}>
export interface Run {
  status: number | null
  signal: string | null
  stdout: string
  stderr: string
  peak: number
  ms: number
  timedOut: boolean
}
export function runCli(
  cli: string,
  args: string[],
  opts?: { timeoutMs?: number; cwd?: string },
): Promise<Run>
export function classify(
  c: CaseRef,
  file: string,
  run: Run,
  opts?: { memLimit?: number },
): { cls: OutcomeClass; detail: string }
