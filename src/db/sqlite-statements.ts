/**
 * better-sqlite3 behind Kysely, with prepared statements kept and reused. Kysely's SQLite driver
 * prepares every query it runs; parsing costs more than running for the multi-row INSERTs of bulk
 * writes (about 3 microseconds per row of a 500-row statement, twice what the insert itself costs), and
 * the same few statement texts come back all the time.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept; the oldest goes first when full. */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * The database as Kysely's SqliteDialect wants it, preparing each statement text once. A statement
 * still being iterated (a streamed query) is busy: the same text then gets a fresh, uncached one.
 *
 * @example
 * new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
 */
export function withStatementCache(db: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      db.close();
    },
    prepare(sql) {
      const kept = cache.get(sql);
      if (kept !== undefined && !kept.busy) return kept;
      const statement = db.prepare(sql);
      if (kept === undefined) {
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
