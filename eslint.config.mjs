// Lint rules that keep the layers honest. The domain libraries (type:domain) stay pure:
// no framework, no queue, no network and no file-system imports.
import js from '@eslint/js';
import globals from 'globals';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const NODE_IO_MODULES = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'cluster',
  'dgram',
  'dns',
  'tls',
  'os',
  'worker_threads',
  'readline',
  'process',
  'v8',
  'vm',
  'inspector',
];
const FRAMEWORK_AND_IO_PACKAGES = [
  '@nestjs/*',
  'bullmq',
  'ioredis',
  'redis',
  'openai',
  'express',
  'fastify',
  'prom-client',
  '@opentelemetry/*',
  '@bull-board/*',
  'undici',
  'node-fetch',
  'axios',
  'commander',
];

/** The Nx tag matrix; `allow` lists packages exempt from it (see the test/deploy block). */
function moduleBoundaries(allow = []) {
  return {
    enforceBuildableLibDependency: false,
    allow,
    depConstraints: [
      {
        sourceTag: 'type:domain',
        onlyDependOnLibsWithTags: ['type:domain'],
        bannedExternalImports: FRAMEWORK_AND_IO_PACKAGES,
      },
      {
        sourceTag: 'type:util',
        onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
        bannedExternalImports: ['@nestjs/*', 'bullmq', 'ioredis', 'openai', 'express'],
      },
      {
        // Data access: Redis (libs/queue) and the engine (libs/engine-client, the one openai SDK user).
        sourceTag: 'type:data-access',
        onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:data-access'],
        bannedExternalImports: ['@nestjs/*', 'express'],
      },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:data-access'] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:data-access'] },
    ],
  };
}

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '.nx/**', '**/*.tsbuildinfo', '.tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { project: ['./tsconfig.spec.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@threadloom/*/src/*', '@threadloom/*/dist/*'],
              message: 'Import a project through its public entry point.',
            },
          ],
        },
      ],
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries()],
    },
  },
  {
    // Domain code: pure functions over data. Node I/O modules are banned by name, with or without `node:`.
    files: ['libs/threading/**/*.ts', 'libs/rewards/**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_IO_MODULES.flatMap((name) => [
            { name, message: 'Domain libraries do no I/O.' },
            { name: `node:${name}`, message: 'Domain libraries do no I/O.' },
          ]),
          patterns: [
            {
              group: ['@threadloom/*/src/*', '@threadloom/*/dist/*'],
              message: 'Import a project through its public entry point.',
            },
            { group: ['**/apps/**'], message: 'Libraries never import applications.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'fetch', 'require'],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-globals': 'off',
    },
  },
  {
    // The deployment checks read each app's exported configuration schema, the contract a manifest
    // must meet, instead of a copy of it; they still run the apps only as processes.
    files: ['test/deploy/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        moduleBoundaries(['@threadloom/api', '@threadloom/worker', '@threadloom/engine-sim']),
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The API's timeline page: plain ES modules run by the browser.
    files: ['apps/api/ui/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
);
