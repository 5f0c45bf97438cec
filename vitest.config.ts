import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['test/support/global-setup.ts'],
    // `tdmr init` creates the log signer key; tests that do not choose a file must not write ./data.
    env: { TDMR_LOG_KEY_FILE: join(tmpdir(), 'tdmr-test-log-signer.key') },
  },
});
