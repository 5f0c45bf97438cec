/** DDEX ERN 4.3 imports: the same cases, with the same expected outcomes, on SQLite and PostgreSQL. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { nameUuid } from '../../src/registry/import/ddex-ids.js';
import { importFile, importFiles } from '../../src/registry/import/import-file.js';
import { DIALECTS, freshContext } from '../support/db.js';
import { ernMessage } from '../support/ern.js';
import { BASE, counts, fixture, scratchFile, snapshot } from '../support/import.js';

const DDEX = [fixture('ern431-audio.xml'), fixture('ern43-video.xml')];

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`DDEX import on ${dialect.name}`, () => {
    let ctx: Context;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      const fresh = await freshContext(dialect.make);
      ctx = fresh.ctx;
      dispose = () => fresh.dispose();
      await importFiles(ctx, BASE);
    });
    afterEach(async () => dispose?.());

    it('imports recordings, their performers (non-members unless a performer has the ISNI or IPN) and line-ups', async () => {
      const r = await importFiles(ctx, DDEX);
      expect(r).toMatchObject({ status: 'imported', rows: 3, rejected: 0 });
      expect(r.counts).toEqual(
        counts({
          performers: { inserted: 5, unchanged: 1 },
          recordings: { inserted: 3 },
          lineups: { inserted: 9 },
        }),
      );
      const reg = ctx.services.registry;
      const jeanne = await reg.performer('M0001');
      expect(jeanne).toMatchObject({
        displayName: 'Jeanne Exemple',
        member: true,
        aliases: ['Jeanne E.', 'J. Exemple'],
      });
      const song = await reg.recording('FRX992500001');
      expect(song.recording).toMatchObject({
        title: 'Chanson DDEX',
        durationMs: 190_500,
        year: 2025,
        label: 'Label Test Records',
      });
      const name = new Map(song.performers.map((p) => [p.id, p.displayName]));
      expect(
        song.lineup.map((l) => [l.position, name.get(l.performerId), l.role, l.instrument, l.featured]),
      ).toEqual([
        [1, 'Jeanne Exemple', 'LeadVocalist', null, true],
        [2, 'Marc Session', 'StudioMusician', 'Guitar', false],
        [3, 'Marc Session', 'StudioMusician', 'Mandolin', false],
        [4, 'Lina Strings', 'Musician', 'Violin', false],
        [5, 'Lina Strings', 'BackgroundVocalist', null, false],
      ]);
      expect(song.lineup[0]?.performerId).toBe(jeanne.id);
      expect(await reg.performer('0000000111111118')).toMatchObject({
        id: nameUuid('isni:0000000111111118'),
        member: false,
        memberNo: null,
      });
      const second = await reg.recording('FRX992500002');
      expect(second.performers.find((p) => p.displayName === 'Zoé Nom')?.id).toBe(
        nameUuid('name:PADPIDA2025000001X:zoe nom'),
      );
      expect((await reg.recording('FRX992500010')).recording.kind).toBe('audiovisual');
      expect((await reg.search('chanson ddex', { limit: 5, offset: 0 })).map((h) => h.label)).toContain(
        'Chanson DDEX',
      );
    });

    it('changes nothing when the same messages are imported again', async () => {
      await importFiles(ctx, DDEX);
      const before = await snapshot(ctx);
      const again = await importFiles(ctx, DDEX);
      expect(again.counts).toEqual(
        counts({ performers: { unchanged: 6 }, recordings: { unchanged: 3 }, lineups: { unchanged: 9 } }),
      );
      expect(await snapshot(ctx)).toEqual(before);
    });

    it('rejects a resource for its own bad element or a bad party it names, writing nothing of it', async () => {
      const before = await snapshot(ctx);
      const whole = await importFile(ctx, fixture('bad-ids.xml'));
      expect(whole).toMatchObject({ status: 'failed', error: { code: 'IMPORT_BAD_ROWS' } });
      expect(whole.errors.map((e) => [e.line, e.field])).toEqual([
        [27, '/NewReleaseMessage/PartyList/Party[2]/PartyId/ISNI'],
        [86, '/NewReleaseMessage/ResourceList/SoundRecording[2]/SoundRecordingEdition/ResourceId/ISRC'],
      ]);
      expect(whole.errors[0]?.raw).toBe('SoundRecording A1 FRX992500001 Chanson DDEX');
      const skipped = await importFile(ctx, fixture('bad-ids.xml'), { skipBadRows: true });
      expect(skipped).toMatchObject({ status: 'partial', rows: 2, rejected: 2 });
      expect(await snapshot(ctx)).toEqual(before);
    });

    it('fails the whole run on XML it cannot read, also with skipBadRows', async () => {
      const before = await snapshot(ctx);
      for (const [bad, line] of [
        ['bad-truncated.xml', 59],
        ['bad-ern382.xml', 3],
        ['bad-namespace.xml', 3],
      ] as const) {
        const r = await importFiles(ctx, [fixture('ern43-video.xml'), fixture(bad)], { skipBadRows: true });
        expect(r).toMatchObject({ status: 'failed', error: { code: 'IMPORT_BAD_XML' } });
        expect(r.errors[0]).toMatchObject({ file: fixture(bad), line });
      }
      expect(await snapshot(ctx)).toEqual(before);
    });

    it('survives damaged messages: a result every time, and nothing written when it fails', async () => {
      const base = readFileSync(fixture('ern431-audio.xml'));
      const damage = fc.array(
        fc.tuple(
          fc.nat(base.length - 1),
          fc.constantFrom(0x3c, 0x3e, 0x26, 0x22, 0x2f, 0x00, 0xc3, 0x41, 0x20),
        ),
        { minLength: 1, maxLength: 3 },
      );
      await fc.assert(
        fc.asyncProperty(damage, fc.nat(base.length), async (edits, cut) => {
          const bytes = Buffer.from(base);
          for (const [at, b] of edits) bytes[at] = b;
          const before = await snapshot(ctx);
          const r = await importFile(ctx, scratchFile('damaged.xml', bytes.subarray(0, Math.max(1, cut))), {
            skipBadRows: true,
          });
          expect(['imported', 'partial', 'failed']).toContain(r.status);
          if (r.status === 'failed') expect(await snapshot(ctx)).toEqual(before);
        }),
        { numRuns: 25 },
      );
    });

    it('rejects a resource repeating an ISRC of the same message, and updates recordings already stored', async () => {
      const file = scratchFile(
        'msg.xml',
        ernMessage(
          [
            { ref: 'P1', name: 'Solo Person', ipn: '777' },
            { ref: 'P2', name: 'Only In Duplicate', ipn: '778' },
          ],
          [
            {
              kind: 'SoundRecording',
              ref: 'A1',
              isrc: 'FRZ032500001',
              title: 'Première chanson (remaster)',
              artistName: 'Jeanne Exemple',
              contributors: [{ ref: 'P1', roles: [{ value: 'Soloist', instruments: ['Flute'] }] }],
            },
            {
              kind: 'SoundRecording',
              ref: 'A2',
              isrc: 'FR-Z03-25-00001',
              title: 'Again',
              artistName: 'X',
              contributors: [{ ref: 'P2', roles: [{ value: 'Soloist' }] }],
            },
          ],
        ),
      );
      const r = await importFile(ctx, file, { skipBadRows: true });
      expect(r.errors.map((e) => [e.line, e.field, e.reason.replace(/ \(line \d+\)$/, '')])).toEqual([
        [
          expect.any(Number),
          '/NewReleaseMessage/ResourceList/SoundRecording[2]/SoundRecordingEdition/ResourceId',
          'ISRC FRZ032500001 appears earlier in this import',
        ],
      ]);
      expect(r.counts).toEqual(
        counts({
          performers: { inserted: 1 },
          recordings: { updated: 1, rejected: 1 },
          lineups: { updated: 1 },
        }),
      );
      const song = await ctx.services.registry.recording('FRZ032500001');
      expect(song.recording.title).toBe('Première chanson (remaster)');
      expect(song.lineup.map((l) => [l.position, l.role, l.instrument])).toEqual([
        [1, 'Soloist', 'Flute'],
        [2, 'StudioMusician', 'Cello'],
      ]);
      await expect(ctx.services.registry.performer('778')).rejects.toMatchObject({
        code: 'REGISTRY_NOT_FOUND',
      });
    });
  });
}
