/**
 * The licensing routes on SQLite and (with TEST_DATABASE_URL) PostgreSQL: the authorisation matrix (every
 * route × every role, and no key), a licence from request to signed document over HTTP, and the OpenAPI listing.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAgreement } from '../../src/licensing/agreement.js';
import { buildApp } from '../../src/server/app.js';
import { DIALECTS } from '../support/db.js';
import { ledgerContext, type LedgerTestContext } from '../support/ledger.js';
import { expectError } from './http-env.js';

type Who = 'anonymous' | 'administrator' | 'rights-manager' | 'licensing-officer' | 'auditor' | 'owner' | 'other-licensee' | 'performer';
const WHO: Who[] = ['anonymous', 'administrator', 'rights-manager', 'licensing-officer', 'auditor', 'owner', 'other-licensee', 'performer'];
const STAFF: Who[] = ['administrator', 'rights-manager', 'licensing-officer', 'auditor'];
const TARIFF = { id: 'genai-2026', version: 1, name: 'GenAI', uses: ['genai-training'], validFrom: '2026-01-01T00:00:00.000Z', model: { kind: 'flat', amountCents: 1000 } };
const TERMS = { uses: ['genai-training'], repertoire: { kind: 'all' }, from: '2026-01-01', to: '2027-01-01', product: 'Model X' };

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`licensing routes on ${dialect.name}`, () => {
    let t: LedgerTestContext;
    let app: FastifyInstance;
    const key = {} as Record<Who, string | undefined>;
    let requestId = '';
    let licenceId = '';

    const call = (who: Who, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      app.inject({ method, url, headers: key[who] === undefined ? {} : { authorization: `Bearer ${key[who]}` }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

    beforeAll(async () => {
      t = await ledgerContext(dialect.make);
      const svc = t.ctx.services.licensing;
      const p = await t.ctx.services.registry.addPerformer({ displayName: 'Jeanne Dupont' });
      const orgA = await svc.createOrganisation('Owner AI');
      const orgB = await svc.createOrganisation('Other AI');
      const accounts: Record<Exclude<Who, 'anonymous'>, Parameters<typeof svc.createAccount>[0]> = {
        administrator: { name: 'Admin', role: 'administrator' },
        'rights-manager': { name: 'RM', role: 'rights-manager' },
        'licensing-officer': { name: 'LO', role: 'licensing-officer' },
        auditor: { name: 'Aud', role: 'auditor' },
        owner: { name: 'A', role: 'licensee', organisationId: orgA.id },
        'other-licensee': { name: 'B', role: 'licensee', organisationId: orgB.id },
        performer: { name: 'Jeanne', role: 'performer', performerId: p.id },
      };
      for (const [who, input] of Object.entries(accounts)) key[who as Who] = (await svc.issueKey((await svc.createAccount(input)).id, ['licences:read', 'licences:request'])).key;
      key.anonymous = undefined;
      await svc.putTariff(TARIFF, 'test');
      app = buildApp(t.ctx);
      await app.ready();
      // The owner's request, taken to an active licence over HTTP.
      const created = await call('owner', 'POST', '/v1/licence-requests', TERMS);
      expect(created.statusCode).toBe(201);
      requestId = created.json<{ id: string }>().id;
      for (const [who, action, extra] of [
        ['licensing-officer', 'review', {}],
        ['licensing-officer', 'offer', { offer: { terms: TERMS, tariff: { id: TARIFF.id, version: 1 } } }],
        ['owner', 'accept', {}],
        ['administrator', 'activate', {}],
      ] as const) {
        const r = await call(who, 'POST', `/v1/licence-requests/${requestId}/actions`, { action, ...extra });
        expect(r.statusCode, `${who} ${action}: ${r.body}`).toBe(200);
      }
      licenceId = (await call('owner', 'GET', `/v1/licence-requests/${requestId}`)).json<{ licence: { id: string } }>().licence.id;
    });
    afterAll(async () => {
      await app?.close();
      await t?.dispose();
    });

    it('serves the signed licence, verifiable with the published key', async () => {
      const res = await call('owner', 'GET', `/v1/licences/${licenceId}`);
      expect(res.statusCode).toBe(200);
      const body = res.json<{ jws: string; terms: { product: string } }>();
      expect(body.terms.product).toBe('Model X');
      const published = (await app.inject({ method: 'GET', url: '/.well-known/tdm-reserve/log-key' })).body.trim();
      expect(verifyAgreement(body.jws, published)).toMatchObject({ ok: true });
    });

    const expected: Record<string, (who: Who) => number> = {
      'GET /v1/tariffs/genai-2026/1': () => 200,
      'POST /v1/licence-requests': (w) => (w === 'anonymous' ? 401 : w === 'owner' || w === 'other-licensee' ? 201 : 403),
      'GET /v1/licence-requests': (w) => (w === 'anonymous' ? 401 : w === 'performer' ? 403 : 200),
      'GET request': (w) => (w === 'anonymous' ? 401 : w === 'owner' || STAFF.includes(w) ? 200 : 404),
      // On a fresh submitted request each time: staff who review get 200, other staff and the owner 403.
      'POST request review': (w) => (w === 'anonymous' ? 401 : w === 'other-licensee' || w === 'performer' ? 404 : w === 'administrator' || w === 'licensing-officer' ? 200 : 403),
      'GET licence': (w) => (w === 'anonymous' ? 401 : w === 'owner' || STAFF.includes(w) ? 200 : 404),
    };

    for (const [route, want] of Object.entries(expected)) {
      it(`authorises ${route} for every role`, async () => {
        const got: Record<string, number> = {};
        const wanted: Record<string, number> = {};
        for (const who of WHO) {
          const res =
            route === 'GET /v1/tariffs/genai-2026/1'
              ? await call(who, 'GET', '/v1/tariffs/genai-2026/1')
              : route === 'POST /v1/licence-requests'
                ? await call(who, 'POST', '/v1/licence-requests', TERMS)
                : route === 'GET /v1/licence-requests'
                  ? await call(who, 'GET', '/v1/licence-requests')
                  : route === 'GET request'
                    ? await call(who, 'GET', `/v1/licence-requests/${requestId}`)
                    : route === 'POST request review'
                      ? await call(who, 'POST', `/v1/licence-requests/${(await call('owner', 'POST', '/v1/licence-requests', TERMS)).json<{ id: string }>().id}/actions`, { action: 'review' })
                      : await call(who, 'GET', `/v1/licences/${licenceId}`);
          got[who] = res.statusCode;
          wanted[who] = want(who);
          if (res.statusCode >= 400) expectError(res, res.statusCode, res.json<{ code: string }>().code);
        }
        expect(got).toEqual(wanted);
      });
    }

    it('lists to each licensee only its own requests; staff see them all', async () => {
      const mine = (await call('other-licensee', 'GET', '/v1/licence-requests')).json<{ organisationId: string }[]>();
      const theirs = (await call('owner', 'GET', '/v1/licence-requests')).json<{ organisationId: string; id: string }[]>();
      expect(mine.length).toBeGreaterThan(0);
      expect(new Set(mine.map((r) => r.organisationId)).size).toBe(1);
      expect(theirs.some((r) => r.id === requestId)).toBe(true);
      expect(mine.some((r) => r.organisationId === theirs[0]?.organisationId)).toBe(false);
      const all = (await call('auditor', 'GET', '/v1/licence-requests')).json<unknown[]>();
      expect(all.length).toBe(mine.length + theirs.length);
      expect(JSON.stringify(mine)).not.toContain(requestId);
    });

    it('refuses bad bodies with the field named, and lists the routes in the OpenAPI document', async () => {
      const bad = await call('owner', 'POST', '/v1/licence-requests', { ...TERMS, uses: ['cooking'] });
      expectError(bad, 400, 'LICENSING_BAD_USAGE');
      expect(bad.json<{ message: string }>().message).toContain('uses.0');
      expectError(await call('licensing-officer', 'POST', `/v1/licence-requests/${requestId}/actions`, { action: 'fly' }), 400, 'HTTP_VALIDATION');
      expectError(await call('administrator', 'POST', `/v1/licence-requests/${requestId}/actions`, { action: 'review' }), 409, 'LICENSING_BAD_TRANSITION');
      const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, unknown>; components: { securitySchemes: Record<string, unknown> } }>();
      for (const p of ['/v1/licence-requests', '/v1/licence-requests/{id}', '/v1/licence-requests/{id}/actions', '/v1/licences/{id}', '/v1/tariffs/{id}/{version}']) expect(doc.paths[p], p).toBeDefined();
      expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    });
  });
}
