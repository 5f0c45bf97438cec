/**
 * Reading manifests as a stream of rows (the file edge): CSV with csv-parse, JSON Lines line by line,
 * Parquet with hyparquet, one row group at a time and only the columns a match needs. Memory stays
 * constant in the file's size (a Parquet row group at most). A file that cannot be read at all, or whose
 * header cannot be matched, throws CHECK_BAD_MANIFEST naming the file; a bad row is yielded as a
 * problem with its line and field, and reading goes on.
 *
 * @example
 * for await (const item of readManifest('dataset.csv')) if (item.ok) console.log(item.row.isrc);
 */
import { createReadStream, statSync } from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
  type AsyncBuffer,
  type FileMetaData,
} from 'hyparquet';
import { CheckerError } from './errors.js';
import { MANIFEST_FIELDS, resolveColumns, type ColumnMap, type ManifestField } from './manifest-columns.js';
import { jsonlChunk } from './manifest-jsonl.js';
import type { ManifestRow, RowProblem } from './manifest-model.js';

export type ManifestFormat = 'csv' | 'jsonl' | 'parquet';
export type ReadItem = { ok: true; row: ManifestRow } | { ok: false; problem: RowProblem };

/** The format from the file name: `.csv`, `.jsonl` / `.ndjson`, `.parquet`. */
export function manifestFormat(file: string): ManifestFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.parquet')) return 'parquet';
  throw new CheckerError(
    'CHECK_BAD_MANIFEST',
    `${file}: cannot tell the format (expected .csv, .jsonl, .ndjson or .parquet)`,
    { details: { file } },
  );
}

export function checkReadable(file: string): number {
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    return st.size;
  } catch (cause) {
    throw new CheckerError(
      'CHECK_BAD_MANIFEST',
      `${file}: cannot read the manifest: ${(cause as Error).message}`,
      { cause, details: { file } },
    );
  }
}

export function readManifest(
  file: string,
  format: ManifestFormat = manifestFormat(file),
  onBytes?: (n: number) => void,
): AsyncGenerator<ReadItem> {
  checkReadable(file);
  if (format === 'csv') return readCsv(file, onBytes);
  if (format === 'jsonl') return readJsonl(file, onBytes);
  return readParquet(file);
}

function rowFrom(cells: readonly string[], cols: ColumnMap, line: number): ManifestRow {
  const row: ManifestRow = { line };
  for (const f of MANIFEST_FIELDS) {
    const i = cols[f];
    if (i !== undefined) row[f] = cells[i];
  }
  return row;
}

export interface CsvFrom {
  /** Byte offset to start at (a record boundary). */
  start?: number;
  /** Lines before `start`, added to every line number. */
  lineOffset?: number;
  /** The header, when `start` is past it. */
  header?: string[];
}

/** CSV rows; with `from`, the rest of a file from a record boundary (the fast path's fallback). */
export async function* readCsv(
  file: string,
  onBytes?: (n: number) => void,
  from: CsvFrom = {},
): AsyncGenerator<ReadItem> {
  const lineOffset = from.lineOffset ?? 0;
  const skipped: RowProblem[] = [];
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      skipped.push({
        line: Number(err?.lines ?? 0) + lineOffset,
        field: 'record',
        reason: err?.message ?? 'unreadable CSV record',
      });
      return undefined;
    },
  });
  const input = createReadStream(file, from.start === undefined ? {} : { start: from.start });
  if (onBytes) input.on('data', (c) => onBytes(c.length));
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  let cols: ColumnMap | null = from.header ? resolveColumns(from.header, file) : null;
  let width = from.header?.length ?? 0;
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      while (skipped.length > 0) yield { ok: false, problem: skipped.shift() as RowProblem };
      if (cols === null) {
        cols = resolveColumns(rec.record, file);
        width = rec.record.length;
        continue;
      }
      const line = rec.info.lines + lineOffset;
      if (rec.record.length !== width) {
        yield {
          ok: false,
          problem: {
            line,
            field: 'record',
            reason: `${rec.record.length} fields where the header has ${width}`,
          },
        };
        continue;
      }
      yield { ok: true, row: rowFrom(rec.record, cols, line) };
    }
    while (skipped.length > 0) yield { ok: false, problem: skipped.shift() as RowProblem };
  } catch (e) {
    if (e instanceof CheckerError) throw e;
    throw new CheckerError('CHECK_BAD_MANIFEST', `${file}: ${(e as Error).message}`, {
      cause: e,
      details: { file },
    });
  } finally {
    input.destroy();
  }
  if (cols === null)
    throw new CheckerError('CHECK_BAD_MANIFEST', `${file}: empty, no header`, { details: { file, line: 1 } });
}

