/** `tdmr init` (key creation), `tdmr ledger key|checkpoint|proof` and `tdmr verify-proof`, in-process. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toConfig } from '../../src/config/config.js';
import { createContext } from '../../src/context.js';
import { verifyCheckpoint } from '../../src/ledger/checkpoint.js';
import { generateNoteKey, parseVerifierKey } from '../../src/ledger/note-keys.js';
import type { ReservationProof } from '../../src/ledger/reservation-proof.js';
import { tdmr } from '../support/cli.js';
import { sqliteTestDb, type TestDb } from '../support/db.js';
import { seedReserved } from '../support/ledger.js';

const ORIGIN = 'cli.tdm-reserve.example/log';

describe('tdmr ledger commands', () => {
  let db: TestDb;
  let dir: string;
  let keyFile: string;
  const saved = { key: process.env.TDMR_LOG_KEY_FILE, origin: process.env.TDMR_LOG_ORIGIN };
  beforeAll(() => {
    db = sqliteTestDb();
    dir = mkdtempSync(join(tmpdir(), 'tdmr-cli-ledger-'));
    keyFile = join(dir, 'keys', 'log-signer.key');
    process.env.TDMR_LOG_KEY_FILE = keyFile;
    process.env.TDMR_LOG_ORIGIN = ORIGIN;
  });
  afterAll(async () => {
    process.env.TDMR_LOG_KEY_FILE = saved.key;
    process.env.TDMR_LOG_ORIGIN = saved.origin;
    await db.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('init creates the signer key once, mode 0600, and prints the verifier key', async () => {
    const first = await tdmr('--db', db.url, 'init', '--json');
    expect(first.code).toBe(0);
    const log = first.json<{ log: { created: boolean; verifierKey: string; origin: string } }>().log;
    expect(log).toMatchObject({ created: true, origin: ORIGIN });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^PRIVATE\+KEY\+cli\.tdm-reserve\.example\/log\+[0-9a-f]{8}\+/);
    const again = await tdmr('--db', db.url, 'init', '--json');
    expect(again.json<{ log: { created: boolean; verifierKey: string } }>().log).toEqual({ ...log, created: false });
    const key = await tdmr('--db', db.url, 'ledger', 'key');
    expect(key.code).toBe(0);
    expect(key.out.trim()).toBe(log.verifierKey);
    expect(parseVerifierKey(key.out.trim()).name).toBe(ORIGIN);
  });

  it('signs a checkpoint on demand', async () => {
    const ctx = await createContext(toConfig({ databaseUrl: db.url, logKeyFile: keyFile, logOrigin: ORIGIN }));
    try {
      await seedReserved(ctx, 'FRZ032500009');
    } finally {
      await ctx.close();
    }
    const r = await tdmr('--db', db.url, 'ledger', 'checkpoint');
    expect(r.code).toBe(0);
    const key = (await tdmr('--db', db.url, 'ledger', 'key')).out.trim();
    const check = verifyCheckpoint(`${r.out.trimEnd()}\n`, [parseVerifierKey(key)], { origin: ORIGIN });
    expect(check.ok && check.checkpoint.size).toBe(3);
  });

  it('writes a proof of reservation that verify-proof accepts, and rejects a tampered one', async () => {
    const file = join(dir, 'proof.json');
    const made = await tdmr('--db', db.url, 'ledger', 'proof', 'FRZ032500009', '--at', '2026-03-01', '--use', 'ai-training', '--out', file);
    expect(made.code).toBe(0);
    const key = (await tdmr('--db', db.url, 'ledger', 'key')).out.trim();
    const ok = await tdmr('verify-proof', file, '--key', key);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^VALID: FRZ032500009 reserved at 2026-03-01T00:00:00.000Z \(ai-training\)/);
    // The key may be given as a file, as saved from the well-known URL.
    writeFileSync(join(dir, 'log.key'), `${key}\n`);
    expect((await tdmr('verify-proof', file, '--key', join(dir, 'log.key'))).code).toBe(0);

    const doc = JSON.parse(readFileSync(file, 'utf8')) as ReservationProof;
    const tampered = structuredClone(doc);
    tampered.entries[0]!.body = tampered.entries[0]!.body.replace('"WORLD"', '"FR"');
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(tampered));
    const bad = await tdmr('verify-proof', join(dir, 'tampered.json'), '--key', key, '--json');
    expect(bad.code).toBe(1);
    expect(bad.json<{ reason: string }>().reason).toBe('BAD_INCLUSION');

    const other = generateNoteKey(ORIGIN).verifierKey;
    const foreign = await tdmr('verify-proof', file, '--key', other);
    expect(foreign.code).toBe(1);
    expect(foreign.out).toMatch(/^INVALID: BAD_CHECKPOINT/);

    writeFileSync(join(dir, 'junk.json'), 'not json');
    expect((await tdmr('verify-proof', join(dir, 'junk.json'), '--key', key)).code).toBe(2);
    expect((await tdmr('verify-proof', file, '--key', 'not-a-key')).code).toBe(2);
    expect((await tdmr('verify-proof', join(dir, 'missing.json'), '--key', key)).code).toBe(2);
  });

  it('exits 1 when the log does not show the recording reserved, 2 for a bad ISRC', async () => {
    const before = await tdmr('--db', db.url, 'ledger', 'proof', 'FRZ032500009', '--at', '2024-01-01');
    expect(before.code).toBe(1);
    expect(before.err).toMatch(/does not show FRZ032500009 reserved/);
    expect((await tdmr('--db', db.url, 'ledger', 'proof', 'nonsense')).code).toBe(2);
    const printed = await tdmr('--db', db.url, 'ledger', 'proof', 'FRZ032500009', '--at', '2026-03-01');
    expect(printed.json<ReservationProof>().uses.map((u) => u.status)).toEqual(['reserved', 'reserved', 'reserved', 'not-covered']);
  });

  it('has help for every ledger command', async () => {
    for (const argv of [['ledger', 'key'], ['ledger', 'checkpoint'], ['ledger', 'verify'], ['ledger', 'proof'], ['verify-proof']]) {
      const r = await tdmr(...argv, '--help');
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.out).toMatch(/Usage: tdmr/);
    }
  });
});
