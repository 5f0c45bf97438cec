/** Set-sized statements (src/db/bulk.ts) and the dialect check on SQLite and PostgreSQL: what goes in comes back, value for value. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert, inValues, type BulkColumn } from '../../src/db/bulk.js';
import { isPostgres } from '../../src/db/dialect.js';
import { DIALECTS, freshContext } from '../support/db.js';
import type { Context } from '../../src/context.js';

const COLUMNS: BulkColumn[] = [
  { name: 'k', type: 'text' },
  { name: 'n', type: 'integer' },
  { name: 'big', type: 'bigint' },
  { name: 'note', type: 'text' },
];
const NOTES = ["l'été", 'a "quoted" \\ back', '[1,2]', '', '日本語 🎵', null];

const rows = (count: number) =>
  Array.from({ length: count }, (_, i) => [`k${i}`, i % 2 === 0 ? i : -i, i === 7 ? Number.MAX_SAFE_INTEGER : i * 1_000_003, NOTES[i % NOTES.length] ?? null] as (string | number | null)[]);

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`bulk statements on ${dialect.name}`, () => {
    let t: { ctx: Context; dispose: () => Promise<void> };
    beforeAll(async () => {
      t = await freshContext(dialect.make);
      await sql`CREATE TABLE bulk_probe (k text NOT NULL, n integer NOT NULL, big bigint NOT NULL, note text)`.execute(t.ctx.db.kysely);
    });
    afterAll(async () => t?.dispose());

    it('knows its dialect', () => {
      expect(isPostgres(t.ctx.db.kysely)).toBe(dialect.name === 'PostgreSQL');
    });

    it('inserts every row of several statements with its values and types', async () => {
      const want = rows(2_345);
      await bulkInsert(t.ctx.db.kysely, 'bulk_probe', COLUMNS, want, 1_000);
      const got = (await sql<{ k: string; n: number; big: string | number; note: string | null }>`SELECT k, n, big, note FROM bulk_probe`.execute(t.ctx.db.kysely)).rows;
      expect(got).toHaveLength(want.length);
      const byKey = new Map(got.map((r) => [r.k, [r.k, Number(r.n), Number(r.big), r.note]]));
      for (const w of want) expect(byKey.get(w[0] as string)).toEqual(w);
    });

    it('selects by a set given as one parameter, duplicates and absent values included', async () => {
      const wanted = ['k0', 'k7', 'k7', 'k2344', 'absent', "k1' OR '1'='1"];
      const got = await t.ctx.db.kysely.selectFrom('bulk_probe' as never).select(sql<string>`k`.as('k')).where(inValues(t.ctx.db.kysely, sql.ref('k'), wanted)).execute();
      expect(got.map((r) => r.k).sort()).toEqual(['k0', 'k2344', 'k7']);
      const none = await t.ctx.db.kysely.selectFrom('bulk_probe' as never).select(sql<string>`k`.as('k')).where(inValues(t.ctx.db.kysely, sql.ref('k'), [])).execute();
      expect(none).toEqual([]);
    });

    it('a set of many thousand values in one statement', async () => {
      const wanted = Array.from({ length: 12_000 }, (_, i) => `k${i * 3}`);
      const got = await t.ctx.db.kysely.selectFrom('bulk_probe' as never).select(sql<string>`k`.as('k')).where(inValues(t.ctx.db.kysely, sql.ref('k'), wanted)).execute();
      expect(got).toHaveLength(Math.ceil(2_345 / 3));
    });
  });
}
