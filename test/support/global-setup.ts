/**
 * Runs once before the suites. In CI the PostgreSQL suites must run, never skip quietly; on a laptop without
 * TEST_DATABASE_URL they skip, and say so by name. The shared log signer key (vitest.config.ts) is created
 * here when absent, so no suite depends on another having run `tdmr init` before it.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCi, testDatabaseUrl } from '../../src/config/env.js';
import { ensureSignerKeyFile } from '../../src/ledger/key-file.js';

export default function setup(): void {
  // The same file as vitest.config.ts's test.env, which reaches the test workers, not this process.
  ensureSignerKeyFile(
    process.env.TDMR_LOG_KEY_FILE ?? join(tmpdir(), 'tdmr-test-log-signer.key'),
    'tdm-reserve.test/log',
  );
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
