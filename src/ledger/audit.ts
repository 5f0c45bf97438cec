/**
 * `tdmr ledger verify`: recomputes the whole log from the stored entry bodies, page by page, and
 * checks the stored leaf hashes, nodes, head, checkpoints (root and signature), the registry tables and
 * the licences against it. Nothing stored is trusted but the bodies and the verifier key.
 */
import { DivergenceLog, type AuditReport } from './audit-report.js';
import { distributionReplay } from './audit-distributions.js';
import { licenceReplay } from './audit-licences.js';
import { RegistryReplay } from './audit-registry.js';
import { RequestReplay } from './audit-requests.js';
import { usageReplay } from './audit-usage.js';
import { TreeAudit } from './audit-tree.js';
import { parseEntry } from './entry-codec.js';
import type { NoteVerifier } from './note-keys.js';
import type { LedgerStore, AuditSource } from './store.js';

export interface AuditOptions {
  /** Checks each checkpoint's signature too; without it only roots are compared. */
  verifier?: NoteVerifier | null;
  /** Entries read per query (default 5000). */
  pageSize?: number;
  signal?: AbortSignal;
  /** Called after each page with entries done and the size the head claims. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Audits the log and the registry tables; never throws for what it finds (see `AuditReport`), only
 * for a database that cannot be read or an abort.
 *
 * @example
 * const report = await auditLog(ledgerStore, auditSource, { verifier });
 * if (!report.ok) console.error(formatDivergence(report.first!));
 */
export async function auditLog(store: LedgerStore, source: AuditSource, options: AuditOptions = {}): Promise<AuditReport> {
  const page = options.pageSize ?? 5000;
  const log = new DivergenceLog();
  const headSize = await store.size();
  const tree = new TreeAudit(store, options.verifier ?? null, log);
  const replay = new RegistryReplay(log);
  // The licensing desk's tables, each replayed from its entries and compared with its rows the same way.
  const licences = licenceReplay(log, source);
  const usage = usageReplay(log, source);
  const runs = distributionReplay(log, source);
  const requests = new RequestReplay(log, source);
  const desk = [licences, usage, runs, requests];
  let count = 0;
  for (let cursor = 0; ; ) {
    options.signal?.throwIfAborted();
    const rows = await store.bodiesFrom(cursor, page);
    if (rows.length === 0) break;
    for (const r of rows) {
      count += 1;
      let parsed;
      try {
        parsed = parseEntry(r.body);
      } catch (e) {
        log.add({ index: r.index, table: 'ledger_entries', key: String(r.index), problem: `body is not a valid entry: ${(e as Error).message}` });
        continue;
      }
      replay.feed(r.index, parsed);
      for (const d of desk) d.feed(r.index, parsed);
    }
    await tree.page(rows);
    cursor = rows[rows.length - 1]!.index + 1;
    options.onProgress?.(count, headSize);
  }
  await tree.finish();
  if (headSize !== count) {
    log.add({ index: Math.min(headSize, count), table: 'ledger_head', key: '1', problem: `the head says ${headSize} entries, ${count} are stored` });
  }
  await replay.compare(source, store);
  for (const d of desk) await d.compare(store);
  const { divergences, truncated } = log.list();
  return {
    ok: divergences.length === 0,
    entries: count,
    headSize,
    checkpoints: tree.checkpoints,
    rootHash: tree.rootHash,
    rows: { ...replay.rows, licences: licences.rows, usageReports: usage.rows, distributionRuns: runs.rows, licenceRequests: requests.rows },
    first: divergences[0] ?? null,
    divergences,
    truncated,
  };
}
