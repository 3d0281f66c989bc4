// The history of a baseline branch: one compact entry per push, carried from baseline
// artifact to baseline artifact (no server). The file format is a documented contract.

/** One push of a baseline branch, as the figures rules judge. */
export interface HistoryEntry {
  commit: string
  /** ISO 8601, when the entry was recorded. */
  time: string
  goVersion?: string
  /** The sampling period of the heap profile (1: exact, MemProfileRate = 1); 0 without one. */
  period: number
  /** Sample type → total (bytes or count). */
  totals: Record<string, number>
  /** MemStats field → value, and the gctrace/goroutine figures read as MemStats. */
  memstats: Record<string, number>
  /** Accounting class id (`live_heap`, `retained_idle`, …) → bytes. */
  classes: Record<string, number>
  /** Sample type → function → flat value, for the top allocators of that sample type. */
  allocators: Record<string, Record<string, number>>
  /** `name|unit` (as benchmarks are keyed in the report) → median. */
  benchmarks: Record<string, number>
}

/** The history file: newest entry last. */
export interface History {
  schemaVersion: 1
  tool: 'gomem-gate'
  entries: HistoryEntry[]
}

/** Which figure of an entry a judged measurement is. */
export type HistoryKey =
  | { scope: 'total'; metric: string }
  | { scope: 'memstats'; metric: string }
  | { scope: 'allocator'; metric: string; subject: string }
  | { scope: 'benchmark'; key: string }
