/** When the service signs checkpoints: at most every N seconds when the log grew, and on a timer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileLogKeys } from '../../src/ledger/key-file.js';
import { LedgerService } from '../../src/ledger/service.js';
import { KyselyAuditSource } from '../../src/ledger/store-kysely-audit.js';
import { sqliteTestDb } from '../support/db.js';
import { ledgerContext, ORIGIN, type LedgerTestContext } from '../support/ledger.js';

const entry = (i: number) => ({ type: 'test.event', at: new Date(Date.UTC(2025, 0, 1) + i).toISOString(), data: { i } });

describe('checkpoint signing', () => {
  let t: LedgerTestContext;
  let clock = Date.parse('2026-01-01T00:00:00.000Z');
  const service = (everyMs: number) =>
    new LedgerService({
      store: t.ctx.stores.ledger,
      audit: new KyselyAuditSource(t.ctx.db.kysely),
      keys: fileLogKeys(t.keyFile),
      origin: ORIGIN,
      findRecording: () => Promise.resolve(null),
      checkpointEveryMs: everyMs,
      now: () => new Date(clock),
    });
  beforeAll(async () => {
    t = await ledgerContext(sqliteTestDb);
  });
  afterAll(async () => t?.dispose());

  it('publishes the latest checkpoint until the log has grown and the interval has passed', async () => {
    const svc = service(60_000);
    await svc.append([entry(0)]);
    expect((await svc.currentCheckpoint()).size).toBe(1);
    await svc.append([entry(1), entry(2)]);
    clock += 30_000;
    expect((await svc.currentCheckpoint()).size).toBe(1); // grown, but signed 30 s ago
    clock += 31_000;
    expect((await svc.currentCheckpoint()).size).toBe(3);
    clock += 120_000;
    const same = await svc.currentCheckpoint(); // old, but nothing new to sign
    expect(same.size).toBe(3);
    expect(same.createdAt).toBe(new Date(clock - 120_000).toISOString());
  });

  it('signs on a timer while the log grows, and stops when aborted', async () => {
    const svc = service(20);
    await svc.append([entry(3), entry(4)]);
    clock += 60_000;
    const abort = new AbortController();
    const errors: unknown[] = [];
    const running = svc.runCheckpointer(abort.signal, (e) => errors.push(e));
    for (let i = 0; i < 100 && (await t.ctx.stores.ledger.latestCheckpoint())!.size < 5; i++) await new Promise((r) => setTimeout(r, 20));
    abort.abort();
    await running;
    expect((await t.ctx.stores.ledger.latestCheckpoint())!.size).toBe(5);
    expect(errors).toEqual([]);
  });
});
