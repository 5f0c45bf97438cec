/**
 * The part of the licensing store that holds money, on Kysely for SQLite and PostgreSQL alike: usage reports
 * and their lines, distribution runs with their shares and suspense. KyselyLicensingStore extends it, so the
 * desk has one store; the split only keeps each file to one subject.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, DistributionRunRow, UsageReportRow } from '../db/schema.js';
import { bulkInsert, type BulkColumn } from '../db/bulk.js';
import type { Held, Share, SuspenseReason } from './distribution.js';
import type { DistributionRun, StoredUsageLine, UsageReport } from './store.js';

export type Db = Kysely<DB> | Transaction<DB>;

/** Rows a multi-row INSERT carries: at 9 parameters a row, well under both databases' parameter limits. */
const ROWS_PER_INSERT = 500;
const SHARE_COLUMNS: BulkColumn[] = [
  { name: 'run_id', type: 'text' },
  { name: 'performer_id', type: 'text' },
  { name: 'recording', type: 'text' },
  { name: 'role', type: 'text' },
  { name: 'featured', type: 'integer' },
  { name: 'cents', type: 'bigint' },
];
const SUSPENSE_COLUMNS: BulkColumn[] = [
  { name: 'run_id', type: 'text' },
  { name: 'recording', type: 'text' },
  { name: 'performer_id', type: 'text' },
  { name: 'reason', type: 'text' },
  { name: 'cents', type: 'bigint' },
];

/** Inserts `items` as rows of `table`, `ROWS_PER_INSERT` per statement. */
async function insertChunked<T extends keyof DB, I>(db: Db, table: T, items: readonly I[], row: (item: I) => Insertable<DB[T]>): Promise<void> {
  for (let i = 0; i < items.length; i += ROWS_PER_INSERT) {
    await db.insertInto(table).values(items.slice(i, i + ROWS_PER_INSERT).map(row)).execute();
  }
}

const reportFromRow = (r: UsageReportRow): UsageReport => ({
  id: r.id,
  licence: r.licence_id,
  organisationId: r.organisation_id,
  period: { from: r.period_from, to: r.period_to },
  currency: r.currency,
  revenueCents: r.revenue_cents === null ? null : Number(r.revenue_cents),
  totalCents: Number(r.total_cents),
  lines: Number(r.lines),
  flagged: Number(r.flagged),
  submittedAt: r.submitted_at,
});

/**
 * Shares grouped by performer, performers in order: the (run, performer) index then grows at one end.
 * Inserted in the split's order (by recording), a run of 3M shares took 2.5x as long as sorted on
 * SQLite, and the time grew faster than the run; grouping costs a fifth of a full sort.
 */
function byPerformer(shares: readonly Share[]): Share[] {
  const groups = new Map<string, Share[]>();
  for (const x of shares) {
    const g = groups.get(x.performerId);
    if (g === undefined) groups.set(x.performerId, [x]);
    else g.push(x);
  }
  const out: Share[] = [];
  for (const id of [...groups.keys()].sort()) for (const x of groups.get(id) as Share[]) out.push(x);
  return out;
}

export class KyselyMoneyStore {
  constructor(protected readonly db: Db) {}

  async insertUsageReport(r: UsageReport, lines: readonly StoredUsageLine[]): Promise<boolean> {
    const existing = await this.db
      .selectFrom('usage_reports')
      .select('id')
      .where('licence_id', '=', r.licence)
      .where('period_from', '=', r.period.from)
      .where('period_to', '=', r.period.to)
      .executeTakeFirst();
    if (existing !== undefined) return false;
    await this.db
      .insertInto('usage_reports')
      .values({
        id: r.id,
        licence_id: r.licence,
        organisation_id: r.organisationId,
        period_from: r.period.from,
        period_to: r.period.to,
        currency: r.currency,
        revenue_cents: r.revenueCents,
        total_cents: r.totalCents,
        lines: r.lines,
        flagged: r.flagged,
        submitted_at: r.submittedAt,
      })
      .execute();
    await insertChunked(this.db, 'usage_lines', lines, (l) => ({
      report_id: r.id,
      line: l.line,
      isrc: l.isrc,
      recording_id: l.recordingId,
      uses: JSON.stringify(l.uses),
      units: l.units,
      seconds: l.seconds,
      flag: l.flag,
      cents: l.cents,
    }));
    return true;
  }

  async getUsageReport(id: string): Promise<UsageReport | null> {
    const r = await this.db.selectFrom('usage_reports').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? null : reportFromRow(r);
  }

