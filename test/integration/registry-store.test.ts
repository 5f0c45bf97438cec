/** The registry store and service, the same cases on SQLite and (with TEST_DATABASE_URL) PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { RegistryError } from '../../src/registry/errors.js';
import { DIALECTS, freshContext } from '../support/db.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`registry store conformance on ${dialect.name}`, () => {
    let ctx: Context;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ ctx, dispose } = await freshContext(dialect.make));
    });
    afterAll(async () => dispose?.());

    it('upserts performers by natural key and normalises identifiers', async () => {
      const reg = ctx.services.registry;
      const a = await reg.addPerformer({ displayName: 'Jeanne Émile', isni: 'ISNI 0000 0001 2281 955x', memberNo: 'M-001', ipn: '1234567' });
      expect(a).toMatchObject({ isni: '000000012281955X', sortName: 'Émile, Jeanne', member: true });
      const again = await reg.addPerformer({ displayName: 'Jeanne Émile', isni: '000000012281955X', memberNo: 'M-001', ipn: '1234567' });
      expect(again.id).toBe(a.id);
      expect((await ctx.stores.registry.upsertPerformer({ ...again })).outcome).toBe('unchanged');
      expect((await reg.performer('0000 0001 2281 955X')).id).toBe(a.id);
      expect((await reg.performer('M-001')).id).toBe(a.id);
      await expect(reg.addPerformer({ displayName: 'X', isni: '0000000081266408' })).rejects.toMatchObject({ code: 'REGISTRY_INVALID_ID' });
      await expect(reg.performer('nobody')).rejects.toBeInstanceOf(RegistryError);
    });

    it('never overwrites mandates: corrections and withdrawals are new versions', async () => {
      const reg = ctx.services.registry;
      const p = await reg.performer('M-001');
      const m = await reg.addMandate({ performerId: p.id, legalBasis: 'express', validFrom: '2024-01-01', sourceRef: 'contract 7' });
      expect(m).toMatchObject({ version: 1, change: 'initial', uses: ['ai-training', 'genai-training', 'ai-inference'], territories: ['WORLD'] });
      const c = await reg.correctMandate(m.mandateId, { territories: ['FR', 'be'] });
      expect(c).toMatchObject({ version: 2, change: 'correction', territories: ['FR', 'BE'], validFrom: m.validFrom });
      const w = await reg.withdrawMandate(m.mandateId, '2026-09-01');
      expect(w).toMatchObject({ version: 3, change: 'withdrawal', withdrawnAt: '2026-09-01T00:00:00.000Z' });
      await expect(reg.withdrawMandate(m.mandateId, '2026-10-01')).rejects.toMatchObject({ code: 'REGISTRY_CONFLICT' });
      const history = await reg.mandateHistory(p.id);
      expect(history.map((h) => [h.version, h.change])).toEqual([
        [1, 'initial'],
        [2, 'correction'],
        [3, 'withdrawal'],
      ]);
      expect(history[0]).toEqual(m);
      await expect(reg.addMandate({ performerId: p.id, legalBasis: 'express', validFrom: '2024-01-01', validTo: '2023-01-01' })).rejects.toMatchObject({
        code: 'REGISTRY_INVALID_INPUT',
      });
      await expect(reg.addMandate({ performerId: 'nobody', legalBasis: 'express', validFrom: '2024-01-01' })).rejects.toMatchObject({ code: 'REGISTRY_NOT_FOUND' });
    });

    it('answers coverage as of any instant, with reasons', async () => {
      const reg = ctx.services.registry;
      const member = await reg.performer('M-001');
      const other = await reg.addPerformer({ displayName: 'Paul Nonmembre', ipn: '7654321', member: false });
      const rec = await reg.addRecording({ kind: 'sound', isrc: 'FR-Z03-25-00001', title: 'La Mer à boire', displayArtist: 'Jeanne Émile' }, [
        { performerId: member.id, role: 'LeadVocalist', instrument: null, featured: true, position: 1 },
        { performerId: other.id, role: 'StudioMusician', instrument: 'Cello', featured: false, position: 2 },
      ]);
      expect(rec.isrc).toBe('FRZ032500001');
      // No declaration yet.
      expect((await reg.status('FRZ032500001', { at: '2025-06-01', use: 'ai-training' })).status).toBe('not-covered');
      const d = await reg.declare({ issuer: 'Spedidam (test)', effectiveFrom: '2025-01-01' });
      const s = await reg.status('fr-z03-25-00001', { at: '2025-06-01', use: 'ai-training' });
      expect(s.status).toBe('reserved');
      expect(s.uses[0]!.reasons.map((r) => r.code)).toEqual(['DECLARATION_IN_FORCE', 'MANDATE_IN_FORCE']);
      expect(s.uses[0]!.reasons[1]).toMatchObject({ performerId: member.id, mandateVersion: 3 });
      // The mandate was withdrawn from 2026-09-01.
      expect((await reg.status('FRZ032500001', { at: '2026-10-01', use: 'ai-training' })).status).toBe('not-covered');
      // Search is not reserved by the default scope.
      const all = await reg.status('FRZ032500001', { at: '2025-06-01' });
      expect(all.uses.map((u) => [u.use, u.status])).toEqual([
        ['ai-training', 'reserved'],
        ['genai-training', 'reserved'],
        ['ai-inference', 'reserved'],
        ['search', 'not-covered'],
      ]);
      expect((await reg.status('FRZ032500001', { at: '2025-06-01', territory: 'DE' })).status).toBe('not-covered');
      await reg.withdrawDeclaration(d.id, '2025-12-01');
      expect((await reg.status('FRZ032500001', { at: '2025-12-02', use: 'ai-training' })).status).toBe('not-covered');
      expect((await reg.status('FRZ032500001', { at: '2025-06-01', use: 'ai-training' })).status).toBe('reserved');
      await reg.declare({ issuer: 'Spedidam (test)', effectiveFrom: '2026-01-01' });
      expect((await reg.status('GBAYC1700598')).status).toBe('unknown');
      await expect(reg.status('not-an-isrc')).rejects.toMatchObject({ code: 'REGISTRY_INVALID_ID' });
    });

    it('checks many identifiers at once, in order, with per-item errors', async () => {
      const reg = ctx.services.registry;
      const out = await reg.check(['FRZ032500001', 'bad', 'GBAYC1700598', 'fr-z03-25-00001'], { at: '2026-06-01', use: 'ai-training' });
      expect(out.map((o) => (o.ok ? o.status : o.error.code))).toEqual(['reserved', 'REGISTRY_INVALID_ID', 'unknown', 'reserved']);
      await expect(reg.check(Array.from({ length: 10_001 }, () => 'x'))).rejects.toMatchObject({ code: 'REGISTRY_TOO_MANY_ITEMS' });
    });

    it('finds recordings and performers accent- and case-insensitively', async () => {
      const reg = ctx.services.registry;
      await reg.addRecording({ kind: 'audiovisual', isan: '0000-0001-8947-0000-8-0000-0000-D', title: 'Les Enfants du Paradis', displayArtist: 'Arletty' });
      const hits = await reg.search('la mer a BOIRE');
      expect(hits[0]).toMatchObject({ type: 'recording', identifier: 'FRZ032500001' });
      const emile = await reg.search('emile');
      expect(emile.map((h) => h.type)).toContain('performer');
      expect(emile.find((h) => h.type === 'recording')?.label).toBe('La Mer à boire');
      expect((await reg.search('enfan')).map((h) => h.label)).toContain('Les Enfants du Paradis');
      expect(await reg.search('   ')).toEqual([]);
      const r = await reg.recording('ISAN 0000-0001-8947-0000-8-0000-0000-D');
      expect(r.recording.kind).toBe('audiovisual');
    });

    it('keeps recordings idempotent and line-ups replaceable', async () => {
      const store = ctx.stores.registry;
      const r = (await store.findRecording({ isrc: 'FRZ032500001' }))!;
      expect((await store.upsertRecording({ ...r })).outcome).toBe('unchanged');
      expect((await store.upsertRecording({ ...r, title: 'La Mer à boire (live)' })).outcome).toBe('updated');
      const lineup = await store.lineup(r.id);
      expect(await store.setLineup(r.id, lineup)).toBe('unchanged');
      expect(await store.setLineup(r.id, lineup.slice(0, 1))).toBe('updated');
      expect(await store.lineup(r.id)).toHaveLength(1);
      const counts = await ctx.services.registry.counts();
      expect(counts).toMatchObject({ recordings: 2, performers: 2, members: 1, mandates: 3, declarations: 2, lineups: 1 });
    });

    it('reads recordings by ISRC and line-ups in bulk, the same as one at a time', async () => {
      const store = ctx.stores.registry;
      const r = (await store.findRecording({ isrc: 'FRZ032500001' }))!;
      const byIsrc = await store.recordingsByIsrc(['FRZ032500001', 'FRZ032500001', 'ZZZ999999999']);
      expect([...byIsrc.keys()]).toEqual(['FRZ032500001']);
      expect(byIsrc.get('FRZ032500001')).toEqual(r);
      const other = await ctx.services.registry.addRecording({ kind: 'sound', isrc: 'FRZ032500077', title: 'Sans line-up', displayArtist: 'Personne' });
      const lineups = await store.lineupsOf([r.id, other.id, 'no-such-id']);
      expect(lineups.get(r.id)).toEqual(await store.lineup(r.id));
      expect(lineups.get(other.id)).toEqual([]);
      expect(lineups.get('no-such-id')).toEqual([]);
      const withMembers = await store.lineupsWithMembership([r.id, other.id]);
      const performers = new Map((await store.performersByIds(lineups.get(r.id)!.map((e) => e.performerId))).map((p) => [p.id, p]));
      expect(withMembers.get(r.id)).toEqual(lineups.get(r.id)!.map((e) => ({ ...e, member: performers.get(e.performerId)!.member })));
      expect(withMembers.get(r.id)!.length).toBeGreaterThan(0);
      expect(withMembers.get(other.id)).toEqual([]);
    });

    it('pages recordings with an ISRC in ISRC order, with their coverage rows (snapshot export)', async () => {
      const reg = ctx.services.registry;
      for (const n of ['00012', '00010', '00011']) await reg.addRecording({ kind: 'sound', isrc: `FRZ0326${n}`, title: `Page ${n}`, displayArtist: 'Pager' });
      const store = ctx.stores.registry;
      const all: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await store.coveragePage(after, 2);
        expect(page.length).toBeLessThanOrEqual(2);
        if (page.length === 0) break;
        for (const r of page) expect(Array.isArray(r.lineup) && Array.isArray(r.mandates)).toBe(true);
        all.push(...page.map((r) => r.recording.isrc as string));
        after = all[all.length - 1] as string;
      }
      expect(all).toEqual([...all].sort());
      expect(new Set(all).size).toBe(all.length);
      expect(all).toEqual(expect.arrayContaining(['FRZ032600010', 'FRZ032600011', 'FRZ032600012', 'FRZ032500001']));
      const withLineup = (await store.coveragePage(null, 1000)).find((r) => r.recording.isrc === 'FRZ032500001');
      expect(withLineup?.lineup.length).toBeGreaterThan(0);
    });

    it('rolls back a failed transaction whole', async () => {
      const store = ctx.stores.registry;
      const before = await store.counts();
      await expect(
        store.transaction(async (s) => {
          await s.setMeta('probe', '1');
          await s.insertDeclaration({ id: 'dup', issuer: 'x', legalBasis: 'x', uses: [], media: [], territories: [], effectiveFrom: '2020-01-01T00:00:00.000Z', withdrawnAt: null, createdAt: 'now' });
          await s.insertDeclaration({ id: 'dup', issuer: 'x', legalBasis: 'x', uses: [], media: [], territories: [], effectiveFrom: '2020-01-01T00:00:00.000Z', withdrawnAt: null, createdAt: 'now' });
        }),
      ).rejects.toThrow();
      expect(await store.counts()).toEqual(before);
      expect(await store.getMeta('probe')).toBeNull();
    });
  });
}
