/**
 * The bulk appender on the raw drivers, as the import pipeline uses it: better-sqlite3 inside
 * BEGIN IMMEDIATE (synchronous all the way) and a pg PoolClient inside BEGIN. Same rows as the
 * Kysely store writes: the audit and an in-memory reference tree agree.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/ledger/canonical-json.js';
import { CompactRange } from '../../src/ledger/compact-range.js';
import type { LedgerEntry } from '../../src/ledger/entries.js';
import { leafHash } from '../../src/ledger/hash.js';
import { LedgerAppender, TOPIC_BLOCK, appendEntries } from '../../src/ledger/sql-append.js';
import { pgConn, sqliteConn } from '../../src/ledger/sql-conn.js';
import { DIALECTS } from '../support/db.js';
import { ledgerContext, type LedgerTestContext } from '../support/ledger.js';

function entry(i: number): LedgerEntry {
  return { type: 'import.row', at: new Date(Date.UTC(2025, 5, 1) + i).toISOString(), data: { id: `row-${i}`, values: [i, `v${i}`, null] } };
}
function* entries(from: number, n: number): Generator<LedgerEntry> {
  for (let i = from; i < from + n; i++) yield entry(i);
}
async function* slowly(from: number, n: number): AsyncGenerator<LedgerEntry> {
  for (const e of entries(from, n)) yield await Promise.resolve(e);
}
const rootOf = (n: number) => {
  const r = CompactRange.empty();
  for (const e of entries(0, n)) r.pushOnly(leafHash(Buffer.from(canonicalJson({ type: e.type, at: e.at, data: e.data }))));
  return r.root();
};

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`bulk appender on the raw ${dialect.name} driver`, () => {
    let t: LedgerTestContext;
    beforeAll(async () => {
      t = await ledgerContext(dialect.make);
    });
    afterAll(async () => t?.dispose());

    /** Runs `fn` on the raw driver inside a transaction the test owns; `commit: false` rolls back. */
    async function inRawTransaction<T>(commit: boolean, fn: (conn: ReturnType<typeof sqliteConn>) => Promise<T>): Promise<T> {
      const db = t.ctx.db;
      if (db.kind === 'sqlite') {
        db.raw.exec('BEGIN IMMEDIATE');
        try {
          const out = await fn(sqliteConn(db.raw));
          db.raw.exec(commit ? 'COMMIT' : 'ROLLBACK');
          return out;
        } catch (e) {
          db.raw.exec('ROLLBACK');
          throw e;
        }
      }
      const client = await db.pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(pgConn(client));
        await client.query(commit ? 'COMMIT' : 'ROLLBACK');
        return out;
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      } finally {
        client.release();
      }
    }

    it('appends a stream of entries in batches and resumes where the store left off', async () => {
      await t.ctx.stores.ledger.append(entries(0, 3));
      const r = await inRawTransaction(true, (conn) => appendEntries(conn, slowly(3, 2497)));
      expect(r).toEqual({ first: 3, size: 2500 });
      await t.ctx.stores.ledger.append(entries(2500, 10));
      const cp = await t.ctx.services.ledger.checkpoint();
      expect(cp.size).toBe(2510);
      expect(cp.rootHash).toEqual(rootOf(2510));
      const report = await t.ctx.services.ledger.audit();
      expect(report.first).toBeNull();
      expect(report.entries).toBe(2510);
    });

    it('leaves nothing behind when the import rolls back', async () => {
      const before = await t.ctx.stores.ledger.size();
      await inRawTransaction(false, (conn) => appendEntries(conn, entries(before, 1200)));
      expect(await t.ctx.stores.ledger.size()).toBe(before);
      expect((await t.ctx.services.ledger.audit()).first).toBeNull();
    });

    it('add() returns a promise only to write a full batch on an asynchronous driver, never on better-sqlite3', async () => {
      const size = await t.ctx.stores.ledger.size();
      let promises = 0;
      let closed: unknown;
      await inRawTransaction(true, async (conn) => {
        const appender = await LedgerAppender.open(conn);
        for (const e of entries(size, 2500)) {
          const p = appender.add(e);
          if (p !== null) {
            promises += 1;
            await p;
          }
        }
        closed = appender.close();
        return closed;
      });
      const sync = t.ctx.db.kind === 'sqlite';
      // On PostgreSQL one promise per full batch (of entries or of nodes, about one per 1000 entries):
      // a few, not one per add.
      if (sync) expect(promises).toBe(0);
      else {
        expect(promises).toBeGreaterThanOrEqual(2);
        expect(promises).toBeLessThanOrEqual(3);
      }
      expect(closed instanceof Promise).toBe(!sync);
      expect(await closed).toEqual({ first: size, size: size + 2500 });
      expect((await t.ctx.services.ledger.checkpoint()).rootHash).toEqual(rootOf(size + 2500));
    });

    // Last: its entries are not the `entry(i)` the roots above are computed from.
    it('finds entries by topic on both sides of a topic-index block (one transaction across it, then another)', async () => {
      const before = await t.ctx.stores.ledger.size();
      const shared = (i: number) => i % 9973 === 0 || i === TOPIC_BLOCK - 1 || i === TOPIC_BLOCK || i === TOPIC_BLOCK + 250;
      const about = (i: number): LedgerEntry => ({ type: 'import.row', at: entry(i).at, data: { id: shared(i) ? 'shared' : `t-${i}` } });
      function* stream(from: number, to: number): Generator<LedgerEntry> {
        for (let i = from; i < to; i++) yield about(i);
      }
      const end = TOPIC_BLOCK + 500;
      await inRawTransaction(true, (conn) => appendEntries(conn, stream(before, TOPIC_BLOCK + 100)));
      await t.ctx.stores.ledger.append(stream(TOPIC_BLOCK + 100, end));
      const want = Array.from({ length: end - before }, (_, k) => before + k).filter(shared);
      expect(want.filter((i) => i >= TOPIC_BLOCK).length).toBeGreaterThan(1);
      const found = await t.ctx.stores.ledger.entriesAbout(['import:shared'], end);
      expect(found.map((r) => r.index)).toEqual(want);
      // Bounded by the size asked for: nothing from the last block when it ends before.
      expect((await t.ctx.stores.ledger.entriesAbout(['import:shared'], TOPIC_BLOCK)).map((r) => r.index)).toEqual(want.filter((i) => i < TOPIC_BLOCK));
      expect((await t.ctx.stores.ledger.entriesAbout([`import:t-${TOPIC_BLOCK + 300}`], end)).map((r) => r.index)).toEqual([TOPIC_BLOCK + 300]);
      // Every topic row in the block of its index.
      const misplaced = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ledger_topics WHERE block <> idx / ${sql.lit(TOPIC_BLOCK)}`.execute(t.ctx.db.kysely);
      expect(Number(misplaced.rows[0]!.n)).toBe(0);
      expect((await t.ctx.services.ledger.audit()).first).toBeNull();
    }, 120_000);
  });
}
