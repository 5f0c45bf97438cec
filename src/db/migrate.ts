/**
 * Schema migrations with Kysely's Migrator. Migrations are listed here in order (no directory scan, so the
 * bundle stays self-contained); each receives the dialect for the few statements that differ.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { DbError } from '../errors.js';
import type { DbHandle } from './dialect.js';
import * as m001 from './migrations/001-registry.js';
import * as m002 from './migrations/002-ledger.js';
import * as m003 from './migrations/003-licensing.js';
import * as m004 from './migrations/004-usage.js';
import * as m005 from './migrations/005-distribution.js';
import * as m006 from './migrations/006-fingerprints.js';
import * as m007 from './migrations/007-web.js';
import * as m008 from './migrations/008-ledger-topics.js';
import * as m009 from './migrations/009-ledger-inner-nodes.js';

export type Dialect = 'sqlite' | 'postgres';
type Step = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };

const STEPS: Record<string, Step> = {
  '001-registry': m001,
  '002-ledger': m002,
  '003-licensing': m003,
  '004-usage': m004,
  '005-distribution': m005,
  '006-fingerprints': m006,
  '007-web': m007,
  '008-ledger-topics': m008,
  '009-ledger-inner-nodes': m009,
};

class ListProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, step] of Object.entries(STEPS)) out[name] = { up: (db) => step.up(db, this.dialect) };
    return Promise.resolve(out);
  }
}

function migrator(db: DbHandle): Migrator {
  // Kysely looks for its migration tables in every schema unless told which one: with another schema of
  // the same database already migrated (tests run side by side, one schema each) it would skip creating
  // its own and fail. Name the schema the handle works in.
  const schema = db.kind === 'postgres' && db.schema !== null ? { migrationTableSchema: db.schema } : {};
  return new Migrator({ db: db.kysely, provider: new ListProvider(db.kind), ...schema });
}

/** Migration names, in order. */
export const MIGRATIONS: readonly string[] = Object.keys(STEPS);

/** Brings a fresh schema up to the named migration, included: the schema a migration's test starts from. */
export async function migrateTo(db: DbHandle, name: string): Promise<void> {
  const { error } = await migrator(db).migrateTo(name);
  if (error !== undefined) throw new DbError('DB_MIGRATION_FAILED', `migration to ${name} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, { cause: error });
}

/** Brings the schema to the latest version; returns the names of the migrations it applied. */
export async function migrateToLatest(db: DbHandle): Promise<string[]> {
  const m = migrator(db);
  let { error, results } = await m.migrateToLatest();
  // Kysely's PostgreSQL introspection lists the tables of every schema; a schema another session drops
  // meanwhile makes that query fail with "schema <other> does not exist" (SQLSTATE 3F000), though nothing
  // is wrong with ours. Nothing was applied then (the check comes first): make sure ours exists, try again.
  for (let attempt = 0; attempt < 3 && error !== undefined && schemaVanished(error, db); attempt++) {
    if (db.kind === 'postgres' && db.schema !== null) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(db.schema)}`.execute(db.kysely);
    ({ error, results } = await m.migrateToLatest());
  }
  if (error !== undefined) {
    throw new DbError('DB_MIGRATION_FAILED', `migration failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

function schemaVanished(error: unknown, db: DbHandle): boolean {
  return db.kind === 'postgres' && error instanceof Error && (error as { code?: unknown }).code === '3F000';
}
