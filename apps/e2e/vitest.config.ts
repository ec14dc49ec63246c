import { defineConfig } from 'vitest/config';

// One Chromium per test file and files one at a time: a 2-core CI machine runs the API, the
// practice site and the browser side by side without starving any of them.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
