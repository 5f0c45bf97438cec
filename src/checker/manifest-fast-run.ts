/**
 * The chunked offline runs, CSV and JSON Lines: the file read in chunks cut at line ends, each answered on
 * a pool of worker threads (manifest-pool.ts; both cores: the main thread only reads and writes), results
 * taken back in file order. CSV chunks go through the byte scanner (`scanChunk`), JSON Lines chunks
 * through the line reader of the streaming path. CSV: plain CSV only: a chunk holding a quote character
 * may hold a field spanning lines, so from the first such chunk on, the rest of the file goes through
 * csv-parse (the general reader), starting at that chunk's first byte, which is a record boundary because
 * no quote came before it. Memory: a few chunks.
 *
 * @example
 * const summary = await runFastCsv('dataset.csv', { snapshotBytes, view, threshold: 0.85, workers: 2 });
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { SnapshotView } from '../snapshot/format.js';
import { resolveColumns, type ColumnMap } from './manifest-columns.js';
import type { JobResult } from './manifest-job.js';
import { SnapshotMatcher } from './manifest-match.js';
import { errorOutcome } from './manifest-model.js';
import { outcomeFormatter, type OutcomeSink, type OutputFormat } from './manifest-output.js';
import { jobPool } from './manifest-pool.js';
import { noFieldError, readCsv } from './manifest-read.js';
import { shareSnapshot } from './manifest-shared.js';
import { SummaryBuilder, type ManifestSummary } from './manifest-summary.js';

export interface FastOptions {
  snapshotBytes: Uint8Array;
  view: SnapshotView;
  threshold: number;
  /** Worker threads; 0 scans on the calling thread. */
  workers: number;
  sink?: OutcomeSink | undefined;
  outputFormat?: OutputFormat | undefined;
  onBytes?: (n: number) => void;
  chunkBytes?: number;
  /** Parquet: rows per job at most (default 100,000). */
  rowsPerJob?: number;
  /** The worker module and its Node options (tests run it from sources with a loader). */
  workerUrl?: URL;
  workerExecArgv?: string[];
}

/** JSON Lines on the same machinery: chunks of whole lines parsed and answered on the worker threads. */
export async function runFastJsonl(file: string, o: FastOptions): Promise<ManifestSummary> {
  const fh = await open(file, 'r');
  try {
    const r = await run(file, fh, 0, 'jsonl', {}, 0, o);
    if (r.lines > 0 && !r.sawField) throw noFieldError(file);
    return r.summary;
  } finally {
    await fh.close();
  }
}

/** Below this size a file is scanned on the calling thread: starting workers costs more than they save. */
export const WORKER_MIN_BYTES = 16 * 1024 * 1024;

/** Worker threads for a file of `size` bytes: `auto` is one per core (at most 2 here) for big files, none for small ones. */
export function workersFor(size: number, requested: number | 'auto', cores: number): number {
  if (requested !== 'auto') return requested;
  return size < WORKER_MIN_BYTES ? 0 : Math.max(1, Math.min(cores, 8));
}

const QUOTE = 34;
const NL = 10;

/** Null when the file's header is not plain (the general reader takes the whole file). */
export async function runFastCsv(file: string, o: FastOptions): Promise<ManifestSummary | null> {
  const fh = await open(file, 'r');
  try {
    const head = await readHeader(fh);
    if (head === null) return null;
    const cols = resolveColumns(head.cells, file);
    return (await run(file, fh, head.bytes, 'csv', cols, head.cells.length, o)).summary;
  } finally {
    await fh.close();
  }
}

async function readHeader(fh: FileHandle): Promise<{ cells: string[]; bytes: number } | null> {
  const buf = Buffer.alloc(64 * 1024);
  const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
  const nl = buf.subarray(0, bytesRead).indexOf(NL);
  if (nl < 0) return null;
  let text = buf.toString('utf8', 0, nl).replace(/\r$/, '');
  if (text.includes('"')) return null;
  text = text.replace(/^\uFEFF/, '');
  return { cells: text.split(','), bytes: nl + 1 };
}

/**
 * The chunk loop of CSV (after its header, at byte `start`) and JSON Lines (from byte 0): chunks cut at
 * line ends go to the pool, answers are taken back in file order.
 */
