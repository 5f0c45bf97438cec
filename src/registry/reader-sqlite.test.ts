import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toConfig } from '../config/config.js';
import { createContext, type Context } from '../context.js';
import { openSqlite } from '../db/dialect.js';
import type { Performer } from './model.js';
import { SqliteCoverageReader, supportsSnapshotReader } from './reader-sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'tdmr-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ISRC = 'FRZ032500001';
let ctx: Context;
let reader: SqliteCoverageReader;
let performer: Performer;
let file: string;
let count = 0;

beforeEach(async () => {
  file = join(dir, `r${count++}.db`);
  ctx = await createContext(toConfig({ databaseUrl: file }));
  const reg = ctx.services.registry;
  performer = await reg.addPerformer({ displayName: 'Jeanne Dupont', memberNo: 'M1' });
  await reg.addRecording({ kind: 'sound', isrc: ISRC, title: 'Été', displayArtist: 'Jeanne Dupont' }, [
    { performerId: performer.id, role: 'LeadVocalist', instrument: null, featured: true, position: 1 },
  ]);
  if (ctx.db.kind !== 'sqlite') throw new Error('SQLite expected');
  reader = new SqliteCoverageReader(file, ctx.db.raw, { refreshMs: 20 });
});
afterEach(async () => {
  reader.close();
  await ctx.close();
});

const mandates = () => reader.read((s) => s.facts('isrc', ISRC)?.performers[0]?.mandates.length);
const addMandate = () =>
  ctx.services.registry.addMandate({
    performerId: performer.id,
    legalBasis: 'statutory',
    validFrom: '2020-01-01',
  });

describe('SqliteCoverageReader', () => {
  it('reads a recording with the facts of its line-up: performers and their current mandates', async () => {
    const first = await addMandate();
    const corrected = await ctx.services.registry.correctMandate(first.mandateId, { territories: ['FR'] });
    const other = await ctx.services.registry.addPerformer({ displayName: 'Paul Martin' });
    await ctx.services.registry.addRecording(
      { kind: 'sound', isrc: 'FRZ032500002', title: 'T', displayArtist: 'A' },
      [
        { performerId: other.id, role: 'MainArtist', instrument: null, featured: true, position: 1 },
        {
          performerId: performer.id,
          role: 'StudioMusician',
          instrument: 'Cello',
          featured: false,
          position: 2,
        },
        { performerId: other.id, role: 'Producer', instrument: null, featured: false, position: 3 },
      ],
    );
    const facts = reader.read((s) => s.facts('isrc', ISRC));
    expect(facts?.recording).toMatchObject({ isrc: ISRC, title: 'Été', kind: 'sound' });
    expect(facts?.lineupKnown).toBe(true);
    expect(facts?.performers).toEqual([
      {
        id: performer.id,
        evidence: { id: performer.id, name: 'Jeanne Dupont', isni: null },
        mandates: [corrected],
        covers: [0b111], // ai-training, genai-training, ai-inference: not search
      },
    ]);
    // Each performer once, in line-up order; the facts are cached, so the same object comes back.
    const two = reader.read((s) => s.facts('isrc', 'FRZ032500002'));
    expect(two?.performers.map((p) => p.id)).toEqual([other.id, performer.id]);
    expect(two?.performers[1]).toBe(facts?.performers[0]);
    expect(reader.read((s) => s.facts('isrc', 'FRZ032599999'))).toBeNull();
  });

  it('sees a write made in this process on the very next read', async () => {
    expect(mandates()).toBe(0);
    await addMandate();
    expect(mandates()).toBe(1);
    await ctx.services.registry.declare({ issuer: 'CMO', effectiveFrom: '2021-01-01' });
    expect(reader.read((s) => s.declarations())).toHaveLength(1);
    await ctx.stores.registry.upsertPerformer({ ...performer, displayName: 'Jeanne Dupont-Martin' });
    expect(reader.read((s) => s.facts('isrc', ISRC)?.performers[0]?.evidence.name)).toBe(
      'Jeanne Dupont-Martin',
    );
  });

  it('does not see a transaction before it commits, and sees it right after', async () => {
    expect(mandates()).toBe(0);
    let inside: number | undefined;
    await ctx.stores.registry.transaction(async (store) => {
      const v = await addMandateVersion(store);
      inside = mandates();
      return v;
    });
    expect(inside).toBe(0);
    expect(mandates()).toBe(1);
  });

  it('sees writes by other connections once its snapshot is renewed', async () => {
    expect(mandates()).toBe(0);
    const other = openSqlite(file);
    try {
      await addMandateVersion(ctx.stores.registry, other);
      expect(mandates()).toBe(0); // same synchronous turn: the snapshot is still the old one
      await sleep(60);
      expect(mandates()).toBe(1);
    } finally {
      other.close();
    }
  });

  it('lets go of its snapshot when idle, so a checkpoint can complete', async () => {
    if (ctx.db.kind !== 'sqlite') throw new Error('SQLite expected');
    await addMandate();
    expect(mandates()).toBe(1);
    await sleep(80);
    const [result] = ctx.db.raw.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    expect(result?.busy).toBe(0);
  });

  it('refuses reads once closed', () => {
    reader.close();
    expect(() => mandates()).toThrow(/closed/);
  });
});

describe('supportsSnapshotReader', () => {
  it('needs a WAL file', () => {
    const wal = openSqlite(join(dir, 'wal.db'));
    const rollback = openSqlite(join(dir, 'rollback.db'));
    rollback.pragma('journal_mode = DELETE');
    const memory = openSqlite(':memory:');
    try {
      expect(supportsSnapshotReader(wal, join(dir, 'wal.db'))).toBe(true);
      expect(supportsSnapshotReader(rollback, join(dir, 'rollback.db'))).toBe(false);
      expect(supportsSnapshotReader(memory, ':memory:')).toBe(false);
    } finally {
      for (const db of [wal, rollback, memory]) db.close();
    }
  });
});

/** Appends a mandate version through `store`, or with raw SQL on another connection. */
async function addMandateVersion(
  store: Context['stores']['registry'],
  other?: ReturnType<typeof openSqlite>,
): Promise<void> {
  const v = {
    id: `v-${Math.random()}`,
    mandateId: `m-${Math.random()}`,
    version: 1,
    performerId: performer.id,
    legalBasis: 'express' as const,
    uses: ['all-tdm' as const],
    media: ['sound' as const],
    territories: ['WORLD'],
    validFrom: '2020-01-01T00:00:00.000Z',
    validTo: null,
    withdrawnAt: null,
    sourceRef: null,
    change: 'initial' as const,
    recordedAt: '2020-01-01T00:00:00.000Z',
  };
  if (other === undefined) return store.appendMandateVersion(v);
  other
    .prepare(
      `INSERT INTO mandates (id, mandate_id, version, performer_id, legal_basis, uses, media, territories, valid_from, change, recorded_at)
       VALUES (?, ?, 1, ?, 'express', '["all-tdm"]', '["sound"]', '["WORLD"]', ?, 'initial', ?)`,
    )
    .run(v.id, v.mandateId, v.performerId, v.validFrom, v.recordedAt);
  return Promise.resolve();
}
