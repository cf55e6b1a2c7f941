import swc from 'unplugin-swc';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources (the `@threadloom/source` export condition),
// so unit tests never depend on a previous build.
const conditions = ['@threadloom/source', ...defaultServerConditions];

export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2023',
      },
    }),
  ],
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@threadloom/source'] } },
  test: {
    setupFiles: ['./test/support/fail-on-console.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['libs/*/src/**/*.spec.ts', 'apps/*/src/**/*.spec.ts', 'tools/*/src/**/*.spec.ts'],
          // Loading the Qwen3 vocabulary or 1,000 property-test cases takes ~0.5 s alone and can pass 5 s
          // on a loaded 2-core runner; a timeout here would say nothing about behaviour.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'system',
          include: ['test/**/*.test.ts'],
          globalSetup: ['./test/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
