/**
 * Parquet on both cores: the file's row groups (cut further when one holds more than `GROUP_ROWS`) are
 * read, decoded and answered on the worker threads, each opening the file itself, and the answers taken
 * back in row order. A file of one small row group gains nothing: `workersFor` leaves small files on the
 * calling thread. Memory: a few row ranges.
 *
 * @example
 * const summary = await runFastParquet('dataset.parquet', { snapshotBytes, view, threshold: 0.85, workers: 2 });
 */
import type { FastOptions } from './manifest-fast-run.js';
import type { JobResult } from './manifest-job.js';
import { jobPool } from './manifest-pool.js';
import { openParquet } from './manifest-read.js';
import { shareSnapshot } from './manifest-shared.js';
import { SummaryBuilder, type ManifestSummary } from './manifest-summary.js';

/** Rows per job at most (`rowsPerJob`): a big row group is read as several ranges, so that both cores share it. */
const GROUP_ROWS = 100_000;

export async function runFastParquet(file: string, o: FastOptions): Promise<ManifestSummary> {
  // Opened here too: a file that is not Parquet, or has no column to match, fails before any worker starts.
  const pq = await openParquet(file);
  const format = o.sink ? (o.outputFormat ?? null) : null;
  const pool = jobPool(
    o.workers,
    { kind: 'parquet', shared: shareSnapshot(o.snapshotBytes, o.view), threshold: o.threshold, format, file },
    o,
  );
  const total = new SummaryBuilder();
  const totalRows = Number(pq.metadata.num_rows);
  const size = pq.buffer.byteLength;
  const inFlight: { promise: Promise<JobResult>; rows: number }[] = [];
  const take = async (): Promise<void> => {
    const job = inFlight.shift();
    if (job === undefined) return;
    const r = await job.promise;
    total.merge(r.summary);
    if (o.sink && r.text !== '') await o.sink.writeText(r.text);
    o.onBytes?.(totalRows === 0 ? 0 : Math.round((size * job.rows) / totalRows));
  };
  try {
    let start = 0;
    for (const group of pq.metadata.row_groups) {
      const end = start + Number(group.num_rows);
      const step = Math.max(1, o.rowsPerJob ?? GROUP_ROWS);
      for (let a = start; a < end; a += step) {
        const b = Math.min(end, a + step);
        inFlight.push({ promise: pool.run({ start: a, end: b }), rows: b - a });
        while (inFlight.length >= Math.max(2, o.workers * 2)) await take();
      }
      start = end;
    }
    while (inFlight.length > 0) await take();
    for (const { name, n } of await pool.drain()) total.addPerformer(name, n);
  } finally {
    // Answers still in flight after a failure are dropped with their workers.
    for (const j of inFlight) j.promise.catch(() => undefined);
    await pool.close();
  }
  return total.summary();
}
