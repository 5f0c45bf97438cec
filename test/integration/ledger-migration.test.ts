/**
 * Migrations 008 (slim log entries, topics in their own table) and 009 (no leaf rows in the node table)
 * on SQLite and PostgreSQL: a log written in the schema before them, as the appender of that schema
 * wrote it, reads back the same afterwards (bodies, leaf hashes, topics), audits clean, and takes new
 * appends where it left off.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../src/db/dialect.js';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.js';
import type { JsonValue } from '../../src/ledger/canonical-json.js';
import { CompactRange } from '../../src/ledger/compact-range.js';
import type { LedgerEntry } from '../../src/ledger/entries.js';
import { encodeEntry } from '../../src/ledger/entry-codec.js';
import { nodeRowId } from '../../src/ledger/node-layout.js';
import { DIALECTS, type TestDb } from '../support/db.js';
import { ledgerContext, type LedgerTestContext } from '../support/ledger.js';

const N = 700;

// Every third entry has no topic (no `id`), so some rows have none to carry over.
function entry(i: number): LedgerEntry {
  const data: Record<string, JsonValue> = i % 3 === 2 ? { n: i } : { id: `e${i % 50}`, n: i };
  return { type: 'test.event', at: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(), data };
}

/** Writes entries [0, N) in the layout of migrations 002 to 007, as the appender of then did. */
async function writeOldLog(url: string): Promise<void> {
  const handle = await openDb(url);
  try {
    await migrateTo(handle, '007-web');
    const range = CompactRange.empty();
    for (let i = 0; i < N; i++) {
      const e = encodeEntry(entry(i));
      await sql`INSERT INTO ledger_entries (idx, type, at, subject, subject_key, body, leaf_hash)
        VALUES (${i}, ${e.type}, ${e.at}, ${e.topic}, ${e.topicKey}, ${e.body}, ${Buffer.from(e.leafHash).toString('hex')})`.execute(
        handle.kysely,
      );
      for (const n of range.append(e.leafHash)) {
        await sql`INSERT INTO ledger_nodes (id, hash) VALUES (${nodeRowId(n.level, n.index)}, ${Buffer.from(n.hash)})`.execute(
          handle.kysely,
        );
      }
    }
    await sql`UPDATE ledger_head SET size = ${N} WHERE id = 1`.execute(handle.kysely);
    expect(await migrateToLatest(handle)).toEqual(['008-ledger-topics', '009-ledger-inner-nodes']);
  } finally {
    await closeDb(handle);
  }
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`log migrations 008 and 009 on ${dialect.name}`, () => {
    let t: LedgerTestContext;

    beforeAll(async () => {
      const db: TestDb = dialect.make();
      await writeOldLog(db.url);
      t = await ledgerContext(() => db);
    }, 60_000);
    afterAll(async () => t?.dispose());

    it('keeps every body and leaf hash at its index', async () => {
      const rows = await t.ctx.stores.ledger.entries(0, N);
      expect(rows.map((r) => r.index)).toEqual(Array.from({ length: N }, (_, i) => i));
      for (const r of rows) {
        const e = encodeEntry(entry(r.index));
        expect(r.body).toBe(e.body);
        expect(Buffer.from(r.leafHash).toString('hex')).toBe(Buffer.from(e.leafHash).toString('hex'));
      }
    });

    it('carries the topics over: entries are found by what they are about', async () => {
      const about = await t.ctx.stores.ledger.entriesAbout(['test:e7'], N);
      const want = Array.from({ length: N }, (_, i) => i).filter((i) => i % 3 !== 2 && i % 50 === 7);
      expect(about.map((r) => r.index)).toEqual(want);
      const [{ n }] = (
        await sql<{ n: number | string }>`SELECT count(*) AS n FROM ledger_topics`.execute(t.ctx.db.kysely)
      ).rows as [{ n: number | string }];
      expect(Number(n)).toBe(Array.from({ length: N }, (_, i) => i).filter((i) => i % 3 !== 2).length);
    });

    it('audits clean, then appends where the log left off', async () => {
      expect((await t.ctx.services.ledger.audit()).first).toBeNull();
      const more = [N, N + 1, N + 2].map(entry);
      expect(await t.ctx.stores.ledger.append(more)).toEqual({ first: N, size: N + 3 });
      const report = await t.ctx.services.ledger.audit();
      expect(report.first).toBeNull();
      expect(report.entries).toBe(N + 3);
      // N + 1 = 701: 701 % 50 = 1, and 701 % 3 = 2 has no topic; N = 700 is about e0.
      expect((await t.ctx.stores.ledger.entriesAbout(['test:e0'], N + 3)).map((r) => r.index).at(-1)).toBe(N);
    });

    it('keeps the nodes above the leaves and drops the leaf rows', async () => {
      const count = async (where: string) =>
        Number(
          (
            (
              await sql<{
                n: number | string;
              }>`SELECT count(*) AS n FROM ledger_nodes WHERE ${sql.raw(where)}`.execute(t.ctx.db.kysely)
            ).rows as [{ n: number | string }]
          )[0].n,
        );
      const size = N + 3; // after the appends of the test above
      let inner = 0;
      for (let span = 2; span <= size; span *= 2) inner += Math.floor(size / span);
      expect(await count('1 = 1')).toBe(inner);
      expect(await count(`id = ${nodeRowId(0, 5)} OR id = ${nodeRowId(0, 699)}`)).toBe(0);
      expect(await count(`id = ${nodeRowId(1, 2)}`)).toBe(1);
    });

    it('keeps the log tables append-only', async () => {
      await expect(
        sql`UPDATE ledger_entries SET body = '{}' WHERE idx = 0`.execute(t.ctx.db.kysely),
      ).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM ledger_topics`.execute(t.ctx.db.kysely)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM ledger_nodes`.execute(t.ctx.db.kysely)).rejects.toThrow(/append-only/);
      await expect(sql`UPDATE ledger_nodes SET hash = hash`.execute(t.ctx.db.kysely)).rejects.toThrow(
        /append-only/,
      );
    });
  });
}
