// Bundles the CLI (and later the action) into self-contained ES modules in dist/.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import { bannerLine, sourceHash } from './scripts/dist-hash.mjs'

const plugins = () => [
  typescript({ tsconfig: 'tsconfig.build.json' }),
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
