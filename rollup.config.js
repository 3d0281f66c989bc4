// Bundles the CLI (and later the action) into self-contained ES modules in dist/.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import { bannerLine, sourceHash } from './scripts/dist-hash.mjs'

// unzip-stream (the artifact download; 0.3.4 is its latest release) with its helpers binary
// and buffers, and tunnel (an authenticating proxy) still call the deprecated `new Buffer()`.
// Under node_modules Node keeps quiet about it; bundled into dist/ it prints DEP0005 on every
// download. Rewrite those calls, in those modules only, to Buffer.alloc / Buffer.from.
const LEGACY_BUFFER = /[\\/]node_modules[\\/](unzip-stream|binary|buffers|tunnel)[\\/]/
// Appended, so a leading 'use strict' stays the first statement; declarations are hoisted.
const SAFE_BUFFER =
  '\nfunction safeBuffer$(a, b, c) { return typeof a === "number" ? Buffer.alloc(a) : Buffer.from(a, b, c) }\n'
const legacyBuffer = () => ({
  name: 'legacy-buffer',
  transform(code, id) {
    if (!LEGACY_BUFFER.test(id) || !code.includes('new Buffer(')) return null
    return { code: code.replaceAll('new Buffer(', 'safeBuffer$(') + SAFE_BUFFER, map: null }
  },
})

const plugins = () => [
  // Types are checked by `npm run lint` and `npm run build` (tsc --noEmit); checking them
  // again in each of the three bundles tripled the bundle time.
  typescript({ tsconfig: 'tsconfig.build.json', noCheck: true }),
  legacyBuffer(),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
  commonjs(),
  json(),
]

// Warnings about code in node_modules that is not ours to fix: pprof-format's compiled
// helpers read a top-level `this`; the toolkit and Azure SDK have import cycles.
const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED' && warning.id?.includes('node_modules')) return
  if (
    warning.code === 'CIRCULAR_DEPENDENCY' &&
    warning.ids?.every((id) => id.includes('node_modules'))
  )
    return
  warn(warning)
}

// Each bundle names the sources it was built from (after the shebang, if it has one), so a
// stale dist/ fails the tests.
const sourcesLine = bannerLine(sourceHash(process.cwd()))
const withSourcesLine = (config) => ({
  ...config,
  output: {
    ...config.output,
    banner: config.output.banner ? `${config.output.banner}\n${sourcesLine}` : sourcesLine,
  },
})

export default [
  {
    input: 'src/cli/main.ts',
    onwarn,
    output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node', sourcemap: false },
    plugins: plugins(),
  },
  {
    // Reads and folds one big profile on a worker thread; loaded from next to cli.js/index.js.
    input: 'src/driver/read-worker.ts',
    onwarn,
    output: { file: 'dist/read-worker.js', format: 'es', sourcemap: false },
    plugins: plugins(),
  },
  {
    input: 'src/action/index.ts',
    onwarn,
    output: { file: 'dist/index.js', format: 'es', sourcemap: false },
    plugins: plugins(),
  },
].map(withSourcesLine)
