// A stand-in scan worker (the protocol of src/fingerprint/identify/scan-worker.ts) for pool tests: it
// answers every file with a fixed fingerprint, except that a path containing "crash" brings the
// thread down (an uncaught error) and one containing "exit" ends it with code 3.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (job) => {
  if (job.path.includes('crash')) setTimeout(() => { throw new Error(`cannot read ${job.path}`); }, 5);
  else if (job.path.includes('exit')) setTimeout(() => process.exit(3), 5);
  else setTimeout(() => parentPort.postMessage({ id: job.id, ok: true, duration: 1.5, raw: Uint32Array.from([job.path.length]) }), 10);
});
