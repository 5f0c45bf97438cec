/** The dashboard's whole-registry aggregates computed on a worker thread give what the service's thread gives. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { KyselyRegistryViews } from '../../src/registry/store-kysely-views.js';
import { OffThreadRegistryViews } from '../../src/registry/views-offthread.js';
import { freshContext, sqliteTestDb } from '../support/db.js';
import type { Context } from '../../src/context.js';

const worker = {
  workerUrl: new URL('../../src/registry/views-worker.ts', import.meta.url),
  execArgv: ['--import', new URL('../support/ts-register.mjs', import.meta.url).href],
};

describe('registry views off the service thread (SQLite)', () => {
  let t: { ctx: Context; dispose: () => Promise<void> };
  let path: string;
  beforeAll(async () => {
    t = await freshContext(sqliteTestDb);
    await seedDemo(t.ctx.db, t.ctx.services.registry, { scale: 300, seed: 'views' });
    if (t.ctx.db.kind !== 'sqlite') throw new Error('SQLite expected');
    path = t.ctx.db.path;
  });
  afterAll(async () => t?.dispose());

  it('answers reserved recordings by month as the in-thread query does', async () => {
    const inThread = new KyselyRegistryViews(t.ctx.db.kysely);
    const views = new OffThreadRegistryViews(inThread, { dbPath: path, ...worker });
    try {
      expect(views.offThread).toBe(true);
      const want = await inThread.reservedByMonth();
      expect(want.length).toBeGreaterThan(0);
      expect(await views.reservedByMonth()).toEqual(want);
      // The worker is reused, and still answers after the first job.
      expect(await views.reservedByMonth()).toEqual(want);
      expect(await views.performersPage({ membersOnly: true, cursor: null, limit: 5 })).toEqual(await inThread.performersPage({ membersOnly: true, cursor: null, limit: 5 }));
    } finally {
      await views.close();
    }
  });

  it('rejects, naming the worker, when the database cannot be opened', async () => {
    const inThread = new KyselyRegistryViews(t.ctx.db.kysely);
    const broken = new OffThreadRegistryViews(inThread, { dbPath: `${path}.absent/none.db`, ...worker });
    try {
      await expect(broken.reservedByMonth()).rejects.toThrow(/registry views worker/);
    } finally {
      await broken.close();
    }
  });

  it('runs in the thread when there is no compiled worker to load', async () => {
    const inThread = new KyselyRegistryViews(t.ctx.db.kysely);
    const views = new OffThreadRegistryViews(inThread, { dbPath: path });
    expect(views.offThread).toBe(false);
    expect(await views.reservedByMonth()).toEqual(await inThread.reservedByMonth());
  });
});
