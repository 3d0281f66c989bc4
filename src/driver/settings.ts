// How the driver runs. The shells build it from their environment and pass it in; nothing
// here is read at import.

/** Files at least this big are worth a worker thread by default (its start costs ~30 ms). */
export const DEFAULT_WORKER_BYTES = 4 * 1024 * 1024

/** Settings of one compare. */
export interface DriverSettings {
  /** Files at least this big are read on a worker thread. */
  workerBytes: number
  /** Worker threads at most (0: every file on the main thread). */
  workers: number
  /** Measure where the time went (CompareResult.timings). */
  debug: boolean
}

/**
 * The settings a shell's environment asks for: GOMEM_GATE_WORKER_BYTES (e.g. to send
 * small files through the workers), GOMEM_GATE_DEBUG, and one worker per core, at most two.
 */
export function settingsFrom(
  env: Record<string, string | undefined>,
  cores: number,
): DriverSettings {
  return {
    workerBytes: Number(env.GOMEM_GATE_WORKER_BYTES) || DEFAULT_WORKER_BYTES,
    workers: Math.min(2, cores),
    debug: Boolean(env.GOMEM_GATE_DEBUG),
  }
}
