/** Every registry change made through the service is in the transparency log, in the same transaction. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toConfig } from '../../src/config/config.js';
import { createContext, type Context } from '../../src/context.js';
import { ensureSignerKeyFile } from '../../src/ledger/key-file.js';
import { verifyReservationProof } from '../../src/ledger/reservation-verify.js';
import { DIALECTS, type TestDb } from '../support/db.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`registry changes are logged on ${dialect.name}`, () => {
    let ctx: Context;
    let db: TestDb;
    beforeAll(async () => {
      db = dialect.make();
      const keyFile = join(mkdtempSync(join(tmpdir(), 'tdmr-key-')), 'log.key');
      ctx = await createContext(toConfig({ databaseUrl: db.url, logKeyFile: keyFile, logOrigin: 'test.local/log' }));
      ensureSignerKeyFile(keyFile, 'test.local/log');
    });
    afterAll(async () => {
      await ctx?.close();
      await db?.dispose();
    });

    it('logs mandates, declarations and line-ups; the audit agrees; a proof of reservation verifies offline', async () => {
      const reg = ctx.services.registry;
      const p = await reg.addPerformer({ displayName: 'Jeanne Émile', isni: '000000012281955X', memberNo: 'M-1' });
      const m = await reg.addMandate({ performerId: p.id, legalBasis: 'express', validFrom: '2024-01-01' });
      await reg.correctMandate(m.mandateId, { territories: ['FR'] });
      const rec = { kind: 'sound' as const, isrc: 'FRZ032500001', title: 'La Mer', displayArtist: 'Jeanne Émile' };
      const lineup = [{ performerId: p.id, role: 'LeadVocalist', instrument: null, featured: true, position: 1 }];
      await reg.addRecording(rec, lineup);
      await reg.addRecording(rec, lineup); // unchanged: no new entry
      const d = await reg.declare({ issuer: 'CMO', effectiveFrom: '2025-01-01' });
      const d2 = await reg.declare({ issuer: 'CMO', effectiveFrom: '2025-06-01' });
      await reg.withdrawDeclaration(d2.id, '2025-07-01');

      const page = await ctx.services.ledger.entries(0);
      expect(page.entries.map((e) => e.type)).toEqual([
        'mandate.version',
        'mandate.version',
        'lineup.set',
        'declaration.created',
        'declaration.created',
        'declaration.withdrawn',
      ]);
      const report = await ctx.services.ledger.audit();
      expect(report.first, JSON.stringify(report.first)).toBeNull();
      expect(report.ok).toBe(true);

      const proof = await ctx.services.ledger.reservationProof('FRZ032500001', { at: new Date().toISOString(), use: 'ai-training', territory: 'FR' });
      const check = verifyReservationProof(JSON.parse(JSON.stringify(proof)), ctx.services.ledger.verifierKey());
      expect(check.ok, JSON.stringify(check)).toBe(true);
      expect(d.id).toBeTruthy();
    });

    it('a failed change writes neither the row nor its entry', async () => {
      const before = (await ctx.services.ledger.entries(0)).entries.length;
      await expect(ctx.services.registry.withdrawDeclaration('no-such-id', '2026-01-01')).rejects.toMatchObject({ code: 'REGISTRY_NOT_FOUND' });
      await expect(ctx.services.registry.addMandate({ performerId: 'nobody', legalBasis: 'express', validFrom: '2024-01-01' })).rejects.toMatchObject({
        code: 'REGISTRY_NOT_FOUND',
      });
      expect((await ctx.services.ledger.entries(0)).entries.length).toBe(before);
      expect((await ctx.services.ledger.audit()).ok).toBe(true);
    });
  });
}
