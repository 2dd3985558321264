import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace packages export their TypeScript source under the "source" condition,
// so tests run against src/ without a build.
const conditions = ['source', ...defaultServerConditions];
const packages = '{verify,rules,prisma,indexer,api,mirror,bench}';

export default defineConfig({
  // Node loads graphql's CJS entry for Pothos and Apollo; workspace code must get the same copy,
  // or graphql refuses types "from another module or realm".
  resolve: { conditions, alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  // Global setup runs in vitest's own environment, which needs the condition too.
  environments: { __vitest__: { resolve: { conditions, externalConditions: ['source'] } } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Projects run one after another (unit, integration, browser): two cores are not enough
          // for the integration stack and the browser stack at once.
          sequence: { groupOrder: 0 },
          include: [`${packages}/{src,test}/**/*.test.ts`, 'test/**/*.test.ts', 'web/test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.browser.test.ts', '**/node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: [`${packages}/{src,test}/**/*.int.test.ts`, 'test/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['./test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Two cores: integration files share one Postgres cluster (one database each).
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          sequence: { groupOrder: 2 },
          // Real Chromium against the whole stack (Postgres, chain, indexer, API, web), started once.
          include: ['web/test/**/*.browser.test.ts'],
          globalSetup: ['./web/test/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
