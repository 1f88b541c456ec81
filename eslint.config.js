import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import path from 'node:path';

const SRC = path.join(import.meta.dirname, 'src');

/**
 * `layers/imports`: a file may import (relatively) only from the src/ folders in `allowed`. The
 * import is resolved against the importing file, so a web folder that happens to be called
 * `server` (src/web/i18n/server) is still the web.
 */
const layers = {
  rules: {
    imports: {
      meta: { type: 'problem', schema: [{ type: 'object', properties: { allowed: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }] },
      create(context) {
        const allowed = context.options[0]?.allowed ?? [];
        const from = path.relative(SRC, context.filename).split(path.sep)[0];
        const check = (node) => {
          const source = node.source?.value;
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const target = path.relative(SRC, path.resolve(path.dirname(context.filename), source));
          const layer = target.startsWith('..') ? path.relative(import.meta.dirname, path.resolve(SRC, target)) : `src/${target.split(path.sep)[0]}`;
          if (!allowed.some((a) => layer === `src/${a}`)) context.report({ node: node.source, message: `src/${from} may import only from ${allowed.map((a) => `src/${a}`).join(', ')}; not from ${layer}.` });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/web/**'], message: 'Nothing imports the web app.' }] }],
    },
  },
  {
    // The web app runs in the browser: it may import src/common, src/domain and its own files,
    // never the server, the database layer, FHIR mapping or the CLI.
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, layers },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': 'off',
      'layers/imports': ['error', { allowed: ['web', 'common', 'domain'] }],
    },
  },
  {
    // Shared by server and web (and used by src/domain), so it depends on none of them.
    files: ['src/common/**/*.ts'],
    plugins: { layers },
    rules: { 'layers/imports': ['error', { allowed: ['common'] }] },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*', 'pg', '@electric-sql/*', '**/server/**', '**/db/**', '**/web/**'] }] },
  },
);
