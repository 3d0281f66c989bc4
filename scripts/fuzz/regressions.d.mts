// Types of regressions.mjs for the TypeScript tests.
import type { Case } from './mutate.mjs'
import type { CaseRef } from './oracle.mjs'

export interface Regression extends CaseRef {
  file: string
  note: string
  role: string
  found: string
  pending?: string
}
export const REGRESSIONS: string
export function readManifest(dir?: string): Regression[]
export function writeManifest(entries: Regression[], dir?: string): void
export function addRegression(
  entries: Regression[],
  cls: string,
  c: Case,
  found: string,
  dir?: string,
): boolean
