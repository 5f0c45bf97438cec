/**
 * The usage table of the licensing audit: `licence.usage-reported` entries against `usage_reports` and
 * its `usage_lines`, both ways (audit-keyed.ts): the licence, period, currency, total, line and flag
 * counts, the submission instant, and the SHA-256 of the lines (usage-digest.ts), so that a line's amount
 * changed behind the desk's back is found at its entry.
 */
import { z } from 'zod';
import type { DivergenceLog } from './audit-report.js';
import { KeyedReplay } from './audit-keyed.js';
import type { AuditedUsageReport, AuditSource } from './store.js';

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
type UsageData = z.infer<typeof usageData>;
type UsageView = Omit<AuditedUsageReport, 'id'>;

/** The replay of usage reports, reading the rows from `source`. */
export function usageReplay(
  log: DivergenceLog,
  source: AuditSource,
): KeyedReplay<UsageData, AuditedUsageReport, UsageView> {
  return new KeyedReplay(log, {
    entryType: 'licence.usage-reported',
    table: 'usage_reports',
    what: 'usage report',
    schema: usageData,
    key: (d) => d.report,
    logView: (at, d) => ({
      licence: d.licence,
      period: d.period,
      currency: d.currency,
      totalCents: d.totalCents,
      lines: d.lines,
      flagged: d.flagged,
      submittedAt: at,
      linesSha256: d.linesSha256,
    }),
    rowView: ({ id: _id, ...row }) => row,
    fields: ['licence', 'period', 'currency', 'totalCents', 'lines', 'flagged', 'submittedAt', 'linesSha256'],
    rows: (after, limit) => source.usageReports(after, limit),
    orphan: (r) => `usage report of licence ${r.licence} has no licence.usage-reported entry`,
  });
}
