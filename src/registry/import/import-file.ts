/**
 * `importFiles`: imports CSV files (docs/import-csv.md) and DDEX ERN 4.3 messages into the registry, all
 * in one transaction. Without `skipBadRows` any bad row loses the whole run (nothing is written; up to 100
 * errors are listed); with it, good rows are imported and every bad one goes to the report. Importing the
 * same files again changes nothing. Data problems come back in the result; only infrastructure failures
 * (database down, abort) throw.
 *
 * On SQLite the run holds the write transaction of the handle's connection until it ends: anything else
 * written through that same connection meanwhile becomes part of the import (and is rolled back with it),
 * so a server should not write through it while an import runs.
 *
 * @example
 * const result = await importFile(ctx, 'recordings.csv', { skipBadRows: true, report: 'rejected.csv' });
 * console.log(result.counts.recordings.inserted, result.rejected);
 */
import type { DbHandle } from '../../db/dialect.js';
import { importCsv } from './csv-import.js';
import { importDdex } from './ddex-import.js';
import { detectType } from './detect.js';
import { fileError, ImportError, type ImportErrorCode } from './errors.js';
import { fileSize } from './file-source.js';
import {
  addCounts,
  emptyCounts,
  ENTITIES,
  TYPE_ORDER,
  type Counts,
  type FileType,
  type Rejection,
} from './model.js';
import { rawOfLines } from './raw-lines.js';
import { ReportWriter } from './report.js';
import { Run, type ImportProgress, type PlannedFile } from './run.js';
import type { ImportSink } from './sink.js';
import { PostgresSink } from './sink-postgres.js';
import { SqliteSink } from './sink-sqlite.js';

export type { ImportProgress } from './run.js';

export interface ImportOptions {
  /** The format of every file; detected per file when absent. */
  type?: FileType | undefined;
  /** Import the good rows and report the bad ones, instead of importing nothing. */
  skipBadRows?: boolean | undefined;
  /** Path of the rejection report (CSV `line,field,reason,raw,file`). */
  report?: string | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((p: ImportProgress) => void) | undefined;
  /** The instant stamped on what the run writes (default: now). */
  now?: Date | undefined;
}

export interface ImportResult {
  /** `imported`: committed, nothing rejected; `partial`: committed, some rows rejected; `failed`: nothing written. */
  status: 'imported' | 'partial' | 'failed';
  committed: boolean;
  /** Why a failed run failed. */
  error: { code: ImportErrorCode; message: string } | null;
  files: { file: string; type: FileType; rows: number; rejected: number }[];
  counts: Counts;
  rows: number;
  rejected: number;
  /** The first 100 rejected rows. */
  errors: Rejection[];
  report: string | null;
  durationMs: number;
  rowsPerSecond: number;
}

/** Errors that condemn a file (not a row): they fail the run with a result instead of throwing. */
const FILE_ERRORS: ReadonlySet<ImportErrorCode> = new Set([
  'IMPORT_BAD_FILE',
  'IMPORT_BAD_HEADER',
  'IMPORT_BAD_XML',
]);

export function createSink(db: DbHandle, now: string): ImportSink {
  return db.kind === 'sqlite' ? new SqliteSink(db.raw, now) : new PostgresSink(db.pool, now);
}

export async function importFile(
  target: DbHandle | { db: DbHandle },
  path: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  return importFiles(target, [path], options);
}

