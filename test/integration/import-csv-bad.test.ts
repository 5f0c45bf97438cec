/** CSV imports of bad input: the same cases, with the same expected outcomes, on SQLite and PostgreSQL. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { importFile, importFiles } from '../../src/registry/import/import-file.js';
import { DIALECTS, freshContext } from '../support/db.js';
import { BASE, fixture, scratchFile, snapshot } from '../support/import.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`CSV import of bad input on ${dialect.name}`, () => {
    let ctx: Context;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      const fresh = await freshContext(dialect.make);
      ctx = fresh.ctx;
      dispose = () => fresh.dispose();
    });
    afterEach(async () => dispose?.());

    it('imports nothing when a row is bad, and lists file, line, field and reason', async () => {
      await importFiles(ctx, BASE);
      const before = await snapshot(ctx);
      const good = scratchFile('more.csv', 'isrc,title,display_artist\nFRZ032500301,Fine,A\n');
      const r = await importFiles(ctx, [good, fixture('bad-rows-recordings.csv')]);
      expect(r).toMatchObject({
        status: 'failed',
        committed: false,
        error: { code: 'IMPORT_BAD_ROWS' },
        rejected: 7,
      });
      expect(r.errors.map((e) => [e.line, e.field])).toEqual([
        [3, 'isrc'],
        [4, 'title'],
        [5, 'duration'],
        [6, 'year'],
        [7, 'kind'],
        [8, ''],
        [9, 'isrc'],
      ]);
      expect(r.errors[0]).toEqual({
        file: fixture('bad-rows-recordings.csv'),
        line: 3,
        field: 'isrc',
        reason: 'ISRC has 12 characters, got 10',
        raw: 'FRZ0325002,Short ISRC,Artist,,,',
      });
      expect(await snapshot(ctx)).toEqual(before);
    });

    it('with skipBadRows imports the good rows and reports every bad one', async () => {
      const report = scratchFile('report.csv', '');
      const r = await importFile(ctx, fixture('bad-rows-recordings.csv'), { skipBadRows: true, report });
      expect(r).toMatchObject({ status: 'partial', committed: true, rows: 9, rejected: 7 });
      expect(r.counts.recordings).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: 7 });
      const lines = readFileSync(report, 'utf8').trim().split('\n');
      expect(lines[0]).toBe('line,field,reason,raw,file');
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['3', '4', '5', '6', '7', '8', '9']);
      expect(lines[7]).toMatch(
        /^9,isrc,ISRC FRZ032500201 appears earlier in this import.*,"FRZ032500201,Duplicate of line 2,Artist,,,",/,
      );
    });

    it('rejects line-up rows whose recording or performer is unknown or ambiguous', async () => {
      await importFiles(ctx, BASE);
      const report = scratchFile('report.csv', '');
      const r = await importFile(ctx, fixture('bad-lineups-refs.csv'), { skipBadRows: true, report });
      expect(r.counts.lineups).toEqual({ inserted: 1, updated: 0, unchanged: 0, rejected: 5 });
      expect(r.errors.map((e) => [e.line, e.field]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
        [3, 'isrc'],
        [4, 'performer_isni'],
        [5, 'performer_member_no'],
        [6, 'role'],
        [7, 'featured'],
      ]);
      const unknown = r.errors.find((e) => e.line === 3);
      expect(unknown).toMatchObject({
        reason: 'no recording with ISRC FRZ039900001',
        raw: 'FRZ039900001,0000000121032683,,1,Soloist,,',
      });
      expect(readFileSync(report, 'utf8')).toContain(
        '3,isrc,no recording with ISRC FRZ039900001,"FRZ039900001,0000000121032683,,1,Soloist,,"',
      );
      const lineup = (await ctx.services.registry.recording('FRZ032500001')).lineup;
      expect(lineup.map((l) => [l.position, l.role, l.instrument])).toEqual([
        [1, 'LeadVocalist', null],
        [2, 'StudioMusician', 'Cello'],
        [3, 'Soloist', 'Violin'],
      ]);
    });

    it('rejects a second row with the same key in one run, and keys owned by another row', async () => {
      await importFiles(ctx, BASE);
      const performers = scratchFile(
        'performers.csv',
        'display_name,member_no,isni\nNew One,M0100,\nNew One Again,M0100,\nClash,M0002,0000000121032683\nPaul Martin,M0002,0000000123456789\n',
      );
      const lineups = scratchFile(
        'lineups.csv',
        'isrc,performer_member_no,position,role\nFRZ032500002,M0001,3,Soloist\nFRZ032500002,M0002,3,Soloist\n',
      );
      const mandates = scratchFile(
        'mandates.csv',
        'mandate_id,performer_member_no,legal_basis,valid_from\nMD-9,M0001,express,2025-01-01\nMD-9,M0001,express,2025-02-01\nMD-1,M0002,express,2025-01-01\n',
      );
      const r = await importFiles(ctx, [performers, lineups, mandates], { skipBadRows: true });
      expect(r.errors.map((e) => [e.file.split('/').pop(), e.line, e.field])).toEqual(
        expect.arrayContaining([
          ['performers.csv', 3, 'member_no'],
          ['performers.csv', 4, 'member_no'],
          ['lineups.csv', 3, 'position'],
          ['mandates.csv', 3, 'mandate_id'],
          ['mandates.csv', 4, 'mandate_id'],
        ]),
      );
      expect(r.rejected).toBe(5);
      expect(r.counts.performers).toEqual({ inserted: 1, updated: 0, unchanged: 1, rejected: 2 });
    });

    it('rejects a row writing what an earlier file of the same run wrote', async () => {
      await importFiles(ctx, BASE);
      const recs = (n: string) =>
        scratchFile(
          `recordings-${n}.csv`,
          `isrc,title,display_artist\nFRZ032500001,Title ${n},A\nFRZ03250070${n},New ${n},A\n`,
        );
      const lineup = () =>
        scratchFile('lineups.csv', 'isrc,performer_member_no,position,role\nFRZ032500002,M0001,7,Soloist\n');
      const mandate = () =>
        scratchFile(
          'mandates.csv',
          'mandate_id,performer_member_no,legal_basis,valid_from\nMD-77,M0001,express,2025-01-01\n',
        );
      const r = await importFiles(ctx, [recs('1'), recs('2'), lineup(), lineup(), mandate(), mandate()], {
        skipBadRows: true,
      });
      expect(r.errors.map((e) => [e.file.split('/').pop(), e.line, e.field])).toEqual([
        ['recordings-2.csv', 2, 'isrc'],
        ['mandates.csv', 2, 'mandate_id'],
        ['lineups.csv', 2, 'position'],
      ]);
      expect((await ctx.services.registry.recording('FRZ032500001')).recording.title).toBe('Title 1');
      expect(r.counts.recordings).toEqual({ inserted: 2, updated: 1, unchanged: 0, rejected: 1 });
    });

    it('fails the whole run on a file it cannot read as a whole, even after good files', async () => {
      for (const [bad, code] of [
        ['bad-unknown-column.csv', 'IMPORT_BAD_HEADER'],
        ['bad-missing-column.csv', 'IMPORT_BAD_HEADER'],
        ['bad-empty.csv', 'IMPORT_BAD_FILE'],
      ] as const) {
        const r = await importFiles(ctx, [...BASE, fixture(bad)], { skipBadRows: true });
        expect(r).toMatchObject({ status: 'failed', committed: false, error: { code } });
        expect(r.errors[0]).toMatchObject({ file: fixture(bad), line: 1 });
      }
      expect((await snapshot(ctx)).performers).toEqual([]);
    });

    it('accepts a BOM, CRLF line ends and quoted multi-line fields', async () => {
      const r = await importFile(ctx, fixture('recordings-crlf-bom.csv'));
      expect(r.counts.recordings.inserted).toBe(2);
      expect((await ctx.services.registry.recording('FRZ032500101')).recording.title).toBe('Two\r\nlines');
    });

    it('reports bad quoting as rejected rows', async () => {
      const whole = await importFile(ctx, fixture('bad-quoting.csv'));
      expect(whole).toMatchObject({ status: 'failed', error: { code: 'IMPORT_BAD_ROWS' } });
      expect(whole.errors[0]).toMatchObject({ line: 3, field: '', reason: expect.stringMatching(/quote/i) });
      const skipped = await importFile(ctx, fixture('bad-quoting.csv'), { skipBadRows: true });
      expect(skipped.counts.recordings.inserted).toBe(1);
      expect((await ctx.services.registry.recording('FRZ032500501')).recording.title).toBe('Fine');
    });

    it('rejects text with a NUL character, which PostgreSQL cannot store', async () => {
      const r = await importFile(
        ctx,
        scratchFile('nul.csv', 'isrc,title,display_artist\nFRZ032500601,A\u0000B,X\nFRZ032500602,Fine,X\n'),
        { skipBadRows: true },
      );
      expect(r.errors).toEqual([
        expect.objectContaining({
          line: 2,
          field: 'title',
          reason: 'contains a NUL character',
          raw: 'FRZ032500601,A\\0B,X',
        }),
      ]);
      expect(r.counts.recordings.inserted).toBe(1);
    });

    it('survives damaged files: a result every time, and nothing written when it fails', async () => {
      const base = readFileSync(fixture('recordings.csv'));
      const damage = fc.array(
        fc.tuple(fc.nat(base.length - 1), fc.constantFrom(0x22, 0x2c, 0x0a, 0x0d, 0x00, 0xff, 0x41)),
        { minLength: 1, maxLength: 4 },
      );
      await fc.assert(
        fc.asyncProperty(damage, fc.nat(base.length), async (edits, cut) => {
          const bytes = Buffer.from(base);
          for (const [at, b] of edits) bytes[at] = b;
          const file = scratchFile('damaged.csv', bytes.subarray(0, Math.max(1, cut)));
          const before = await snapshot(ctx);
          const r = await importFile(ctx, file);
          expect(['imported', 'failed']).toContain(r.status);
          if (r.status === 'failed') expect(await snapshot(ctx)).toEqual(before);
        }),
        { numRuns: 25 },
      );
    });

    it('rolls back when aborted mid-file', async () => {
      await importFiles(ctx, BASE);
      const before = await snapshot(ctx);
      const rows = Array.from(
        { length: 60_000 },
        (_, i) =>
          `FRA${String(Math.floor(i / 100_000)).padStart(2, '0')}25${String(i % 100_000).padStart(5, '0')},Title ${i},Artist`,
      );
      const big = scratchFile('big.csv', `isrc,title,display_artist\n${rows.join('\n')}\n`);
      const abort = new AbortController();
      await expect(
        importFile(ctx, big, { signal: abort.signal, onProgress: () => abort.abort() }),
      ).rejects.toMatchObject({ code: 'IMPORT_ABORTED' });
      expect(await snapshot(ctx)).toEqual(before);
    });

    it('lists at most 100 errors and stops reading', async () => {
      const rows = Array.from({ length: 250 }, (_, i) => `FRZ0325${String(i).padStart(5, '0')},,A`);
      const r = await importFile(
        ctx,
        scratchFile('many.csv', `isrc,title,display_artist\n${rows.join('\n')}\n`),
      );
      expect(r.status).toBe('failed');
      expect(r.errors).toHaveLength(100);
      expect(r.errors[99]).toMatchObject({ line: 101, field: 'title' });
      expect(r.rows).toBe(100);
    });
  });
}
