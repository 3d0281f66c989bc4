// Bundles the CLI (and later the action) into self-contained ES modules in dist/.
import commonjs from '@rollup/plugin-commonjs'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

const plugins = () => [
  typescript({ tsconfig: 'tsconfig.build.json' }),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
  commonjs(),
]

// pprof-format's compiled TypeScript helpers read a top-level `this`: harmless, not ours.
const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED' && warning.id?.includes('node_modules')) return
  warn(warning)
}

export default [
  {
    input: 'src/cli/main.ts',
    onwarn,
    output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node', sourcemap: false },
    plugins: plugins(),
  },
]
