/**
 * The prepared statements of the SQLite import sink, prepared once per run and reused for every row.
 * Inserts are optimistic (`ON CONFLICT DO NOTHING`): on a fresh database a row costs one statement, and
 * only a conflict pays for the lookup and comparison.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { MandateRow, PerformerRow, RecordingRow } from '../../db/schema.js';
import { MANDATE_COLUMNS } from '../rows.js';

type Db = BetterSqlite3.Database;
type Stmt<P extends unknown[] = unknown[], R = unknown> = BetterSqlite3.Statement<P, R>;

export type StoredPerformer = PerformerRow & { rowid: number };
export type StoredRecording = RecordingRow & { rowid: number };
export interface StoredLineup {
  rowid: number;
  performer_id: string;
  role: string;
  instrument: string | null;
  featured: number;
}

const PERFORMER_COLS =
  'id, display_name, sort_name, aliases, member_no, isni, ipn, ipi, member, search_text, created_at, updated_at';
const RECORDING_COLS =
  'id, kind, isrc, isan, eidr, iswc, title, version_title, display_artist, duration_ms, year, label, search_text, created_at, updated_at';
const MANDATE_COLS = MANDATE_COLUMNS.join(', ');
type Get<R> = Stmt<[string], R>;

export interface Statements {
  performerByIsni: Get<StoredPerformer>;
  performerByIpn: Get<StoredPerformer>;
  performerByMemberNo: Get<StoredPerformer>;
  performerIdByIsni: Get<string>;
  performerIdByIpn: Get<string>;
  performerIdByMemberNo: Get<string>;
  performerIdById: Get<string>;
  insertPerformer: Stmt;
  updatePerformer: Stmt;
  recordingByIsrc: Get<StoredRecording>;
  recordingByIsan: Get<StoredRecording>;
  recordingByEidr: Get<StoredRecording>;
  recordingIdByIsrc: Get<string>;
  recordingIdByIsan: Get<string>;
  recordingIdByEidr: Get<string>;
  insertRecording: Stmt;
  updateRecording: Stmt;
  updateRecordingText: Stmt;
  latestMandate: Get<MandateRow>;
  insertMandate: Stmt;
  insertLineup: Stmt;
  lineupAt: Stmt<[string, number], StoredLineup>;
  updateLineup: Stmt;
}

/** Named parameters, so that rows from `rows.ts` (`performerToRow`...) bind as they are. */
const named = (cols: string) =>
  cols
    .split(', ')
    .map((c) => `@${c}`)
    .join(', ');

