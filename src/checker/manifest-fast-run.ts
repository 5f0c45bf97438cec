/**
 * The CSV fast path: the file read in chunks cut at line ends, each scanned by `scanChunk` on a pool of
 * worker threads (both cores: the main thread only reads and writes), results taken back in file order.
 * Plain CSV only: a chunk holding a quote character may hold a field spanning lines, so from the first
 * such chunk on, the rest of the file goes through csv-parse (the general reader), starting at that
 * chunk's first byte, which is a record boundary because no quote came before it. Memory: a few chunks.
 *
 * @example
 * const summary = await runFastCsv('dataset.csv', { snapshotBytes, view, threshold: 0.85, workers: 2 });
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { SnapshotView } from '../snapshot/format.js';
import { ArtistTally } from './artist-tally.js';
import { resolveColumns, type ColumnMap } from './manifest-columns.js';
import { scanChunk, type ScanResult, type ScanSetup } from './manifest-fast.js';
import { SnapshotMatcher } from './manifest-match.js';
import { errorOutcome, outcomeCsv, outcomeJsonl } from './manifest-model.js';
import type { OutcomeSink, OutputFormat } from './manifest-output.js';
import { readCsv } from './manifest-read.js';
import { shareSnapshot, sharedSnapshotData, type SharedSnapshot } from './manifest-shared.js';
import { SummaryBuilder, type ManifestSummary } from './manifest-summary.js';

export interface WorkerInit {
  shared: SharedSnapshot;
  cols: ColumnMap;
  width: number;
  threshold: number;
  format: OutputFormat | null;
}

export interface ChunkJob {
  id: number;
  bytes: Uint8Array;
  firstLine: number;
}

/** Asks a worker for the artists it tallied (its ArtistTally) once every chunk is done. */
export interface DrainJob {
  id: number;
  drain: true;
}

type Artists = { name: string; n: number }[];

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
  /** The worker module and its Node options (tests run it from sources with a loader). */
  workerUrl?: URL;
  workerExecArgv?: string[];
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
    return await run(file, fh, head.bytes, cols, head.cells.length, o);
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

/** A chunk's result, with its bytes handed back (from a worker: transferred back) to be read into again. */
export type ChunkResult = ScanResult & { bytes: Uint8Array };

interface Scanner {
  scan(bytes: Uint8Array, firstLine: number): Promise<ChunkResult>;
  /** The reserved rows' artists tallied across chunks and not yet in a chunk's summary. */
  drain(): Promise<Artists>;
  close(): Promise<void>;
}

function inlineScanner(setup: ScanSetup): Scanner {
  return {
    drain: () => Promise.resolve(setup.artists?.entries() ?? []),
    scan: (bytes, firstLine) =>
      Promise.resolve({
        ...scanChunk(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), firstLine, setup),
        bytes,
      }),
    close: () => Promise.resolve(),
  };
}

function poolScanner(n: number, init: WorkerInit, o: FastOptions): Scanner {
  const url = o.workerUrl ?? new URL('./manifest-worker.js', import.meta.url);
  const workers = Array.from(
    { length: n },
    () => new Worker(url, { workerData: init, ...(o.workerExecArgv ? { execArgv: o.workerExecArgv } : {}) }),
  );
  const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  let turn = 0;
  for (const w of workers) {
    w.on('message', (m: (ChunkResult | { artists: Artists }) & { id: number }) => {
      pending.get(m.id)?.resolve(m);
      pending.delete(m.id);
    });
    w.on('error', (e) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
  }
  const ask = <T>(w: Worker, job: ChunkJob | DrainJob, transfer: ArrayBuffer[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.set(job.id, { resolve: (r) => resolve(r as T), reject });
      w.postMessage(job, transfer);
    });
  return {
    async drain() {
      const parts = await Promise.all(
        workers.map((w) => ask<{ artists: Artists }>(w, { id: nextId++, drain: true }, [])),
      );
      return parts.flatMap((p) => p.artists);
    },
    scan(bytes, firstLine) {
      const id = nextId++;
      const w = workers[turn++ % workers.length] as Worker;
      return ask<ChunkResult>(w, { id, bytes, firstLine }, [bytes.buffer as ArrayBuffer]);
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

async function run(
  file: string,
  fh: FileHandle,
  start: number,
  cols: ColumnMap,
  width: number,
  o: FastOptions,
): Promise<ManifestSummary> {
  const format = o.sink ? (o.outputFormat ?? null) : null;
  const fmt = format === 'csv' ? outcomeCsv : format === 'jsonl' ? outcomeJsonl : undefined;
  const shared = shareSnapshot(o.snapshotBytes, o.view);
  const scanner =
    o.workers === 0
      ? inlineScanner({
          cols,
          width,
          matcher: new SnapshotMatcher(sharedSnapshotData(shared), { threshold: o.threshold }),
          statuses: sharedSnapshotData(shared).statuses,
          artists: new ArtistTally(),
          ...(fmt ? { format: fmt } : {}),
        })
      : poolScanner(o.workers, { shared, cols, width, threshold: o.threshold, format }, o);
  const total = new SummaryBuilder();
  // Chunks small enough that every worker gets several, large enough that messages are few.
  const size = (await fh.stat()).size;
  const chunk =
    o.chunkBytes ??
    Math.max(256 * 1024, Math.min(4 * 1024 * 1024, Math.ceil(size / Math.max(1, o.workers * 8))));
  const inFlight: { promise: Promise<ChunkResult>; relative: boolean }[] = [];
  // Chunk buffers come back with their results and are read into again: fresh 4 MB buffers cost a page
  // fault per 4 KB, about as much CPU as reading the file.
  const spare: ArrayBuffer[] = [];
  // File line of the next chunk's first line: known before dispatch when outcomes are written (their
  // text carries line numbers), else from the chunks' line counts as they come back.
  let lineOfNext = 2;
  let linesDone = 1;
  const take = async (): Promise<void> => {
    const job = inFlight.shift();
    if (job === undefined) return;
    const r = await job.promise;
    if (job.relative) for (const e of r.summary.firstErrors) e.line += linesDone;
    linesDone += r.lines;
    spare.push(r.bytes.buffer as ArrayBuffer);
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
      if (body.indexOf(QUOTE) >= 0) {
        quotedAt = pos - filled;
        break;
      }
      if (fmt) {
        const firstLine = lineOfNext;
        lineOfNext += countLines(body);
        inFlight.push({ promise: scanner.scan(body, firstLine), relative: false });
      } else {
        inFlight.push({ promise: scanner.scan(body, 0), relative: true });
      }
      buf = Buffer.alloc(0);
      while (inFlight.length >= Math.max(2, o.workers * 2)) await take();
      if (eof) break;
    }
    while (inFlight.length > 0) await take();
    for (const { name, n } of await scanner.drain()) total.addPerformer(name, n);
  } finally {
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
  return total.summary();
}

function countLines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(NL); i >= 0; i = b.indexOf(NL, i + 1)) n++;
  return n;
}
