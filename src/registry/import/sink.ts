/**
 * Where validated rows go: one implementation per database, each doing the bulk path its driver is fast
 * at (SQLite: cached prepared statements in one transaction; PostgreSQL: COPY into staging tables, then
 * set-based merges). A sink owns one transaction for a whole run: `commit` makes every file visible at
 * once, `rollback` (or the process dying) leaves the database as it was.
 *
 * Row methods answer at once. SQLite decides there and then; PostgreSQL stages the row and accepts it,
 * and `endFile` returns the rows its merge rejected (unknown references, duplicates), by line.
 */
import type {
  Counts,
  DdexResourceDraft,
  FileType,
  LineupDraft,
  MandateDraft,
  PerformerDraft,
  RecordingDraft,
  RowOutcome,
} from './model.js';

export interface SinkRejection {
  line: number;
  field: string;
  reason: string;
}

export interface ImportSink {
  begin(): Promise<void>;
  /** Starts a file; `type` says which row method the file's rows go to. */
  startFile(type: FileType): Promise<void>;
  performer(p: PerformerDraft, line: number): RowOutcome;
  recording(r: RecordingDraft, line: number): RowOutcome;
  mandate(m: MandateDraft, line: number): RowOutcome;
  lineup(l: LineupDraft, line: number): RowOutcome;
  /** A DDEX resource: `path` names it in rejections found later. */
  resource(r: DdexResourceDraft, line: number, path: string): RowOutcome;
  /** Resolves once staged rows have been handed to the database (backpressure); null when nothing waits. */
  drain(): Promise<void> | null;
  /** Finishes the current file and returns the rows the database rejected. */
  endFile(): Promise<SinkRejection[]>;
  /** Writes so far, per entity (rows the sink rejected included). */
  counts(): Counts;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}