async function run(
  file: string,
  fh: FileHandle,
  start: number,
  kind: 'csv' | 'jsonl',
  cols: ColumnMap,
  width: number,
  o: FastOptions,
): Promise<{ summary: ManifestSummary; lines: number; sawField: boolean }> {
  const format = o.sink ? (o.outputFormat ?? null) : null;
  // The main thread formats only the rows of a quoted CSV's fallback (the workers format the rest).
  const fmt = format === null ? undefined : outcomeFormatter(format);
  const shared = shareSnapshot(o.snapshotBytes, o.view);
  const scanner = jobPool(o.workers, { kind, shared, cols, width, threshold: o.threshold, format }, o);
  const total = new SummaryBuilder();
  const header = kind === 'csv' ? 1 : 0;
  let sawField = false;
  // Chunks small enough that every worker gets several, large enough that messages are few.
  const size = (await fh.stat()).size;
  const chunk =
    o.chunkBytes ??
    Math.max(256 * 1024, Math.min(4 * 1024 * 1024, Math.ceil(size / Math.max(1, o.workers * 8))));
  const inFlight: { promise: Promise<JobResult>; relative: boolean }[] = [];
  // Chunk buffers come back with their results and are read into again: fresh 4 MB buffers cost a page
  // fault per 4 KB, about as much CPU as reading the file.
  const spare: ArrayBuffer[] = [];
  // File line of the next chunk's first line: known before dispatch when outcomes are written (their
  // text carries line numbers), else from the chunks' line counts as they come back.
  let lineOfNext = header + 1;
  let linesDone = header;
  const take = async (): Promise<void> => {
    const job = inFlight.shift();
    if (job === undefined) return;
    const r = await job.promise;
    if (job.relative) for (const e of r.summary.firstErrors) e.line += linesDone;
    linesDone += r.lines;
    sawField ||= r.sawField === true;
    if (r.bytes) spare.push(r.bytes.buffer as ArrayBuffer);
    total.merge(r.summary);
    if (o.sink && r.text !== '') await o.sink.writeText(r.text);
  };
  let pos = start;
  let carry: Buffer = Buffer.alloc(0);
  let quotedAt = -1;
  o.onBytes?.(start);
  try {
    for (;;) {
      const want = Math.max(chunk, carry.length * 2);
      const reused = spare.pop();
      let buf =
        reused !== undefined && reused.byteLength >= want
          ? Buffer.from(reused)
          : Buffer.allocUnsafeSlow(want);
      carry.copy(buf, 0);
      let filled = carry.length;
      const { bytesRead } = await fh.read(buf, filled, buf.length - filled, pos);
      pos += bytesRead;
      filled += bytesRead;
      const eof = bytesRead === 0;
      let cut = eof ? filled : buf.subarray(0, filled).lastIndexOf(NL) + 1;
      if (cut === 0) {
        if (filled === buf.length) {
          // A line longer than the chunk: keep it all and read on.
          carry = buf.subarray(0, filled);
          continue;
        }
        cut = filled;
      }
      if (filled === 0) break;
      const body = buf.subarray(0, cut);
      carry = Buffer.from(buf.subarray(cut, filled));
      o.onBytes?.(bytesRead);
      if (kind === 'csv' && body.indexOf(QUOTE) >= 0) {
        quotedAt = pos - filled;
        break;
      }
      if (fmt) {
        const firstLine = lineOfNext;
        lineOfNext += countLines(body);
        inFlight.push({ promise: scanner.run({ bytes: body, firstLine }), relative: false });
      } else {
        inFlight.push({ promise: scanner.run({ bytes: body, firstLine: 0 }), relative: true });
      }
      buf = Buffer.alloc(0);
      while (inFlight.length >= Math.max(2, o.workers * 2)) await take();
      if (eof) break;
    }
    while (inFlight.length > 0) await take();
    for (const { name, n } of await scanner.drain()) total.addPerformer(name, n);
  } finally {
    // Answers still in flight after a failure are dropped with their workers.
    for (const j of inFlight) j.promise.catch(() => undefined);
    await scanner.close();
  }
  if (quotedAt >= 0) {
    const matcher = new SnapshotMatcher(o.view, { threshold: o.threshold });
    const header = Object.entries(cols).reduce<string[]>(
      (h, [f, i]) => ((h[i] = f), h),
      Array.from({ length: width }, (_, i) => `column${i + 1}`),
    );
    let text = '';
    for await (const item of readCsv(file, undefined, { start: quotedAt, lineOffset: linesDone, header })) {
      const out = item.ok ? matcher.match(item.row) : errorOutcome(item.problem, 'registry-snapshot');
      total.add(out);
      if (fmt && o.sink) {
        text += fmt(out);
        if (text.length > 1 << 20) {
          await o.sink.writeText(text);
          text = '';
        }
      }
    }
    if (o.sink && text !== '') await o.sink.writeText(text);
  }
  return { summary: total.summary(), lines: linesDone - header, sawField };
}

function countLines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(NL); i >= 0; i = b.indexOf(NL, i + 1)) n++;
  return n;
}
