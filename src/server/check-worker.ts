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

/** What the pool passes to a new worker. */
export interface CheckWorkerData {
  dbPath: string;
}

export interface CheckJob {
  id: number;
  request: CheckRequest;
}

export type CheckJobResult =
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: false; code: string | null; message: string };

const port = parentPort;
if (port === null) throw new Error('check-worker.ts runs as a worker thread');
const { dbPath } = workerData as CheckWorkerData;
const lookup = new ReaderStatusLookup(new SqliteCoverageReader(dbPath, null));

/** Bytes whose whole ArrayBuffer can be transferred (Buffer.from may hand out a slice of a shared pool). */
function ownBuffer(b: Buffer): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
}

port.on('message', (job: CheckJob) => {
  let result: CheckJobResult;
  try {
    const bytes = checkAnswerBytes(lookup, job.request);
    if (bytes instanceof Promise) throw new Error('the snapshot reader answered asynchronously');
    const own = ownBuffer(bytes);
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
});
