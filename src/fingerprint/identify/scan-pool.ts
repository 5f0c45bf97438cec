/**
 * Fingerprinting for scans: on worker threads, one per core by default (scan-worker.ts), or on the calling
 * thread through a `FingerprintSource` (workers 0, and tests). Either way the caller keeps as many files
 * in flight as the workers take (each its source's batch: one ffmpeg decodes a batch), so every core has
 * an fpcalc/ffmpeg child (or the core) busy. Each file goes to the worker with the fewest in hand, so a
 * worker that finished a batch receives the next one whole; a worker that dies is replaced.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScanJob, ScanJobResult } from './scan-worker.js';
import type { FingerprintSource } from './source.js';
import { fingerprintSource, type FingerprinterKind } from '../sources.js';

export type FingerprintResult =
  { ok: true; duration: number; raw: Uint32Array } | { ok: false; code: string; reason: string };

export interface Fingerprinter {
  /** How many files to keep in flight. */
  readonly width: number;
  fingerprint(path: string, maxSeconds: number): Promise<FingerprintResult>;
  close(): Promise<void>;
}

export function inlineFingerprinter(source: FingerprintSource, lanes = 1): Fingerprinter {
  return {
    width: lanes * (source.batch ?? 1),
    fingerprint: (path, maxSeconds) =>
      source.fingerprintFile(path, { maxSeconds }).then(
        (fp): FingerprintResult => ({ ok: true, duration: fp.duration, raw: fp.raw }),
        (e: unknown): FingerprintResult => ({
          ok: false,
          code: (e as { code?: string }).code ?? 'FINGERPRINT_TOOL_FAILED',
          reason: (e as Error).message,
        }),
      ),
    close: () => Promise.resolve(),
  };
}

export interface PoolOptions {
  /** The worker module (default: scan-worker.js beside this file, as built). */
  workerUrl?: URL;
  workerExecArgv?: string[];
  /** The source each worker uses (default the TypeScript core). */
  kind?: FingerprinterKind;
}

/** True when the built worker exists (it does not when this file runs from TypeScript sources). */
export function workerAvailable(o: PoolOptions = {}): boolean {
  return existsSync(fileURLToPath(o.workerUrl ?? new URL('./scan-worker.js', import.meta.url)));
}

/** Times a worker slot is restarted after its thread died before the slot is given up. */
const RESTARTS = 3;

/**
 * Worker threads, each file to the least-loaded one. A worker whose thread dies (an uncaught error, an
 * exit) fails only the files it had in hand, each with its path's own failure, and is replaced, so one
 * file that brings a worker down does not stop the scan; a slot that dies `RESTARTS` times more is given
 * up, and with no worker left every file fails at once instead of waiting forever.
 */
export function poolFingerprinter(n: number, o: PoolOptions = {}): Fingerprinter {
  const url = o.workerUrl ?? new URL('./scan-worker.js', import.meta.url);
  // Each job's answer and the worker slot it went to.
  const pending = new Map<number, { done: (r: FingerprintResult) => void; worker: number }>();
  let nextId = 0;
  let closing = false;
  // As many files in hand per worker as the source a worker builds decodes together.
  const perWorker = fingerprintSource(o.kind).batch ?? 1;
  const load = Array.from({ length: n }, () => 0);
  const restarts = Array.from({ length: n }, () => 0);
  const settle = (id: number, r: FingerprintResult): void => {
    const job = pending.get(id);
    if (job === undefined) return;
    pending.delete(id);
    load[job.worker]!--;
    job.done(r);
  };
  const workers: (Worker | null)[] = [];
  const start = (slot: number): Worker => {
    const w = new Worker(url, {
      workerData: { kind: o.kind ?? 'chromaprint' },
      ...(o.workerExecArgv ? { execArgv: o.workerExecArgv } : {}),
    });
    w.on('message', (m: ScanJobResult) =>
      settle(
        m.id,
        m.ok ? { ok: true, duration: m.duration, raw: m.raw } : { ok: false, code: m.code, reason: m.reason },
      ),
    );
    let failed = false;
    const fail = (why: string): void => {
      if (failed || closing) return;
      failed = true;
      for (const [id, job] of [...pending]) {
        if (job.worker === slot)
          settle(id, { ok: false, code: 'FINGERPRINT_TOOL_FAILED', reason: `scan worker failed: ${why}` });
      }
      workers[slot] = restarts[slot]! < RESTARTS ? start(slot) : null;
      restarts[slot]!++;
    };
    w.on('error', (e) => fail(e.message));
    w.on('exit', (code) => fail(`exited with code ${code}`));
    return w;
  };
  for (let i = 0; i < n; i++) workers.push(start(i));
  return {
    width: n * perWorker,
    fingerprint(path, maxSeconds) {
      const alive = [...workers.keys()].filter((i) => workers[i] !== null);
      if (alive.length === 0) {
        return Promise.resolve({
          ok: false,
          code: 'FINGERPRINT_TOOL_FAILED',
          reason: 'every scan worker failed',
        });
      }
      const worker = alive.reduce((best, i) => (load[i]! < load[best]! ? i : best), alive[0]!);
      const id = nextId++;
      load[worker]!++;
      return new Promise((done) => {
        pending.set(id, { done, worker });
        workers[worker]!.postMessage({ id, path, maxSeconds } satisfies ScanJob);
      });
    },
    close: async () => {
      closing = true;
      await Promise.all(workers.map((w) => (w === null ? Promise.resolve(0) : w.terminate())));
    },
  };
}
