// ESLint (flat config) with typescript-eslint's recommended rules, and the layer boundaries of the design guide as lint
// rules too (the per-layer tsconfigs make most crossings a compile error; these name the rule that was crossed).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Each helper gives the patterns of no-restricted-imports (gitignore-style, so a bare name would also match a folder
// of that name anywhere: builtins are matched by regex, whole names only).
const builtins = builtinModules.filter((name) => !name.startsWith('_')).join('|');
const noNode = (why) => [{ regex: `^(node:.*|(${builtins}|ws)(/.*)?)$`, message: why }];
const noElectron = (why) => [{ regex: '^electron(/.*)?$', message: why }];
const noFolders = (folders, why) => folders.map((folder) => ({ group: [`**/${folder}`, `**/${folder}/**`], message: why }));

/** One no-restricted-imports rule per layer: what its files may not import, and why. */
const boundary = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const HOST_GLOBALS = ['process', 'require', 'window', 'document', 'Buffer'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'companion/dist/**', 'test/fixtures/**', 'test/.tmp/**', 'test/e2e/__output__/**', 'seeds/**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // `_name` marks a parameter a handler table's signature requires but this handler does not read.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Prettier wraps code at 160 but never breaks a string, a template literal, a regex or a comment: this catches those
      // (issue 14, point 7). ESLint's core rule, frozen but kept in ESLint 9, so no plugin is needed for one rule.
      'max-len': ['error', { code: 160 }],
    },
  },
  {
    // The engine and the pure half of the templates: no I/O, no Electron, nothing of the server, the shell or the pages.
    files: ['main/engine/**/*.ts', 'main/templates/**/*.ts'],
    rules: {
      ...boundary([
        ...noNode('the engine is pure: no Node builtins or ws (I/O is passed in; design guide, Layout)'),
        ...noElectron('the engine never imports electron (design guide, Architecture 2)'),
        ...noFolders(['server', 'shell', 'overlays', 'renderer'], 'the engine imports nothing of the server, the shell or the pages'),
      ]),
      'no-restricted-globals': ['error', ...HOST_GLOBALS.map((name) => ({ name, message: 'the engine runs in Node and in browsers: no host globals' }))],
    },
  },
  {
    files: ['main/server/**/*.ts'],
    rules: {
      ...boundary([
        ...noElectron('the server runs without Electron (design guide, Architecture 2)'),
        ...noFolders(['shell', 'overlays', 'renderer'], 'the server imports the engine, not the shell or the pages'),
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'overlays/**/*.ts'],
    languageOptions: { globals: globals.browser },
    rules: {
      ...boundary([
        ...noNode('pages run in the browser: no Node builtins or ws'),
        ...noElectron('pages reach Electron only through the preload bridge'),
        ...noFolders(['main/server', 'main/shell'], 'pages use only the engine\u2019s protocol and pure helpers'),
      ]),
    },
  },
  {
    files: ['main/server/**/*.ts', 'main/shell/**/*.{ts,mjs}', 'companion/src/**/*.ts', 'test/**/*.ts', 'seeds/**/*.ts', '*.config.ts', '*.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // Code the e2e tests run inside the page (page.evaluate) sees the browser's globals, and reads the probes a test put
    // on `window` untyped: a test is not a boundary (the rule against `any` holds in the source).
    files: ['test/**/*.ts'],
    languageOptions: { globals: globals.browser },
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
