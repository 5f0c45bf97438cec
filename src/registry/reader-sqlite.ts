/**
 * The coverage reader on an SQLite file: a second, read-only connection that answers with prepared
 * statements inside one held read transaction (a WAL snapshot).
 *
 * Why: on this kind of host every auto-commit statement pays for file-lock system calls, so a lookup
 * made of four statements costs four lock round trips; inside a held read transaction each statement
 * is a few microseconds of pure B-tree work (docs/http.md, "The lookup path").
 *
 * Freshness: the snapshot is renewed (1) when the writer connection of this process has changed rows
 * since the snapshot was taken, checked before every read with `total_changes()`, which costs no lock;
 * (2) once it is older than `refreshMs`, so that writes by other processes show up; and it is
 * released when idle so WAL checkpoints can complete. Declarations, performers and their mandates are
 * cached for as long as the data version (`PRAGMA data_version`: any commit by any connection) stays.
 *
 * Caveat: while requests keep a snapshot open, a blocking checkpoint (`wal_checkpoint(RESTART)` or
 * `TRUNCATE`) run on the writer connection of this same process waits for it and, the process being
 * single-threaded, for its whole busy timeout. Automatic (passive) checkpoints are unaffected.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from '../db/dialect.js';
import type { DeclarationRow, MandateRow, PerformerRow } from '../db/schema.js';
import { declarationFacts, performerFacts, type DeclarationFacts, type PerformerFacts } from './evidence.js';
import type {
  CoverageReader,
  CoverageSnapshot,
  RecordingFacts,
  RecordingKeyKind,
  VerdictRows,
} from './coverage-reader.js';
import type { Declaration, MandateVersion, Medium, Recording } from './model.js';
import { declarationFromRow, mandateFromRow, performerFromRow } from './rows.js';

export interface SqliteReaderOptions {
  /** Longest life of a snapshot, in ms; writes by other processes are visible after at most this long. */
  refreshMs?: number;
  /** Bytes of the file to memory-map for reads (0 disables). */
  mmapBytes?: number;
  /**
   * Performers (with their mandates and their facts for compact answers) kept in memory between writes;
   * default 200,000 (about 1 KB each).
   */
  maxCachedPerformers?: number;
}

type Stmt = BetterSqlite3.Statement;

const RECORDING_COLUMNS =
  'id, kind, isrc, isan, eidr, iswc, title, version_title, display_artist, duration_ms, year, label';
type RecordingTuple = [
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string | null,
  string,
  number | null,
  number | null,
  string | null,
];

interface CachedPerformer {
  /** Every version of every mandate, in insertion order. */
  mandates: MandateVersion[];
  facts: PerformerFacts;
}

export class SqliteCoverageReader implements CoverageReader {
  private readonly conn: BetterSqlite3.Database;
  private readonly byKey: Record<RecordingKeyKind, Stmt>;
  private readonly kindByKey: Record<RecordingKeyKind, Stmt>;
  private readonly lineupIdsStmt: Stmt;
  private readonly performerStmt: Stmt;
  private readonly mandatesStmt: Stmt;
  private readonly declarationsStmt: Stmt;
  private readonly beginStmt: Stmt;
  private readonly commitStmt: Stmt;
  private readonly dataVersionStmt: Stmt;
  private readonly writerChangesStmt: Stmt | null;
  private readonly timer: NodeJS.Timeout;
  private readonly view: CoverageSnapshot;

  private inSnapshot = false;
  private expired = true;
  private usedSinceTick = false;
  private seenWriterChanges = -1;
  private dataVersion = -1;
  private declarationCache: Declaration[] | null = null;
  private declarationFactsCache: DeclarationFacts[] | null = null;
  /** Performers and their mandates by id; emptied whenever the data version changes. */
  private readonly performerCache = new Map<string, CachedPerformer>();
  private readonly maxCachedPerformers: number;
  private closed = false;

  /**
   * @param path the SQLite file (must be in WAL mode: a held read transaction would block a writer otherwise)
   * @param writer the connection this process writes through; its commits become visible to the next
   *   read. Null where no writer is at hand (a worker thread): every read then takes a fresh snapshot.
   */
  constructor(
    path: string,
    private readonly writer: BetterSqlite3.Database | null,
    options: SqliteReaderOptions = {},
  ) {
    this.conn = openSqlite(path, { readonly: true });
    this.maxCachedPerformers = Math.max(1, options.maxCachedPerformers ?? 200_000);
    this.conn.pragma(`mmap_size = ${Math.max(0, Math.floor(options.mmapBytes ?? 1 << 30))}`);
    // Only the columns answers use, as arrays: building a 15-key object per row costs more than the lookup.
    const recording = (col: string) =>
      this.conn.prepare(`SELECT ${RECORDING_COLUMNS} FROM recordings WHERE ${col} = ?`).raw();
    this.byKey = { isrc: recording('isrc'), isan: recording('isan'), eidr: recording('eidr') };
    const kind = (col: string) => this.conn.prepare(`SELECT id, kind FROM recordings WHERE ${col} = ?`).raw();
    this.kindByKey = { isrc: kind('isrc'), isan: kind('isan'), eidr: kind('eidr') };
    this.lineupIdsStmt = this.conn
      .prepare('SELECT performer_id FROM lineups WHERE recording_id = ? ORDER BY position')
      .pluck();
    this.performerStmt = this.conn.prepare('SELECT * FROM performers WHERE id = ?');
    this.mandatesStmt = this.conn.prepare('SELECT * FROM mandates WHERE performer_id = ? ORDER BY rowid');
    this.declarationsStmt = this.conn.prepare('SELECT * FROM declarations ORDER BY effective_from, id');
    this.beginStmt = this.conn.prepare('BEGIN');
    this.commitStmt = this.conn.prepare('COMMIT');
    this.dataVersionStmt = this.conn.prepare('PRAGMA data_version').pluck();
    // No table is read, so this takes no lock on the writer's side.
    this.writerChangesStmt = writer === null ? null : writer.prepare('SELECT total_changes()').pluck();
    const view: CoverageSnapshot = {
      facts: (kind, value) => this.facts(kind, value),
      verdictRows: (kind, value) => this.verdictRows(kind, value),
      declarations: () => this.declarations(),
      declarationFacts: () => this.declarationFacts(),
      version: () => this.dataVersion,
    };
    this.view = view;
    const refreshMs = Math.max(1, options.refreshMs ?? 25);
    this.timer = setInterval(() => this.tick(), refreshMs);
    this.timer.unref();
  }

