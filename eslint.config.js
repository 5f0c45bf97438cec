import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'bench/.work/**', 'bin/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.ts', '**/*.tsx'] })),
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'import-x/no-cycle': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value=/^(assert|buffer|child_process|crypto|events|fs|http|https|net|os|path|process|readline|stream|timers|url|util|worker_threads|zlib)(\\/.*)?$/]",
          message: 'import Node built-ins with the node: protocol',
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/!(server|cli|web)/**', from: ['./src/server', './src/cli', './src/web'], message: 'capabilities never import server, cli or web' },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'kysely', message: 'only db/, context.ts and store-kysely.ts files import Kysely' }] },
      ],
    },
  },
  {
    files: ['src/db/**', 'src/context.ts', 'src/**/store-kysely*.ts', 'test/**', 'bench/**', 'src/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // Plain JS (benchmarks on dist/, the test TS loader) is outside the TS project: lint it without types.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', performance: 'readonly', URL: 'readonly', setTimeout: 'readonly', global: 'readonly' },
    },
  },
  {
    files: ['bench/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  // The pages' one script runs in the browser.
  {
    files: ['web/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.test.ts', 'test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
