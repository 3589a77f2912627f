import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // Tests share one CPU budget of two cores; run files in parallel, tests within a file in order.
    pool: 'forks',
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
