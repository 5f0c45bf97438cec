import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toConfig } from '../../src/config/config.js';
import { createContext } from '../../src/context.js';
import { tdmr } from '../support/cli.js';
import { sqliteTestDb, type TestDb } from '../support/db.js';

describe('tdmr registry commands', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = sqliteTestDb();
    const ctx = await createContext(toConfig({ databaseUrl: db.url }));
    const reg = ctx.services.registry;
    const p = await reg.addPerformer({ displayName: 'Jeanne Émile', isni: '000000012281955X', memberNo: 'M-1' });
    await reg.addMandate({ performerId: p.id, legalBasis: 'statutory', validFrom: '2024-01-01' });
    await reg.addRecording({ kind: 'sound', isrc: 'FRZ032500001', title: 'La Mer', displayArtist: 'Jeanne Émile' }, [
      { performerId: p.id, role: 'LeadVocalist', instrument: null, featured: true, position: 1 },
    ]);
    await reg.declare({ issuer: 'CMO', effectiveFrom: '2025-01-01' });
    await ctx.close();
  });
  afterAll(async () => db.dispose());

  it('init creates or migrates and reports counts', async () => {
    const r = await tdmr('--db', db.url, 'init', '--json');
    expect(r.code).toBe(0);
    expect(r.json<{ counts: { recordings: number } }>().counts.recordings).toBe(1);
  });

  it('id check: exit 0 when all valid, 1 when one is not, JSON per value', async () => {
    const ok = await tdmr('id', 'check', 'FR-Z03-25-00001', 'ISNI 0000 0001 2281 955X', '--json');
    expect(ok.code).toBe(0);
    expect(ok.json<{ kind: string; normalized: string }[]>().map((x) => [x.kind, x.normalized])).toEqual([
      ['isrc', 'FRZ032500001'],
      ['isni', '000000012281955X'],
    ]);
    const bad = await tdmr('id', 'check', '0000000081266408');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/invalid ISNI.*check character should be 9/);
  });

  it('status: exit 0 reserved, 1 not, 2 bad input; reasons printed', async () => {
    const r = await tdmr('--db', db.url, 'status', 'FRZ032500001', '--at', '2025-06-01', '--use', 'ai-training');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/RESERVED/);
    expect(r.out).toMatch(/MANDATE_IN_FORCE: Jeanne Émile/);
    const before = await tdmr('--db', db.url, 'status', 'FRZ032500001', '--at', '2024-06-01', '--json');
    expect(before.code).toBe(1);
    expect(before.json<{ status: string }>().status).toBe('not-covered');
    const invalid = await tdmr('--db', db.url, 'status', 'nonsense', '--json');
    expect(invalid.code).toBe(2);
    expect(invalid.json<{ error: { code: string } }>().error.code).toBe('REGISTRY_INVALID_ID');
    const badUse = await tdmr('--db', db.url, 'status', 'FRZ032500001', '--use', 'painting');
    expect(badUse.code).toBe(2);
    const badDate = await tdmr('--db', db.url, 'status', 'FRZ032500001', '--at', '2025-02-30');
    expect(badDate.code).toBe(2);
    expect(badDate.err).toMatch(/at: not an ISO-8601 date/);
  });

  it('performer show and recording show', async () => {
    const p = await tdmr('--db', db.url, 'performer', 'show', '0000 0001 2281 955X', '--json');
    expect(p.code).toBe(0);
    expect(p.json<{ mandates: unknown[]; recordings: unknown[] }>()).toMatchObject({ mandates: [{ version: 1 }], recordings: [{ isrc: 'FRZ032500001' }] });
    const r = await tdmr('--db', db.url, 'recording', 'show', 'FR-Z03-25-00001');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1\. Jeanne Émile — LeadVocalist featured/);
    const missing = await tdmr('--db', db.url, 'recording', 'show', 'GBAYC1700598');
    expect(missing.code).toBe(2);
  });

  it('every command has --help; unknown commands are usage errors', async () => {
    for (const argv of [['init'], ['id', 'check'], ['status'], ['performer', 'show'], ['recording', 'show']]) {
      const r = await tdmr(...argv, '--help');
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.out).toMatch(/Usage: tdmr/);
    }
    expect((await tdmr('frobnicate')).code).toBe(2);
  });
});
