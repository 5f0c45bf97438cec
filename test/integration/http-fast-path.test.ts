/**
 * `GET /v1/recordings/{ISRC}` answered in front of Fastify (src/server/fast-status.ts) must be the Fastify
 * route's answer, byte for byte, headers included; everything else must still reach Fastify.
 */
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { freshContext, sqliteTestDb } from '../support/db.js';
import { SEED, seedRegistry } from './registry-seed.js';

interface Raw {
  status: number;
  headers: string[];
  body: Buffer;
}

/** One request on its own connection, with the raw header list (names and order as sent). */
function get(base: string, path: string, method = 'GET', agent: Agent | false = false): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    // The path as given (a URL would drop a bare `?`).
    const req = httpRequest({ hostname, port, path, method, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.rawHeaders, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The answer's own instant (`at`, the time of the request) and the Date header are the only parts that may differ. */
const stable = (r: Raw): { status: number; headers: string[]; body: string } => ({
  status: r.status,
  headers: r.headers.map((v, i) => (r.headers[i - 1]?.toLowerCase() === 'date' ? '<date>' : v)),
  body: r.body.toString('utf8').replace(/"at":"[^"]+"/, '"at":"<now>"'),
});

let app: FastifyInstance;
let base: string;
let dispose: () => Promise<void>;
/** Requests Fastify saw: the fast path must not add to it. */
let fastifySaw = 0;

beforeAll(async () => {
  const fresh = await freshContext(sqliteTestDb);
  await seedRegistry(fresh.ctx.services.registry);
  app = buildApp(fresh.ctx);
  app.addHook('onRequest', (_req, _reply, done) => {
    fastifySaw += 1;
    done();
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  dispose = async () => {
    await app.close();
    await fresh.dispose();
  };
});
afterAll(async () => dispose());

describe('the fast path of GET /v1/recordings/{ISRC}', () => {
  it('answers a canonical ISRC without Fastify, as Fastify would', async () => {
    for (const isrc of [SEED.reserved, SEED.notCovered, SEED.absent, SEED.franceOnly, SEED.ended]) {
      const before = fastifySaw;
      const fast = await get(base, `/v1/recordings/${isrc}`);
      expect(fastifySaw, 'the fast path answered').toBe(before);
      // A bare `?` is the same question with an (empty) query: the fast path leaves it to Fastify.
      const routed = await get(base, `/v1/recordings/${isrc}?`);
      expect(fastifySaw, 'Fastify answered').toBe(before + 1);
      expect(fast.status).toBe(200);
      expect(stable(fast)).toEqual(stable(routed));
      const names = fast.headers.filter((_, i) => i % 2 === 0).map((h) => h.toLowerCase());
      expect(names).toEqual(
        expect.arrayContaining(['content-type', 'content-length', 'tdm-reservation', 'date']),
      );
      expect(
        Number(
          fast.headers[
            fast.headers.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === 'content-length') + 1
          ],
        ),
      ).toBe(fast.body.length);
    }
  });

  it('leaves other spellings, methods, queries and paths to Fastify', async () => {
    for (const [method, path] of [
      ['GET', `/v1/recordings/${SEED.reserved.toLowerCase()}`],
      ['GET', `/v1/recordings/${SEED.reserved}?use=ai-training`],
      ['HEAD', `/v1/recordings/${SEED.reserved}`],
      ['GET', `/v1/recordings/${SEED.reserved}/proof`],
      ['GET', '/v1/recordings/nope'],
      ['POST', `/v1/recordings/${SEED.reserved}`],
    ] as const) {
      const before = fastifySaw;
      const res = await get(base, path, method);
      expect(fastifySaw, `${method} ${path}`).toBe(before + 1);
      expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(200);
    }
    const lower = await get(base, `/v1/recordings/${SEED.reserved.toLowerCase()}`);
    expect((JSON.parse(lower.body.toString()) as { status: string }).status).toBe('reserved');
    const bad = await get(base, '/v1/recordings/nope');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString())).toMatchObject({ code: 'REGISTRY_INVALID_ID' });
  });

  it('keeps connections alive for as long as Fastify does', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const fast = await get(base, `/v1/recordings/${SEED.reserved}`, 'GET', agent);
    const routed = await get(base, `/v1/recordings/${SEED.reserved}?`, 'GET', agent);
    agent.destroy();
    const keepAlive = (r: Raw): string | undefined =>
      r.headers[r.headers.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === 'keep-alive') + 1];
    expect(keepAlive(fast)).toMatch(/^timeout=\d+$/);
    expect(keepAlive(fast)).toBe(keepAlive(routed));
    expect(app.server.keepAliveTimeout).toBe(app.initialConfig.keepAliveTimeout);
  });
});

describe('the fast path is off', () => {
  it('when per-request logs are on: every lookup reaches Fastify and is logged', async () => {
    const fresh = await freshContext(sqliteTestDb);
    await seedRegistry(fresh.ctx.services.registry);
    const lines: string[] = [];
    const logged = buildApp(fresh.ctx, {
      logLevel: 'info',
      logStream: { write: (l: string) => void lines.push(l) },
    });
    try {
      await logged.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(logged.server.address() as AddressInfo).port}`;
      const res = await get(url, `/v1/recordings/${SEED.reserved}`);
      expect(res.status).toBe(200);
      expect(lines.some((l) => l.includes(`/v1/recordings/${SEED.reserved}`))).toBe(true);
    } finally {
      await logged.close();
      await fresh.dispose();
    }
  });
});
