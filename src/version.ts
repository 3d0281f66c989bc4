// Read from package.json when the bundle is built (rollup inlines it), so `npm version` is
// the only place a release bumps it.
import pkg from '../package.json' with { type: 'json' }

/** The gomem-gate version: package.json's. */
export const VERSION: string = pkg.version
