/**
 * A fast-path worker thread: gets the snapshot once (shared memory, already verified by the main
 * thread), then scans the chunks it is sent and answers with their summary and outcome text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanChunk, type ScanSetup } from './manifest-fast.js';
import { SnapshotMatcher } from './manifest-match.js';
import { outcomeCsv, outcomeJsonl } from './manifest-model.js';
import type { ChunkJob, WorkerInit } from './manifest-fast-run.js';
import { sharedSnapshotData } from './manifest-shared.js';

const init = workerData as WorkerInit;
const data = sharedSnapshotData(init.shared);
const setup: ScanSetup = {
  cols: init.cols,
  width: init.width,
  matcher: new SnapshotMatcher(data, { threshold: init.threshold }),
  statuses: data.statuses,
  ...(init.format === 'csv'
    ? { format: outcomeCsv }
    : init.format === 'jsonl'
      ? { format: outcomeJsonl }
      : {}),
};

parentPort?.on('message', (job: ChunkJob) => {
  const buf = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  const r = scanChunk(buf, job.firstLine, setup);
  parentPort?.postMessage({ id: job.id, ...r });
});
