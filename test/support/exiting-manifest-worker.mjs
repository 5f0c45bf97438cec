// A stand-in manifest worker (the protocol of src/checker/manifest-worker.ts) for pool tests: it ends its
// thread with code 7 at the first job, without answering, as a worker killed mid-run would.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => setTimeout(() => process.exit(7), 5));
