/**
 * Where a parallel manifest check's jobs run (manifest-job.ts): on worker threads, or on the calling
 * thread when no worker pays. Jobs go to the workers in turn; their answers come back as promises, in
 * any order (the caller takes them in file order). A job that fails on a worker rejects with the
 * worker's coded error, rebuilt on this side; a worker thread that dies rejects every job still waiting.
 */
import { Worker } from 'node:worker_threads';
import { CheckerError, type CheckerErrorCode } from './errors.js';
import {
  jobRunner,
  type Artists,
  type ChunkJob,
  type Job,
  type JobResult,
  type RowsJob,
  type WorkerInit,
} from './manifest-job.js';

export interface JobPool {
  /** Runs a chunk (its bytes are transferred to the worker and come back with the result) or a row range. */
  run(job: Omit<ChunkJob, 'id'> | Omit<RowsJob, 'id'>): Promise<JobResult>;
  /** The reserved rows' artists tallied across jobs and not yet in a job's summary. */
  drain(): Promise<Artists>;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** The worker module and its Node options (tests run it from sources with a loader). */
  workerUrl?: URL | undefined;
  workerExecArgv?: string[] | undefined;
}

/** `workers` threads, or the calling thread for 0. */
export function jobPool(workers: number, init: WorkerInit, o: PoolOptions = {}): JobPool {
  return workers === 0 ? inlinePool(init) : workerPool(workers, init, o);
}

function inlinePool(init: WorkerInit): JobPool {
  const runner = jobRunner(init);
  return {
    run: (job) => runner.run({ id: 0, ...job }),
    drain: () => Promise.resolve(runner.drain()),
    close: () => Promise.resolve(),
  };
}

interface WorkerError {
  message: string;
  code?: unknown;
  details?: unknown;
}

function workerPool(n: number, init: WorkerInit, o: PoolOptions): JobPool {
  const url = o.workerUrl ?? new URL('./manifest-worker.js', import.meta.url);
  const workers = Array.from(
    { length: n },
    () => new Worker(url, { workerData: init, ...(o.workerExecArgv ? { execArgv: o.workerExecArgv } : {}) }),
  );
  const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  let turn = 0;
  let closing = false;
  for (const w of workers) {
    w.on('message', (m: { id: number; error?: WorkerError }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error === undefined) p?.resolve(m);
      else if (typeof m.error.code === 'string' && m.error.code.startsWith('CHECK_'))
        p?.reject(
          new CheckerError(m.error.code as CheckerErrorCode, m.error.message, {
            details: m.error.details as Record<string, unknown>,
          }),
        );
      else p?.reject(new Error(m.error.message));
    });
    // A worker that dies fails the whole check (its chunk cannot be answered): every job still waiting.
    const failAll = (e: Error): void => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    };
    w.on('error', failAll);
    w.on('exit', (code) => {
      if (!closing) failAll(new Error(`manifest worker exited with code ${code}`));
    });
  }
  const ask = <T>(w: Worker, job: Job, transfer: ArrayBuffer[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.set(job.id, { resolve: (r) => resolve(r as T), reject });
      w.postMessage(job, transfer);
    });
  return {
    run(job) {
      const w = workers[turn++ % workers.length] as Worker;
      const full = { id: nextId++, ...job };
      return ask<JobResult>(w, full, 'bytes' in full ? [full.bytes.buffer as ArrayBuffer] : []);
    },
    async drain() {
      const parts = await Promise.all(
        workers.map((w) => ask<{ artists: Artists }>(w, { id: nextId++, drain: true }, [])),
      );
      return parts.flatMap((p) => p.artists);
    },
    close: async () => {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
