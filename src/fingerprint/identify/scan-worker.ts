/**
 * A scan worker thread: fingerprints the files it is sent and posts the raw items back (transferred,
 * not copied). With fpcalc the work is in its child process; with the TypeScript core (the default)
 * it is here, off the main thread, which is why scans use worker threads at all. `workerData.kind`
 * names the source.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fingerprintSource, type FingerprinterKind } from '../sources.js';
import { FingerprintError } from './errors.js';

export interface ScanJob {
  id: number;
  path: string;
  maxSeconds: number;
}
export type ScanJobResult =
  | { id: number; ok: true; duration: number; raw: Uint32Array }
  | { id: number; ok: false; code: string; reason: string };

const source = fingerprintSource((workerData as { kind?: FingerprinterKind } | null)?.kind);
parentPort?.on('message', (job: ScanJob) => {
  source.fingerprintFile(job.path, { maxSeconds: job.maxSeconds }).then(
    (fp) =>
      parentPort?.postMessage(
        { id: job.id, ok: true, duration: fp.duration, raw: fp.raw } satisfies ScanJobResult,
        [fp.raw.buffer as ArrayBuffer],
      ),
    (e: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        ok: false,
        code: e instanceof FingerprintError ? e.code : 'FINGERPRINT_TOOL_FAILED',
        reason: (e as Error).message,
      } satisfies ScanJobResult),
  );
});
