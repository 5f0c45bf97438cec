/** The log routes on a bare Fastify instance (the app composes them the same way), through app.inject(). */
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { verifyCheckpoint } from '../../src/ledger/checkpoint.js';
import { leafHash } from '../../src/ledger/hash.js';
import { parseVerifierKey } from '../../src/ledger/note-keys.js';
import type { ReservationProof } from '../../src/ledger/reservation-proof.js';
import { verifyReservationProof } from '../../src/ledger/reservation-verify.js';
import { verifyConsistency, verifyInclusion } from '../../src/ledger/verify.js';
import { registerLedgerRoutes } from '../../src/server/routes/ledger.js';
import { sqliteTestDb } from '../support/db.js';
import { ledgerContext, ORIGIN, seedReserved, type LedgerTestContext } from '../support/ledger.js';

const unb64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

// Stand-in for the app's error handler (src/server/error-handler.ts): same body, same code-to-status rule.
function errorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, _request, reply) => {
    const code = err.code ?? 'INTERNAL';
    const statusCode =
      err instanceof AppError ? (/_NOT_FOUND$/.test(code) ? 404 : /_(INVALID|BAD)(_|$)/.test(code) ? 400 : 500) : (err.statusCode ?? 500);
    return reply.code(statusCode).send({ statusCode, code, message: err.message });
  });
}

describe('ledger HTTP routes', () => {
  let t: LedgerTestContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await ledgerContext(sqliteTestDb);
    await seedReserved(t.ctx, 'FRZ032500001');
    app = Fastify();
    await app.register(swagger, { openapi: { info: { title: 'test', version: '0' } } });
    errorHandler(app);
    registerLedgerRoutes(app, { ledger: t.ctx.services.ledger });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  it('publishes the verifier key as text and JSON', async () => {
    const text = await app.inject('/.well-known/tdm-reserve/log-key');
    expect(text.statusCode).toBe(200);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(text.body).toBe(`${t.verifierKey}\n`);
    const json = await app.inject('/.well-known/tdm-reserve/log-key.json');
    expect(json.json()).toEqual({ origin: ORIGIN, verifierKey: t.verifierKey, algorithm: 'Ed25519', checkpoint: '/v1/log/checkpoint' });
  });

  it('serves a signed checkpoint of the log', async () => {
    const r = await app.inject('/v1/log/checkpoint');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    const check = verifyCheckpoint(r.body, [parseVerifierKey(t.verifierKey)], { origin: ORIGIN });
    expect(check.ok && check.checkpoint.size).toBe(3);
  });

  it('serves entries and inclusion proofs', async () => {
    const page = (await app.inject('/v1/log/entries?start=0&end=10')).json<{ size: number; entries: { index: number; body: string; leafHash: string }[] }>();
    expect(page.size).toBe(3);
    expect(page.entries.map((e) => e.index)).toEqual([0, 1, 2]);
    const e1 = page.entries[1]!;
    expect(unb64(e1.leafHash)).toEqual(leafHash(Buffer.from(e1.body)));
    for (const q of ['index=1', 'index=1&size=3']) {
      const r = await app.inject(`/v1/log/proof/inclusion?${q}`);
      expect(r.statusCode, q).toBe(200);
      const p = r.json<{ index: number; treeSize: number; proof: string[]; rootHash: string; checkpoint: string }>();
      expect(p.index).toBe(1);
      expect(verifyInclusion({ leafHash: unb64(e1.leafHash), index: 1, treeSize: p.treeSize, proof: p.proof.map(unb64), root: unb64(p.rootHash) })).toEqual({ ok: true });
      expect(p.checkpoint).toMatch(/^test\.tdm-reserve\.example\/log\n3\n/);
    }
    const c = (await app.inject('/v1/log/proof/consistency?from=1&to=3')).json<{ proof: string[]; fromRoot: string; toRoot: string }>();
    expect(verifyConsistency({ size1: 1, size2: 3, proof: c.proof.map(unb64), root1: unb64(c.fromRoot), root2: unb64(c.toRoot) })).toEqual({ ok: true });
  });

  it('serves a proof of reservation that verifies offline', async () => {
    const r = await app.inject('/v1/recordings/FR-Z03-25-00001/proof?at=2026-01-01&use=ai-training');
    expect(r.statusCode).toBe(200);
    const doc = r.json<ReservationProof>();
    expect(doc.uses).toEqual([expect.objectContaining({ use: 'ai-training', status: 'reserved' })]);
    expect(doc.entries.map((e) => (JSON.parse(e.body) as { type: string }).type)).toEqual(['mandate.version', 'lineup.set', 'declaration.created']);
    const check = verifyReservationProof(doc, t.verifierKey);
    expect(check).toMatchObject({ ok: true, isrc: 'FRZ032500001', treeSize: 3 });
    const all = (await app.inject('/v1/recordings/FRZ032500001/proof?at=2026-01-01')).json<ReservationProof>();
    expect(all.uses.map((u) => [u.use, u.status])).toEqual([
      ['ai-training', 'reserved'],
      ['genai-training', 'reserved'],
      ['ai-inference', 'reserved'],
      ['search', 'not-covered'],
    ]);
    expect(verifyReservationProof(all, t.verifierKey).ok).toBe(true);
  });

  it('answers errors as { statusCode, code, message }', async () => {
    const cases: [string, number, string][] = [
      ['/v1/recordings/FRZ032500001/proof?at=2024-12-31', 404, 'LEDGER_RESERVATION_NOT_FOUND'],
      ['/v1/recordings/GBAYC1700598/proof', 404, 'LEDGER_RECORDING_NOT_FOUND'],
      ['/v1/recordings/not-an-isrc/proof', 400, 'REGISTRY_INVALID_ID'],
      ['/v1/recordings/FRZ032500001/proof?at=2025-02-30', 400, 'REGISTRY_INVALID_INPUT'],
      ['/v1/log/entries?start=99', 400, 'LEDGER_RANGE_INVALID'],
      ['/v1/log/proof/inclusion?index=1&size=99', 400, 'LEDGER_RANGE_INVALID'],
      ['/v1/log/proof/inclusion?index=3', 400, 'LEDGER_RANGE_INVALID'],
      ['/v1/log/proof/consistency?from=2&to=1', 400, 'LEDGER_RANGE_INVALID'],
    ];
    for (const [url, status, code] of cases) {
      const r = await app.inject(url);
      expect([r.statusCode, r.json<{ code: string }>().code], url).toEqual([status, code]);
      expect(Object.keys(r.json<object>()).sort()).toEqual(['code', 'message', 'statusCode']);
    }
    expect((await app.inject('/v1/log/entries?start=-1')).statusCode).toBe(400);
    expect((await app.inject('/v1/log/proof/inclusion')).statusCode).toBe(400);
    expect((await app.inject('/v1/log/proof/inclusion?index=x')).statusCode).toBe(400);
  });

  it('documents every route in the OpenAPI document', () => {
    const doc = app.swagger() as { paths: Record<string, { get?: { responses?: Record<string, unknown> } }> };
    for (const path of ['/v1/log/checkpoint', '/v1/log/entries', '/v1/log/proof/inclusion', '/v1/log/proof/consistency', '/v1/recordings/{isrc}/proof', '/.well-known/tdm-reserve/log-key', '/.well-known/tdm-reserve/log-key.json']) {
      expect(doc.paths[path]?.get?.responses, path).toHaveProperty('200');
    }
  });
});
