/**
 * A fast-path worker thread: gets the snapshot once (shared memory, already verified by the main
 * thread), then scans the chunks it is sent and answers with their summary and outcome text; asked to
 * drain, it answers with the reserved rows' artists it tallied over its chunks.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ArtistTally } from './artist-tally.js';
import { scanChunk, type ScanSetup } from './manifest-fast.js';
import { SnapshotMatcher } from './manifest-match.js';
import { outcomeCsv, outcomeJsonl } from './manifest-model.js';
import type { ChunkJob, DrainJob, WorkerInit } from './manifest-fast-run.js';
import { sharedSnapshotData } from './manifest-shared.js';

const init = workerData as WorkerInit;
const data = sharedSnapshotData(init.shared);
const setup: ScanSetup = {
  cols: init.cols,
  width: init.width,
  matcher: new SnapshotMatcher(data, { threshold: init.threshold }),
  statuses: data.statuses,
  artists: new ArtistTally(),
  ...(init.format === 'csv'
    ? { format: outcomeCsv }
    : init.format === 'jsonl'
      ? { format: outcomeJsonl }
      : {}),
};

parentPort?.on('message', (job: ChunkJob | DrainJob) => {
  if ('drain' in job) {
    parentPort?.postMessage({ id: job.id, artists: setup.artists?.entries() ?? [] });
    setup.artists?.clear();
    return;
  }
  const buf = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  const r = scanChunk(buf, job.firstLine, setup);
  // The bytes go back with the result, for the next chunk to be read into.
  parentPort?.postMessage({ id: job.id, ...r, bytes: job.bytes }, [job.bytes.buffer as ArrayBuffer]);
});
