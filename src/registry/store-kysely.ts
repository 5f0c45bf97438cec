/** The registry store on Kysely, for SQLite and PostgreSQL alike (dialect-specific SQL only for search, store-kysely-search.ts). */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { LedgerEntry } from '../ledger/entries.js';
import { appendLedgerEntries } from '../ledger/store-kysely.js';
import type { DB } from '../db/schema.js';
import { chunks, inValues } from '../db/bulk.js';
import { type Declaration, type LineupEntry, type MandateVersion, type Performer, type Recording } from './model.js';
import {
  declarationFromRow,
  declarationToRow,
  lineupFromRow,
  lineupToRow,
  mandateFromRow,
  mandateToRow,
  performerFromRow,
  performerToRow,
  recordingFromRow,
  recordingToRow,
  samePerformer,
  sameRecording,
} from './rows.js';
import type {
  CoverageRows,
  PerformerKey,
  RecordingKey,
  RegistryCounts,
  RegistryStore,
  SearchHit,
  WriteOutcome,
} from './store.js';
import { coverageByIsrc, coverageOfMany, coveragePage } from './store-kysely-coverage.js';
import { searchRegistry } from './store-kysely-search.js';

type Db = Kysely<DB> | Transaction<DB>;
/** Sets read by one parameter (`inValues`): the statement does not grow with the set. */
const SET_CHUNK = 5000;

