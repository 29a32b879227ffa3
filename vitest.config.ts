import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    // Says once, by name, when ../shared is missing, instead of a dozen files failing on ENOENT.
    globalSetup: ['test/support/shared-data-check.ts'],
    // e2e files each boot a server and a Chromium; two cores, so keep them few at once.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
