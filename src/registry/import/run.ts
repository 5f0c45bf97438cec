/**
 * The bookkeeping of one import run: rows read, rejections (the first 100 kept for the answer, every one
 * written to the report), progress, and whether reading should stop (without --skip-bad-rows the run is
 * lost at the first bad row; reading goes on only to list up to 100 of them).
 */
import type { Entity, FileType, Rejection } from './model.js';
import type { ReportWriter } from './report.js';

export const MAX_LISTED_ERRORS = 100;

export interface ImportProgress {
  file: string;
  /** Bytes read so far, over all files of the run. */
  bytes: number;
  totalBytes: number;
  rows: number;
  rejected: number;
}

export interface PlannedFile {
  path: string;
  type: FileType;
  size: number;
}

/** Thrown inside a reader's callbacks to stop reading once enough errors are listed. */
export const STOP = new Error('import stopped after too many errors');

export class Run {
  readonly errors: Rejection[] = [];
  readonly rejectedBy: Record<Entity, number> = { performers: 0, mandates: 0, recordings: 0, lineups: 0 };
  rows = 0;
  rejected = 0;
  bytes = 0;
  private fileRows = 0;
  private fileRejected = 0;
  readonly files: { file: string; type: FileType; rows: number; rejected: number }[] = [];

  constructor(
    readonly skipBadRows: boolean,
    private readonly report: ReportWriter | null,
    readonly totalBytes: number,
    private readonly onProgress: ((p: ImportProgress) => void) | undefined,
    readonly signal: AbortSignal | undefined,
  ) {}

  /** True once a run without --skip-bad-rows has listed as many errors as it will report. */
  get stop(): boolean {
    return !this.skipBadRows && this.errors.length >= MAX_LISTED_ERRORS;
  }

  row(): void {
    this.rows++;
    this.fileRows++;
  }

  reject(entity: Entity, r: Rejection): void {
    this.rejected++;
    this.fileRejected++;
    this.rejectedBy[entity]++;
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(r);
    this.report?.write(r);
  }

  /** Backpressure from the report file. */
  drain(): Promise<void> | null {
    return this.report?.drain() ?? null;
  }

  progress(file: string, bytes: number): void {
    this.bytes += bytes;
    this.onProgress?.({
      file,
      bytes: this.bytes,
      totalBytes: this.totalBytes,
      rows: this.rows,
      rejected: this.rejected,
    });
  }

  endFile(file: PlannedFile): void {
    this.files.push({ file: file.path, type: file.type, rows: this.fileRows, rejected: this.fileRejected });
    this.fileRows = 0;
    this.fileRejected = 0;
  }
}

/** Waits for every pending promise (sink and report backpressure); undefined when nothing waits. */
export function whenDrained(...pending: (Promise<void> | null)[]): Promise<void> | undefined {
  const waits = pending.filter((p): p is Promise<void> => p !== null);
  return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined);
}
