/**
 * The usage half of the licensing audit: replays `licence.usage-reported` entries and compares them with
 * the `usage_reports` table and its `usage_lines`, both ways: the licence, period, currency, total, line
 * and flag counts, the submission instant, and the SHA-256 of the lines (usage-digest.ts), so that a line's
 * amount changed behind the desk's back is found at its entry. A digest per report is kept, no more.
 */
import { z } from 'zod';
import { fieldDifferences, viewDigest } from './audit-licences.js';
import type { DivergenceLog } from './audit-report.js';
import { parseEntry, type ParsedEntry } from './entry-codec.js';
import type { AuditedUsageReport, LedgerStore, RegistryAuditSource } from './store.js';

const PAGE = 500;
const id = z.string().min(1).max(200);
const usageData = z.strictObject({
  id,
  licence: id,
  report: id,
  period: z.strictObject({ from: z.string(), to: z.string() }),
  currency: z.string(),
  totalCents: z.number().int(),
  lines: z.number().int(),
  flagged: z.number().int(),
  linesSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

type UsageView = Omit<AuditedUsageReport, 'id'>;
const FIELDS = [
  'licence',
  'period',
  'currency',
  'totalCents',
  'lines',
  'flagged',
  'submittedAt',
  'linesSha256',
] as const;

function logView(at: string, d: z.infer<typeof usageData>): UsageView {
  return {
    licence: d.licence,
    period: d.period,
    currency: d.currency,
    totalCents: d.totalCents,
    lines: d.lines,
    flagged: d.flagged,
    submittedAt: at,
    linesSha256: d.linesSha256,
  };
}

export class UsageReplay {
  readonly #log: DivergenceLog;
  readonly #reports = new Map<string, { index: number; digest: string }>();
  rows = 0;

  constructor(log: DivergenceLog) {
    this.#log = log;
  }

  feed(index: number, e: ParsedEntry): void {
    if (e.type !== 'other' || e.entryType !== 'licence.usage-reported') return;
    const d = usageData.safeParse(e.data);
    if (!d.success) {
      const why = d.error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ');
      this.#log.add({
        index,
        table: 'ledger_entries',
        key: String(index),
        problem: `licence.usage-reported entry: ${why}`,
      });
      return;
    }
    const key = d.data.report;
    const first = this.#reports.get(key);
    if (first !== undefined)
      this.#log.add({
        index,
        table: 'usage_reports',
        key,
        problem: `usage report logged twice (first at entry ${first.index})`,
      });
    this.#reports.set(key, { index, digest: viewDigest(logView(e.at, d.data), FIELDS) });
  }

  async compare(source: RegistryAuditSource, store: LedgerStore): Promise<void> {
    for (let after = ''; ;) {
      const page = await source.usageReports(after, PAGE);
      if (page.length === 0) break;
      for (const r of page) {
        this.rows += 1;
        const seen = this.#reports.get(r.id);
        if (seen === undefined) {
          this.#log.add({
            index: null,
            table: 'usage_reports',
            key: r.id,
            problem: `usage report of licence ${r.licence} has no licence.usage-reported entry`,
          });
          continue;
        }
        this.#reports.delete(r.id);
        const { id: _id, ...row } = r;
        if (seen.digest !== viewDigest(row, FIELDS)) {
          this.#log.add({
            index: seen.index,
            table: 'usage_reports',
            key: r.id,
            problem: await this.#differences(store, seen.index, row),
          });
        }
      }
      after = page[page.length - 1]!.id;
    }
    for (const [key, seen] of this.#reports)
      this.#log.add({
        index: seen.index,
        table: 'usage_reports',
        key,
        problem: 'logged usage report has no row',
      });
  }

  async #differences(store: LedgerStore, index: number, row: UsageView): Promise<string> {
    const [stored] = await store.entriesAt([index]);
    const e = stored === undefined ? null : parseEntry(stored.body);
    const d = e?.type === 'other' ? usageData.safeParse(e.data) : null;
    if (e === null || d === null || !d.success) return 'content differs';
    return fieldDifferences(logView(e.at, d.data), row, FIELDS);
  }
}
