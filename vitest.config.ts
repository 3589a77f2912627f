import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Vite would resolve the project's `import 'graphql'` to graphql's ESM build (its "module" field)
// while Apollo and graphql-tools, loaded by Node, use the CommonJS one: two copies, whose type
// checks (isListType…) refuse each other's objects. Node's own choice for everyone.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // Tests share one CPU budget of two cores; run files in parallel, tests within a file in order.
    pool: 'forks',
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
