import { defineConfig } from 'vitest/config';

// Browser tests drive one real Chromium per file; files run one at a time so a 2-core CI machine
// is not oversubscribed. The global setup builds the embed bundle the pages load.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test-support/**/*.test.ts'],
    globalSetup: ['./test-support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
