import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each test file opens its own PGlite (≈ 300 MB): keep parallelism modest on 2 cores.
    maxWorkers: 2,
    pool: 'forks',
  },
});
