/** CSV imports: the same cases, with the same expected outcomes, on SQLite and (with TEST_DATABASE_URL) PostgreSQL. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { importFile, importFiles } from '../../src/registry/import/import-file.js';
import { DIALECTS, freshContext } from '../support/db.js';
import { BASE, counts, scratchFile, snapshot } from '../support/import.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`CSV import on ${dialect.name}`, () => {
    let ctx: Context;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      const fresh = await freshContext(dialect.make);
      ctx = fresh.ctx;
      dispose = () => fresh.dispose();
    });
    afterEach(async () => dispose?.());

    it('imports the files in dependency order, whatever the command line says', async () => {
      const r = await importFiles(ctx, BASE);
      expect(r).toMatchObject({ status: 'imported', committed: true, rows: 15, rejected: 0, errors: [] });
      expect(r.files.map((f) => f.type)).toEqual(['performers', 'recordings', 'mandates', 'lineups']);
      expect(r.counts).toEqual(
        counts({
          performers: { inserted: 4 },
          recordings: { inserted: 3 },
          mandates: { inserted: 3 },
          lineups: { inserted: 5 },
        }),
      );

      const reg = ctx.services.registry;
      expect(await reg.performer('0000 0001 2345 6789')).toMatchObject({
        displayName: 'Paul Martin',
        sortName: 'Martin, Paul',
        memberNo: 'M0002',
        member: true,
      });
      expect(await reg.performer('87654321')).toMatchObject({
        displayName: 'Orchestre de Test',
        member: false,
        memberNo: null,
      });
      expect(await reg.performer('M0001')).toMatchObject({
        aliases: ['Jeanne E.', 'J. Exemple'],
        ipn: '12345678',
        sortName: 'Exemple, Jeanne',
      });
      const song = await reg.recording('FRZ032500001');
      expect(song.recording).toMatchObject({
        title: 'Première chanson',
        iswc: 'T0345246801',
        durationMs: 185_500,
        year: 2025,
        label: 'Label Test',
      });
      expect(song.lineup.map((l) => [l.position, l.role, l.instrument, l.featured])).toEqual([
        [1, 'LeadVocalist', null, true],
        [2, 'StudioMusician', 'Cello', false],
      ]);
      expect((await reg.recording('0000-0001-8947-0000-8')).recording).toMatchObject({
        kind: 'audiovisual',
        durationMs: 5_520_000,
      });
      const m3 = await reg.mandateHistory((await reg.performer('M0003')).id);
      expect(m3.map((m) => [m.mandateId, m.version, m.change, m.uses, m.withdrawnAt])).toEqual([
        ['MD-3', 1, 'initial', ['all-tdm'], null],
        ['MD-3', 2, 'withdrawal', ['all-tdm'], '2025-06-01T00:00:00.000Z'],
      ]);
      await reg.declare({ issuer: 'CMO', effectiveFrom: '2024-01-01' });
      expect(
        (await reg.status('FRZ032500001', { at: '2025-03-01', territory: 'FR', use: 'ai-training' })).status,
      ).toBe('reserved');
      expect((await reg.search('premiere chanson', { limit: 5, offset: 0 })).map((h) => h.label)).toContain(
        'Première chanson',
      );
    });

    it('changes nothing when the same files are imported again', async () => {
      await importFiles(ctx, BASE);
      const before = await snapshot(ctx);
      const again = await importFiles(ctx, BASE);
      expect(again.status).toBe('imported');
      expect(again.counts).toEqual(
        counts({
          performers: { unchanged: 4 },
          recordings: { unchanged: 3 },
          mandates: { unchanged: 3 },
          lineups: { unchanged: 5 },
        }),
      );
      expect(await snapshot(ctx)).toEqual(before);
    });

    it('appends a mandate version only when its terms differ from the latest one', async () => {
      await importFiles(ctx, BASE);
      const changed = scratchFile(
        'mandates.csv',
        [
          'mandate_id,performer_isni,performer_ipn,performer_member_no,legal_basis,uses,media,territories,valid_from,valid_to,withdrawn_at,source_ref',
          'MD-1,0000000121032683,,,express,ai-inference|ai-training,sound,BE|fr,2025-01-01T00:00:00Z,,,form 2025/1',
          'MD-2,,,M0002,statutory,,,FR,2024-06-01,2030-01-01,,',
          'MD-3,,,M0003,express,all-tdm,,WORLD,2025-02-01,,,letter 42',
          'MD-4,,87654321,,statutory,search,audiovisual,,2025-05-01,,2026-01-01,',
          'MD-5,,,M0001,express,,,,2025-05-01,,2026-01-01,',
        ].join('\n'),
      );
      const r = await importFile(ctx, changed);
      expect(r.counts.mandates).toEqual({ inserted: 2, updated: 2, unchanged: 1, rejected: 0 });
      const reg = ctx.services.registry;
      const history = async (key: string) =>
        (await reg.mandateHistory((await reg.performer(key)).id)).map((m) => [
          m.mandateId,
          m.version,
          m.change,
          m.territories,
          m.withdrawnAt,
        ]);
      expect(await history('M0002')).toEqual([
        ['MD-2', 1, 'initial', ['WORLD'], null],
        ['MD-2', 2, 'correction', ['FR'], null],
      ]);
      expect(await history('M0003')).toEqual([
        ['MD-3', 1, 'initial', ['WORLD'], null],
        ['MD-3', 2, 'withdrawal', ['WORLD'], '2025-06-01T00:00:00.000Z'],
        ['MD-3', 3, 'correction', ['WORLD'], null],
      ]);
      expect(await history('87654321')).toEqual([
        ['MD-4', 1, 'initial', ['WORLD'], null],
        ['MD-4', 2, 'withdrawal', ['WORLD'], '2026-01-01T00:00:00.000Z'],
      ]);
      const before = await snapshot(ctx);
      expect((await importFile(ctx, changed)).counts.mandates).toEqual({
        inserted: 0,
        updated: 0,
        unchanged: 5,
        rejected: 0,
      });
      expect(await snapshot(ctx)).toEqual(before);
    });

    it('updates changed rows in place, keeping ids, and keeps search in step', async () => {
      await importFiles(ctx, BASE);
      const reg = ctx.services.registry;
      const id = (await reg.recording('FRZ032500002')).recording.id;
      const file = scratchFile(
        'recordings.csv',
        'isrc,title,display_artist\nFRZ032500002,Renamed Song,Jeanne Exemple\nFRZ032500009,Brand New,Someone\n',
      );
      const r = await importFile(ctx, file);
      expect(r.counts.recordings).toEqual({ inserted: 1, updated: 1, unchanged: 0, rejected: 0 });
      expect((await reg.recording('FRZ032500002')).recording).toMatchObject({
        id,
        title: 'Renamed Song',
        versionTitle: null,
        durationMs: null,
      });
      const labels = async (q: string) => (await reg.search(q, { limit: 10, offset: 0 })).map((h) => h.label);
      expect(await labels('renamed')).toEqual(['Renamed Song']);
      expect(await labels('brand new')).toEqual(['Brand New']);
      expect(await labels('second song')).toEqual([]);
    });
  });
}
