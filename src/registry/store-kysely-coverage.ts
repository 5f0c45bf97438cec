/**
 * The rows coverage is computed from (a recording, its line-up, its performers and their mandates), read
 * for many recordings at once: by ISRC, one recording, or a page in ISRC order (the snapshot export).
 */
import type { Kysely, Transaction } from 'kysely';
import { chunks } from '../db/bulk.js';
import type { DB } from '../db/schema.js';
import type { LineupEntry, MandateVersion, Performer, Recording } from './model.js';
import { lineupFromRow, mandateFromRow, recordingFromRow } from './rows.js';
import type { CoverageRows } from './store.js';

type Db = Kysely<DB> | Transaction<DB>;
type PerformersByIds = (ids: readonly string[]) => Promise<Performer[]>;
const CHUNK = 500;

export async function coverageByIsrc(db: Db, isrcs: readonly string[], performersByIds: PerformersByIds): Promise<Map<string, CoverageRows>> {
  const out = new Map<string, CoverageRows>();
  for (const part of chunks([...new Set(isrcs)], CHUNK)) {
    const recs = (await db.selectFrom('recordings').selectAll().where('isrc', 'in', part).execute()).map(recordingFromRow);
    if (recs.length === 0) continue;
    const rows = await coverageOfMany(db, recs, performersByIds);
    for (const r of rows) out.set(r.recording.isrc as string, r);
  }
  return out;
}

export async function coveragePage(db: Db, afterIsrc: string | null, limit: number, performersByIds: PerformersByIds): Promise<CoverageRows[]> {
  let q = db.selectFrom('recordings').selectAll().where('isrc', 'is not', null);
  if (afterIsrc !== null) q = q.where('isrc', '>', afterIsrc);
  const recs = (await q.orderBy('isrc').limit(limit).execute()).map(recordingFromRow);
  return recs.length === 0 ? [] : coverageOfMany(db, recs, performersByIds);
}

export async function coverageOfMany(db: Db, recs: Recording[], performersByIds: PerformersByIds): Promise<CoverageRows[]> {
  const ids = recs.map((r) => r.id);
  const lineups = (await db.selectFrom('lineups').selectAll().where('recording_id', 'in', ids).orderBy('recording_id').orderBy('position').execute()).map(
    lineupFromRow,
  );
  const performerIds = [...new Set(lineups.map((l) => l.performerId))];
  const performers = await performersByIds(performerIds);
  const mandates: MandateVersion[] = [];
  for (const part of chunks(performerIds, CHUNK)) {
    const rows = await db.selectFrom('mandates').selectAll().where('performer_id', 'in', part).execute();
    for (const r of rows) mandates.push(mandateFromRow(r));
  }
  const byRec = new Map<string, LineupEntry[]>();
  for (const l of lineups) {
    const arr = byRec.get(l.recordingId) ?? [];
    arr.push(l);
    byRec.set(l.recordingId, arr);
  }
  const perfById = new Map(performers.map((p) => [p.id, p]));
  return recs.map((recording) => {
    const lineup = byRec.get(recording.id) ?? [];
    const pids = new Set(lineup.map((l) => l.performerId));
    return {
      recording,
      lineup,
      performers: [...pids].map((id) => perfById.get(id)).filter((p): p is Performer => p !== undefined),
      mandates: mandates.filter((m) => pids.has(m.performerId)),
    };
  });
}
