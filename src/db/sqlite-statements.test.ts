import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite-statements.js';

describe('withStatementCache', () => {
  it('prepares each text once, keeps at most `size`, and answers like the plain driver', async () => {
    const raw = new BetterSqlite3(':memory:');
    let prepared = 0;
    const prepare = raw.prepare.bind(raw);
    const counting: typeof raw.prepare = (text: string) => {
      prepared += 1;
      return prepare(text);
    };
    raw.prepare = counting;
    const db = new Kysely<{ t: { a: number } }>({ dialect: new SqliteDialect({ database: withStatementCache(raw, 3) }) });
    await sql`CREATE TABLE t (a INTEGER)`.execute(db);
    for (let i = 0; i < 10; i++) await db.insertInto('t').values({ a: i }).execute();
    const before = prepared;
    for (let i = 0; i < 10; i++) expect((await db.selectFrom('t').select('a').where('a', '=', i).executeTakeFirst())?.a).toBe(i);
    expect(prepared - before).toBe(1);
    // A fourth and fifth text push the oldest out: it is prepared again when it comes back.
    await db.selectFrom('t').select('a').where('a', '>', 1).execute();
    await db.selectFrom('t').select('a').where('a', '<', 1).execute();
    await db.insertInto('t').values({ a: 99 }).execute();
    expect(prepared - before).toBe(4);
    await db.destroy();
    expect(raw.open).toBe(false);
  });

  it('gives a fresh statement for a text whose kept statement is still being iterated', async () => {
    const raw = new BetterSqlite3(':memory:');
    const db = new Kysely<{ t: { a: number } }>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
    await sql`CREATE TABLE t (a INTEGER)`.execute(db);
    await db.insertInto('t').values([{ a: 1 }, { a: 2 }]).execute();
    const cached = withStatementCache(raw);
    const first = cached.prepare('SELECT a FROM t');
    const iterator = first.iterate([]);
    iterator.next();
    const second = cached.prepare('SELECT a FROM t');
    expect(second).not.toBe(first);
    expect(second.all([])).toEqual([{ a: 1 }, { a: 2 }]);
    iterator.return?.();
    expect(cached.prepare('SELECT a FROM t')).toBe(first);
    await db.destroy();
  });
});
