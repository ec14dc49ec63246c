import { defineConfig } from 'vitest/config';

// Many of these tests drive real parts — a server process, Chromium, an SMTP server, a webhook
// receiver — and a busy 2-core CI machine can take several seconds to start one. Vitest's default
// 5 s per test failed such a test there once, with nothing wrong in the code; the budgets a test
// means to check are asserted inside it, never through the runner's timeout.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
