/**
 * The check workers (src/server/check-pool.ts) on their own: answers equal to the inline path byte for
 * byte, a fresh snapshot per batch (a commit made before a batch is seen by it), concurrent batches on
 * several workers, and a worker that dies is replaced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { openStatusLookup } from '../../src/registry/status-lookup.js';
import { checkAnswerBytes, type CheckRequest } from '../../src/server/check-answer.js';
import { CheckPool } from '../../src/server/check-pool.js';
import { freshContext, sqliteTestDb } from '../support/db.js';
import { SEED, seedRegistry, type Seeded } from './registry-seed.js';
import { parseTerms, type Licence } from '../../src/licensing/model.js';
import { licensedCheckBytes } from '../../src/server/licensed-check.js';

const worker = {
  workerUrl: new URL('../../src/server/check-worker.ts', import.meta.url),
  execArgv: ['--import', new URL('../support/ts-register.mjs', import.meta.url).href],
};
const AT = '2026-03-01T00:00:00.000Z';

describe('check workers', () => {
  let ctx: Context;
  let dispose: () => Promise<void>;
  let pool: CheckPool;
  let seeded: Seeded;
  beforeAll(async () => {
    const fresh = await freshContext(sqliteTestDb);
    ctx = fresh.ctx;
    dispose = () => fresh.dispose();
    seeded = await seedRegistry(ctx.services.registry);
    if (ctx.db.kind !== 'sqlite') throw new Error('SQLite expected');
    pool = CheckPool.start({ dbPath: ctx.db.path, size: 2, ...worker });
  });
  afterAll(async () => {
    await pool.close();
    await dispose();
  });

  const inline = async (request: CheckRequest): Promise<string> => {
    const opened = openStatusLookup(ctx.db, ctx.stores.registry);
    try {
      return (await checkAnswerBytes(opened.lookup, request)).toString('utf8');
    } finally {
      opened.close();
    }
  };

  it('answers exactly what the inline path answers, for both details', async () => {
    const items = [...Object.values(SEED), 'not an isrc', 'fr-z03-25-00001'];
    for (const request of [
      { items, detail: 'full', at: AT },
      { items, detail: 'status', at: AT, use: 'ai-training' },
      { items, detail: 'full', at: '2024-01-01', territory: 'FR' },
    ] as CheckRequest[]) {
      const bytes = await pool.run(request);
      expect(bytes.toString('utf8')).toBe(await inline(request));
      expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ count: items.length });
    }
  });

  it("answers a licensee's batch as the service's thread does: licensed where its licences cover", async () => {
    const licence = (id: string, terms: unknown): Licence => ({
      id,
      licensee: 'org-1',
      request: `req-${id}`,
      terms: parseTerms(terms, 'test'),
      tariff: { id: 't', version: 1 },
      issuedAt: '2026-01-01T00:00:00.000Z',
      terminatedAt: null,
    });
    const term = { from: '2026-01-01', to: '2027-01-01', product: 'Model' };
    const licences = [
      licence('all-training', { uses: ['ai-training'], repertoire: { kind: 'all' }, ...term }),
      licence('jeanne-inference', { uses: ['ai-inference'], repertoire: { kind: 'performers', performerIds: [seeded.performers.jeanne] }, ...term }),
    ];
    const holder = {
      lineup: async (r: { isrc: string | null }) => [...new Set((await ctx.services.registry.recording(r.isrc as string)).lineup.map((e) => e.performerId))],
    };
    const items = [...Object.values(SEED), 'not an isrc'];
    for (const request of [
      { items, detail: 'full', at: AT },
      { items, detail: 'status', at: AT },
    ] as CheckRequest[]) {
      const opened = openStatusLookup(ctx.db, ctx.stores.registry);
      const want = (await licensedCheckBytes(opened.lookup, request, licences, holder)).toString('utf8');
      opened.close();
      const got = (await pool.run(request, licences)).toString('utf8');
      expect(got).toBe(want);
      const body = JSON.parse(got) as { items: { input: string; uses?: Record<string, { status: string }> }[] };
      const reserved = body.items.find((i) => i.input === SEED.reserved);
      expect(reserved?.uses?.['ai-training']?.status).toBe('licensed');
      expect(reserved?.uses?.['ai-inference']?.status).toBe('licensed');
      // Everyone else still gets the public answer from the same workers.
      const publicAnswer = (await pool.run(request)).toString('utf8');
      expect(publicAnswer).not.toContain('"licensed"');
      expect(publicAnswer).toContain('"reserved"');
    }
  });

  it('closing lets the batches in flight finish, then refuses new ones', async () => {
    if (ctx.db.kind !== 'sqlite') throw new Error('SQLite expected');
    const own = CheckPool.start({ dbPath: ctx.db.path, size: 1, ...worker });
    const request = { items: Object.values(SEED), detail: 'full', at: AT } as CheckRequest;
    const inFlight = own.run(request);
    const closed = own.close();
    await expect(own.run(request)).rejects.toThrow(/closed/);
    expect((await inFlight).toString('utf8')).toBe(await inline(request));
    await closed;
  });

  it('answers concurrent batches, each item in order', async () => {
    const batches = Array.from({ length: 8 }, (_, i) => ({
      items: i % 2 === 0 ? [SEED.reserved, SEED.absent] : [SEED.absent, SEED.reserved],
      detail: 'status' as const,
      at: AT,
    }));
    const answers = await Promise.all(batches.map((b) => pool.run(b)));
    answers.forEach((a, i) => {
      const body = JSON.parse(a.toString('utf8')) as { items: { input: string; status: string }[] };
      expect(body.items.map((x) => x.input)).toEqual(batches[i]!.items);
    });
  });

  it('sees a commit made before the batch (one fresh snapshot per batch)', async () => {
    const status = async () =>
      (JSON.parse((await pool.run({ items: [SEED.reserved], detail: 'status' })).toString('utf8')) as {
        items: { status: string }[];
      }).items[0]!.status;
    expect(await status()).toBe('reserved');
    for (const d of await ctx.services.registry.declarations()) {
      if (d.withdrawnAt === null) await ctx.services.registry.withdrawDeclaration(d.id, '2020-01-01T00:00:00.000Z');
    }
    expect(await status()).toBe('not-covered');
  });

  it('reports a worker that cannot start, and refuses work once closed', async () => {
    const broken = CheckPool.start({ dbPath: '/nonexistent/dir/reserve.db', size: 1, ...worker });
    await expect(broken.run({ items: [SEED.reserved], detail: 'status' })).rejects.toThrow(/check worker/);
    await broken.close();
    await expect(broken.run({ items: [SEED.reserved], detail: 'status' })).rejects.toThrow(/closed/);
  });
});
