import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** first-run.e2e.ts needs the app as a fresh install leaves it, so it runs before every other file. */
class FirstRunFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isFirstRun = (f: TestSpecification) => f.moduleId.endsWith('/first-run.e2e.ts');
    return [...sorted.filter(isFirstRun), ...sorted.filter((f) => !isFirstRun(f))];
  }
}

// End-to-end tests: the built app started as `npm start` would, driven by Debian's Chromium.
// No database global setup here: the app runs its own embedded PostgreSQL in a fresh DATA_DIR.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['./test/e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    sequence: { sequencer: FirstRunFirst },
    pool: 'forks',
    reporters: ['default'],
  },
});
