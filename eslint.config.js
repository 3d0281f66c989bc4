import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    // src/formats/fold/assembly/ is AssemblyScript (its own decorators and types), compiled
    // by scripts/build-wasm.mjs.
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'build/',
      'fixtures/',
      'src/formats/fold/assembly/',
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
)
