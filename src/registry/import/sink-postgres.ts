/**
 * The PostgreSQL import sink: rows go by COPY into TEMP staging tables, and each file ends with set-based
 * INSERT ... ON CONFLICT / UPDATE merges (pg-upsert.ts, pg-refs.ts, pg-ddex.ts), all in one transaction on
 * one pooled connection. If the process dies the server aborts the transaction: nothing is written.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { performerToRow, recordingToRow } from '../rows.js';
import {
  ACCEPTED,
  emptyCounts,
  type Counts,
  type DdexResourceDraft,
  type FileType,
  type LineupDraft,
  type MandateDraft,
  type PerformerDraft,
  type RecordingDraft,
  type RowOutcome,
} from './model.js';
import { CopyWriter } from './pg-copy.js';
import { ddexDocument, mergeDdex } from './pg-ddex.js';
import { mergeLineups, mergeMandates } from './pg-refs.js';
import { clearStaging, createStaging, STAGE } from './pg-staging.js';
import { mergeUpsert, PERFORMERS, RECORDINGS } from './pg-upsert.js';
import type { ImportSink, SinkRejection } from './sink.js';
import { appendImportEntries } from './log-entries.js';
import { pgConn } from '../../ledger/sql-conn.js';

export class PostgresSink implements ImportSink {
  private client: pg.PoolClient | null = null;
  private copy: CopyWriter | null = null;
  private type: FileType = 'performers';
  private readonly counters: Counts = emptyCounts();

  constructor(
    private readonly pool: pg.Pool,
    private readonly now: string = new Date().toISOString(),
  ) {}

  private get conn(): pg.PoolClient {
    if (this.client === null) throw new Error('the import sink has no open transaction');
    return this.client;
  }

  async begin(): Promise<void> {
    this.client = await this.pool.connect();
    await this.client.query('BEGIN');
    await createStaging(this.client);
  }

  async startFile(type: FileType): Promise<void> {
    this.type = type;
    await clearStaging(this.conn);
    const stage = STAGE[type];
    this.copy = CopyWriter.start(this.conn, stage.table, stage.columns);
  }

  private get writer(): CopyWriter {
    if (this.copy === null) throw new Error('no file started');
    return this.copy;
  }

  performer(p: PerformerDraft, line: number): RowOutcome {
    const r = performerToRow({ ...p, id: randomUUID() }, this.now);
    this.writer.row([
      line,
      r.id,
      r.display_name,
      r.sort_name,
      r.aliases,
      r.member_no,
      r.isni,
      r.ipn,
      r.ipi,
      r.member,
      r.search_text,
    ]);
    return ACCEPTED;
  }

  recording(d: RecordingDraft, line: number): RowOutcome {
    const r = recordingToRow({ ...d, id: randomUUID() }, this.now);
    this.writer.row([
      line,
      null,
      r.id,
      r.kind,
      r.isrc,
      r.isan,
      r.eidr,
      r.iswc,
      r.title,
      r.version_title,
      r.display_artist,
      r.duration_ms,
      r.year,
      r.label,
      r.search_text,
    ]);
    return ACCEPTED;
  }

  mandate(m: MandateDraft, line: number): RowOutcome {
    const p = m.performer;
    this.writer.row([
      line,
      m.mandateId,
      p.isni,
      p.ipn,
      p.memberNo,
      m.legalBasis,
      JSON.stringify(m.uses),
      JSON.stringify(m.media),
      JSON.stringify(m.territories),
      m.validFrom,
      m.validTo,
      m.withdrawnAt,
      m.sourceRef,
      randomUUID(),
      randomUUID(),
    ]);
    return ACCEPTED;
  }

  lineup(l: LineupDraft, line: number): RowOutcome {
    const r = l.recording;
    const p = l.performer;
    this.writer.row([
      line,
      r.isrc,
      r.isan,
      r.eidr,
      p.isni,
      p.ipn,
      p.memberNo,
      l.position,
      l.role,
      l.instrument,
      l.featured ? 1 : 0,
    ]);
    return ACCEPTED;
  }

  resource(d: DdexResourceDraft, line: number, path: string): RowOutcome {
    this.writer.row([line, path, ddexDocument(d, randomUUID())]);
    return ACCEPTED;
  }

  drain(): Promise<void> | null {
    return this.copy?.drain() ?? null;
  }

  async endFile(): Promise<SinkRejection[]> {
    await this.writer.end();
    this.copy = null;
    const c = this.conn;
    // Temp tables have no statistics until analysed; without them the merges' joins get poor plans.
    await c.query(`ANALYZE ${STAGE[this.type].table}`);
    const counts = this.counters;
    switch (this.type) {
      case 'performers':
        await mergeUpsert(c, PERFORMERS, this.now, counts.performers);
        break;
      case 'recordings':
        await mergeUpsert(c, RECORDINGS, this.now, counts.recordings);
        break;
      case 'mandates':
        await mergeMandates(c, this.now, counts.mandates);
        break;
      case 'lineups':
        await mergeLineups(c, counts.lineups);
        break;
      case 'ddex':
        await mergeDdex(c, this.now, counts);
        break;
    }
    const r = await c.query<SinkRejection>('SELECT line, field, reason FROM import_rejects ORDER BY line');
    return r.rows;
  }

  counts(): Counts {
    return this.counters;
  }

  async commit(): Promise<void> {
    await appendImportEntries(pgConn(this.conn), this.now);
    await this.conn.query('COMMIT');
    this.release();
  }

  async rollback(): Promise<void> {
    if (this.client === null) return;
    try {
      await this.copy?.abort();
      await this.client.query('ROLLBACK');
    } finally {
      this.release(true);
    }
  }

  private release(destroy = false): void {
    // A connection in an unknown state (e.g. a COPY cut short) is not given back to the pool.
    this.client?.release(destroy || this.copy !== null);
    this.client = null;
    this.copy = null;
  }
}