export function prepareStatements(db: Db): Statements {
  const get = <R>(sql: string) => db.prepare<[string], R>(sql);
  return {
    performerByIsni: get<StoredPerformer>(`SELECT rowid, * FROM performers WHERE isni = ?`),
    performerByIpn: get<StoredPerformer>(`SELECT rowid, * FROM performers WHERE ipn = ?`),
    performerByMemberNo: get<StoredPerformer>(`SELECT rowid, * FROM performers WHERE member_no = ?`),
    performerIdByIsni: get<string>(`SELECT id FROM performers WHERE isni = ?`).pluck(),
    performerIdByIpn: get<string>(`SELECT id FROM performers WHERE ipn = ?`).pluck(),
    performerIdByMemberNo: get<string>(`SELECT id FROM performers WHERE member_no = ?`).pluck(),
    performerIdById: get<string>(`SELECT id FROM performers WHERE id = ?`).pluck(),
    insertPerformer: db.prepare(
      `INSERT INTO performers (${PERFORMER_COLS}) VALUES (${named(PERFORMER_COLS)})`,
    ),
    updatePerformer: db.prepare(
      `UPDATE performers SET display_name = ?, sort_name = ?, aliases = ?, member_no = ?, isni = ?, ipn = ?, ipi = ?, member = ?, search_text = ?, updated_at = ? WHERE id = ?`,
    ),

    recordingByIsrc: get<StoredRecording>(`SELECT rowid, * FROM recordings WHERE isrc = ?`),
    recordingByIsan: get<StoredRecording>(`SELECT rowid, * FROM recordings WHERE isan = ?`),
    recordingByEidr: get<StoredRecording>(`SELECT rowid, * FROM recordings WHERE eidr = ?`),
    recordingIdByIsrc: get<string>(`SELECT id FROM recordings WHERE isrc = ?`).pluck(),
    recordingIdByIsan: get<string>(`SELECT id FROM recordings WHERE isan = ?`).pluck(),
    recordingIdByEidr: get<string>(`SELECT id FROM recordings WHERE eidr = ?`).pluck(),
    insertRecording: db.prepare(
      `INSERT INTO recordings (${RECORDING_COLS}) VALUES (${named(RECORDING_COLS)}) ON CONFLICT DO NOTHING`,
    ),
    // Two updates, so that the full-text trigger (AFTER UPDATE OF search_text) only runs when the text changes.
    updateRecording: db.prepare(
      `UPDATE recordings SET kind = ?, isrc = ?, isan = ?, eidr = ?, iswc = ?, title = ?, version_title = ?, display_artist = ?, duration_ms = ?, year = ?, label = ?, updated_at = ? WHERE id = ?`,
    ),
    updateRecordingText: db.prepare(`UPDATE recordings SET search_text = ? WHERE id = ?`),

    latestMandate: get<MandateRow>(
      `SELECT ${MANDATE_COLS} FROM mandates WHERE mandate_id = ? ORDER BY version DESC LIMIT 1`,
    ),
    insertMandate: db.prepare(`INSERT INTO mandates (${MANDATE_COLS}) VALUES (${named(MANDATE_COLS)})`),

    insertLineup: db.prepare(
      `INSERT INTO lineups (recording_id, position, performer_id, role, instrument, featured) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (recording_id, position) DO NOTHING`,
    ),
    lineupAt: db.prepare(
      `SELECT rowid, performer_id, role, instrument, featured FROM lineups WHERE recording_id = ? AND position = ?`,
    ) as unknown as Statements['lineupAt'],
    updateLineup: db.prepare(
      `UPDATE lineups SET performer_id = ?, role = ?, instrument = ?, featured = ? WHERE rowid = ?`,
    ),
  };
}

/**
 * Full-text indexing deferred to the end of the run. Migration 001 keeps `recordings_fts` in step with an
 * AFTER INSERT trigger, which costs about 30 µs per row; the import drops it inside its transaction and
 * indexes every new row with one INSERT ... SELECT before commit, then recreates the trigger from its
 * stored SQL. The bulk statement is derived from the trigger's own body, so it indexes exactly what the
 * trigger would; a trigger of another shape is left alone (rows are then indexed one by one).
 */
export interface DeferredFts {
  triggerSql: string;
  bulkSql: string;
  maxRowid: number;
}

const TRIGGER =
  /^CREATE TRIGGER\s+"?(\w+)"?\s+AFTER INSERT ON\s+"?recordings"?\s+BEGIN\s+(INSERT INTO\s+[\w"]+\s*\([^)]*\))\s*VALUES\s*\(([^;]*)\)\s*;\s*END$/is;

export function deferFts(db: Db): DeferredFts | null {
  const rows = db
    .prepare<[], { sql: string }>(
      `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'recordings'`,
    )
    .all();
  for (const { sql } of rows) {
    const m = TRIGGER.exec(sql.trim());
    if (m === null) continue;
    const [, name, insert, values] = m as unknown as [string, string, string, string];
    const maxRowid = Number(
      db.prepare<[], number>('SELECT coalesce(max(rowid), 0) FROM recordings').pluck().get() ?? 0,
    );
    db.exec(`DROP TRIGGER "${name}"`);
    return {
      triggerSql: sql,
      bulkSql: `${insert} SELECT ${values} FROM recordings AS new WHERE new.rowid > ?`,
      maxRowid,
    };
  }
  return null;
}

export function finishFts(db: Db, fts: DeferredFts): void {
  db.prepare(fts.bulkSql).run(fts.maxRowid);
  db.exec(fts.triggerSql);
}
