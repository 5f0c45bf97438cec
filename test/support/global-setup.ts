/**
 * Runs once before the suites. In CI the PostgreSQL suites must run, never skip quietly; on a laptop without
 * TEST_DATABASE_URL they skip, and say so by name. The shared log signer key (vitest.config.ts) is created
 * here when absent, so no suite depends on another having run `tdmr init` before it.
 */
import type { TestProject } from 'vitest/node';
import { isCi, testDatabaseUrl } from '../../src/config/env.js';
import { ensureSignerKeyFile } from '../../src/ledger/key-file.js';

export default function setup(project: TestProject): void {
  // test.env reaches the test workers, not this process: read the file's name from the config.
  const keyFile = (project.config.env as Record<string, string | undefined>).TDMR_LOG_KEY_FILE;
  if (keyFile !== undefined) ensureSignerKeyFile(keyFile, 'tdm-reserve.test/log');
  const url = testDatabaseUrl();
  if (isCi() && url === undefined) {
    throw new Error(
      'CI must set TEST_DATABASE_URL so that every store suite runs on PostgreSQL too (see .ci/run)',
    );
  }
  if (url === undefined) {
    process.stderr.write('TEST_DATABASE_URL is not set: the suites named "... on PostgreSQL" are skipped.\n');
  }
}
