/**
 * Turns a database URL into a Kysely instance on SQLite (better-sqlite3) or PostgreSQL (pg), and keeps
 * the raw driver handle beside it for the bulk paths that Kysely cannot make fast (prepared statements in
 * one transaction on SQLite, COPY on PostgreSQL).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { DbError } from '../errors.js';
import type { DB } from './schema.js';
import { withStatementCache } from './sqlite-statements.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- helpers shared by every store's schema
export type AnyDb = Kysely<any> | Transaction<any>;

/** Whether a Kysely instance or transaction runs on PostgreSQL, for the few statements that differ by dialect. */
export const isPostgres = (db: AnyDb): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

export type DbTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; schema: string | null };

/**
 * `sqlite:PATH`, a bare file path, or `:memory:` for SQLite; `postgres://` / `postgresql://` for
 * PostgreSQL. A `schema` query parameter on a PostgreSQL URL selects (and creates) a schema.
 */
export function parseDbUrl(url: string): DbTarget {
  const u = url.trim();
  if (u === '') throw new DbError('DB_URL_INVALID', 'empty database URL');
  if (/^postgres(ql)?:\/\//i.test(u)) {
    let parsed: URL;
    try {
      parsed = new URL(u);
    } catch (cause) {
      throw new DbError('DB_URL_INVALID', `not a valid PostgreSQL URL: ${u}`, { cause });
    }
    const schema = parsed.searchParams.get('schema');
    if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new DbError('DB_URL_INVALID', `schema must be a lower-case SQL identifier, got ${schema}`);
    }
    parsed.searchParams.delete('schema');
    return { kind: 'postgres', url: parsed.toString(), schema };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) throw new DbError('DB_URL_INVALID', `unsupported database URL scheme: ${u}`);
  const path = u.startsWith('sqlite:') ? u.slice('sqlite:'.length) : u;
  if (path === '') throw new DbError('DB_URL_INVALID', 'sqlite: URL without a path');
  return { kind: 'sqlite', path };
}

export interface SqliteHandle {
  kind: 'sqlite';
  kysely: Kysely<DB>;
  raw: BetterSqlite3.Database;
  path: string;
}
export interface PostgresHandle {
  kind: 'postgres';
  kysely: Kysely<DB>;
  pool: pg.Pool;
  schema: string | null;
}
export type DbHandle = SqliteHandle | PostgresHandle;

/** Page size of the SQLite files this code creates. */
export const SQLITE_PAGE_SIZE = 16384;

export function openSqlite(path: string, options: { readonly?: boolean } = {}): BetterSqlite3.Database {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const raw = new BetterSqlite3(path, { readonly: options.readonly ?? false });
  if (!options.readonly) {
    // Takes effect only on a file not yet written (the first pragma below writes the header). 16 KiB
    // pages hold four times the rows of the default 4 KiB ones, and the log and the imports write
    // mostly whole pages in key order: appending the log's entries costs about half as much
    // (BENCHMARKS.md, "Storage pages"). Existing files keep their page size.
    raw.pragma(`page_size = ${SQLITE_PAGE_SIZE}`);
    // WAL lets the service read while an import writes; NORMAL sync is durable across process kills.
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
  }
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('cache_size = -262144');
  return raw;
}

/** A read-only Kysely over a SQLite file, for a worker thread's own connection. */
export function openSqliteReader(path: string): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(openSqlite(path, { readonly: true })) }) });
}

export async function openDb(url: string): Promise<DbHandle> {
  const target = parseDbUrl(url);
  if (target.kind === 'sqlite') {
    const raw = openSqlite(target.path);
    return { kind: 'sqlite', raw, path: target.path, kysely: new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) }) };
  }
  const schema = target.schema;
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 8,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  try {
    const c = await pool.connect();
    try {
      if (schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      c.release();
    }
  } catch (cause) {
    await pool.end();
    throw new DbError('DB_UNAVAILABLE', `cannot connect to PostgreSQL at ${redact(target.url)}: ${(cause as Error).message}`, { cause });
  }
  return { kind: 'postgres', pool, schema, kysely: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }) };
}

export async function closeDb(db: DbHandle): Promise<void> {
  await db.kysely.destroy(); // closes the better-sqlite3 handle or ends the pool
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
