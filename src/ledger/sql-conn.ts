/**
 * The smallest connection the log's SQL needs: run a statement, read rows. SQL is written once with
 * `?` placeholders; adapters translate for their driver. The better-sqlite3 adapter answers
 * synchronously (so an import running inside a synchronous SQLite transaction never waits on a
 * promise); the others return promises. Callers of `LedgerConn` handle both.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';

export interface LedgerConn {
  run(sql: string, params: readonly unknown[]): void | Promise<void>;
  all<R>(sql: string, params: readonly unknown[]): R[] | Promise<R[]>;
}

const positional = new Map<string, string>();

/**
 * `?` placeholders as PostgreSQL's `$1, $2, ...`. The log's SQL holds no string literals, so every `?`
 * is a placeholder. Translations are cached: the same few statements run over and over.
 */
export function toDollarPlaceholders(sql: string): string {
  let out = positional.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    if (positional.size > 256) positional.clear();
    positional.set(sql, out);
  }
  return out;
}

/**
 * Adapter for a better-sqlite3 handle (e.g. `DbHandle.raw`), inside whatever transaction the caller
 * opened (`BEGIN IMMEDIATE` for an import). Statements are prepared once and cached.
 *
 * @example
 * db.raw.exec('BEGIN IMMEDIATE');
 * await appendEntries(sqliteConn(db.raw), entries);
 * db.raw.exec('COMMIT');
 */
export function sqliteConn(db: BetterSqlite3.Database): LedgerConn {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string): BetterSqlite3.Statement => {
    let st = cache.get(sql);
    if (st === undefined) {
      st = db.prepare(sql);
      if (cache.size > 64) cache.clear();
      cache.set(sql, st);
    }
    return st;
  };
  return {
    run(sql, params) {
      prepare(sql).run(...params);
    },
    all<R>(sql: string, params: readonly unknown[]): R[] {
      return prepare(sql).all(...params) as R[];
    },
  };
}

/**
 * Adapter for a pg client (a `PoolClient` after `BEGIN`): the caller owns the transaction.
 *
 * @example
 * const client = await pool.connect();
 * await client.query('BEGIN');
 * await appendEntries(pgConn(client), entries);
 * await client.query('COMMIT');
 */
export function pgConn(client: pg.ClientBase): LedgerConn {
  return {
    async run(sql, params) {
      await client.query(toDollarPlaceholders(sql), params as unknown[]);
    },
    async all<R>(sql: string, params: readonly unknown[]): Promise<R[]> {
      const r = await client.query(toDollarPlaceholders(sql), params as unknown[]);
      return r.rows as R[];
    },
  };
}

/** Runs statements in order on `conn`: synchronously while it answers synchronously, else chained. */
export function runAll(conn: LedgerConn, statements: readonly Statement[], from = 0): Promise<void> | null {
  for (let i = from; i < statements.length; i++) {
    const st = statements[i]!;
    const r = conn.run(st.sql, st.params);
    if (r instanceof Promise) return r.then(() => runAll(conn, statements, i + 1) ?? undefined);
  }
  return null;
}

/** One statement and its parameters. */
export interface Statement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** Continues after a value that may or may not be a promise (not named `then`: a module exporting `then` is a thenable to `import()`), without a promise when it is not. */
export function chain<T, U>(value: T | Promise<T>, fn: (v: T) => U | Promise<U>): U | Promise<U> {
  return value instanceof Promise ? value.then(fn) : fn(value);
}
