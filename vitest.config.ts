import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Vite would resolve the project's `import 'graphql'` to graphql's ESM build (its "module" field)
// while Apollo and graphql-tools, loaded by Node, use the CommonJS one: two copies, whose type
// checks (isListType…) refuse each other's objects. Node's own choice for everyone.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');
/**
 * The suites that run on both stores (tests/support/stores.ts). They form a project of their
 * own so that its global setup, which starts a local Neo4j, runs only when one of them does.
 */
const STORE_SUITES = ['tests/graph/store-contract.test.ts', 'tests/graph/neo4j-store.test.ts', 'tests/graph/bulk-load.test.ts', 'tests/graph/cached-store.test.ts', 'tests/api/**/*.test.ts', 'tests/http/upload.test.ts', 'tests/documents/**/*.test.ts', 'tests/corrections/corrections.test.ts', 'tests/accounts/auth.test.ts'];

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    testTimeout: 60_000,
    // Checked mode (server/graph/budget.ts): a read made for a request without its time budget fails.
    env: { BUDGET_CHECK: '1' },
    // Tests share one CPU budget of two cores; run files in parallel, tests within a file in order.
    pool: 'forks',
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      // Each project names its own files: `include` given here too would be added to these.
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: STORE_SUITES } },
      {
        extends: true,
        test: {
          name: 'stores',
          include: STORE_SUITES,
          globalSetup: ['./tests/support/neo4j-global-setup.ts'],
          // A suite's hooks may wait for the shared Neo4j database (tests/support/stores.ts) while
          // another suite loads 2,000 plans into it: their beforeAll hooks name no timeout of their own.
          hookTimeout: 20 * 60_000,
        },
      },
    ],
  },
});
