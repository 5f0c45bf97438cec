/**
 * A manifest worker thread: gets the snapshot once (shared memory, already verified by the main thread)
 * and the kind of file, then runs the jobs it is sent (manifest-job.ts) and answers each with its summary
 * and outcome text (a chunk's bytes transferred back); asked to drain, it answers with the reserved rows'
 * artists it tallied over its chunks.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { jobRunner, type Job, type WorkerInit } from './manifest-job.js';

const runner = jobRunner(workerData as WorkerInit);

parentPort?.on('message', (job: Job) => {
  if ('drain' in job) {
    parentPort?.postMessage({ id: job.id, artists: runner.drain() });
    return;
  }
  runner.run(job).then(
    (r) => parentPort?.postMessage({ id: job.id, ...r }, r.bytes ? [r.bytes.buffer as ArrayBuffer] : []),
    (e: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        error:
          e instanceof Error
            ? {
                message: e.message,
                code: (e as { code?: unknown }).code,
                details: (e as { details?: unknown }).details,
              }
            : { message: String(e) },
      }),
  );
});
