import { defineConfig } from 'vitest/config';

// End-to-end tests start real servers and child processes: give them room on a busy 2-core machine.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000, include: ['test/**/*.test.ts'] },
});