  read<T>(fn: (snapshot: CoverageSnapshot) => T): T {
    if (this.closed) throw new Error('coverage reader is closed');
    this.fresh();
    this.usedSinceTick = true;
    return fn(this.view);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.release();
    this.conn.close();
  }

  private tick(): void {
    this.expired = true;
    // Nobody read during the last interval: let go of the snapshot so checkpoints can move on.
    if (!this.usedSinceTick) this.release();
    this.usedSinceTick = false;
  }

  private fresh(): void {
    const w = this.writer;
    // No writer to watch: a fresh snapshot for every read (a read is a whole batch there).
    const changes =
      w === null || this.writerChangesStmt === null
        ? -2
        : w.open
          ? (this.writerChangesStmt.get() as number)
          : this.seenWriterChanges;
    if (this.inSnapshot && !this.expired && changes === this.seenWriterChanges) return;
    this.release();
    this.beginStmt.run();
    this.inSnapshot = true;
    this.expired = false;
    // Reading the data version starts the read transaction, which pins the snapshot.
    const version = this.dataVersionStmt.get() as number;
    if (version !== this.dataVersion) {
      this.dataVersion = version;
      this.declarationCache = null;
      this.declarationFactsCache = null;
      this.performerCache.clear();
    }
    // While the writer is inside a transaction its change count mixes committed and pending rows:
    // renew on every read until it has committed, then settle on the new count.
    this.seenWriterChanges = w === null || w.inTransaction ? -1 : changes;
  }

  private release(): void {
    if (!this.inSnapshot) return;
    this.inSnapshot = false;
    if (this.conn.inTransaction) this.commitStmt.run();
  }

  private facts(kind: RecordingKeyKind, value: string): RecordingFacts | null {
    const r = this.byKey[kind].get(value) as RecordingTuple | undefined;
    if (r === undefined) return null;
    // Same mapping as rows.ts `recordingFromRow`, from the columns answers use.
    const recording: Recording = {
      id: r[0],
      kind: r[1] as Medium,
      isrc: r[2],
      isan: r[3],
      eidr: r[4],
      iswc: r[5],
      title: r[6],
      versionTitle: r[7],
      displayArtist: r[8],
      durationMs: r[9] === null ? null : Number(r[9]),
      year: r[10] === null ? null : Number(r[10]),
      label: r[11],
    };
    const ids = this.lineupIdsStmt.all(recording.id) as string[];
    const performers: PerformerFacts[] = [];
    next: for (const id of ids) {
      // Line-up order of first appearance, as the store gives them.
      for (const p of performers) if (p.id === id) continue next;
      // A line-up naming a performer the registry lacks: named by id, as the verbose answer does.
      performers.push(this.performer(id)?.facts ?? performerFacts(id, null, []));
    }
    return { recording, performers, lineupKnown: ids.length > 0 };
  }

  private verdictRows(kind: RecordingKeyKind, value: string): VerdictRows | null {
    const r = this.kindByKey[kind].get(value) as [string, string] | undefined;
    if (r === undefined) return null;
    const performerIds = this.lineupIdsStmt.all(r[0]) as string[];
    const mandates: MandateVersion[] = [];
    for (const id of new Set(performerIds)) {
      const p = this.performer(id);
      if (p !== null) for (const m of p.mandates) mandates.push(m);
    }
    return { medium: r[1] as Medium, performerIds, mandates };
  }

  /** A performer and every version of their mandates, from the cache (valid for the current data version). */
  private performer(id: string): CachedPerformer | null {
    const hit = this.performerCache.get(id);
    if (hit !== undefined) return hit;
    const row = this.performerStmt.get(id) as PerformerRow | undefined;
    if (row === undefined) return null;
    // Full: forget the performer cached longest ago (a Map iterates in insertion order).
    if (this.performerCache.size >= this.maxCachedPerformers)
      this.performerCache.delete(this.performerCache.keys().next().value as string);
    // Per performer, versions in insertion order, as the store returns them: coverage keeps the
    // first-seen order of mandates, so reasons come out in the same order on both paths.
    const mandates = (this.mandatesStmt.all(id) as MandateRow[]).map(mandateFromRow);
    const entry = { mandates, facts: performerFacts(id, performerFromRow(row), mandates) };
    this.performerCache.set(id, entry);
    return entry;
  }

  private declarations(): readonly Declaration[] {
    this.declarationCache ??= (this.declarationsStmt.all() as DeclarationRow[]).map(declarationFromRow);
    return this.declarationCache;
  }

  private declarationFacts(): readonly DeclarationFacts[] {
    this.declarationFactsCache ??= this.declarations().map(declarationFacts);
    return this.declarationFactsCache;
  }
}

/** True when the file behind `raw` can be read through a snapshot reader (a WAL file, not `:memory:`). */
export function supportsSnapshotReader(raw: BetterSqlite3.Database, path: string): boolean {
  if (path === ':memory:' || path === '' || raw.memory) return false;
  return String(raw.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
}
