/**
 * Runs once before the suites. In CI the PostgreSQL suites must run, never skip quietly; on a laptop without
 * TEST_DATABASE_URL they skip, and say so by name.
 */
import { isCi, testDatabaseUrl } from '../../src/config/env.js';

export default function setup(): void {
  const url = testDatabaseUrl();
  if (isCi() && url === undefined) {
    throw new Error('CI must set TEST_DATABASE_URL so that every store suite runs on PostgreSQL too (see .ci/run)');
  }
  if (url === undefined) {
    process.stderr.write('TEST_DATABASE_URL is not set: the suites named "... on PostgreSQL" are skipped.\n');
  }
}
