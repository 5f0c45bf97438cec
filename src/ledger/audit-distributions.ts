/**
 * The distribution half of the licensing audit: replays `distribution.run` entries and compares them
 * with `distribution_runs` and the reports each took, both ways: period, rules, the reports (as a set),
 * the amounts collected, distributed and held, and the creation instant. The entry does not list the
 * shares, so the stored shares and suspense are checked against the amounts the entry records: a share
 * changed behind the desk's back no longer sums to what the run distributed.
 */
import { z } from 'zod';
import { fieldDifferences, viewDigest } from './audit-licences.js';
import type { DivergenceLog } from './audit-report.js';
import { parseEntry, type ParsedEntry } from './entry-codec.js';
import type { AuditedDistributionRun, LedgerStore, RegistryAuditSource } from './store.js';

const PAGE = 500;
const runData = z.strictObject({
  id: z.string().min(1).max(200),
  period: z.strictObject({ from: z.string(), to: z.string() }),
  rules: z.unknown(),
  reports: z.array(z.string()),
  collectedCents: z.number().int(),
  distributedCents: z.number().int(),
  suspenseCents: z.number().int(),
  by: z.strictObject({ role: z.string(), id: z.string() }),
});

type RunView = Pick<
  AuditedDistributionRun,
  'period' | 'rules' | 'reports' | 'collectedCents' | 'distributedCents' | 'suspenseCents' | 'createdAt'
>;
const FIELDS = [
  'period',
  'rules',
  'reports',
  'collectedCents',
  'distributedCents',
  'suspenseCents',
  'createdAt',
] as const;

const logView = (at: string, d: z.infer<typeof runData>): RunView => ({
  period: d.period,
  rules: d.rules,
  reports: [...d.reports].sort(),
  collectedCents: d.collectedCents,
  distributedCents: d.distributedCents,
  suspenseCents: d.suspenseCents,
  createdAt: at,
});

export class DistributionReplay {
  readonly #log: DivergenceLog;
  readonly #runs = new Map<string, { index: number; digest: string }>();
  rows = 0;

  constructor(log: DivergenceLog) {
    this.#log = log;
  }

  feed(index: number, e: ParsedEntry): void {
    if (e.type !== 'other' || e.entryType !== 'distribution.run') return;
    const d = runData.safeParse(e.data);
    if (!d.success) {
      const why = d.error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ');
      this.#log.add({
        index,
        table: 'ledger_entries',
        key: String(index),
        problem: `distribution.run entry: ${why}`,
      });
      return;
    }
    const first = this.#runs.get(d.data.id);
    if (first !== undefined)
      this.#log.add({
        index,
        table: 'distribution_runs',
        key: d.data.id,
        problem: `distribution run logged twice (first at entry ${first.index})`,
      });
    this.#runs.set(d.data.id, { index, digest: viewDigest(logView(e.at, d.data), FIELDS) });
  }

  async compare(source: RegistryAuditSource, store: LedgerStore): Promise<void> {
    for (let after = ''; ;) {
      const page = await source.distributionRuns(after, PAGE);
      if (page.length === 0) break;
      for (const r of page) {
        this.rows += 1;
        const seen = this.#runs.get(r.id);
        if (seen === undefined) {
          this.#log.add({
            index: null,
            table: 'distribution_runs',
            key: r.id,
            problem: 'distribution run has no distribution.run entry',
          });
          continue;
        }
        this.#runs.delete(r.id);
        const row: RunView = { ...r, reports: [...r.reports].sort() };
        if (seen.digest !== viewDigest(row, FIELDS)) {
          this.#log.add({
            index: seen.index,
            table: 'distribution_runs',
            key: r.id,
            problem: await this.#differences(store, seen.index, row),
          });
        }
        if (r.sharesCents !== r.distributedCents) {
          this.#log.add({
            index: seen.index,
            table: 'distribution_shares',
            key: r.id,
            problem: `the shares sum to ${r.sharesCents} cents, the run distributed ${r.distributedCents}`,
          });
        }
        if (r.heldCents !== r.suspenseCents) {
          this.#log.add({
            index: seen.index,
            table: 'distribution_suspense',
            key: r.id,
            problem: `the suspense rows sum to ${r.heldCents} cents, the run held ${r.suspenseCents}`,
          });
        }
      }
      after = page[page.length - 1]!.id;
    }
    for (const [key, seen] of this.#runs)
      this.#log.add({
        index: seen.index,
        table: 'distribution_runs',
        key,
        problem: 'logged distribution run has no row',
      });
  }

  async #differences(store: LedgerStore, index: number, row: RunView): Promise<string> {
    const [stored] = await store.entriesAt([index]);
    const e = stored === undefined ? null : parseEntry(stored.body);
    const d = e?.type === 'other' ? runData.safeParse(e.data) : null;
    if (e === null || d === null || !d.success) return 'content differs';
    return fieldDifferences(logView(e.at, d.data), row, FIELDS);
  }
}
