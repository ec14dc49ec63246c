import { defineConfig } from 'vitest/config';

// Browser tests: one Chromium per file, files one at a time (2-core machines shared by many).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
