/** The licensing views on Kysely, for SQLite and PostgreSQL alike. */
import { sql, type Kysely } from 'kysely';
import type { DB, UsageReportRow } from '../db/schema.js';
import type { KeyScope } from './api-keys.js';
import type { DistributionRun, UsageReport } from './store.js';
import type { Tariff } from './tariffs.js';
import type { KeyInfo, LicensingViews, StatementLine } from './views.js';
import type { RequestState } from './workflow.js';

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

export class KyselyLicensingViews implements LicensingViews {
  constructor(private readonly db: Kysely<DB>) {}

  async keysOf(accountId: string): Promise<KeyInfo[]> {
    const rows = await this.db
      .selectFrom('api_keys')
      .select(['id', 'scopes', 'created_at', 'expires_at', 'revoked_at'])
      .where('account_id', '=', accountId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      scopes: JSON.parse(r.scopes) as KeyScope[],
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
    }));
  }

  async usageReports(
    organisationId: string | null,
    page: { limit: number; offset: number },
  ): Promise<UsageReport[]> {
    let q = this.db.selectFrom('usage_reports').selectAll();
    if (organisationId !== null) q = q.where('organisation_id', '=', organisationId);
    return (
      await q.orderBy('submitted_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute()
    ).map(reportFromRow);
  }

  async tariffs(): Promise<Tariff[]> {
    const rows = await this.db
      .selectFrom('tariffs')
      .select('body')
      .orderBy('id')
      .orderBy('version')
      .execute();
    return rows.map((r) => JSON.parse(r.body) as Tariff);
  }

  async runs(page: { limit: number; offset: number }): Promise<DistributionRun[]> {
    const rows = await this.db
      .selectFrom('distribution_runs')
      .select('id')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const out: DistributionRun[] = [];
    for (const r of rows) {
      const run = await this.getRun(r.id);
      if (run !== null) out.push(run);
    }
    return out;
  }

  async getRun(id: string): Promise<DistributionRun | null> {
    const r = await this.db
      .selectFrom('distribution_runs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (r === undefined) return null;
    const reports = await this.db
      .selectFrom('distribution_reports')
      .select('report_id')
      .where('run_id', '=', id)
      .orderBy('report_id')
      .execute();
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

  async runBreakdown(
    id: string,
  ): Promise<{
    featuredCents: number;
    nonFeaturedCents: number;
    suspense: { reason: string; cents: number }[];
  }> {
    const classes = await this.db
      .selectFrom('distribution_shares')
      .select(['featured', (eb) => eb.fn.sum<number | string>('cents').as('cents')])
      .where('run_id', '=', id)
      .groupBy('featured')
      .execute();
    const suspense = await this.db
      .selectFrom('distribution_suspense')
      .select(['reason', (eb) => eb.fn.sum<number | string>('cents').as('cents')])
      .where('run_id', '=', id)
      .groupBy('reason')
      .orderBy('reason')
      .execute();
    const of = (f: number) => Number(classes.find((c) => Number(c.featured) === f)?.cents ?? 0);
    return {
      featuredCents: of(1),
      nonFeaturedCents: of(0),
      suspense: suspense.map((s) => ({ reason: s.reason, cents: Number(s.cents) })),
    };
  }

  async statement(performerId: string, page: { limit: number; offset: number }): Promise<StatementLine[]> {
    const rows = await this.db
      .selectFrom('distribution_shares as s')
      .innerJoin('distribution_runs as r', 'r.id', 's.run_id')
      .select([
        's.run_id',
        'r.period_from',
        'r.period_to',
        'r.created_at',
        's.recording',
        's.role',
        's.featured',
        's.cents',
      ])
      .where('s.performer_id', '=', performerId)
      .orderBy('r.created_at', 'desc')
      .orderBy('s.recording')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map((r) => ({
      runId: r.run_id,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      runAt: r.created_at,
      recording: r.recording,
      role: r.role,
      featured: Number(r.featured) === 1,
      cents: Number(r.cents),
    }));
  }

  async requestCounts(): Promise<Partial<Record<RequestState, number>>> {
    const rows = await this.db
      .selectFrom('licence_requests')
      .select(['state', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('state')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }

  async revenueByMonth(): Promise<{ month: string; cents: number }[]> {
    const month = sql<string>`substr(period_from, 1, 7)`;
    const rows = await this.db
      .selectFrom('usage_reports')
      .select([month.as('month'), (eb) => eb.fn.sum<number | string>('total_cents').as('cents')])
      .groupBy(month)
      .orderBy(month)
      .execute();
    return rows.map((r) => ({ month: r.month, cents: Number(r.cents) }));
  }

  async organisationName(id: string): Promise<string | null> {
    return (
      (await this.db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())
        ?.name ?? null
    );
  }
}
