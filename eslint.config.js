// Lint: TypeScript recommended rules, plus the layer rules of docs/architecture.md (VS Code's common/node/browser):
// shared/ imports neither electron/ nor renderer/ nor Node; renderer/ never imports electron/ or Node; inside
// electron/ each layer imports only the layers below it (tested in test/unit/layers.test.ts).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'url',
  'util',
  'stream',
  'zlib',
  'better-sqlite3',
  'exceljs',
  'docx',
  'electron',
];

// The layers inside electron/, lowest first (docs/architecture.md): `files` are the layer's members, `named` how
// an import names them. A file imports its own layer and those below, never one above; the `electron` package
// itself only main.ts, preload.ts, window/ and ipc/ import.
const electronLayers = [
  { name: 'base', files: ['electron/errors.ts', 'electron/app-error.ts', 'electron/app-info.ts', 'electron/files/**/*.ts'], named: [] },
  {
    name: 'store',
    files: ['electron/db/**/*.ts', 'electron/store/**/*.ts', 'electron/template-store.ts'],
    named: ['**/db/**', '**/store/**', '**/template-store.ts'],
  },
  {
    name: 'workbook/import/annex/report',
    files: ['electron/{workbook,import,annex,report}/**/*.{ts,mts,mjs}'],
    named: ['**/workbook/**', '**/import/**', '**/annex/**', '**/report/**'],
  },
  { name: 'services', files: ['electron/services/**/*.ts'], named: ['**/services/**'] },
  { name: 'ipc/bridge/cli', files: [], named: ['**/ipc/**', '**/bridge/**', '**/window/**', '**/cli.ts', '**/cli-*.ts', '**/main.ts', '**/preload.ts'] },
];
const electronPackage = {
  name: 'electron',
  message:
    'Only main.ts, preload.ts, electron/window/ and electron/ipc/ import the electron package; the rest runs in plain Node (the CLI, the tests, the bridge).',
};

function electronLayerRules() {
  return electronLayers.slice(0, -1).map((layer, i) => ({
    files: layer.files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPackage],
          patterns: [
            {
              group: electronLayers.slice(i + 1).flatMap((l) => l.named),
              message: `electron/ layer ${layer.name} imports only its own layer and those below (store ← workbook/import/annex/report ← services ← ipc/bridge/cli; docs/architecture.md).`,
            },
          ],
        },
      ],
    },
  }));
}

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
  // The rules of React hooks (and the React Compiler's checks) for the window, exhaustive dependencies included.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    // The React Compiler's advisory checks on effects and refs (set-state-in-effect, refs) are left off: the window
    // does not use the compiler, and its effects that reset a form when its data changes are deliberate.
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
    },
  },
  ...electronLayerRules(),
  {
    files: ['electron/bridge/**/*.ts', 'electron/cli*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronPackage] }] },
  },
);