  async usageReports(filter: { organisationId?: string; licence?: string; from?: string; to?: string }): Promise<(UsageReport & { run: string | null })[]> {
    let q = this.db.selectFrom('usage_reports as u').leftJoin('distribution_reports as d', 'd.report_id', 'u.id').selectAll('u').select('d.run_id as run');
    if (filter.organisationId !== undefined) q = q.where('u.organisation_id', '=', filter.organisationId);
    if (filter.licence !== undefined) q = q.where('u.licence_id', '=', filter.licence);
    if (filter.from !== undefined) q = q.where('u.period_from', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('u.period_to', '<=', filter.to);
    const rows = await q.orderBy('u.period_from').orderBy('u.licence_id').orderBy('u.id').execute();
    return rows.map((r) => ({ ...reportFromRow(r), run: r.run }));
  }

  async usageLines(reportId: string): Promise<StoredUsageLine[]> {
    const rows = await this.db.selectFrom('usage_lines').selectAll().where('report_id', '=', reportId).orderBy('line').execute();
    return rows.map((l) => ({
      line: Number(l.line),
      isrc: l.isrc,
      recordingId: l.recording_id,
      uses: JSON.parse(l.uses) as string[],
      units: Number(l.units),
      seconds: Number(l.seconds),
      flag: l.flag,
      cents: Number(l.cents),
    }));
  }

  async reportsInPeriod(from: string, to: string): Promise<{ all: string[]; distributed: string[] }> {
    const rows = await this.db
      .selectFrom('usage_reports as u')
      .leftJoin('distribution_reports as d', 'd.report_id', 'u.id')
      .select(['u.id as id', 'd.run_id as run'])
      .where('u.period_from', '>=', from)
      .where('u.period_to', '<=', to)
      .orderBy('u.id')
      .execute();
    return { all: rows.map((r) => r.id), distributed: rows.filter((r) => r.run !== null).map((r) => r.id) };
  }

  async amountsByRecording(reportIds: readonly string[]): Promise<{ recordingId: string | null; isrc: string; cents: number }[]> {
    const out: { recordingId: string | null; isrc: string; cents: number }[] = [];
    for (let i = 0; i < reportIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('usage_lines')
        .select(['recording_id', 'isrc', (eb) => eb.fn.sum<number | string>('cents').as('cents')])
        .where('report_id', 'in', reportIds.slice(i, i + 500))
        .where('flag', 'is', null)
        .groupBy(['recording_id', 'isrc'])
        .orderBy('isrc')
        .execute();
      for (const r of rows) out.push({ recordingId: r.recording_id, isrc: r.isrc, cents: Number(r.cents) });
    }
    return out;
  }

  async reportTotals(reportIds: readonly string[]): Promise<{ id: string; totalCents: number; linesCents: number }[]> {
    const out: { id: string; totalCents: number; linesCents: number }[] = [];
    for (let i = 0; i < reportIds.length; i += 500) {
      const part = reportIds.slice(i, i + 500);
      const totals = await this.db.selectFrom('usage_reports').select(['id', 'total_cents']).where('id', 'in', part).orderBy('id').execute();
      const sums = await this.db
        .selectFrom('usage_lines')
        .select(['report_id', (eb) => eb.fn.sum<number | string>('cents').as('cents')])
        .where('report_id', 'in', part)
        .groupBy('report_id')
        .execute();
      const byId = new Map(sums.map((r) => [r.report_id, Number(r.cents)]));
      for (const t of totals) out.push({ id: t.id, totalCents: Number(t.total_cents), linesCents: byId.get(t.id) ?? 0 });
    }
    return out;
  }

  async findRun(key: string): Promise<DistributionRun | null> {
    const r = await this.db.selectFrom('distribution_runs').selectAll().where('run_key', '=', key).executeTakeFirst();
    return r === undefined ? null : this.runWithReports(r);
  }

  async getRun(id: string): Promise<DistributionRun | null> {
    const r = await this.db.selectFrom('distribution_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? null : this.runWithReports(r);
  }

  async listRuns(): Promise<DistributionRun[]> {
    const rows = await this.db.selectFrom('distribution_runs').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
    return Promise.all(rows.map((r) => this.runWithReports(r)));
  }

  private async runWithReports(r: DistributionRunRow): Promise<DistributionRun> {
    const reports = await this.db.selectFrom('distribution_reports').select('report_id').where('run_id', '=', r.id).orderBy('report_id').execute();
    return {
      id: r.id,
      key: r.run_key,
      period: { from: r.period_from, to: r.period_to },
      rules: JSON.parse(r.rules) as unknown,
      collectedCents: Number(r.collected_cents),
      distributedCents: Number(r.distributed_cents),
      suspenseCents: Number(r.suspense_cents),
      createdAt: r.created_at,
      reports: reports.map((x) => x.report_id),
    };
  }

  async insertRun(run: DistributionRun, shares: readonly Share[], suspense: readonly Held[]): Promise<void> {
    await this.db
      .insertInto('distribution_runs')
      .values({
        id: run.id,
        run_key: run.key,
        period_from: run.period.from,
        period_to: run.period.to,
        rules: JSON.stringify(run.rules),
        collected_cents: run.collectedCents,
        distributed_cents: run.distributedCents,
        suspense_cents: run.suspenseCents,
        created_at: run.createdAt,
      })
      .execute();
    await insertChunked(this.db, 'distribution_reports', run.reports, (report_id) => ({ report_id, run_id: run.id }));
    // Millions of rows: one parameter a statement (see db/bulk.ts), in the order of the run's index.
    await bulkInsert(this.db, 'distribution_shares', SHARE_COLUMNS, byPerformer(shares).map((x) => [run.id, x.performerId, x.recording, x.role, x.featured ? 1 : 0, x.cents]));
    await bulkInsert(this.db, 'distribution_suspense', SUSPENSE_COLUMNS, suspense.map((x) => [run.id, x.recording, x.performerId, x.reason, x.cents]));
  }

  async runShares(runId: string, performerId?: string): Promise<Share[]> {
    let q = this.db.selectFrom('distribution_shares').selectAll().where('run_id', '=', runId);
    if (performerId !== undefined) q = q.where('performer_id', '=', performerId);
    const rows = await q.orderBy('performer_id').orderBy('recording').orderBy('role').execute();
    return rows.map((r) => ({ recording: r.recording, performerId: r.performer_id, role: r.role, featured: Number(r.featured) === 1, cents: Number(r.cents) }));
  }

  async runSuspense(runId: string): Promise<Held[]> {
    const rows = await this.db.selectFrom('distribution_suspense').selectAll().where('run_id', '=', runId).orderBy('recording').orderBy('performer_id').execute();
    return rows.map((r) => ({ recording: r.recording, performerId: r.performer_id, reason: r.reason as SuspenseReason, cents: Number(r.cents) }));
  }
}
