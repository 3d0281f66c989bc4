// Types of mutate.mjs for the TypeScript tests.
export type SeedKind = 'pprof' | 'text' | 'json' | 'config'
export interface Seed {
  path: string
  kind: SeedKind
}
export interface Case {
  seed: string
  kind: SeedKind
  mutation: string
  n: number
  mustRefuse: boolean
  note: string
  bytes: Uint8Array
}
export const SEEDS: Seed[]
export const mutators: Record<SeedKind, Record<string, unknown>>
export const HEAVY: Set<string>
export function seedBytes(seed: Seed): Buffer
export function seedsOf(kind: SeedKind): Seed[]
export function makeCase(seed: Seed, mutation: string, n: number): Case
export function rng(n: number): {
  next(): number
  int(lo: number, hi: number): number
  pick<T>(xs: T[]): T
}
