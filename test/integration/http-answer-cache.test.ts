/**
 * The answers `GET /v1/recordings/{ISRC}` keeps (src/server/answer-cache.ts) must be the answers a
 * lookup would give at the instant of the request, on the fast path and through Fastify, and must go
 * the moment the registry changes.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { buildApp } from '../../src/server/app.js';
import { freshContext, sqliteTestDb } from '../support/db.js';
import { SEED, seedRegistry, type Seeded } from './registry-seed.js';

let ctx: Context;
let seeded: Seeded;
let cached: FastifyInstance;
let uncached: FastifyInstance;
let base: string;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshContext(sqliteTestDb);
  ctx = fresh.ctx;
  seeded = await seedRegistry(ctx.services.registry);
  cached = buildApp(ctx, { web: false });
  uncached = buildApp(ctx, { web: false, answerCacheBytes: 0 });
  await cached.listen({ port: 0, host: '127.0.0.1' });
  await uncached.ready();
  base = `http://127.0.0.1:${(cached.server.address() as AddressInfo).port}`;
  dispose = async () => {
    await cached.close();
    await uncached.close();
    await fresh.dispose();
  };
});
afterAll(async () => dispose());

interface Answer {
  at: string;
  status: string;
  [k: string]: unknown;
}

const overSocket = async (isrc: string): Promise<{ text: string; body: Answer }> => {
  const res = await fetch(`${base}/v1/recordings/${isrc}`);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { text, body: JSON.parse(text) as Answer };
};
const throughFastify = async (app: FastifyInstance, isrc: string): Promise<{ text: string; body: Answer }> => {
  const res = await app.inject({ method: 'GET', url: `/v1/recordings/${isrc}` });
  expect(res.statusCode).toBe(200);
  return { text: res.body, body: res.json<Answer>() };
};
/** The fresh answer's text with the kept one's instant: what the kept answer must be, byte for byte. */
const withInstant = (text: string, at: string): string => text.replace(/"at":"[^"]+"/, `"at":"${at}"`);

describe('kept answers of GET /v1/recordings/{ISRC}', () => {
  const isrcs = [SEED.reserved, SEED.notCovered, SEED.noLineup, SEED.franceOnly, SEED.ended, SEED.absent];

  it('are the answers a lookup gives at the instant of the request', async () => {
    for (const isrc of isrcs) {
      for (let round = 0; round < 3; round++) {
        const before = Date.now();
        const viaSocket = await overSocket(isrc);
        const viaRoute = await throughFastify(cached, isrc);
        const fresh = await throughFastify(uncached, isrc);
        // Each answer is of its own instant, not of the one it was first worked out at.
        expect(Date.parse(viaSocket.body.at)).toBeGreaterThanOrEqual(before);
        expect(Date.parse(viaRoute.body.at)).toBeGreaterThanOrEqual(Date.parse(viaSocket.body.at));
        expect(viaSocket.text, isrc).toBe(withInstant(fresh.text, viaSocket.body.at));
        expect(viaRoute.text, isrc).toBe(withInstant(fresh.text, viaRoute.body.at));
      }
    }
  });

  it('give way to the new answer as soon as a mandate changes', async () => {
    expect((await overSocket(SEED.notCovered)).body.status).toBe('not-covered');
    expect((await throughFastify(cached, SEED.notCovered)).body.status).toBe('not-covered');
    const mandate = await ctx.services.registry.addMandate({
      performerId: seeded.performers.paul,
      legalBasis: 'express',
      validFrom: '2020-01-01',
    });
    expect((await overSocket(SEED.notCovered)).body.status).toBe('reserved');
    expect((await throughFastify(cached, SEED.notCovered)).body.status).toBe('reserved');
    await ctx.services.registry.withdrawMandate(mandate.mandateId, '2021-01-01');
    const after = await overSocket(SEED.notCovered);
    expect(after.body.status).toBe('not-covered');
    expect(after.text).toBe(withInstant((await throughFastify(uncached, SEED.notCovered)).text, after.body.at));
  });

  it('are not used for another question or a licensee', async () => {
    const res = await cached.inject({ method: 'GET', url: `/v1/recordings/${SEED.franceOnly}?territory=DE` });
    const fresh = await uncached.inject({ method: 'GET', url: `/v1/recordings/${SEED.franceOnly}?territory=DE` });
    expect(res.json<Answer>().territory).toBe('DE');
    expect(res.body).toBe(withInstant(fresh.body, res.json<Answer>().at));
    const keyed = await cached.inject({
      method: 'GET',
      url: `/v1/recordings/${SEED.reserved}`,
      headers: { authorization: 'Bearer not-a-key' },
    });
    expect(keyed.statusCode).toBe(401);
  });
});
