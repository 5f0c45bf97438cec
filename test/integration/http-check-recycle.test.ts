/**
 * Large batch answers from the check workers go over the socket whole, while the memory of each goes
 * back to its worker once sent (CheckPool.recycle): concurrent batches, round after round, must each
 * come out as the answer the service's own thread gives.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { CheckPool } from '../../src/server/check-pool.js';
import { freshContext, sqliteTestDb } from '../support/db.js';
import { SEED, seedRegistry } from './registry-seed.js';

const checkWorker = {
  url: new URL('../../src/server/check-worker.ts', import.meta.url),
  execArgv: ['--import', new URL('../support/ts-register.mjs', import.meta.url).href],
};
// The default question, so the workers answer from kept items into memory they get back.
const items = Array.from(
  { length: 10_000 },
  (_, i) => Object.values(SEED)[i % Object.values(SEED).length] as string,
);
// Two different batches, in turn: an answer overwritten by the next one while being sent would show.
const bodies = [JSON.stringify({ items }), JSON.stringify({ items: [...items].reverse() })];
const sameInstant = (text: string): string => text.replace(/"at":"[^"]+"/, '"at":"-"');

let pooled: FastifyInstance;
let inline: FastifyInstance;
let base: string;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshContext(sqliteTestDb);
  await seedRegistry(fresh.ctx.services.registry);
  pooled = buildApp(fresh.ctx, { web: false, checkWorkers: 2, checkWorker });
  inline = buildApp(fresh.ctx, { web: false, answerCacheBytes: 0 });
  await pooled.listen({ port: 0, host: '127.0.0.1' });
  await inline.ready();
  base = `http://127.0.0.1:${(pooled.server.address() as AddressInfo).port}`;
  dispose = async () => {
    await pooled.close();
    await inline.close();
    await fresh.dispose();
  };
});
afterAll(async () => dispose());

describe('batch answers whose memory goes back to the workers', () => {
  it('are whole and right, batch after batch, several at once', async () => {
    const expected: string[] = [];
    for (const payload of bodies) {
      const res = await inline.inject({ method: 'POST', url: '/v1/check', payload, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(200);
      expected.push(sameInstant(res.body));
    }
    // Large enough to be given back, and more than a socket takes at once.
    expect(Buffer.byteLength(expected[0] as string)).toBeGreaterThan(1 << 22);
    for (let round = 0; round < 3; round++) {
      const texts = await Promise.all(
        Array.from({ length: 4 }, async (_, i) => {
          const r = await fetch(`${base}/v1/check`, { method: 'POST', body: bodies[i % 2], headers: { 'content-type': 'application/json' } });
          expect(r.status).toBe(200);
          return r.text();
        }),
      );
      texts.forEach((t, i) => expect(sameInstant(t) === expected[i % 2]).toBe(true));
    }
  });
});

describe('CheckPool.recycle', () => {
  it('takes the memory of a large answer from this thread, and leaves others alone', async () => {
    const fresh = await freshContext(sqliteTestDb);
    try {
      await seedRegistry(fresh.ctx.services.registry);
      if (fresh.ctx.db.kind !== 'sqlite') throw new Error('SQLite expected');
      const pool = CheckPool.start({
        dbPath: fresh.ctx.db.path,
        size: 1,
        keptBytes: 1 << 24,
        workerUrl: checkWorker.url,
        execArgv: checkWorker.execArgv,
      });
      try {
        // Written into memory of its own size, too small to be worth giving back.
        const small = await pool.run({ items: [SEED.reserved], detail: 'full' });
        pool.recycle(small);
        expect(small.length).toBeGreaterThan(0);
        const large = await pool.run({ items, detail: 'full' });
        const text = sameInstant(large.toString('utf8'));
        pool.recycle(large);
        // Transferred to the worker: nothing of it is left here.
        expect(large.length).toBe(0);
        const elsewhere = Buffer.alloc(1 << 17);
        pool.recycle(elsewhere);
        expect(elsewhere.length).toBe(1 << 17);
        // The next answers are written over the memory given back, and are whole.
        for (let i = 0; i < 3; i++) {
          const again = await pool.run({ items, detail: 'full' });
          expect(sameInstant(again.toString('utf8'))).toBe(text);
          pool.recycle(again);
        }
      } finally {
        await pool.close();
      }
    } finally {
      await fresh.dispose();
    }
  });
});
