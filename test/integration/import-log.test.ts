/**
 * Imports append their transparency-log entries in their own transaction: after CSV, DDEX and demo
 * imports the audit finds rows and entries in exact correspondence, on SQLite and PostgreSQL; an
 * unchanged re-import appends nothing; a changed one appends exactly the entries of what changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { seedDemo } from '../../src/demo/seed.js';
import { importFile, importFiles } from '../../src/registry/import/import-file.js';
import { DIALECTS } from '../support/db.js';
import { ledgerContext } from '../support/ledger.js';
import { BASE, fixture, scratchFile } from '../support/import.js';

async function types(ctx: Context, from = 0): Promise<string[]> {
  const page = await ctx.services.ledger.entries(from, from + 1000);
  return page.entries.map((e) => e.type);
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`import log entries on ${dialect.name}`, () => {
    let ctx: Context;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      const fresh = await ledgerContext(dialect.make);
      ctx = fresh.ctx;
      dispose = () => fresh.dispose();
    });
    afterEach(async () => dispose?.());

    it('logs every mandate version and every line-up a CSV import writes; the audit agrees', async () => {
      await importFiles(ctx, BASE);
      // 3 mandates, one withdrawn at import (2 versions), and 3 recordings with line-ups.
      expect((await types(ctx)).sort()).toEqual([
        'lineup.set',
        'lineup.set',
        'lineup.set',
        'mandate.version',
        'mandate.version',
        'mandate.version',
        'mandate.version',
      ]);
      const page = await ctx.services.ledger.entries(0, 100);
      const song = page.entries
        .map((e) => JSON.parse(e.body) as { type: string; data: { recording?: { isrc: string }; lineup?: unknown[] } })
        .find((e) => e.type === 'lineup.set' && e.data.recording?.isrc === 'FRZ032500001');
      expect(song?.data.lineup).toEqual([
        expect.objectContaining({ position: 1, role: 'LeadVocalist', featured: true, isni: '0000000121032683' }),
        expect.objectContaining({ position: 2, role: 'StudioMusician', instrument: 'Cello', featured: false }),
      ]);
      const report = await ctx.services.ledger.audit();
      expect(report.first).toBeNull();
      expect(report.ok).toBe(true);
      expect(report.rows).toMatchObject({ mandates: 4, recordings: 3 });
    });

    it('appends nothing for an unchanged re-import, and exactly the changes for a changed one', async () => {
      await importFiles(ctx, BASE);
      const size = await ctx.services.ledger.size();
      await importFiles(ctx, BASE);
      expect(await ctx.services.ledger.size()).toBe(size);

      const retitled = scratchFile(
        'recordings.csv',
        'isrc,kind,title,display_artist\nFRZ032500002,sound,Second Song (new title),Jeanne Exemple\n',
      );
      const lineup = scratchFile(
        'lineups.csv',
        'isrc,performer_member_no,position,role,instrument,featured\nFRZ032500001,M0002,2,StudioMusician,Viola,false\n',
      );
      const withdrawn = scratchFile(
        'mandates.csv',
        'mandate_id,performer_isni,legal_basis,uses,media,territories,valid_from,withdrawn_at,source_ref\n' +
          'MD-1,0000000121032683,express,ai-training|ai-inference,sound,FR|BE,2025-01-01,2026-01-01,form 2025/1\n',
      );
      const r = await importFiles(ctx, [retitled, lineup, withdrawn]);
      expect(r.status).toBe('imported');
      expect(await types(ctx, size)).toEqual(['mandate.version', 'lineup.set', 'lineup.set']);
      const added = (await ctx.services.ledger.entries(size, size + 10)).entries.map(
        (e) => JSON.parse(e.body) as { data: Record<string, unknown> },
      );
      expect(added[0]!.data).toMatchObject({ mandateId: 'MD-1', version: 2, change: 'withdrawal' });
      expect(added.slice(1).map((e) => (e.data.recording as { title: string }).title).sort()).toEqual([
        'Première chanson',
        'Second Song (new title)',
      ]);
      expect((await ctx.services.ledger.audit()).ok).toBe(true);
    });

    it('logs the line-ups of a DDEX message, and nothing of a rejected resource', async () => {
      await importFiles(ctx, BASE);
      const size = await ctx.services.ledger.size();
      await importFiles(ctx, [fixture('ern431-audio.xml'), fixture('ern43-video.xml')]);
      expect((await types(ctx, size)).length).toBeGreaterThan(0);
      expect(new Set(await types(ctx, size))).toEqual(new Set(['lineup.set']));
      expect((await ctx.services.ledger.audit()).ok).toBe(true);

      const before = await ctx.services.ledger.size();
      const r = await importFile(ctx, fixture('bad-ids.xml'), { skipBadRows: true });
      expect(r.rejected).toBeGreaterThan(0);
      expect((await ctx.services.ledger.audit()).ok).toBe(true);
      expect(await ctx.services.ledger.size()).toBeGreaterThanOrEqual(before);
    });

    it('logs a failed import not at all', async () => {
      const size = await ctx.services.ledger.size();
      const r = await importFiles(ctx, [...BASE, fixture('bad-lineups-refs.csv')]);
      expect(r.committed).toBe(false);
      expect(await ctx.services.ledger.size()).toBe(size);
      expect((await ctx.services.ledger.audit()).ok).toBe(true);
    });

    it('demo data seeds a registry whose log the audit accepts', async () => {
      await seedDemo(ctx.db, ctx.services.registry, { scale: 300, seed: 'log' });
      const report = await ctx.services.ledger.audit();
      expect(report.first).toBeNull();
      expect(report.rows.recordings).toBe(300);
      expect(report.entries).toBeGreaterThan(report.rows.mandates + 1);
    });
  });
}
