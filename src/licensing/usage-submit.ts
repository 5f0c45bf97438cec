/**
 * A licensee's usage report taken in (the licensing desk's `submitUsage`): every line parsed and checked,
 * the whole report refused with each problem named by line and field, lines outside the licence kept and
 * flagged at 0, the others priced with the licence's tariff, and the report, its lines and its log entry
 * written in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { toInstant } from '../registry/model.js';
import { LicensingError } from './errors.js';
import { usageEntry } from './log-entries.js';
import type { RecordingScope } from './model.js';
import type { LicensingStore, StoredLicence, StoredUsageLine, UsageReport } from './store.js';
import { priceUsage, type Tariff, type UsageLine } from './tariffs.js';
import { isProblem, usageFlag, usageLineOf, type UsageProblem } from './usage.js';

/** A usage report to submit: the licence, the period, and the report's records (cells by column). */
export interface UsageSubmission {
  licence: string;
  from: string;
  to: string;
  currency?: string;
  revenueCents?: number;
  /** Records with their file line (for errors), e.g. from csv-parse with `columns: true`. */
  records:
    | Iterable<{ line: number; cells: Record<string, string | undefined> }>
    | AsyncIterable<{ line: number; cells: Record<string, string | undefined> }>;
  source: string;
}

/** Problems listed in one error at the most (the message says how many more there were). */
const MAX_PROBLEMS = 20;

export interface UsageDeps {
  store: LicensingStore;
  /** What licences are judged on, for recordings by canonical ISRC. */
  recordingScopes(isrcs: readonly string[]): Promise<Map<string, RecordingScope & { id: string }>>;
  at(): string;
}

/**
 * Every record is checked first: one bad cell rejects the whole report with every problem named by line
 * and field, and nothing is written. Lines outside the licence (a recording the registry does not hold, a
 * use not granted) are kept and flagged, priced 0; the others are priced with the licence's tariff. The
 * report, its lines and its log entry commit together; a second report for the same licence and period is
 * LICENSING_CONFLICT.
 */
export async function submitUsageReport(
  d: UsageDeps,
  licence: StoredLicence,
  tariff: Tariff,
  u: UsageSubmission,
): Promise<{ report: UsageReport; lines: StoredUsageLine[] }> {
  const from = toInstant(u.from);
  const to = toInstant(u.to);
  if (from === null || to === null || from >= to) {
    throw new LicensingError(
      'LICENSING_BAD_USAGE',
      `${u.source}: the period must be two dates, the first before the second`,
      { details: { field: 'period' } },
    );
  }
  const currency = u.currency ?? tariff.currency;
  const lines: UsageLine[] = [];
  const problems: UsageProblem[] = [];
  let problemCount = 0;
  for await (const r of u.records) {
    const l = usageLineOf(r.cells, r.line);
    if (!isProblem(l)) lines.push(l);
    else if (problemCount++ < MAX_PROBLEMS) problems.push(l);
  }
  if (problemCount > 0) {
    const more = problemCount > problems.length ? `; and ${problemCount - problems.length} more` : '';
    throw new LicensingError(
      'LICENSING_BAD_USAGE',
      `${u.source}: ${problems.map((p) => `line ${p.line}, ${p.field}: ${p.reason}`).join('; ')}${more}`,
      {
        details: { file: u.source, problems, count: problemCount },
      },
    );
  }
  const found = await d.recordingScopes([...new Set(lines.map((l) => l.recording))]);
  const flags = lines.map((l) => usageFlag(l, found.get(l.recording) ?? null, licence, { from, to }));
  const inScope = lines.filter((_, i) => flags[i] === null);
  const priced = priceUsage(tariff, {
    currency,
    lines: inScope,
    ...(u.revenueCents === undefined ? {} : { revenueCents: u.revenueCents }),
  });
  const cents = new Map(priced.lines.map((p) => [p.line, p.cents]));
  const stored: StoredUsageLine[] = lines.map((l, i) => ({
    line: l.line,
    isrc: l.recording,
    recordingId: found.get(l.recording)?.id ?? null,
    uses: l.uses,
    units: l.units,
    seconds: l.seconds,
    flag: flags[i] ?? null,
    cents: cents.get(l.line) ?? 0,
  }));
  const report: UsageReport = {
    id: randomUUID(),
    licence: licence.id,
    organisationId: licence.licensee,
    period: { from, to },
    currency,
    revenueCents: u.revenueCents ?? null,
    totalCents: priced.totalCents,
    lines: lines.length,
    flagged: flags.filter((f) => f !== null).length,
    submittedAt: d.at(),
  };
  await d.store.transaction(async (s) => {
    if (!(await s.insertUsageReport(report, stored))) {
      throw new LicensingError(
        'LICENSING_CONFLICT',
        `a usage report for licence ${licence.id} and ${from} to ${to} exists already`,
        { details: { licence: licence.id } },
      );
    }
    await s.appendLog([usageEntry(licence, report, stored)]);
  });
  return { report, lines: stored };
}
