/**
 * The desk and remuneration routes on SQLite and (with TEST_DATABASE_URL) PostgreSQL, and the authorisation
 * matrix of the whole HTTP API: every route of the OpenAPI document is either public (the same answer for
 * every caller) or in a matrix of every role × the route (licensing routes: http-licensing.test.ts). A new
 * route that is in neither fails the classification test.
 */
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { DIALECTS } from '../support/db.js';
import { ledgerContext, type LedgerTestContext } from '../support/ledger.js';
import { expectError } from './http-env.js';
import { SEED, seedRegistry } from './registry-seed.js';

type Who = 'anonymous' | 'administrator' | 'rights-manager' | 'licensing-officer' | 'auditor' | 'owner' | 'other-licensee' | 'performer' | 'other-performer';
const WHO: Who[] = ['anonymous', 'administrator', 'rights-manager', 'licensing-officer', 'auditor', 'owner', 'other-licensee', 'performer', 'other-performer'];
const STAFF: Who[] = ['administrator', 'rights-manager', 'licensing-officer', 'auditor'];
const TARIFF = { id: 'per-use', version: 1, name: 'Per use', uses: ['genai-training'], validFrom: '2026-01-01T00:00:00.000Z', model: { kind: 'per-recording-use', centsPerRecordingPerUse: 40 } };
const TERMS = { uses: ['genai-training'], repertoire: { kind: 'all' }, from: '2026-01-01', to: '2027-01-01', product: 'Model X' };
const CSV = `isrc,uses,units\n${SEED.reserved},genai-training,3\n${SEED.notCovered},genai-training,1\n${SEED.absent},genai-training,1\n`;

