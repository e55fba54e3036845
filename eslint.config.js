// Lint: TypeScript recommended rules, plus the layer rule of docs/architecture.md (VS Code's common/node/browser):
// shared/ imports neither electron/ nor renderer/ nor Node; renderer/ never imports electron/ or Node.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'url', 'util', 'stream', 'zlib', 'better-sqlite3', 'exceljs', 'docx', 'electron'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'scratch/**', 'test-output/**', 'bench/.work/**', 'build/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ is the pure layer: it imports neither electron/ nor renderer/.' },
            { group: nodeBuiltins, message: 'shared/ runs in Node and in the browser: no Node modules or Node-only libraries.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**'], message: 'renderer/ reaches data only through the typed API of shared/api.ts.' },
            { group: nodeBuiltins, message: 'renderer/ runs in a sandboxed window: no Node modules.' },
          ],
        },
      ],
    },
  },
);
