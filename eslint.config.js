// Process boundaries are enforced here, not by convention (see ../shared/DESIGN.md "Folders").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

/** Every Node built-in, with its sub-paths (`fs/promises`); the `node:` forms are caught by a pattern. */
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

/** Imports main/ never takes from the renderer. */
const noRendererInMain = { group: ['**/renderer/**'], message: 'main/ never imports renderer code.' };

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-web/',
      'dist-web-*/',
      'release/',
      'test-results/',
      'playwright-report/',
      '.test-output/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is pure TypeScript: no Electron.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure TypeScript: no Node built-ins.' })),
            { name: 'react-dom', message: 'shared/ has no DOM.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'shared/ is pure TypeScript: no Node built-ins.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'shared/ imports nothing from main/ or renderer/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-globals': [
        'error',
        {
          name: 'process',
          message: 'The renderer has no Node: what it needs of the host comes through the DesktopApi.',
        },
        { name: 'require', message: 'The renderer has no Node.' },
        { name: 'Buffer', message: 'The renderer has no Node.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches Electron only through the DesktopApi (preload).' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node.' },
            { group: ['**/main/**'], message: 'The renderer talks to main over IPC only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'bench/**/*.ts', 'e2e/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noRendererInMain] }],
    },
  },
  {
    // The command-line tool and the code it shares with the app run under plain Node: no Electron in them.
    files: ['main/cli/**/*.ts', 'main/aws/**/*.ts', 'main/files/**/*.ts', 'main/export/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'main/cli, aws, files and export run under plain Node (the CLI): no Electron.',
            },
          ],
          patterns: [noRendererInMain],
        },
      ],
    },
  },
);