/** Routes answered alike to everyone, with a URL to call each by. */
const PUBLIC: Record<string, string> = {
  'GET /': '/',
  'GET /openapi.json': '/openapi.json',
  'GET /healthz': '/healthz',
  'GET /.well-known/tdmrep.json': '/.well-known/tdmrep.json',
  'GET /tdm-policy.jsonld': '/tdm-policy.jsonld',
  'GET /robots.txt': '/robots.txt',
  'GET /ai.txt': '/ai.txt',
  'GET /license.xml': '/license.xml',
  'GET /declaration.jsonld': '/declaration.jsonld',
  'GET /declaration.jws': '/declaration.jws',
  'GET /declaration.en.html': '/declaration.en.html',
  'GET /declaration.fr.html': '/declaration.fr.html',
  'GET /v1/recordings/{isrc}': `/v1/recordings/${SEED.notCovered}`,
  'POST /v1/check': '/v1/check',
  'GET /v1/performers/{id}': '/v1/performers/PERFORMER',
  'GET /v1/search': '/v1/search?q=dupont',
  'GET /v1/log/checkpoint': '/v1/log/checkpoint',
  'GET /v1/log/entries': '/v1/log/entries?start=0&end=1',
  'GET /v1/log/proof/inclusion': '/v1/log/proof/inclusion?index=0',
  'GET /v1/log/proof/consistency': '/v1/log/proof/consistency?from=1',
  'GET /v1/recordings/{isrc}/proof': `/v1/recordings/${SEED.reserved}/proof`,
  'GET /.well-known/tdm-reserve/log-key': '/.well-known/tdm-reserve/log-key',
  'GET /.well-known/tdm-reserve/log-key.json': '/.well-known/tdm-reserve/log-key.json',
  'GET /v1/tariffs/{id}/{version}': '/v1/tariffs/per-use/1',
  'POST /v1/identify': '/v1/identify',
};
/** Bodies of the public POST routes. */
const PUBLIC_BODY: Record<string, unknown> = {
  'POST /v1/check': { items: [SEED.notCovered] },
  'POST /v1/identify': { fingerprint: Array.from({ length: 64 }, (_, i) => (i * 2654435761) % 4294967296) },
};
/** Covered by the matrix of http-licensing.test.ts. */
const LICENSING = ['POST /v1/licence-requests', 'GET /v1/licence-requests', 'GET /v1/licence-requests/{id}', 'POST /v1/licence-requests/{id}/actions', 'GET /v1/licences/{id}'];

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`desk and remuneration routes on ${dialect.name}`, () => {
    let t: LedgerTestContext;
    let app: FastifyInstance;
    const key = {} as Record<Who, string | undefined>;
    const account = {} as Record<Who, string>;
    let licenceId = '';
    let ownerOrg = '';
    let jeanne = '';
    let runId = '';
    let period = 0;

    const call = (who: Who, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method,
        url,
        headers: { ...headers, ...(key[who] === undefined ? {} : { authorization: `Bearer ${key[who]}` }) },
        ...(payload === undefined ? {} : { payload: payload as string }),
      });
    const csv = { 'content-type': 'text/csv' };
    /** A fresh quarter each time, so that reports never collide. */
    const nextPeriod = () => {
      const m = period++;
      const at = (k: number) => new Date(Date.UTC(2026, k, 1)).toISOString().slice(0, 10);
      return `from=${at(m)}&to=${at(m + 1)}`;
    };

    beforeAll(async () => {
      t = await ledgerContext(dialect.make);
      const seeded = await seedRegistry(t.ctx.services.registry);
      jeanne = seeded.performers.jeanne;
      PUBLIC['GET /v1/performers/{id}'] = `/v1/performers/${jeanne}`;
      const svc = t.ctx.services.licensing;
      const orgA = await svc.createOrganisation('Owner AI');
      const orgB = await svc.createOrganisation('Other AI');
      ownerOrg = orgA.id;
      const accounts: Record<Exclude<Who, 'anonymous'>, Parameters<typeof svc.createAccount>[0]> = {
        administrator: { name: 'Admin', role: 'administrator' },
        'rights-manager': { name: 'RM', role: 'rights-manager' },
        'licensing-officer': { name: 'LO', role: 'licensing-officer' },
        auditor: { name: 'Aud', role: 'auditor' },
        owner: { name: 'A', role: 'licensee', organisationId: orgA.id },
        'other-licensee': { name: 'B', role: 'licensee', organisationId: orgB.id },
        performer: { name: 'Jeanne', role: 'performer', performerId: seeded.performers.jeanne },
        'other-performer': { name: 'Paul', role: 'performer', performerId: seeded.performers.paul },
      };
      for (const [who, input] of Object.entries(accounts)) {
        const a = await svc.createAccount(input);
        account[who as Who] = a.id;
        key[who as Who] = (await svc.issueKey(a.id)).key;
      }
      await svc.putTariff(TARIFF, 'test');
      const officer = (await svc.principalOf(account['licensing-officer'])).actor;
      const licenceFor = async (who: 'owner' | 'other-licensee') => {
        const p = (await svc.principalOf(account[who])).actor;
        const r = await svc.submitRequest(p, TERMS);
        await svc.act(r.id, 'review', officer);
        await svc.act(r.id, 'offer', officer, { offer: { terms: TERMS, tariff: { id: 'per-use', version: 1 } } });
        await svc.act(r.id, 'accept', p);
        return (await svc.act(r.id, 'activate', officer)).licence!.id;
      };
      licenceId = await licenceFor('owner');
      const otherLicence = await licenceFor('other-licensee');
      app = buildApp(t.ctx);
      await app.ready();
      // The other licensee's own report: the owner must never see it.
      expect((await call('other-licensee', 'POST', `/v1/licences/${otherLicence}/usage-reports?from=2026-11-01&to=2026-12-01`, CSV, csv)).statusCode).toBe(201);
    });
    afterAll(async () => {
      await app?.close();
      await t?.dispose();
    });

    const matrix: Record<string, { call: (who: Who) => ReturnType<typeof call>; want: (who: Who) => number }> = {
      'POST /v1/licences/{id}/usage-reports': {
        call: (who) => call(who, 'POST', `/v1/licences/${licenceId}/usage-reports?${nextPeriod()}`, CSV, csv),
        want: (w) => (w === 'anonymous' ? 401 : w === 'owner' ? 201 : STAFF.includes(w) ? 403 : 404),
      },
      // After the reports above: the administrator makes the run, the officer gets the same one back.
      'POST /v1/distribution-runs': {
        call: (who) => call(who, 'POST', '/v1/distribution-runs', { from: '2026-01-01', to: '2027-01-01' }),
        want: (w) => (w === 'anonymous' ? 401 : w === 'administrator' ? 201 : w === 'licensing-officer' ? 200 : 403),
      },
      'GET /v1/distribution-runs': { call: (who) => call(who, 'GET', '/v1/distribution-runs'), want: (w) => (w === 'anonymous' ? 401 : STAFF.includes(w) ? 200 : 403) },
      'GET /v1/distribution-runs/{id}': { call: (who) => call(who, 'GET', `/v1/distribution-runs/${runId}`), want: (w) => (w === 'anonymous' ? 401 : STAFF.includes(w) ? 200 : 403) },
      'GET /v1/distribution-runs/{id}/statements/{performer}': {
        call: (who) => call(who, 'GET', `/v1/distribution-runs/${runId}/statements/${jeanne}`),
        want: (w) => (w === 'anonymous' ? 401 : STAFF.includes(w) || w === 'performer' ? 200 : 403),
      },
      'GET /v1/organisations/{id}/statement': {
        call: (who) => call(who, 'GET', `/v1/organisations/${ownerOrg}/statement`),
        want: (w) => (w === 'anonymous' ? 401 : STAFF.includes(w) || w === 'owner' ? 200 : w === 'other-licensee' ? 404 : 403),
      },
      'POST /v1/organisations': { call: (who) => call(who, 'POST', '/v1/organisations', { name: `Org by ${who}` }), want: (w) => (w === 'anonymous' ? 401 : w === 'administrator' ? 201 : 403) },
      'POST /v1/accounts': { call: (who) => call(who, 'POST', '/v1/accounts', { name: `By ${who}`, role: 'auditor' }), want: (w) => (w === 'anonymous' ? 401 : w === 'administrator' ? 201 : 403) },
      'POST /v1/accounts/{id}/keys': {
        call: (who) => call(who, 'POST', `/v1/accounts/${account.owner}/keys`, { scopes: ['lookup'] }),
        want: (w) => (w === 'anonymous' ? 401 : w === 'administrator' || w === 'owner' ? 201 : 404),
      },
      'DELETE /v1/keys/{id}': {
        call: async (who) => call(who, 'DELETE', `/v1/keys/${(await t.ctx.services.licensing.issueKey(account.owner, ['lookup'])).id}`),
        want: (w) => (w === 'anonymous' ? 401 : w === 'administrator' || w === 'owner' ? 204 : 404),
      },
      'PUT /v1/tariffs': {
        call: (who) => call(who, 'PUT', '/v1/tariffs', { ...TARIFF, id: 'flat-2027', name: 'Flat', model: { kind: 'flat', amountCents: 100_000 } }),
        want: (w) => (w === 'anonymous' ? 401 : w === 'administrator' ? 201 : w === 'licensing-officer' ? 200 : 403),
      },
    };

    // In this order: reports, then the run they make, then what reads the run.
    for (const [route, m] of Object.entries(matrix)) {
      it(`authorises ${route} for every role`, async () => {
        const got: Record<string, number> = {};
        const wanted: Record<string, number> = {};
        for (const who of WHO) {
          const res = await m.call(who);
          got[who] = res.statusCode;
          wanted[who] = m.want(who);
          if (res.statusCode >= 400) expectError(res, res.statusCode, res.json<{ code: string }>().code);
          if (route === 'POST /v1/distribution-runs' && res.statusCode === 201) runId = res.json<{ run: { id: string } }>().run.id;
        }
        expect(got).toEqual(wanted);
      });
    }

    it('answers every public route alike to every caller, key or none', async () => {
      for (const [route, url] of Object.entries(PUBLIC)) {
        const method = route.split(' ')[0] as 'GET' | 'POST';
        const payload = PUBLIC_BODY[route];
        const anonymous = await call('anonymous', method, url, payload);
        expect(anonymous.statusCode, `${route}: ${anonymous.body.slice(0, 200)}`).toBeLessThan(400);
        for (const who of WHO) expect((await call(who, method, url, payload)).statusCode, `${route} as ${who}`).toBe(anonymous.statusCode);
      }
    });

    it('classifies every route of the OpenAPI document', async () => {
      const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
      const routes = Object.entries(doc.paths).flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`));
      const known = new Set([...Object.keys(PUBLIC), ...LICENSING, ...Object.keys(matrix)]);
      expect(routes.filter((r) => !known.has(r))).toEqual([]);
      expect([...known].filter((r) => !routes.includes(r))).toEqual([]);
    });

    it('reconciles the run over HTTP, as JSON and as a printable page', async () => {
      const rec = (await call('auditor', 'GET', `/v1/distribution-runs/${runId}`)).json<{ ok: boolean; collectedCents: number; reports: { organisationId: string }[] }>();
      expect(rec.ok).toBe(true);
      // The owner's month from the matrix (80) and the other licensee's November (80).
      expect(rec.collectedCents).toBe(160);
      expect(new Set(rec.reports.map((r) => r.organisationId)).size).toBe(2);
      const html = await call('auditor', 'GET', `/v1/distribution-runs/${runId}?format=html`, undefined, { 'accept-language': 'fr-FR,fr;q=0.9' });
      expect(html.headers['content-type']).toContain('text/html');
      expect(html.body).toContain('lang="fr"');
      expect(html.body).toContain('équilibrés au centime');
    });

    it("gives a performer their statement as CSV and HTML, and a licensee only its own reports", async () => {
      const json = (await call('performer', 'GET', `/v1/distribution-runs/${runId}/statements/${jeanne}`)).json<{ totalCents: number; lines: unknown[] }>();
      expect(json.lines.length).toBeGreaterThan(0);
      const res = await call('performer', 'GET', `/v1/distribution-runs/${runId}/statements/${jeanne}?format=csv`);
      expect(res.headers['content-type']).toContain('text/csv');
      const rows = parse<Record<string, string>>(res.body, { columns: true });
      expect(rows.reduce((a, r) => a + Number(r.cents), 0)).toBe(json.totalCents);
      expect((await call('performer', 'GET', `/v1/distribution-runs/${runId}/statements/${jeanne}?format=html&lang=en`)).body).toContain('Distribution statement');
      const mine = (await call('owner', 'GET', `/v1/organisations/${ownerOrg}/statement`)).json<{ reports: { licence: string }[]; totals: { totalCents: number }[] }>();
      expect(mine.reports.length).toBe(1);
      expect(mine.reports.every((r) => r.licence === licenceId)).toBe(true);
      expect(mine.totals).toEqual([{ currency: 'EUR', totalCents: 80, reports: 1 }]);
    });

    it('refuses a bad usage CSV whole, naming the line and field, and writes nothing', async () => {
      const size = await t.ctx.stores.ledger.size();
      const bad = await call('owner', 'POST', `/v1/licences/${licenceId}/usage-reports?from=2025-01-01&to=2025-02-01`, `isrc,uses\n${SEED.reserved},genai-training\njunk,genai-training\n`, csv);
      expectError(bad, 400, 'LICENSING_BAD_USAGE');
      expect(bad.json<{ message: string }>().message).toContain('line 3, isrc');
      expect(await t.ctx.stores.ledger.size()).toBe(size);
      const unbalanced = await call('owner', 'POST', `/v1/licences/${licenceId}/usage-reports?from=2025-01-01&to=2025-02-01`, `isrc,uses\n"${SEED.reserved},genai-training\n`, csv);
      expectError(unbalanced, 400, 'LICENSING_BAD_USAGE');
      expectError(await call('owner', 'POST', `/v1/licences/${licenceId}/usage-reports?from=2025-01-01&to=2025-02-01`, 'isrc,uses', { 'content-type': 'application/xml' }), 415, 'HTTP_UNSUPPORTED_MEDIA_TYPE');
      expect(await t.ctx.stores.ledger.size()).toBe(size);
    });
  });
}
