/**
 * The whole-registry aggregates of the staff dashboard, computed on a worker thread from a read-only
 * SQLite connection of its own. better-sqlite3 is synchronous: run on the service's thread, the seconds
 * a histogram over millions of line-up rows takes would stop every other request meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteReader } from '../db/dialect.js';
import { KyselyRegistryViews } from './store-kysely-views.js';

export interface ViewsWorkerData {
  dbPath: string;
}

/** The aggregates a worker computes (the slow methods of RegistryViews). */
export type ViewsJob = { id: number; view: 'reservedByMonth' };

export type ViewsJobResult = { id: number; ok: true; rows: unknown } | { id: number; ok: false; message: string };

const port = parentPort;
if (port === null) throw new Error('views-worker.ts runs as a worker thread');
const { dbPath } = workerData as ViewsWorkerData;
const views = new KyselyRegistryViews(openSqliteReader(dbPath));

port.on('message', (job: ViewsJob) => {
  const answer = (r: ViewsJobResult) => port.postMessage(r);
  views[job.view]().then(
    (rows) => answer({ id: job.id, ok: true, rows }),
    (e: unknown) => answer({ id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) }),
  );
});
