/**
 * `checkManifest`: every row of a manifest matched and answered, outcomes streamed to a sink, a summary
 * returned. Rows go by in batches of 10,000 (the service's batch size, and small enough to keep memory
 * flat); the matcher is the offline snapshot (`SnapshotMatcher`, synchronous) or the service
 * (`ServiceMatcher`, one POST per batch). The CSV fast path (manifest-fast-run.ts) is tried first by the
 * CLI; this is the general path for every format.
 *
 * @example
 * const summary = await checkManifest('dataset.parquet', { matcher: new SnapshotMatcher(view, { threshold: 0.85 }) });
 */
import { errorOutcome, type ManifestRow, type RowOutcome } from './manifest-model.js';
import type { OutcomeSink } from './manifest-output.js';
import { readManifest, type ManifestFormat } from './manifest-read.js';
import { SummaryBuilder, type ManifestSummary } from './manifest-summary.js';

export interface RowMatcher {
  readonly source: RowOutcome['evidence']['source'];
  /** Outcomes for rows, in order (the snapshot answers synchronously, the service per batch). */
  matchBatch(rows: readonly ManifestRow[]): RowOutcome[] | Promise<RowOutcome[]>;
}

export interface ManifestCheckOptions {
  matcher: RowMatcher;
  format?: ManifestFormat;
  sink?: OutcomeSink;
  onBytes?: (n: number) => void;
  signal?: AbortSignal;
  batchSize?: number;
}

export async function checkManifest(file: string, opts: ManifestCheckOptions): Promise<ManifestSummary> {
  const summary = new SummaryBuilder();
  const size = opts.batchSize ?? 10_000;
  // Outcomes of a batch keep row order: errors are slotted in where their line was.
  let slots: (RowOutcome | ManifestRow)[] = [];
  const flush = async (): Promise<void> => {
    const rows = slots.filter((s): s is ManifestRow => !('method' in s));
    const answers = rows.length === 0 ? [] : await opts.matcher.matchBatch(rows);
    let j = 0;
    let text = '';
    for (const s of slots) {
      const o = 'method' in s ? s : (answers[j++] as RowOutcome);
      summary.add(o);
      if (opts.sink) text += opts.sink.format(o);
    }
    if (opts.sink && text !== '') await opts.sink.writeText(text);
    slots = [];
  };
  for await (const item of readManifest(file, opts.format, opts.onBytes)) {
    opts.signal?.throwIfAborted();
    slots.push(item.ok ? item.row : errorOutcome(item.problem, opts.matcher.source));
    if (slots.length >= size) await flush();
  }
  await flush();
  return summary.summary();
}