export async function importFiles(
  target: DbHandle | { db: DbHandle },
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const started = performance.now();
  if (paths.length === 0) throw new ImportError('IMPORT_BAD_OPTIONS', 'no file to import');
  const db = 'kind' in target ? target : target.db;
  let plan: PlannedFile[];
  try {
    plan = await planFiles(paths, options.type);
  } catch (e) {
    if (e instanceof ImportError && FILE_ERRORS.has(e.code)) return failed(e, started);
    throw e;
  }
  const report = options.report === undefined ? null : await ReportWriter.open(options.report);
  const run = new Run(
    options.skipBadRows ?? false,
    report,
    plan.reduce((n, f) => n + f.size, 0),
    options.onProgress,
    options.signal,
  );
  const sink = createSink(db, (options.now ?? new Date()).toISOString());
  let error: ImportError | null = null;
  let committed = false;
  try {
    await sink.begin();
    for (const file of plan) {
      await importOne(run, sink, file);
      if (run.stop) break;
    }
    if (run.rejected > 0 && !run.skipBadRows) {
      await sink.rollback();
      error = new ImportError('IMPORT_BAD_ROWS', `${run.rejected} row(s) rejected; nothing was imported`);
    } else {
      await sink.commit();
      committed = true;
    }
  } catch (e) {
    await sink.rollback().catch(() => undefined);
    if (!(e instanceof ImportError && FILE_ERRORS.has(e.code))) throw e;
    error = e;
  } finally {
    await report?.close();
  }
  const counts = emptyCounts();
  if (committed) addCounts(counts, sink.counts());
  for (const e of ENTITIES) counts[e].rejected = run.rejectedBy[e];
  // Rejections found by PostgreSQL's merges arrive after a file's others: list them by file, then line.
  const order = new Map(plan.map((f, i) => [f.path, i]));
  run.errors.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);
  const durationMs = performance.now() - started;
  return {
    status: !committed ? 'failed' : run.rejected > 0 ? 'partial' : 'imported',
    committed,
    error: error === null ? null : { code: error.code, message: error.message },
    files: run.files,
    counts,
    rows: run.rows,
    rejected: run.rejected,
    errors:
      error !== null && FILE_ERRORS.has(error.code) ? [fileRejection(error), ...run.errors] : run.errors,
    report: report?.path ?? null,
    durationMs: Math.round(durationMs),
    rowsPerSecond: durationMs > 0 ? Math.round((run.rows * 1000) / durationMs) : 0,
  };
}

async function planFiles(paths: readonly string[], forced: FileType | undefined): Promise<PlannedFile[]> {
  const plan: PlannedFile[] = [];
  for (const path of paths) {
    const size = await fileSize(path);
    plan.push({
      path,
      size,
      type: size === 0 && forced === undefined ? emptyFile(path) : await detectType(path, forced),
    });
  }
  // Dependency order (performers before mandates and line-ups...), stable for files of one type.
  return plan
    .map((f, i) => ({ f, i }))
    .sort((a, b) => TYPE_ORDER[a.f.type] - TYPE_ORDER[b.f.type] || a.i - b.i)
    .map(({ f }) => f);
}

function emptyFile(path: string): never {
  throw fileError('IMPORT_BAD_FILE', path, 1, 'empty file');
}

async function importOne(run: Run, sink: ImportSink, file: PlannedFile): Promise<void> {
  await sink.startFile(file.type);
  if (file.type === 'ddex') await importDdex(run, sink, file);
  else await importCsv(run, sink, { ...file, type: file.type });
  if (run.stop) return run.endFile(file);
  const late = await sink.endFile();
  if (late.length > 0) {
    const raw = await rawOfLines(file.path, file.type, new Set(late.map((r) => r.line)));
    const entity = file.type === 'ddex' ? 'recordings' : file.type;
    for (const r of late)
      run.reject(entity, {
        file: file.path,
        line: r.line,
        field: r.field,
        reason: r.reason,
        raw: raw.get(r.line) ?? '',
      });
  }
  run.endFile(file);
}

function fileRejection(e: ImportError): Rejection {
  const d = e.details ?? {};
  return {
    file: typeof d.file === 'string' ? d.file : '',
    line: typeof d.line === 'number' ? d.line : 0,
    field: typeof d.path === 'string' ? d.path : '',
    reason: typeof d.reason === 'string' ? d.reason : e.message,
    raw: '',
  };
}

function failed(e: ImportError, started: number): ImportResult {
  return {
    status: 'failed',
    committed: false,
    error: { code: e.code, message: e.message },
    files: [],
    counts: emptyCounts(),
    rows: 0,
    rejected: 0,
    errors: [fileRejection(e)],
    report: null,
    durationMs: Math.round(performance.now() - started),
    rowsPerSecond: 0,
  };
}
