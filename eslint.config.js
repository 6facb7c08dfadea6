// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import boundaries from 'eslint-plugin-boundaries'
import { folders } from './folders.config.js'

/** Imports go one way: packages never import client or server; those two never import each other. */
const oneWay = (forbidden) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: forbidden.map((name) => ({
        group: [`@sparboard/${name}`, `@sparboard/${name}/*`, `**/${name}/src/*`, `**/${name}/src`],
        message: `Imports go one way: this code may not import ${name}/ (see docs/style.md).`,
      })),
    },
  ],
})

const sides = Object.entries(folders)
const selector = (side, name) =>
  folders[side].parts[name].files
    ? { file: { categories: `${side}/${name}` } }
    : { element: { type: `${side}/${name}` } }

/** A folder part is an element (`server/hub`); the parts of files at the top are file categories. */
const elements = sides.flatMap(([side, { root, parts }]) =>
  Object.entries(parts)
    .filter(([, part]) => !part.files)
    .map(([name]) => ({
      type: `${side}/${name}`,
      pattern: `${root}/${name}`,
      partialMatch: false,
    })),
)
const files = sides.flatMap(([side, { root, parts }]) =>
  Object.entries(parts)
    .filter(([, part]) => part.files)
    .map(([name, part]) => ({
      category: `${side}/${name}`,
      pattern: part.files.map((file) => `${root}/${file}`),
    })),
)

/** A part may import itself and the parts it lists; any other part of its side is refused. */
const folderPolicies = sides.flatMap(([side, { parts }]) =>
  Object.entries(parts).flatMap(([name, part]) =>
    Object.keys(parts)
      .filter((other) => other !== name && !part.may.includes(other))
      .map((other) => ({
        from: selector(side, name),
        disallow: { to: selector(side, other) },
        message: `${side}/src/${name} may import ${part.may.length ? `only ${part.may.join(', ')}` : 'no other part'} (folders.config.js, docs/architecture.md)`,
      })),
  ),
)

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/dist-*/**', '**/node_modules/**', '**/.turbo/**', 'tests/artifacts/**', 'data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['server/src/**/*.{ts,tsx}', 'client/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': import.meta.dirname,
      'boundaries/elements': elements,
      'boundaries/files': files,
      'import/resolver': {
        typescript: { project: ['server/tsconfig.json', 'client/tsconfig.json'] },
      },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', policies: folderPolicies }],
    },
  },
  { files: ['packages/**/*.{ts,tsx}'], ...{ rules: oneWay(['server', 'client', 'tests']) } },
  { files: ['server/**/*.{ts,tsx}'], ...{ rules: oneWay(['client', 'tests']) } },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...oneWay(['server', 'tests']),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
)
