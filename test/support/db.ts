/**
 * Test databases: a fresh SQLite file always, and a fresh PostgreSQL schema when TEST_DATABASE_URL is set.
 * Suites call `forEachDialect` so that the same cases run on both.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { toConfig } from '../../src/config/config.js';
import { testDatabaseUrl } from '../../src/config/env.js';
import { createContext, type Context } from '../../src/context.js';

export const PG_URL = testDatabaseUrl();

export interface TestDb {
  url: string;
  dispose(): Promise<void>;
}

export function sqliteTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'tdmr-test-'));
  return { url: `sqlite:${join(dir, 'reserve.db')}`, dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
}

export function postgresTestDb(base: string): TestDb {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const u = new URL(base);
  u.searchParams.set('schema', schema);
  return {
    url: u.toString(),
    async dispose() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export type DialectName = 'SQLite' | 'PostgreSQL';

/** The dialects to run on, with whether each is enabled here (PostgreSQL needs TEST_DATABASE_URL). */
export const DIALECTS: { name: DialectName; enabled: boolean; make: () => TestDb }[] = [
  { name: 'SQLite', enabled: true, make: sqliteTestDb },
  { name: 'PostgreSQL', enabled: PG_URL !== undefined, make: () => postgresTestDb(PG_URL as string) },
];

/** A migrated context on a fresh database; close it with `dispose`. */
export async function freshContext(make: () => TestDb): Promise<{ ctx: Context; db: TestDb; dispose: () => Promise<void> }> {
  const db = make();
  const ctx = await createContext(toConfig({ databaseUrl: db.url, logLevel: 'silent' }));
  return {
    ctx,
    db,
    dispose: async () => {
      await ctx.close();
      await db.dispose();
    },
  };
}
