import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'core/src/messages/generated/**',
      'test/bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Boundary: the core never depends on a plugin, directly or by relative path.
    files: ['core/**/*.ts', 'core/**/*.mjs', 'core/**/*.js'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@omnimind/plugin-*', '@omnimind/plugin-*/**'],
              message: 'core must not import a plugin package.',
            },
            { group: ['**/plugins/**'], message: 'core must not import plugin code by path.' },
          ],
        },
      ],
    },
  },
  {
    // Boundary: plugins use other packages only through their public entry points.
    files: ['plugins/**/*.ts', 'robots/**/*.ts', 'simulations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@omnimind/*/src/**', '@omnimind/*/dist/**'],
              message: 'import the package entry point, not its internals.',
            },
            {
              group: ['**/core/src/**', '**/core/dist/**', '../../../*'],
              message: 'import @omnimind/core, not core files by path.',
            },
          ],
        },
      ],
    },
  },
);
