import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run against the TypeScript sources of every workspace package (the `source` export condition).
  resolve: { conditions: ['source', 'module', 'node', 'development|production'] },
  ssr: { resolve: { conditions: ['source', 'node', 'development|production'], externalConditions: ['source'] } },
  test: {
    include: [
      'core/src/**/*.test.ts',
      'robots/src/**/*.test.ts',
      'simulations/src/**/*.test.ts',
      'plugins/*/src/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    setupFiles: ['test/support/fast-check-seed.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    benchmark: {
      include: ['test/bench/**/*.bench.ts'],
      outputJson: 'test/bench/results/latest.raw.json',
    },
  },
});
