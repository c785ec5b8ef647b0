import { defineConfig } from 'vitest/config';

// End-to-end tests: the built app started as `npm start` would, driven by Debian's Chromium.
// No database global setup here: the app runs its own embedded PostgreSQL in a fresh DATA_DIR.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['./test/e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: 'forks',
    reporters: ['default'],
  },
});
