/**
 * The registry API through `app.inject()`: on SQLite with the snapshot lookup, on SQLite through the
 * store, and on PostgreSQL when TEST_DATABASE_URL is set. Status answers must satisfy their schemas
 * and, expanded (registry/compact-expand.ts), equal the service's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusOptions } from '../../src/registry/service.js';
import type { AppOptions } from '../../src/server/app.js';
import { DIALECTS, sqliteTestDb, type TestDb } from '../support/db.js';
import {
  asJson,
  expandedItems,
  expandedStatus,
  expectError,
  expectSchema,
  openEnv,
  type HttpEnv,
} from './http-env.js';
import { SEED } from './registry-seed.js';

const AT = '2026-03-01T00:00:00.000Z';

function registrySuite(make: () => TestDb, options: AppOptions = {}): void {
  let env: HttpEnv;
  beforeAll(async () => {
    env = await openEnv(make, options);
  });
  afterAll(async () => env.close());
  const get = (url: string, headers: Record<string, string> = {}) =>
    env.app.inject({ method: 'GET', url, headers });

  describe('GET /v1/recordings/{isrc}', () => {
    it('answers what RegistryService.status answers, field for field', async () => {
      const keys = [...Object.values(SEED), env.seeded.isan, 'fr-z03-25-00001'];
      const questions: Record<string, string>[] = [
        { at: AT },
        { at: '2024-01-01', use: 'ai-training' },
        { at: AT, territory: 'FR' },
        { at: '2023-06-01', use: 'search', territory: 'fr' },
      ];
      for (const key of keys) {
        for (const q of questions) {
          const res = await get(
            `/v1/recordings/${encodeURIComponent(key)}?${new URLSearchParams(q).toString()}`,
          );
          expect(res.statusCode, `${key} ${JSON.stringify(q)}`).toBe(200);
          expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
          const body = res.json<Parameters<typeof expandedStatus>[0]>();
          expectSchema('RecordingStatus', body);
          expect(expandedStatus(body)).toEqual(
            asJson(await env.ctx.services.registry.status(key, q as StatusOptions)),
          );
        }
      }
    });

    it('gives the status each case calls for', async () => {
      const status = async (key: string, query = `at=${AT}`) =>
        (await get(`/v1/recordings/${encodeURIComponent(key)}?${query}`)).json<{ status: string }>().status;
      expect(await status(SEED.reserved)).toBe('reserved');
      expect(await status(SEED.notCovered)).toBe('not-covered');
      expect(await status(SEED.noLineup)).toBe('unknown');
      expect(await status(SEED.absent)).toBe('unknown');
      expect(await status(SEED.franceOnly, `at=${AT}&territory=FR&use=ai-training`)).toBe('reserved');
      expect(await status(SEED.franceOnly, `at=${AT}&territory=DE&use=ai-training`)).toBe('not-covered');
      expect(await status(SEED.audiovisual, `at=${AT}&territory=FR`)).toBe('not-covered');
      expect(await status(SEED.ended, 'at=2024-01-01')).toBe('reserved');
      expect(await status(SEED.ended, `at=${AT}`)).toBe('not-covered');
      expect(await status(env.seeded.isan)).toBe('reserved');
      expect(await status(env.seeded.eidr, 'at=2024-01-01')).toBe('reserved');
    });

    it('explains itself: reasons name the declaration and mandates, stated once as evidence', async () => {
      const res = await get(`/v1/recordings/${SEED.reserved}?at=${AT}`);
      const body = res.json<{
        uses: Record<
          string,
          { status: string; reasons?: { code: string; mandate?: string }[]; sameAs?: string }
        >;
        evidence: {
          declarations: Record<string, { legalBasis: string }>;
          mandates: Record<string, { performer: string; version: number; legalBasis: string }>;
          performers: Record<string, { id: string; name: string; isni: string | null }>;
        };
      }>();
      const ai = body.uses['ai-training'];
      expect(ai?.reasons?.map((r) => r.code)).toEqual(['DECLARATION_IN_FORCE', 'MANDATE_IN_FORCE']);
      const mandate = body.evidence.mandates[ai?.reasons?.[1]?.mandate ?? ''];
      expect(mandate).toMatchObject({ version: 1, legalBasis: 'statutory' });
      expect(body.evidence.performers[mandate?.performer ?? '']).toEqual({
        id: env.seeded.performers.jeanne,
        name: 'Jeanne Dupont',
        isni: '000000012281955X',
      });
      // The other AI uses have the same answer and say so; the declaration is stated once.
      expect(body.uses['genai-training']).toEqual({ status: 'reserved', sameAs: 'ai-training' });
      const legalBasis = Object.values(body.evidence.declarations)[0]?.legalBasis ?? '';
      expect(legalBasis.length).toBeGreaterThan(20);
      expect(res.body.split(JSON.stringify(legalBasis).slice(1, -1)).length - 1).toBe(1);
    });

    it('rejects an invalid ISRC with the coded error body', async () => {
      expectError(await get('/v1/recordings/FRZ03'), 400, 'REGISTRY_INVALID_ID');
      expectError(await get('/v1/recordings/0000000122819550'), 400, 'REGISTRY_INVALID_ID');
      expectError(await get(`/v1/recordings/${'A'.repeat(65)}`), 400, 'HTTP_VALIDATION');
    });

    it('validates the query', async () => {
      expectError(await get(`/v1/recordings/${SEED.reserved}?use=everything`), 400, 'HTTP_VALIDATION');
      expectError(await get(`/v1/recordings/${SEED.reserved}?territoty=FR`), 400, 'HTTP_VALIDATION');
      expectError(await get(`/v1/recordings/${SEED.reserved}?territory=France`), 400, 'HTTP_VALIDATION');
      expectError(await get(`/v1/recordings/${SEED.reserved}?at=yesterday`), 400, 'HTTP_VALIDATION');
      expectError(await get(`/v1/recordings/${SEED.reserved}?at=2026-02-30`), 400, 'REGISTRY_INVALID_INPUT');
    });

    it('shows a new mandate to the very next request', async () => {
      const url = `/v1/recordings/${SEED.notCovered}?at=${AT}`;
      expect((await get(url)).json<{ status: string }>().status).toBe('not-covered');
      await env.ctx.services.registry.addMandate({
        performerId: env.seeded.performers.paul,
        legalBasis: 'express',
        validFrom: '2025-01-01',
      });
      expect((await get(url)).json<{ status: string }>().status).toBe('reserved');
    });
  });

  describe('POST /v1/check', () => {
    const check = (payload: unknown, headers: Record<string, string> = {}) =>
      env.app.inject({ method: 'POST', url: '/v1/check', payload: payload as string, headers });

    it('answers one outcome per item, in order, invalid items included', async () => {
      const items = [SEED.absent, 'nope', SEED.reserved, SEED.noLineup, 'US-SKG-19-12345', SEED.reserved, ''];
      const res = await check({ items, at: AT, use: 'ai-training' });
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        count: number;
        summary: Record<string, number>;
        items: { input: string; ok: boolean; status?: string }[];
      }>();
      expect(body.count).toBe(items.length);
      expect(body.items.map((i) => i.input)).toEqual(items);
      expect(body.items.map((i) => (i.ok ? i.status : 'invalid'))).toEqual([
        'unknown',
        'invalid',
        'reserved',
        'unknown',
        'unknown',
        'reserved',
        'invalid',
      ]);
      expect(body.summary).toEqual({ reserved: 2, notCovered: 0, unknown: 3, invalid: 2 });
      expectSchema('CheckResponse', body);
      expect(expandedItems(res.json())).toEqual(
        asJson(await env.ctx.services.registry.check(items, { at: AT, use: 'ai-training' })),
      );
    });

    it('states the evidence once for the whole batch, every use included', async () => {
      const items = [
        SEED.reserved,
        SEED.notCovered,
        SEED.reserved,
        SEED.franceOnly,
        SEED.ended,
        'FR-Z03-25-00001',
      ];
      const res = await check({ items, at: '2024-01-01' });
      const body = res.json<Parameters<typeof expandedItems>[0] & { detail: string }>();
      expect(body.detail).toBe('full');
      expectSchema('CheckResponse', body);
      expect(expandedItems(body)).toEqual(
        asJson(await env.ctx.services.registry.check(items, { at: '2024-01-01' })),
      );
      const ids = (kind: 'declarations' | 'mandates' | 'performers'): string[] =>
        Object.values<{ id: string }>(body.evidence[kind]).map((e) => e.id);
      for (const kind of ['declarations', 'mandates', 'performers'] as const)
        expect(new Set(ids(kind)).size, kind).toBe(ids(kind).length);
      expect(ids('performers')).toContain(env.seeded.performers.jeanne);
    });

    it('gives only the verdicts with detail "status"', async () => {
      const items = [SEED.reserved, 'nope', SEED.absent, SEED.franceOnly, SEED.ended, SEED.noLineup];
      const res = await check({ items, at: AT, territory: 'FR', detail: 'status' });
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        detail: string;
        at: string;
        territory: string;
        summary: unknown;
        items: unknown[];
      }>();
      expect(body).toMatchObject({
        detail: 'status',
        at: AT,
        territory: 'FR',
        summary: { reserved: 2, notCovered: 1, unknown: 2, invalid: 1 },
      });
      expectSchema('CheckResponse', body);
      const full = await env.ctx.services.registry.check(items, { at: AT, territory: 'FR' });
      const expected = full.map((o) =>
        o.ok
          ? {
              input: o.input,
              ok: true,
              identifier: o.identifier,
              status: o.status,
              uses: Object.fromEntries(o.uses.map(({ use, status }) => [use, { status }])),
            }
          : o,
      );
      expect(body.items).toEqual(asJson(expected));
    });

    it('takes 10,000 items, and refuses 10,001', async () => {
      const items = Array.from({ length: 10_000 }, (_, i) =>
        i % 2 ? SEED.reserved : `FRZ0326${String(i).padStart(5, '0')}`,
      );
      const ok = await check({ items, at: AT });
      expect(ok.statusCode).toBe(200);
      expectSchema('CheckResponse', ok.json());
      expect(ok.json<{ summary: Record<string, number> }>().summary).toEqual({
        reserved: 5000,
        notCovered: 0,
        unknown: 5000,
        invalid: 0,
      });
      expectError(await check({ items: [...items, SEED.reserved] }), 400, 'HTTP_VALIDATION');
    });

    it('refuses bodies too large, not JSON, malformed or incomplete', async () => {
      expectError(
        await check(JSON.stringify({ items: ['x'.repeat(700_000), 'y'.repeat(700_000)] }), {
          'content-type': 'application/json',
        }),
        413,
        'HTTP_BODY_TOO_LARGE',
      );
      expectError(
        await check('FRZ032500001', { 'content-type': 'text/plain' }),
        415,
        'HTTP_UNSUPPORTED_MEDIA_TYPE',
      );
      expectError(
        await check('{"items": [', { 'content-type': 'application/json' }),
        400,
        'HTTP_BAD_REQUEST',
      );
      expectError(await check({ at: AT }), 400, 'HTTP_VALIDATION');
      expectError(await check({ items: [SEED.reserved], extra: true }), 400, 'HTTP_VALIDATION');
      expectError(await check({ items: ['x'.repeat(65)] }), 400, 'HTTP_VALIDATION');
      expectError(await check({ items: [SEED.reserved], detail: 'reasons' }), 400, 'HTTP_VALIDATION');
    });
  });

  describe('GET /v1/performers/{id}', () => {
    it('finds a performer by id, ISNI or member number, with every mandate version', async () => {
      for (const key of [env.seeded.performers.luc, 'M003']) {
        const res = await get(`/v1/performers/${encodeURIComponent(key)}`);
        expect(res.statusCode).toBe(200);
        const body = res.json<{
          performer: { displayName: string };
          mandates: { version: number; change: string }[];
          recordings: { isrc: string }[];
        }>();
        expect(body.performer.displayName).toBe('Luc Moreau');
        expect(body.mandates.map((m) => [m.version, m.change])).toEqual([
          [1, 'initial'],
          [2, 'withdrawal'],
        ]);
        expect(body.recordings.map((r) => r.isrc)).toEqual([SEED.ended]);
      }
      const byIsni = await get(`/v1/performers/${encodeURIComponent('0000 0001 2281 955X')}?limit=1`);
      expect(byIsni.json<{ performer: { aliases: string[] }; recordings: unknown[] }>()).toMatchObject({
        performer: { aliases: ['Jeanne D.'] },
        recordings: [{}],
      });
    });

    it('answers 404 for an unknown performer, 400 for a bad limit', async () => {
      expectError(await get('/v1/performers/nobody'), 404, 'REGISTRY_NOT_FOUND');
      expectError(await get(`/v1/performers/M001?limit=0`), 400, 'HTTP_VALIDATION');
    });
  });

  describe('GET /v1/search', () => {
    it('finds recordings and performers whatever the accents and case', async () => {
      const res = await get('/v1/search?q=ETE%20INDIEN');
      expect(res.statusCode).toBe(200);
      expect(res.json<{ hits: { type: string; identifier: string }[] }>().hits[0]).toMatchObject({
        type: 'recording',
        identifier: SEED.reserved,
      });
      const people = (await get('/v1/search?q=lefevre')).json<{ hits: { type: string; label: string }[] }>()
        .hits;
      expect(people.find((h) => h.type === 'performer')?.label).toBe('Marc Lefèvre');
    });

    it('pages and validates', async () => {
      const all = (await get('/v1/search?q=a&limit=100')).json<{ hits: { id: string }[] }>().hits;
      expect(all.length).toBeGreaterThan(2);
      const second = (await get('/v1/search?q=a&limit=1&offset=1')).json<{
        limit: number;
        offset: number;
        hits: { id: string }[];
      }>();
      expect(second).toMatchObject({ limit: 1, offset: 1, hits: [{ id: all[1]?.id }] });
      expectError(await get('/v1/search'), 400, 'HTTP_VALIDATION');
      expectError(await get('/v1/search?q=a&limit=101'), 400, 'HTTP_VALIDATION');
    });
  });

  describe('the rest of the service', () => {
    it('says what it is at /, in HTML or JSON', async () => {
      const html = await get('/', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.body).toContain('href="http://localhost:80/docs"');
      expect(html.body).toContain('/openapi.json');
      const json = await get('/', { accept: 'application/json' });
      expect(json.json()).toMatchObject({
        name: 'TDM Reserve registry',
        links: { openapi: 'http://localhost:80/openapi.json', health: 'http://localhost:80/healthz' },
      });
      expect((await get('/')).headers['content-type']).toMatch(/^text\/html/);
    });

    it('answers /healthz and serves the API reference', async () => {
      expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
      const docs = await get('/docs/');
      expect(docs.statusCode).toBe(200);
      expect(docs.body).toContain('swagger-ui');
    });

    it('answers unknown routes with the error body', async () => {
      expectError(await get('/v2/nothing'), 404, 'HTTP_NOT_FOUND');
      expectError(
        await env.app.inject({ method: 'DELETE', url: `/v1/recordings/${SEED.reserved}` }),
        404,
        'HTTP_NOT_FOUND',
      );
      expectError(await get('/v1/recordings/%E0%A4%A'), 400, 'HTTP_BAD_REQUEST');
    });
  });
}

for (const d of DIALECTS) describe.skipIf(!d.enabled)(`HTTP API on ${d.name}`, () => registrySuite(d.make));
// The same answers when the SQLite app reads through the store (as on PostgreSQL) instead of the snapshot reader.
describe('HTTP API on SQLite through the store', () => registrySuite(sqliteTestDb, { lookup: 'store' }));
// The batch check on worker threads (check-pool.ts), run from the sources through the test loader: the
// same suite, so every batch answer is compared with the service's own.
describe('HTTP API on SQLite with check workers', () =>
  registrySuite(sqliteTestDb, {
    checkWorkers: 2,
    checkWorker: {
      url: new URL('../../src/server/check-worker.ts', import.meta.url),
      execArgv: ['--import', new URL('../support/ts-register.mjs', import.meta.url).href],
    },
  }));
