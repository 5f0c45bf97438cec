/**
 * Test helpers for the log: a context with its own signer key, and registry writes that append their
 * entries in the same Kysely transaction, as the registry service does.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll } from 'vitest';
import { toConfig } from '../../src/config/config.js';
import { createContext, type Context } from '../../src/context.js';
import { declarationEntry, declarationWithdrawnEntry, lineupEntry, mandateEntry, type LedgerEntry } from '../../src/ledger/entries.js';
import { ensureSignerKeyFile } from '../../src/ledger/key-file.js';
import { appendLedgerEntries } from '../../src/ledger/store-kysely.js';
import type { Declaration, LineupEntry, MandateVersion, Performer, Recording } from '../../src/registry/model.js';
import type { RegistryStore } from '../../src/registry/store.js';
import { KyselyRegistryStore } from '../../src/registry/store-kysely.js';
import type { TestDb } from './db.js';

export const ORIGIN = 'test.tdm-reserve.example/log';

/** Puts the log key variables back as they were once the file's tests are done (tests set them for the CLI). */
export function keepLogEnv(): void {
  const saved = { key: process.env.TDMR_LOG_KEY_FILE, origin: process.env.TDMR_LOG_ORIGIN };
  afterAll(() => {
    process.env.TDMR_LOG_KEY_FILE = saved.key;
    process.env.TDMR_LOG_ORIGIN = saved.origin;
  });
}

/** Runs SQL behind the services' back (to edit rows as an administrator could). */
export async function runSql(ctx: Context, text: string): Promise<void> {
  await sql.raw(text).execute(ctx.db.kysely);
}

export interface LedgerTestContext {
  ctx: Context;
  db: TestDb;
  keyFile: string;
  verifierKey: string;
  dispose(): Promise<void>;
}

/** A migrated context on a fresh database with a fresh signer key. */
export async function ledgerContext(make: () => TestDb, extra: { logCheckpointSeconds?: number } = {}): Promise<LedgerTestContext> {
  const db = make();
  const dir = mkdtempSync(join(tmpdir(), 'tdmr-key-'));
  const keyFile = join(dir, 'log-signer.key');
  const { verifierKey } = ensureSignerKeyFile(keyFile, ORIGIN);
  const ctx = await createContext(toConfig({ databaseUrl: db.url, logLevel: 'silent', logKeyFile: keyFile, logOrigin: ORIGIN, ...extra }));
  return {
    ctx,
    db,
    keyFile,
    verifierKey,
    async dispose() {
      await ctx.close();
      await db.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs registry writes and their log entries in one transaction. */
export function logged<T>(ctx: Context, fn: (reg: RegistryStore, log: (entries: LedgerEntry[]) => Promise<unknown>) => Promise<T>): Promise<T> {
  return ctx.db.kysely.transaction().execute((trx) => fn(new KyselyRegistryStore(trx, ctx.db.kind), (entries) => appendLedgerEntries(trx, entries)));
}

let clock = Date.parse('2025-01-01T00:00:00.000Z');
/** Strictly increasing instants, so entries logged one after the other have ordered `at`. */
export function tick(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

export function performer(name: string, extra: Partial<Performer> = {}): Performer {
  return { id: randomUUID(), displayName: name, sortName: name, aliases: [], memberNo: null, isni: null, ipn: null, ipi: null, member: true, ...extra };
}

export function mandate(performerId: string, extra: Partial<MandateVersion> = {}): MandateVersion {
  return {
    id: randomUUID(),
    mandateId: randomUUID(),
    version: 1,
    performerId,
    legalBasis: 'express',
    uses: ['ai-training', 'genai-training', 'ai-inference'],
    media: ['sound', 'audiovisual'],
    territories: ['WORLD'],
    validFrom: '2024-01-01T00:00:00.000Z',
    validTo: null,
    withdrawnAt: null,
    sourceRef: null,
    change: 'initial',
    recordedAt: tick(),
    ...extra,
  };
}

export function recording(isrc: string, extra: Partial<Recording> = {}): Recording {
  return { id: randomUUID(), kind: 'sound', isrc, isan: null, eidr: null, iswc: null, title: `Song ${isrc}`, versionTitle: null, displayArtist: 'Artist', durationMs: null, year: null, label: null, ...extra };
}

export function declaration(extra: Partial<Declaration> = {}): Declaration {
  const at = tick();
  return {
    id: randomUUID(),
    issuer: 'CMO (test)',
    legalBasis: 'Art. 4(3) DSM',
    uses: ['ai-training', 'genai-training', 'ai-inference'],
    media: ['sound', 'audiovisual'],
    territories: ['WORLD'],
    effectiveFrom: '2024-06-01T00:00:00.000Z',
    withdrawnAt: null,
    createdAt: at,
    ...extra,
  };
}

/** Writes rows and entries for: a performer with a mandate, a recording with that performer, a declaration. */
export async function seedReserved(ctx: Context, isrc: string): Promise<{ performer: Performer; mandate: MandateVersion; recording: Recording; declaration: Declaration }> {
  const p = performer(`Performer ${isrc}`, { isni: null, ipn: String(Math.floor(Math.random() * 9e7) + 1e7) });
  const m = mandate(p.id);
  const r = recording(isrc);
  const lineup: LineupEntry[] = [{ recordingId: r.id, performerId: p.id, role: 'LeadVocalist', instrument: null, featured: true, position: 1 }];
  const d = declaration();
  await logged(ctx, async (reg, log) => {
    await reg.upsertPerformer(p);
    await reg.appendMandateVersion(m);
    await log([mandateEntry(m)]);
  });
  await logged(ctx, async (reg, log) => {
    await reg.upsertRecording(r);
    await reg.setLineup(r.id, lineup);
    await log([lineupEntry(r, lineup, [p], tick())]);
  });
  await logged(ctx, async (reg, log) => {
    await reg.insertDeclaration(d);
    await log([declarationEntry(d)]);
  });
  return { performer: p, mandate: m, recording: r, declaration: d };
}

export async function withdrawDeclaration(ctx: Context, id: string, withdrawnAt: string): Promise<void> {
  await logged(ctx, async (reg, log) => {
    await reg.setDeclarationWithdrawn(id, withdrawnAt);
    await log([declarationWithdrawnEntry(id, withdrawnAt, tick())]);
  });
}
