/**
 * A check worker: answers `POST /v1/check` bodies on its own thread, from its own read-only SQLite
 * connection, and returns the answer as UTF-8 bytes (see check-pool.ts for why). Every job opens a
 * fresh snapshot (the reader has no writer connection to watch in this thread), so a job sees every
 * commit made before it started, and all of its items are answered against that one snapshot.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { SqliteCoverageReader } from '../registry/reader-sqlite.js';
import { ReaderStatusLookup } from '../registry/status-lookup.js';
import { checkAnswerBytes, type CheckRequest } from './check-answer.js';
import { KeptItems } from './check-kept.js';
import { licensedCheckBytes } from './licensed-check.js';
import type { Licence } from '../licensing/model.js';

/** What the pool passes to a new worker. */
export interface CheckWorkerData {
  dbPath: string;
  /** Room for kept batch items (check-kept.ts); 0 keeps none. */
  keptBytes: number;
}

export interface CheckJob {
  id: number;
  request: CheckRequest;
  /** A licensee's licences: the batch is answered as their holder sees it (`licensed` where they cover). */
  licences?: readonly Licence[];
}

/** The memory of an answer the main thread has sent, given back to the worker that wrote it. */
export interface RecycledAnswer {
  recycle: ArrayBuffer;
}

export type CheckJobResult =
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: false; code: string | null; message: string };

if (parentPort === null) throw new Error('check-worker.ts runs as a worker thread');
const port = parentPort;
const { dbPath, keptBytes } = workerData as CheckWorkerData;
const reader = new SqliteCoverageReader(dbPath, null);
const lookup = new ReaderStatusLookup(reader);
const kept = keptBytes > 0 ? new KeptItems(keptBytes) : undefined;
// Performer ids of a recording's line-up, in line-up order (only asked for licences naming performers).
const lineupIds = (isrc: string | null): string[] =>
  isrc === null ? [] : [...new Set(reader.read((s) => s.verdictRows('isrc', isrc))?.performerIds ?? [])];

/**
 * Memory for answers, given back by the main thread once it has sent them (CheckPool.recycle).
 *
 * Why: a full answer to 10,000 items is about 8 MB. Fresh memory for each would fault in every page
 * and, counted as external memory on both threads, bring on full collections of heaps that hold the
 * kept answers and items: that was a third of the main thread's time under batch load. A few buffers
 * going round instead keep both threads' memory steady.
 */
const spare: ArrayBuffer[] = [];
const MAX_SPARE = 3;
const ours = new WeakSet<ArrayBuffer>();

/** A buffer of `size` bytes for an answer: over spare memory when some is large enough. */
function rent(size: number): Buffer {
  const i = spare.findIndex((ab) => ab.byteLength >= size);
  // New memory leaves an eighth more room, for the next answer a little larger.
  const ab = i >= 0 ? (spare.splice(i, 1)[0] as ArrayBuffer) : new ArrayBuffer(size + (size >> 3));
  ours.add(ab);
  return Buffer.from(ab, 0, size);
}

/** Bytes whose whole ArrayBuffer can be transferred (Buffer.from may hand out a slice of a shared pool). */
function ownBuffer(b: Buffer): Uint8Array {
  return ours.has(b.buffer as ArrayBuffer) || (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength) ? b : new Uint8Array(b);
}

async function answer(job: CheckJob): Promise<Buffer> {
  if (job.licences !== undefined) return licensedCheckBytes(lookup, job.request, job.licences, { lineup: (r) => Promise.resolve(lineupIds(r.isrc)) });
  const bytes = checkAnswerBytes(lookup, job.request, kept, rent);
  if (bytes instanceof Promise) throw new Error('the snapshot reader answered asynchronously');
  return bytes;
}

async function onJob(job: CheckJob): Promise<void> {
  let result: CheckJobResult;
  try {
    const own = ownBuffer(await answer(job));
    port.postMessage({ id: job.id, ok: true, bytes: own } satisfies CheckJobResult, [
      own.buffer as ArrayBuffer,
    ]);
    return;
  } catch (e) {
    result = {
      id: job.id,
      ok: false,
      code: e instanceof AppError ? (e.code as string) : null,
      message: e instanceof Error ? e.message : String(e),
    };
  }
  port.postMessage(result);
}

// Jobs are answered one at a time, in order: a licensed one awaits nothing but the snapshot reader.
port.on('message', (m: CheckJob | RecycledAnswer) => {
  if (!('recycle' in m)) void onJob(m);
  else if (spare.length < MAX_SPARE) spare.push(m.recycle);
});
