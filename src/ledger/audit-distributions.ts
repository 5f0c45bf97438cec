/**
 * The distribution table of the licensing audit: `distribution.run` entries against `distribution_runs`
 * and the reports each took, both ways (audit-keyed.ts): period, rules, the reports (as a set), the
 * amounts collected, distributed and held, and the creation instant. The entry does not list the shares,
 * so the stored shares and suspense are checked against the amounts it records: a share changed behind
 * the desk's back no longer sums to what the run distributed.
 */
import { z } from 'zod';
import type { DivergenceLog } from './audit-report.js';
import { KeyedReplay } from './audit-keyed.js';
import type { AuditedDistributionRun, AuditSource } from './store.js';

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
type RunData = z.infer<typeof runData>;
type RunView = Pick<
  AuditedDistributionRun,
  'period' | 'rules' | 'reports' | 'collectedCents' | 'distributedCents' | 'suspenseCents' | 'createdAt'
>;

/** The replay of distribution runs, reading the rows from `source`. */
export function distributionReplay(
  log: DivergenceLog,
  source: AuditSource,
): KeyedReplay<RunData, AuditedDistributionRun, RunView> {
  return new KeyedReplay(log, {
    entryType: 'distribution.run',
    table: 'distribution_runs',
    what: 'distribution run',
    schema: runData,
    key: (d) => d.id,
    logView: (at, d) => ({
      period: d.period,
      rules: d.rules,
      reports: [...d.reports].sort(),
      collectedCents: d.collectedCents,
      distributedCents: d.distributedCents,
      suspenseCents: d.suspenseCents,
      createdAt: at,
    }),
    rowView: (r) => ({
      period: r.period,
      rules: r.rules,
      reports: [...r.reports].sort(),
      collectedCents: r.collectedCents,
      distributedCents: r.distributedCents,
      suspenseCents: r.suspenseCents,
      createdAt: r.createdAt,
    }),
    fields: [
      'period',
      'rules',
      'reports',
      'collectedCents',
      'distributedCents',
      'suspenseCents',
      'createdAt',
    ],
    rows: (after, limit) => source.distributionRuns(after, limit),
    orphan: () => 'distribution run has no distribution.run entry',
    check: (r, index) => [
      ...(r.sharesCents === r.distributedCents
        ? []
        : [
            {
              index,
              table: 'distribution_shares',
              problem: `the shares sum to ${r.sharesCents} cents, the run distributed ${r.distributedCents}`,
            },
          ]),
      ...(r.heldCents === r.suspenseCents
        ? []
        : [
            {
              index,
              table: 'distribution_suspense',
              problem: `the suspense rows sum to ${r.heldCents} cents, the run held ${r.suspenseCents}`,
            },
          ]),
    ],
  });
}
