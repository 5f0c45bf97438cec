/**
 * Lookups answered to a licensee, on SQLite and (with TEST_DATABASE_URL) PostgreSQL: its API key turns the
 * reserved uses its licences cover into `licensed`, for it alone; the public answer does not change.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicensingService, Principal } from '../../src/licensing/service.js';
import { buildApp } from '../../src/server/app.js';
import { DIALECTS } from '../support/db.js';
import { ledgerContext, type LedgerTestContext } from '../support/ledger.js';
import { expectError, expectSchema } from './http-env.js';
import { SEED, seedRegistry, type Seeded } from './registry-seed.js';

const TARIFF = { id: 'ai-2026', version: 1, name: 'AI 2026', uses: ['genai-training'], validFrom: '2026-01-01T00:00:00.000Z', model: { kind: 'flat', amountCents: 100_000 } };
const TERM = { from: '2026-01-01', to: '2030-01-01', product: 'Model X' };

interface Body {
  status: string;
  uses: Record<string, { status: string; reasons?: { code: string; licence?: string }[]; sameAs?: string }>;
  evidence: { licences?: Record<string, { id: string }> };
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`licensed lookups on ${dialect.name}`, () => {
    let t: LedgerTestContext;
    let app: FastifyInstance;
    let seeded: Seeded;
    let svc: LicensingService;
    let officer: Principal;
    const keys: Record<'world' | 'france' | 'byPerformer' | 'none' | 'staff', string> = { world: '', france: '', byPerformer: '', none: '', staff: '' };
    const licenceIds: Record<string, string> = {};

    async function licensee(name: string, terms: Record<string, unknown> | null): Promise<string> {
      const org = await svc.createOrganisation(name);
      const acct = await svc.createAccount({ name, role: 'licensee', organisationId: org.id });
      const key = (await svc.issueKey(acct.id, ['lookup', 'licences:request'])).key;
      if (terms !== null) {
        const me = await svc.authenticate(key, 'licences:request');
        const r = await svc.submitRequest(me.actor, terms);
        await svc.act(r.id, 'review', officer.actor);
        await svc.act(r.id, 'offer', officer.actor, { offer: { terms, tariff: { id: TARIFF.id, version: 1 } } });
        await svc.act(r.id, 'accept', me.actor);
        licenceIds[name] = (await svc.act(r.id, 'activate', officer.actor)).licence!.id;
      }
      return key;
    }

    beforeAll(async () => {
      t = await ledgerContext(dialect.make);
      seeded = await seedRegistry(t.ctx.services.registry);
      svc = t.ctx.services.licensing;
      const staff = await svc.createAccount({ name: 'Officer', role: 'licensing-officer' });
      keys.staff = (await svc.issueKey(staff.id, ['lookup', 'licences:read'])).key;
      officer = await svc.authenticate(keys.staff, 'licences:read');
      await svc.putTariff(TARIFF, 'test');
      keys.world = await licensee('World AI', { uses: ['genai-training'], repertoire: { kind: 'all' }, ...TERM });
      keys.france = await licensee('France AI', { uses: ['genai-training'], repertoire: { kind: 'all' }, territories: ['FR'], ...TERM });
      keys.byPerformer = await licensee('Jeanne fans', { uses: ['ai-training'], repertoire: { kind: 'performers', performerIds: [seeded.performers.jeanne] }, ...TERM });
      keys.none = await licensee('No licence', null);
      app = buildApp(t.ctx);
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
      await t?.dispose();
    });

    const get = (url: string, key?: string) => app.inject({ method: 'GET', url, headers: key === undefined ? {} : { authorization: `Bearer ${key}` } });

    it('answers licensed to the licence holder, only for the uses its licence covers', async () => {
      const pub = (await get(`/v1/recordings/${SEED.reserved}`)).json<Body>();
      expect(pub.uses['genai-training']?.status).toBe('reserved');
      expect(pub.evidence.licences).toBeUndefined();

      const res = await get(`/v1/recordings/${SEED.reserved}`, keys.world);
      expect(res.statusCode).toBe(200);
      const body = res.json<Body>();
      expectSchema('RecordingStatus', body);
      expect(body.uses['genai-training']?.status).toBe('licensed');
      expect(body.uses['genai-training']?.reasons?.at(-1)).toEqual({ code: 'LICENCE_IN_FORCE', licence: 'l1' });
      expect(body.evidence.licences?.l1?.id).toBe(licenceIds['World AI']);
      // Other uses stay reserved, so the recording as a whole is still reserved.
      expect(body.uses['ai-training']?.status).toBe('reserved');
      expect(body.status).toBe('reserved');
      const one = (await get(`/v1/recordings/${SEED.reserved}?use=genai-training`, keys.world)).json<Body>();
      expect(one.status).toBe('licensed');
    });

    it('changes nothing for the public, a licensee without a covering licence or staff', async () => {
      const pub = (await get(`/v1/recordings/${SEED.reserved}`)).body;
      for (const k of [keys.none, keys.staff]) expect((await get(`/v1/recordings/${SEED.reserved}`, k)).body.replace(/"at":"[^"]*"/, '')).toBe(pub.replace(/"at":"[^"]*"/, ''));
      // Not covered stays not covered: a licence does not make a recording reserved.
      expect((await get(`/v1/recordings/${SEED.notCovered}`, keys.world)).json<Body>().status).toBe('not-covered');
    });

    it('applies territory and repertoire limits', async () => {
      expect((await get(`/v1/recordings/${SEED.reserved}?use=genai-training`, keys.france)).json<Body>().status).toBe('reserved');
      expect((await get(`/v1/recordings/${SEED.reserved}?use=genai-training&territory=FR`, keys.france)).json<Body>().status).toBe('licensed');
      expect((await get(`/v1/recordings/${SEED.reserved}?use=genai-training&territory=DE`, keys.france)).json<Body>().status).toBe('reserved');
      // Jeanne is on the line-up: her repertoire licence covers training, generative included.
      const mine = (await get(`/v1/recordings/${SEED.reserved}`, keys.byPerformer)).json<Body>();
      expect(mine.uses['ai-training']?.status).toBe('licensed');
      expect(mine.uses['genai-training']?.status).toBe('licensed');
      expect(mine.uses['ai-inference']?.status).toBe('reserved');
      // Past the term: reserved again.
      expect((await get(`/v1/recordings/${SEED.reserved}?use=genai-training&at=2031-01-01`, keys.world)).json<Body>().status).toBe('reserved');
    });

    it('refuses a header that is not a valid key', async () => {
      expectError(await get(`/v1/recordings/${SEED.reserved}`, 'tdmr_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), 401, 'LICENSING_UNAUTHENTICATED');
      expectError(await app.inject({ method: 'GET', url: `/v1/recordings/${SEED.reserved}`, headers: { authorization: `Basic ${keys.world}` } }), 401, 'LICENSING_UNAUTHENTICATED');
      expectError(await app.inject({ method: 'POST', url: '/v1/check', headers: { authorization: 'Bearer nope' }, payload: { items: [SEED.reserved] } }), 401, 'LICENSING_UNAUTHENTICATED');
    });

    it('answers batches to the licensee too, with licensed counted', async () => {
      const items = [SEED.reserved, SEED.notCovered, SEED.absent, 'nonsense'];
      const res = await app.inject({ method: 'POST', url: '/v1/check', headers: { authorization: `Bearer ${keys.world}` }, payload: { items, use: 'genai-training' } });
      expect(res.statusCode).toBe(200);
      const body = res.json<{ summary: Record<string, number>; items: { status?: string }[]; evidence: Body['evidence'] }>();
      expectSchema('CheckResponse', body);
      expect(body.items.map((i) => i.status)).toEqual(['licensed', 'not-covered', 'unknown', undefined]);
      expect(body.summary).toEqual({ reserved: 0, licensed: 1, notCovered: 1, unknown: 1, invalid: 1 });
      expect(body.evidence.licences?.l1?.id).toBe(licenceIds['World AI']);
      const status = await app.inject({ method: 'POST', url: '/v1/check', headers: { authorization: `Bearer ${keys.world}` }, payload: { items, use: 'genai-training', detail: 'status' } });
      const sb = status.json<{ items: { status?: string; uses?: Record<string, { status: string }> }[] }>();
      expectSchema('CheckResponse', sb);
      expect(sb.items[0]).toMatchObject({ status: 'licensed', uses: { 'genai-training': { status: 'licensed' } } });
      // Without the key, the same batch is reserved.
      const pub = await app.inject({ method: 'POST', url: '/v1/check', payload: { items, use: 'genai-training' } });
      expect(pub.json<{ items: { status?: string }[] }>().items[0]?.status).toBe('reserved');
    });

    it("answers a licensee's batch on the check workers byte for byte as on the service's thread", async () => {
      if (t.ctx.db.kind !== 'sqlite') return; // check workers read SQLite files
      const pooled = buildApp(t.ctx, {
        checkWorkers: 2,
        checkWorker: {
          url: new URL('../../src/server/check-worker.ts', import.meta.url),
          execArgv: ['--import', new URL('../support/ts-register.mjs', import.meta.url).href],
        },
      });
      try {
        const items = [SEED.reserved, SEED.notCovered, SEED.franceOnly, SEED.absent, 'nonsense'];
        for (const key of [keys.world, keys.byPerformer, keys.none, keys.staff]) {
          // An instant given: without one each answer is of its own moment.
          for (const payload of [{ items, at: '2026-06-01' }, { items, at: '2026-06-01', use: 'ai-training', detail: 'status' }, { items, at: '2026-06-01', territory: 'FR' }]) {
            const request = { method: 'POST' as const, url: '/v1/check', headers: { authorization: `Bearer ${key}` }, payload };
            const inline = await app.inject(request);
            const onWorkers = await pooled.inject(request);
            expect(onWorkers.statusCode).toBe(200);
            expect(onWorkers.body).toBe(inline.body);
          }
        }
        expect((await pooled.inject({ method: 'POST', url: '/v1/check', headers: { authorization: `Bearer ${keys.world}` }, payload: { items } })).body).toContain('"licensed"');
      } finally {
        await pooled.close();
      }
    });

    it('is answered by Fastify, not the fast path, over a real socket', async () => {
      const served = buildApp(t.ctx, { fastPath: true });
      await served.listen({ port: 0, host: '127.0.0.1' });
      try {
        const url = `http://127.0.0.1:${(served.server.address() as AddressInfo).port}/v1/recordings/${SEED.reserved}`;
        const lic = (await (await fetch(url, { headers: { authorization: `Bearer ${keys.world}` } })).json()) as Body;
        expect(lic.uses['genai-training']?.status).toBe('licensed');
        const pub = (await (await fetch(url)).json()) as Body;
        expect(pub.uses['genai-training']?.status).toBe('reserved');
      } finally {
        await served.close();
      }
    });
  });
}
