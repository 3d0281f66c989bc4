// The folder a capture writes to.
import { mkdirSync, readdirSync } from 'node:fs'
import { GateError } from '../errors.js'

/** Creates the folder; one that already holds files is refused (they would be read with the capture). */
export function prepareOut(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true })
    const inside = readdirSync(dir).filter((name) => !name.startsWith('.'))
    if (inside.length > 0) {
      throw new GateError(
        'USAGE',
        `capture: --out ${dir}: already holds files (${inside[0]}${inside.length > 1 ? ', …' : ''})`,
        'choose a new folder: a capture folder is read whole',
      )
    }
  } catch (err) {
    if (err instanceof GateError) throw err
    throw new GateError(
      'READ_FAILED',
      `capture: --out ${dir}: ${(err as Error).message}`,
      'choose a writable folder',
    )
  }
}