async function* readJsonl(file: string, onBytes?: (n: number) => void): AsyncGenerator<ReadItem> {
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  let line = 1;
  let sawField = false;
  let carry: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      onBytes?.(chunk.length);
      const buf = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      const cut = buf.lastIndexOf(10) + 1;
      carry = Buffer.from(buf.subarray(cut));
      if (cut === 0) continue;
      const r = jsonlChunk(buf.subarray(0, cut), line);
      line += r.lines;
      sawField ||= r.sawField;
      yield* r.items;
    }
    if (carry.length > 0) {
      const r = jsonlChunk(carry, line);
      line += r.lines;
      sawField ||= r.sawField;
      yield* r.items;
    }
  } catch (e) {
    throw new CheckerError('CHECK_BAD_MANIFEST', `${file}: ${(e as Error).message}`, {
      cause: e,
      details: { file, line },
    });
  } finally {
    input.destroy();
  }
  if (line > 1 && !sawField) throw noFieldError(file);
}

/** A JSON Lines file none of whose rows has a field the matcher can use. */
export function noFieldError(file: string): CheckerError {
  return new CheckerError('CHECK_BAD_MANIFEST', `${file}: no row has an isrc, artist or title field`, {
    details: { file, line: 1, field: 'isrc' },
  });
}

async function* readParquet(file: string): AsyncGenerator<ReadItem> {
  const pq = await openParquet(file);
  let start = 0;
  for (const group of pq.metadata.row_groups) {
    const end = start + Number(group.num_rows);
    yield* await parquetItems(pq, start, end);
    start = end;
  }
}

/** An open Parquet manifest: its bytes, metadata and the columns a match reads. */
export interface OpenParquet {
  file: string;
  buffer: AsyncBuffer;
  metadata: FileMetaData;
  wanted: { f: ManifestField; name: string }[];
}

/** Opens a Parquet manifest; CHECK_BAD_MANIFEST when it is not one or no column can be matched. */
export async function openParquet(file: string): Promise<OpenParquet> {
  let buffer;
  let metadata;
  try {
    buffer = await asyncBufferFromFile(file);
    metadata = await parquetMetadataAsync(buffer);
  } catch (e) {
    throw new CheckerError('CHECK_BAD_MANIFEST', `${file}: not a Parquet file: ${(e as Error).message}`, {
      cause: e,
      details: { file },
    });
  }
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const cols = resolveColumns(names, file);
  const wanted = (Object.entries(cols) as [ManifestField, number][]).map(([f, i]) => ({
    f,
    name: names[i] as string,
  }));
  return { file, buffer, metadata, wanted };
}

/** The items of rows [start, end) (0-based; lines are 1-based row numbers). */
export async function parquetItems(pq: OpenParquet, start: number, end: number): Promise<ReadItem[]> {
  let rows;
  try {
    rows = await parquetReadObjects({
      file: pq.buffer,
      metadata: pq.metadata,
      columns: pq.wanted.map((w) => w.name),
      rowStart: start,
      rowEnd: end,
    });
  } catch (e) {
    throw new CheckerError(
      'CHECK_BAD_MANIFEST',
      `${pq.file}: rows ${start + 1}-${end}: ${(e as Error).message}`,
      {
        cause: e,
        details: { file: pq.file, line: start + 1 },
      },
    );
  }
  const items: ReadItem[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as Record<string, unknown>;
    const row: ManifestRow = { line: start + i + 1 };
    let bad: RowProblem | null = null;
    for (const w of pq.wanted) {
      const v = r[w.name];
      if (v === null || v === undefined) continue;
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') row[w.f] = String(v);
      else bad ??= { line: row.line, field: w.f, reason: `${w.name} is not text` };
    }
    items.push(bad ? { ok: false, problem: bad } : { ok: true, row });
  }
  return items;
}
