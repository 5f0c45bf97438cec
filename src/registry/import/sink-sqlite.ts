/**
 * The SQLite import sink: raw better-sqlite3 prepared statements inside ONE transaction (BEGIN IMMEDIATE
 * ... COMMIT), which is what makes a kill mid-import harmless: SQLite discards the uncommitted WAL frames.
 * Kysely is not used here: its per-query overhead is far above a prepared statement's few microseconds.
 */
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { MandateRow } from '../../db/schema.js';
import { mandateToRow } from '../rows.js';
import type { MandateVersion } from '../model.js';
import {
  ACCEPTED,
  emptyCounts,
  rejected,
  type Counts,
  type DdexResourceDraft,
  type FileType,
  type LineupDraft,
  type MandateDraft,
  type PerformerDraft,
  type RecordingDraft,
  type RowOutcome,
} from './model.js';
import type { ImportSink, SinkRejection } from './sink.js';
import {
  deferFts,
  finishFts,
  prepareStatements,
  type DeferredFts,
  type Statements,
} from './sqlite-statements.js';
import { SqlitePerformers } from './sqlite-performers.js';
import { appendImportEntries, DROP_LOG_TABLES_SQLITE, LOG_TABLES_SQLITE } from './log-entries.js';
import { sqliteConn } from '../../ledger/sql-conn.js';
import { SqliteRecordings } from './sqlite-recordings.js';

/** Page cache during an import (KiB, negative as SQLite wants it): big enough for the indexes a large import touches. */
const IMPORT_CACHE_KIB = 512 * 1024;

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