export class KyselyRegistryStore implements RegistryStore {
  constructor(
    private readonly db: Db,
    private readonly dialect: 'sqlite' | 'postgres',
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  async transaction<T>(fn: (store: RegistryStore) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new KyselyRegistryStore(trx, this.dialect, this.now)));
  }

  async upsertPerformer(p: Performer): Promise<{ performer: Performer; outcome: WriteOutcome }> {
    const existing = (await this.findPerformer(p)) ?? (await this.getPerformer(p.id));
    if (existing === null) {
      await this.db.insertInto('performers').values(performerToRow(p, this.now())).execute();
      return { performer: p, outcome: 'inserted' };
    }
    const merged: Performer = { ...p, id: existing.id };
    if (samePerformer(existing, merged)) return { performer: existing, outcome: 'unchanged' };
    const { created_at: _c, id: _i, ...row } = performerToRow(merged, this.now());
    await this.db.updateTable('performers').set(row).where('id', '=', existing.id).execute();
    return { performer: merged, outcome: 'updated' };
  }

  async getPerformer(id: string): Promise<Performer | null> {
    const r = await this.db.selectFrom('performers').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? performerFromRow(r) : null;
  }

  async findPerformer(key: PerformerKey): Promise<Performer | null> {
    for (const [col, value] of [
      ['isni', key.isni],
      ['ipn', key.ipn],
      ['member_no', key.memberNo],
    ] as const) {
      if (value == null) continue;
      const r = await this.db.selectFrom('performers').selectAll().where(col, '=', value).executeTakeFirst();
      if (r) return performerFromRow(r);
    }
    return null;
  }

  async performersByIds(ids: readonly string[]): Promise<Performer[]> {
    const out: Performer[] = [];
    for (const part of chunks([...new Set(ids)], SET_CHUNK)) {
      const rows = await this.db.selectFrom('performers').selectAll().where(inValues(this.db, sql.ref('id'), part)).execute();
      for (const r of rows) out.push(performerFromRow(r));
    }
    return out;
  }

  async appendMandateVersion(v: MandateVersion): Promise<void> {
    await this.db.insertInto('mandates').values(mandateToRow(v)).execute();
  }

  async mandateHistory(performerId: string): Promise<MandateVersion[]> {
    const rows = await this.db
      .selectFrom('mandates')
      .selectAll()
      .where('performer_id', '=', performerId)
      .orderBy('mandate_id')
      .orderBy('version')
      .execute();
    return rows.map(mandateFromRow);
  }

  async mandateVersions(mandateId: string): Promise<MandateVersion[]> {
    const rows = await this.db.selectFrom('mandates').selectAll().where('mandate_id', '=', mandateId).orderBy('version').execute();
    return rows.map(mandateFromRow);
  }

  async upsertRecording(r: Recording): Promise<{ recording: Recording; outcome: WriteOutcome }> {
    const existing = (await this.findRecording(r)) ?? (await this.getRecording(r.id));
    if (existing === null) {
      await this.db.insertInto('recordings').values(recordingToRow(r, this.now())).execute();
      return { recording: r, outcome: 'inserted' };
    }
    const merged: Recording = { ...r, id: existing.id };
    if (sameRecording(existing, merged)) return { recording: existing, outcome: 'unchanged' };
    const { created_at: _c, id: _i, ...row } = recordingToRow(merged, this.now());
    await this.db.updateTable('recordings').set(row).where('id', '=', existing.id).execute();
    return { recording: merged, outcome: 'updated' };
  }

  async getRecording(id: string): Promise<Recording | null> {
    const r = await this.db.selectFrom('recordings').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? recordingFromRow(r) : null;
  }

  async findRecording(key: RecordingKey): Promise<Recording | null> {
    for (const [col, value] of [
      ['isrc', key.isrc],
      ['isan', key.isan],
      ['eidr', key.eidr],
    ] as const) {
      if (value == null) continue;
      const r = await this.db.selectFrom('recordings').selectAll().where(col, '=', value).executeTakeFirst();
      if (r) return recordingFromRow(r);
    }
    return null;
  }

  async setLineup(recordingId: string, entries: readonly LineupEntry[]): Promise<WriteOutcome> {
    const before = await this.lineup(recordingId);
    const norm = (l: readonly LineupEntry[]) => JSON.stringify([...l].sort((a, b) => a.position - b.position).map(lineupToRow));
    if (norm(before) === norm(entries)) return 'unchanged';
    await this.db.deleteFrom('lineups').where('recording_id', '=', recordingId).execute();
    if (entries.length > 0) await this.db.insertInto('lineups').values(entries.map(lineupToRow)).execute();
    return before.length === 0 ? 'inserted' : 'updated';
  }

  async lineup(recordingId: string): Promise<LineupEntry[]> {
    const rows = await this.db.selectFrom('lineups').selectAll().where('recording_id', '=', recordingId).orderBy('position').execute();
    return rows.map(lineupFromRow);
  }

  async recordingsByIsrc(isrcs: readonly string[]): Promise<Map<string, Recording>> {
    const out = new Map<string, Recording>();
    for (const part of chunks([...new Set(isrcs)], SET_CHUNK)) {
      for (const r of await this.db.selectFrom('recordings').selectAll().where(inValues(this.db, sql.ref('isrc'), part)).execute()) {
        if (r.isrc !== null) out.set(r.isrc, recordingFromRow(r));
      }
    }
    return out;
  }

  lineupsOf(recordingIds: readonly string[]): Promise<Map<string, LineupEntry[]>> {
    return this.byRecording(
      recordingIds,
      (part) => this.db.selectFrom('lineups').selectAll().where(inValues(this.db, sql.ref('recording_id'), part)).orderBy('recording_id').orderBy('position').execute(),
      lineupFromRow,
    );
  }

  lineupsWithMembership(recordingIds: readonly string[]): Promise<Map<string, (LineupEntry & { member: boolean | null })[]>> {
    return this.byRecording(
      recordingIds,
      (part) =>
        this.db
          .selectFrom('lineups')
          .leftJoin('performers', 'performers.id', 'lineups.performer_id')
          .selectAll('lineups')
          .select('performers.member')
          .where(inValues(this.db, sql.ref('lineups.recording_id'), part))
          .orderBy('lineups.recording_id')
          .orderBy('lineups.position')
          .execute(),
      // Millions of rows in a distribution run: the entry is extended in place, not copied.
      (r) => Object.assign(lineupFromRow(r), { member: r.member === null ? null : Number(r.member) === 1 }),
    );
  }

  /** Rows of many recordings, a set of ids a query, grouped by recording in row order; a recording without rows maps to []. */
  private async byRecording<R extends { recording_id: string }, T>(
    recordingIds: readonly string[],
    query: (part: string[]) => Promise<R[]>,
    map: (row: R) => T,
  ): Promise<Map<string, T[]>> {
    const out = new Map<string, T[]>();
    for (const part of chunks([...new Set(recordingIds)], SET_CHUNK)) {
      for (const id of part) out.set(id, []);
      for (const r of await query(part)) out.get(r.recording_id)?.push(map(r));
    }
    return out;
  }

  async recordingsOfPerformer(performerId: string, page: { limit: number; offset: number }): Promise<Recording[]> {
    const rows = await this.db
      .selectFrom('recordings')
      .innerJoin('lineups', 'lineups.recording_id', 'recordings.id')
      .selectAll('recordings')
      .where('lineups.performer_id', '=', performerId)
      .distinct()
      .orderBy('recordings.title')
      .orderBy('recordings.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(recordingFromRow);
  }

  async insertDeclaration(d: Declaration): Promise<void> {
    await this.db.insertInto('declarations').values(declarationToRow(d)).execute();
  }

  async setDeclarationWithdrawn(id: string, at: string): Promise<boolean> {
    const r = await this.db
      .updateTable('declarations')
      .set({ withdrawn_at: at })
      .where('id', '=', id)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async declarations(): Promise<Declaration[]> {
    const rows = await this.db.selectFrom('declarations').selectAll().orderBy('effective_from').orderBy('id').execute();
    return rows.map(declarationFromRow);
  }

  coverageByIsrc(isrcs: readonly string[]): Promise<Map<string, CoverageRows>> {
    return coverageByIsrc(this.db, isrcs, (ids) => this.performersByIds(ids));
  }

  async coverageOfRecording(recording: Recording): Promise<CoverageRows> {
    const [rows] = await coverageOfMany(this.db, [recording], (ids) => this.performersByIds(ids));
    return rows as CoverageRows;
  }

  coveragePage(afterIsrc: string | null, limit: number): Promise<CoverageRows[]> {
    return coveragePage(this.db, afterIsrc, limit, (ids) => this.performersByIds(ids));
  }

  search(q: string, page: { limit: number; offset: number }): Promise<SearchHit[]> {
    return searchRegistry(this.db, this.dialect, q, page);
  }

  async counts(): Promise<RegistryCounts> {
    const count = async (t: keyof DB) =>
      Number((await this.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const members = Number(
      (await this.db.selectFrom('performers').where('member', '=', 1).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    );
    return {
      performers: await count('performers'),
      members,
      mandates: await count('mandates'),
      recordings: await count('recordings'),
      lineups: await count('lineups'),
      declarations: await count('declarations'),
    };
  }

  async appendLog(entries: readonly LedgerEntry[]): Promise<void> {
    if (entries.length > 0) await appendLedgerEntries(this.db, entries);
  }

  async getMeta(key: string): Promise<string | null> {
    const r = await this.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    return r?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
