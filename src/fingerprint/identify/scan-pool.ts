/**
 * Fingerprinting for scans: on worker threads, one per core by default (scan-worker.ts), or on the calling
 * thread through a `FingerprintSource` (workers 0, and tests). Either way the caller keeps as many files
 * in flight as the workers take (each its source's batch: one ffmpeg decodes a batch), so every core has
 * an fpcalc/ffmpeg child (or the core) busy. Each file goes to the worker with the fewest in hand, so a
 * worker that finished a batch receives the next one whole.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScanJob, ScanJobResult } from './scan-worker.js';
import type { FingerprintSource } from './source.js';
import { DEFAULT_BATCH } from '../decode/ffmpeg-batch.js';
import type { FingerprinterKind } from '../sources.js';

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

export function poolFingerprinter(n: number, o: PoolOptions = {}): Fingerprinter {
  const url = o.workerUrl ?? new URL('./scan-worker.js', import.meta.url);
  const pending = new Map<number, (r: FingerprintResult) => void>();
  let nextId = 0;
  const perWorker = (o.kind ?? 'chromaprint') === 'chromaprint' ? DEFAULT_BATCH : 1;
  const load = Array.from({ length: n }, () => 0);
  const owner = new Map<number, number>();
  const workers = Array.from({ length: n }, () => {
    const w = new Worker(url, {
      workerData: { kind: o.kind ?? 'chromaprint' },
      ...(o.workerExecArgv ? { execArgv: o.workerExecArgv } : {}),
    });
    w.on('message', (m: ScanJobResult) => {
      const done = pending.get(m.id);
      pending.delete(m.id);
      const k = owner.get(m.id);
      owner.delete(m.id);
      if (k !== undefined) load[k]!--;
      done?.(
        m.ok ? { ok: true, duration: m.duration, raw: m.raw } : { ok: false, code: m.code, reason: m.reason },
      );
    });
    w.on('error', (e) => {
      for (const [id, done] of pending) {
        pending.delete(id);
        const k = owner.get(id);
        owner.delete(id);
        if (k !== undefined) load[k]!--;
        done({ ok: false, code: 'FINGERPRINT_TOOL_FAILED', reason: `scan worker failed: ${e.message}` });
      }
    });
    return w;
  });
  return {
    width: n * perWorker,
    fingerprint(path, maxSeconds) {
      const id = nextId++;
      const k = load.indexOf(Math.min(...load));
      load[k]!++;
      owner.set(id, k);
      const w = workers[k]!;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        w.postMessage({ id, path, maxSeconds } satisfies ScanJob);
      });
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
