/** A few requests over a real socket: what `inject()` cannot show (HTTP framing, keep-alive, concurrency). */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteTestDb } from '../support/db.js';
import { asJson, expandedStatus, openEnv, type HttpEnv } from './http-env.js';
import { SEED } from './registry-seed.js';

const AT = '2026-03-01T00:00:00.000Z';
let env: HttpEnv;
let base: string;

beforeAll(async () => {
  env = await openEnv(sqliteTestDb);
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => env.close());

describe('HTTP over a socket', () => {
  it('answers many concurrent lookups, each as the service does', async () => {
    const keys = [SEED.reserved, SEED.notCovered, SEED.absent, SEED.franceOnly, SEED.ended];
    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const key = keys[i % keys.length] as string;
        const res = await fetch(`${base}/v1/recordings/${key}?at=${AT}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        const body = (await res.json()) as Parameters<typeof expandedStatus>[0];
        expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(JSON.stringify(body)));
        return { key, body };
      }),
    );
    for (const { key, body } of answers)
      expect(expandedStatus(body)).toEqual(asJson(await env.ctx.services.registry.status(key, { at: AT })));
  });

  it('checks a batch posted as JSON', async () => {
    const res = await fetch(`${base}/v1/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [SEED.reserved, 'bad', SEED.absent], at: AT }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { summary: unknown };
    expect(body.summary).toEqual({ reserved: 1, notCovered: 0, unknown: 1, invalid: 1 });
  });

  it('sends the error body with the status, and sees a write on the next request', async () => {
    const bad = await fetch(`${base}/v1/recordings/nope`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ statusCode: 400, code: 'REGISTRY_INVALID_ID' });
    const url = `${base}/v1/recordings/${SEED.notCovered}?at=${AT}&use=ai-training`;
    expect(((await (await fetch(url)).json()) as { status: string }).status).toBe('not-covered');
    await env.ctx.services.registry.addMandate({
      performerId: env.seeded.performers.paul,
      legalBasis: 'statutory',
      validFrom: '2020-01-01',
    });
    expect(((await (await fetch(url)).json()) as { status: string }).status).toBe('reserved');
  });
});
