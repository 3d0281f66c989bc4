// Which Node 24 binary the action's end-to-end tests run dist/index.js on, next to the Node 20
// running jest: $GOMEM_GATE_NODE24, else the one `npm run node24` (scripts/node24.mjs) puts in
// .cache/node24/. Under CI=true a missing one is an error, so those runs are never skipped.
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const given = process.env.GOMEM_GATE_NODE24
const cached = join(process.cwd(), '.cache/node24/bin/node')

if (given && !existsSync(given)) {
  throw new Error(`GOMEM_GATE_NODE24=${given} does not exist: point it at a Node 24 binary`)
}

/** The Node 24 executable, when there is one. */
export const NODE24_PATH: string | undefined = given || (existsSync(cached) ? cached : undefined)

/** The Node versions to run the action under: node24 only when its binary is there. */
export const NODES: ('node20' | 'node24')[] = NODE24_PATH ? ['node20', 'node24'] : ['node20']

if (!NODE24_PATH) {
  if (process.env.CI === 'true') {
    throw new Error(
      'No Node 24 binary for the end-to-end tests: run npm run node24 (or set GOMEM_GATE_NODE24)',
    )
  }
  process.stderr.write(
    'node24: the Node 24 runs of the action tests are skipped: no binary in .cache/node24 ' +
      '(run npm run node24 on linux-x64, or set GOMEM_GATE_NODE24=/path/to/node24)\n',
  )
}
