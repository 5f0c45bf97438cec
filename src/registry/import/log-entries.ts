/**
 * The transparency-log entries of an import, appended in the import's own transaction just before it
 * commits: one `mandate.version` entry per mandate version the import wrote, and one `lineup.set`
 * entry per recording whose line-up, kind, identifiers or title it changed (when the recording has a
 * line-up). Both sinks note what they wrote in two temporary tables (ids in write order); this module
 * reads them back with the rows they name and appends through the log's one append path, so the
 * entries are those the registry service would have written for the same changes.
 *
 * Reading the rows back, rather than building entries while rows are written, is what lets the
 * PostgreSQL sink keep its set-based merges: it learns which rows changed from `RETURNING`.
 */
import type { MandateRow } from '../../db/schema.js';
import type { LoggedLineupMember, LoggedRecording } from '../../ledger/entries.js';
import { lineupSetEntry, mandateEntry } from '../../ledger/entries.js';
import { LedgerAppender, type AppendResult } from '../../ledger/sql-append.js';
import type { LedgerConn } from '../../ledger/sql-conn.js';
import { mandateFromRow } from '../rows.js';
import type { Recording } from '../model.js';

/** The two tables, per dialect (SQLite: `temp` schema, dropped after the run; PostgreSQL: dropped at commit). */
export const LOG_TABLES_SQLITE = [
  'CREATE TEMP TABLE IF NOT EXISTS import_log_mandates (seq INTEGER PRIMARY KEY, id TEXT NOT NULL)',
  'CREATE TEMP TABLE IF NOT EXISTS import_log_recordings (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)',
  'DELETE FROM temp.import_log_mandates',
  'DELETE FROM temp.import_log_recordings',
] as const;
export const DROP_LOG_TABLES_SQLITE = [
  'DROP TABLE IF EXISTS temp.import_log_mandates',
  'DROP TABLE IF EXISTS temp.import_log_recordings',
] as const;
export const LOG_TABLES_POSTGRES = `
CREATE TEMP TABLE import_log_mandates (seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id text NOT NULL) ON COMMIT DROP;
CREATE TEMP TABLE import_log_recordings (seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id text NOT NULL UNIQUE) ON COMMIT DROP;
`;

/** Recordings read per page: few enough that a page of members stays small, many enough to amortise the queries. */
const PAGE = 1000;

interface SeqRow {
  seq: number | string;
}
type LoggedRecordingRow = SeqRow & {
  id: string;
  kind: string;
  isrc: string | null;
  isan: string | null;
  eidr: string | null;
  title: string;
};
interface MemberRow {
  recording_id: string;
  position: number | string;
  performer_id: string;
  role: string;
  instrument: string | null;
  featured: number | string | boolean;
  isni: string | null;
  ipn: string | null;
}

/** What the import appended to the log. */
export interface ImportLogResult extends AppendResult {
  readonly mandates: number;
  readonly lineups: number;
}

const settle = async (p: Promise<void> | null): Promise<void> => {
  if (p !== null) await p;
};

/**
 * Appends the entries of what the import wrote, inside the caller's open transaction; `at` is the
 * import's instant (the `recordedAt` of its mandate versions).
 *
 * @example
 * db.exec('BEGIN IMMEDIATE'); ... // rows written, ids noted in the log tables
 * await appendImportEntries(sqliteConn(db), now);
 * db.exec('COMMIT');
 */
export async function appendImportEntries(conn: LedgerConn, at: string): Promise<ImportLogResult> {
  const appender = await LedgerAppender.open(conn);
  let mandates = 0;
  for (let after = 0; ;) {
    const rows = await conn.all<MandateRow & SeqRow>(
      `SELECT t.seq, m.* FROM import_log_mandates t JOIN mandates m ON m.id = t.id WHERE t.seq > ? ORDER BY t.seq LIMIT ${PAGE}`,
      [after],
    );
    if (rows.length === 0) break;
    for (const r of rows) await settle(appender.add(mandateEntry(mandateFromRow(r))));
    mandates += rows.length;
    after = Number(rows[rows.length - 1]!.seq);
  }
  let lineups = 0;
  for (let after = 0; ;) {
    const recs = await conn.all<LoggedRecordingRow>(
      `SELECT t.seq, r.id, r.kind, r.isrc, r.isan, r.eidr, r.title FROM import_log_recordings t JOIN recordings r ON r.id = t.id
       WHERE t.seq > ? ORDER BY t.seq LIMIT ${PAGE}`,
      [after],
    );
    if (recs.length === 0) break;
    const last = Number(recs[recs.length - 1]!.seq);
    const members = await conn.all<MemberRow>(
      `SELECT l.recording_id, l.position, l.performer_id, l.role, l.instrument, l.featured, p.isni, p.ipn
       FROM import_log_recordings t JOIN lineups l ON l.recording_id = t.id JOIN performers p ON p.id = l.performer_id
       WHERE t.seq > ? AND t.seq <= ?`,
      [after, last],
    );
    const byRecording = groupMembers(members);
    for (const r of recs) {
      const lineup = byRecording.get(r.id);
      // A recording without a line-up decides no coverage: the log speaks of it once it has one.
      if (lineup === undefined) continue;
      await settle(appender.add(lineupSetEntry(loggedRecording(r), lineup, at)));
      lineups += 1;
    }
    after = last;
  }
  const result = await appender.close();
  return { ...result, mandates, lineups };
}

function loggedRecording(r: LoggedRecordingRow): LoggedRecording {
  return {
    id: r.id,
    kind: r.kind as Recording['kind'],
    isrc: r.isrc,
    isan: r.isan,
    eidr: r.eidr,
    title: r.title,
  };
}

function groupMembers(rows: readonly MemberRow[]): Map<string, LoggedLineupMember[]> {
  const out = new Map<string, LoggedLineupMember[]>();
  for (const m of rows) {
    let list = out.get(m.recording_id);
    if (list === undefined) out.set(m.recording_id, (list = []));
    list.push({
      position: Number(m.position),
      performerId: m.performer_id,
      isni: m.isni,
      ipn: m.ipn,
      role: m.role,
      instrument: m.instrument,
      featured: m.featured === true || Number(m.featured) === 1,
    });
  }
  return out;
}
