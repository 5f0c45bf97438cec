/**
 * One job of a parallel manifest check, run the same way on a worker thread (manifest-worker.ts) and on
 * the calling thread (`--workers 0`): a chunk of plain CSV (the byte scanner), a chunk of JSON Lines, or
 * a range of Parquet rows, each answered from the snapshot into a summary and, when outcomes are
 * written, their text. Chunks of CSV and JSON Lines arrive as bytes cut at line ends; Parquet rows are
 * read here, from the file, so that decoding is spread too.
 */
import { ArtistTally } from './artist-tally.js';
import type { ColumnMap } from './manifest-columns.js';
import { scanChunk, type ScanResult, type ScanSetup } from './manifest-fast.js';
import { jsonlChunk } from './manifest-jsonl.js';
import { SnapshotMatcher } from './manifest-match.js';
import { errorOutcome, type RowOutcome } from './manifest-model.js';
import { outcomeFormatter, type OutputFormat } from './manifest-output.js';
import { openParquet, parquetItems, type OpenParquet, type ReadItem } from './manifest-read.js';
import { sharedSnapshotData, type SharedSnapshot } from './manifest-shared.js';
import { SummaryBuilder } from './manifest-summary.js';

export type JobKind = 'csv' | 'jsonl' | 'parquet';

export interface WorkerInit {
  kind: JobKind;
  shared: SharedSnapshot;
  threshold: number;
  format: OutputFormat | null;
  /** CSV: the header's columns and width. */
  cols?: ColumnMap;
  width?: number;
  /** Parquet: the file the row ranges are read from. */
  file?: string;
}

/** Bytes of whole lines (CSV, JSON Lines); `firstLine` 0 numbers the chunk's lines from 1 (relative). */
export interface ChunkJob {
  id: number;
  bytes: Uint8Array;
  firstLine: number;
}

/** Parquet rows [start, end). */
export interface RowsJob {
  id: number;
  start: number;
  end: number;
}

/** Asks for the artists tallied across jobs (a thread's ArtistTally) once every job is done. */
export interface DrainJob {
  id: number;
  drain: true;
}

export type Job = ChunkJob | RowsJob | DrainJob;
export type Artists = { name: string; n: number }[];

/** A job's answer; a chunk's bytes come back with it, to be read into again. */
export type JobResult = ScanResult & { bytes?: Uint8Array; sawField?: boolean };

/** The job runner of one thread: `run` answers chunks and row ranges, `drain` the artists tallied. */
export function jobRunner(init: WorkerInit): {
  run(job: ChunkJob | RowsJob): Promise<JobResult>;
  drain(): Artists;
} {
  const data = sharedSnapshotData(init.shared);
  const matcher = new SnapshotMatcher(data, { threshold: init.threshold });
  const format = init.format === null ? undefined : outcomeFormatter(init.format);
  const artists = new ArtistTally();
  const setup: ScanSetup = {
    cols: init.cols ?? {},
    width: init.width ?? 0,
    matcher,
    artists,
    ...(format ? { format } : {}),
  };
  let parquet: Promise<OpenParquet> | null = null;
  const answer = (items: readonly ReadItem[], lines: number): ScanResult => {
    const summary = new SummaryBuilder();
    let text = '';
    for (const item of items) {
      const o: RowOutcome = item.ok
        ? matcher.match(item.row)
        : errorOutcome(item.problem, 'registry-snapshot');
      summary.add(o);
      if (format) text += format(o);
    }
    return { summary: summary.summary(Number.MAX_SAFE_INTEGER), lines, text };
  };
  return {
    async run(job) {
      if ('bytes' in job) {
        const buf = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
        if (init.kind === 'csv') return { ...scanChunk(buf, job.firstLine, setup), bytes: job.bytes };
        const r = jsonlChunk(buf, job.firstLine === 0 ? 1 : job.firstLine);
        return { ...answer(r.items, r.lines), bytes: job.bytes, sawField: r.sawField };
      }
      parquet ??= openParquet(init.file as string);
      const items = await parquetItems(await parquet, job.start, job.end);
      return answer(items, job.end - job.start);
    },
    drain() {
      const out = artists.entries();
      artists.clear();
      return out;
    },
  };
}