export class SqliteSink implements ImportSink {
  private readonly counters: Counts = emptyCounts();
  private st!: Statements;
  private performers!: SqlitePerformers;
  private recordings!: SqliteRecordings;
  private fts: DeferredFts | null = null;
  private readonly mandateIds = new Set<string>();
  private logMandate!: BetterSqlite3.Statement<[string]>;
  private logRecording!: BetterSqlite3.Statement<[string]>;
  /** The recording noted last: line-up rows of one recording come together, so most notes repeat it. */
  private lastLogged = '';
  private cacheSize: unknown = null;
  private open = false;

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly now: string = new Date().toISOString(),
  ) {}

  begin(): Promise<void> {
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
    this.cacheSize = this.db.pragma('cache_size', { simple: true });
    this.db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
    this.fts = deferFts(this.db);
    this.st = prepareStatements(this.db);
    for (const sql of LOG_TABLES_SQLITE) this.db.exec(sql);
    this.logMandate = this.db.prepare('INSERT INTO temp.import_log_mandates (id) VALUES (?)');
    this.logRecording = this.db.prepare(
      'INSERT INTO temp.import_log_recordings (id) VALUES (?) ON CONFLICT (id) DO NOTHING',
    );
    this.performers = new SqlitePerformers(this.st, this.now, this.counters.performers);
    this.recordings = new SqliteRecordings(this.st, this.now, this.counters, (id) => {
      if (id === this.lastLogged) return;
      this.lastLogged = id;
      this.logRecording.run(id);
    });
    return Promise.resolve();
  }

  startFile(_type: FileType): Promise<void> {
    this.performers.startFile();
    return Promise.resolve();
  }

  performer(p: PerformerDraft): RowOutcome {
    return this.performers.upsert(p);
  }

  recording(r: RecordingDraft): RowOutcome {
    const u = this.recordings.upsert(r);
    return u.ok ? ACCEPTED : rejected(u.field, u.reason);
  }

  lineup(l: LineupDraft): RowOutcome {
    const rec = this.recordings.resolve(l.recording);
    if (!rec.ok) return rejected(rec.field, rec.reason);
    const who = this.performers.resolve(l.performer);
    if (!who.ok) return rejected(who.field, who.reason);
    return this.recordings.lineup(rec.id, l.position, who.id, l.role, l.instrument, l.featured);
  }

  resource(r: DdexResourceDraft, _line: number, path: string): RowOutcome {
    // The recording first: if it is rejected (a duplicate in this run, a key owned by another recording),
    // nothing of the resource has been written.
    const rec = this.recordings.upsert(r.recording);
    if (!rec.ok)
      return rejected(
        `${path}/${r.recording.kind === 'sound' ? 'SoundRecordingEdition' : 'VideoEdition'}/ResourceId`,
        rec.reason,
      );
    const ids = r.performers.map((p) => this.performers.ensure(p));
    r.lineup.forEach((e, i) =>
      this.recordings.lineup(
        rec.id,
        i + 1,
        ids[e.performer] as string,
        e.role,
        e.instrument,
        e.featured,
        true,
      ),
    );
    return ACCEPTED;
  }

  mandate(m: MandateDraft): RowOutcome {
    if (this.mandateIds.has(m.mandateId))
      return rejected('mandate_id', `mandate ${m.mandateId} appears earlier in this import`);
    const who = this.performers.resolve(m.performer);
    if (!who.ok) return rejected(who.field, who.reason);
    const latest = this.st.latestMandate.get(m.mandateId);
    const c = this.counters.mandates;
    if (latest === undefined) {
      this.mandateIds.add(m.mandateId);
      this.appendVersion(m, who.id, 1, 'initial', null);
      if (m.withdrawnAt !== null) this.appendVersion(m, who.id, 2, 'withdrawal', m.withdrawnAt);
      c.inserted++;
      return ACCEPTED;
    }
    if (latest.performer_id !== who.id)
      return rejected('mandate_id', `mandate ${m.mandateId} is held by another performer`);
    this.mandateIds.add(m.mandateId);
    const sameTerms = sameMandateTerms(latest, m);
    if (sameTerms && latest.withdrawn_at === m.withdrawnAt) {
      c.unchanged++;
      return ACCEPTED;
    }
    const change = sameTerms && m.withdrawnAt !== null ? 'withdrawal' : 'correction';
    this.appendVersion(m, who.id, Number(latest.version) + 1, change, m.withdrawnAt);
    c.updated++;
    return ACCEPTED;
  }

  private appendVersion(
    m: MandateDraft,
    performerId: string,
    version: number,
    change: MandateVersion['change'],
    withdrawnAt: string | null,
  ): void {
    const v: MandateVersion = {
      ...m,
      id: randomUUID(),
      version,
      performerId,
      withdrawnAt,
      change,
      recordedAt: this.now,
    };
    this.st.insertMandate.run(mandateToRow(v));
    this.logMandate.run(v.id);
  }

  drain(): null {
    return null;
  }

  endFile(): Promise<SinkRejection[]> {
    return Promise.resolve([]);
  }

  counts(): Counts {
    return this.counters;
  }

  async commit(): Promise<void> {
    await appendImportEntries(sqliteConn(this.db), this.now);
    for (const sql of DROP_LOG_TABLES_SQLITE) this.db.exec(sql);
    if (this.fts !== null) finishFts(this.db, this.fts);
    this.db.exec('COMMIT');
    this.close();
  }

  rollback(): Promise<void> {
    if (this.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.close();
    return Promise.resolve();
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    if (this.cacheSize !== null) this.db.pragma(`cache_size = ${Number(this.cacheSize)}`);
  }
}

/** Same terms as the stored version (lists compared as sets, withdrawal aside)? */
export function sameMandateTerms(stored: MandateRow, m: MandateDraft): boolean {
  return (
    stored.legal_basis === m.legalBasis &&
    stored.valid_from === m.validFrom &&
    stored.valid_to === m.validTo &&
    stored.source_ref === m.sourceRef &&
    sameSet(JSON.parse(stored.uses) as string[], m.uses) &&
    sameSet(JSON.parse(stored.media) as string[], m.media) &&
    sameSet(JSON.parse(stored.territories) as string[], m.territories)
  );
}
