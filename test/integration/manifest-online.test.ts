/** `check-manifest --service`: rows asked of a running service (POST /v1/check over a socket). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkManifest } from '../../src/checker/manifest-check.js';
import { outcomeJsonl, type RowOutcome } from '../../src/checker/manifest-model.js';
import { ServiceMatcher } from '../../src/checker/manifest-online.js';
import { QUERY_USES } from '../../src/registry/model.js';
import { sqliteTestDb } from '../support/db.js';
import { tdmr } from '../support/cli.js';
import { openEnv, type HttpEnv } from './http-env.js';
import { SEED } from './registry-seed.js';

const AT = '2026-03-01T00:00:00.000Z';
let env: HttpEnv;
let base: string;
let dir: string;

beforeAll(async () => {
  env = await openEnv(sqliteTestDb);
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'tdmr-online-'));
});
afterAll(async () => {
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('check-manifest against the service', () => {
  it('answers each ISRC row as GET /v1/recordings does, in batches, and notes rows without one', async () => {
    const file = join(dir, 'm.csv');
    writeFileSync(
      file,
      [
        'isrc,artist,title',
        `${SEED.reserved},a,b`,
        `${SEED.notCovered},,`,
        `${SEED.absent},,`,
        'nope,,',
        ',Zaz,Je veux',
        `${SEED.noLineup},,`,
      ].join('\n'),
    );
    let text = '';
    const summary = await checkManifest(file, {
      matcher: new ServiceMatcher({ url: base, at: AT }),
      batchSize: 2,
      sink: {
        format: outcomeJsonl,
        writeText: (t) => Promise.resolve(void (text += String(t))),
        close: () => Promise.resolve(),
      },
    });
    const rows = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RowOutcome);
    expect(rows.map((r) => [r.line, r.method])).toEqual([
      [2, 'isrc'],
      [3, 'isrc'],
      [4, 'none'],
      [5, 'error'],
      [6, 'none'],
      [7, 'isrc'],
    ]);
    for (const r of rows.filter((o) => o.method === 'isrc')) {
      const want = await env.ctx.services.registry.status(r.isrc as string, { at: AT });
      for (const u of QUERY_USES) expect(r.uses?.[u]).toBe(want.uses.find((x) => x.use === u)?.status);
      expect(r.evidence.source).toBe('registry-service');
    }
    expect(rows[0]!.reserved).toBe(true);
    expect(rows[4]!.evidence.note).toMatch(/offline only/);
    expect(summary).toMatchObject({ rows: 6, reserved: 1, errors: 1 });
  });

  it('sends the caller’s API key: the service answers licensed where its licences cover', async () => {
    const svc = env.ctx.services.licensing;
    const org = await svc.createOrganisation('Acme AI');
    const acct = await svc.createAccount({ name: 'Dev', role: 'licensee', organisationId: org.id });
    const { key } = await svc.issueKey(acct.id, ['lookup']);
    // A licence as the desk stores it once active (the workflow itself is tested in licensing-store.test.ts).
    await env.ctx.stores.licensing.insertRequest({ id: 'lr-online', organisationId: org.id, terms: {} as never, state: 'active', offer: null, createdAt: AT, updatedAt: AT });
    await env.ctx.stores.licensing.insertLicence({
      id: 'lic-online',
      licensee: org.id,
      request: 'lr-online',
      terms: { uses: ['genai-training'], repertoire: { kind: 'all' }, media: ['sound', 'audiovisual'], territories: ['WORLD'], from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', product: 'X' },
      tariff: { id: 't', version: 1 },
      issuedAt: AT,
      terminatedAt: null,
      document: '{}',
      signature: 'x.y.z',
    });
    const file = join(dir, 'lic.csv');
    writeFileSync(file, `isrc\n${SEED.reserved}\n`);
    const mine = await tdmr('check-manifest', file, '--service', base, '--at', AT, '--api-key', key, '--out', join(dir, 'lic.jsonl'), '--json');
    const pub = await tdmr('check-manifest', file, '--service', base, '--at', AT, '--out', join(dir, 'pub.jsonl'), '--json');
    expect(mine.err).toBe('');
    const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8').trim()) as RowOutcome;
    expect(read('lic.jsonl').uses?.['genai-training']).toBe('licensed');
    expect(read('pub.jsonl').uses?.['genai-training']).toBe('reserved');
    expect(read('lic.jsonl').uses?.['ai-training']).toBe('reserved');
    expect(mine.code).toBe(1);
    expect(pub.code).toBe(1);
    const bad = await tdmr('check-manifest', file, '--service', base, '--api-key', 'tdmr_nope', '--json');
    expect(bad.json()).toMatchObject({ error: { code: 'CHECK_SERVICE_FAILED' } });
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('401');
  });

  it('is CHECK_SERVICE_FAILED when the service cannot be reached, CHECK_INVALID_URL for a bad URL', async () => {
    const file = join(dir, 'one.csv');
    writeFileSync(file, `isrc\n${SEED.reserved}\n`);
    const down = await tdmr('check-manifest', file, '--service', 'http://127.0.0.1:1', '--json');
    expect(down.code).toBe(3);
    expect(down.json()).toMatchObject({ error: { code: 'CHECK_SERVICE_FAILED' } });
    const bad = await tdmr('check-manifest', file, '--service', 'ftp://x');
    expect(bad.code).toBe(2);
    const ok = await tdmr('check-manifest', file, '--service', base, '--at', AT, '--json');
    expect(ok.code).toBe(1);
    expect(ok.json()).toMatchObject({ rows: 1, reserved: 1, path: 'general' });
  });
});
