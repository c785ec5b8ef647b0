import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const FIRST_RUN = 'first-run.e2e.ts';

/**
 * All files share one server. The first-run test needs it fresh (no administrator yet), so it goes first;
 * the other files log in as the administrator it creates, or create it themselves when run alone.
 */
class FirstRunFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isFirstRun = (f: TestSpecification) => f.moduleId.endsWith(FIRST_RUN);
    return [...sorted.filter(isFirstRun), ...sorted.filter((f) => !isFirstRun(f))];
  }
}

// End-to-end tests: the built app started as `npm start` would, driven by Debian's Chromium.
// No database global setup here: the app runs its own embedded PostgreSQL in a fresh DATA_DIR.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['./test/e2e/support/global-setup.ts'],
    // A hang guard, not a speed check: the longest flows (a whole event built through the UI, axe on every
    // page) take 35–45 s on a quiet 2-core machine, so 60 s left too little room for a busy one.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: 'forks',
    sequence: { sequencer: FirstRunFirst },
    reporters: ['default'],
  },
});
