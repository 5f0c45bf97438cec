/** The licensing store on Kysely, for SQLite and PostgreSQL alike. */
import type { Kysely, Transaction } from 'kysely';
import type { AccountRow, DB, LicenceRequestRow, LicenceRow } from '../db/schema.js';
import type { LedgerEntry } from '../ledger/entries.js';
import { appendLedgerEntries } from '../ledger/store-kysely.js';
import type { KeyScope, StoredKey } from './api-keys.js';
import type { Terms } from './model.js';
import type { Offer } from './offer.js';
import type { Account, AccountRole, LicenceRequest, Organisation } from './parties.js';
import type { Held, Share, SuspenseReason } from './distribution.js';
import type { DistributionRun, StoredLicence, LicensingStore, StoredUsageLine, UsageReport } from './store.js';
import type { Tariff } from './tariffs.js';
import type { Action, RequestState, Role, TransitionEvent } from './workflow.js';

type Db = Kysely<DB> | Transaction<DB>;

const accountFromRow = (r: AccountRow): Account => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role as AccountRole,
  organisationId: r.organisation_id,
  performerId: r.performer_id,
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
});

const requestFromRow = (r: LicenceRequestRow): LicenceRequest => ({
  id: r.id,
  organisationId: r.organisation_id,
  terms: JSON.parse(r.terms) as Terms,
  state: r.state as RequestState,
  offer: r.offer === null ? null : (JSON.parse(r.offer) as Offer),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const licenceFromRow = (r: LicenceRow): StoredLicence => ({
  id: r.id,
  licensee: r.organisation_id,
  request: r.request_id,
  terms: JSON.parse(r.terms) as Terms,
  tariff: { id: r.tariff_id, version: Number(r.tariff_version) },
  issuedAt: r.issued_at,
  terminatedAt: r.terminated_at,
  document: r.document,
  signature: r.signature,
});

export class KyselyLicensingStore implements LicensingStore {
  constructor(private readonly db: Db) {}

  async transaction<T>(fn: (store: LicensingStore) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new KyselyLicensingStore(trx)));
  }

  async appendLog(entries: readonly LedgerEntry[]): Promise<void> {
    await appendLedgerEntries(this.db, entries);
  }

  async insertOrganisation(o: Organisation): Promise<void> {
    await this.db.insertInto('organisations').values({ id: o.id, name: o.name, created_at: o.createdAt }).execute();
  }

  async getOrganisation(id: string): Promise<Organisation | null> {
    const r = await this.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? null : { id: r.id, name: r.name, createdAt: r.created_at };
  }

  async insertAccount(a: Account): Promise<void> {
    await this.db
      .insertInto('accounts')
      .values({
        id: a.id,
        name: a.name,
        email: a.email,
        role: a.role,
        organisation_id: a.organisationId,
        performer_id: a.performerId,
        created_at: a.createdAt,
        disabled_at: a.disabledAt,
      })
      .execute();
  }

  async getAccount(id: string): Promise<Account | null> {
    const r = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? null : accountFromRow(r);
  }

  async insertKey(k: StoredKey): Promise<void> {
    await this.db
      .insertInto('api_keys')
      .values({
        id: k.id,
        account_id: k.account,
        secret_hash: k.secretHash,
        scopes: JSON.stringify(k.scopes),
        created_at: k.createdAt,
        expires_at: k.expiresAt,
        revoked_at: k.revokedAt,
      })
      .execute();
  }

  async getKey(id: string): Promise<StoredKey | null> {
    const r = await this.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    if (r === undefined) return null;
    return {
      id: r.id,
      account: r.account_id,
      secretHash: r.secret_hash,
      scopes: JSON.parse(r.scopes) as KeyScope[],
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
    };
  }

  async revokeKey(id: string, at: string): Promise<boolean> {
    const key = await this.getKey(id);
    if (key === null) return false;
    if (key.revokedAt === null) await this.db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).execute();
    return true;
  }

  async putTariff(t: Tariff, at: string): Promise<'inserted' | 'unchanged' | 'conflict'> {
    const body = JSON.stringify(t);
    const r = await this.db.selectFrom('tariffs').select('body').where('id', '=', t.id).where('version', '=', t.version).executeTakeFirst();
    if (r !== undefined) return r.body === body ? 'unchanged' : 'conflict';
    await this.db.insertInto('tariffs').values({ id: t.id, version: t.version, body, created_at: at }).execute();
    return 'inserted';
  }

  async getTariff(id: string, version: number): Promise<Tariff | null> {
    const r = await this.db.selectFrom('tariffs').select('body').where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return r === undefined ? null : (JSON.parse(r.body) as Tariff);
  }

  async insertRequest(r: LicenceRequest): Promise<void> {
    await this.db
      .insertInto('licence_requests')
      .values({
        id: r.id,
        organisation_id: r.organisationId,
        terms: JSON.stringify(r.terms),
        state: r.state,
        offer: r.offer === null ? null : JSON.stringify(r.offer),
        created_at: r.createdAt,
        updated_at: r.updatedAt,
      })
      .execute();
  }

  async getRequest(id: string): Promise<LicenceRequest | null> {
    const r = await this.db.selectFrom('licence_requests').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? null : requestFromRow(r);
  }

  async listRequests(filter: { organisationId?: string; state?: RequestState }): Promise<LicenceRequest[]> {
    let q = this.db.selectFrom('licence_requests').selectAll();
    if (filter.organisationId !== undefined) q = q.where('organisation_id', '=', filter.organisationId);
    if (filter.state !== undefined) q = q.where('state', '=', filter.state);
    const rows = await q.orderBy('created_at').orderBy('id').execute();
    return rows.map(requestFromRow);
  }

  async moveRequest(id: string, from: RequestState, to: RequestState, offer: Offer | null, at: string): Promise<boolean> {
    const set = offer === null ? { state: to, updated_at: at } : { state: to, updated_at: at, offer: JSON.stringify(offer) };
    const r = await this.db.updateTable('licence_requests').set(set).where('id', '=', id).where('state', '=', from).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertEvent(e: TransitionEvent, seq: number): Promise<void> {
    await this.db
      .insertInto('licence_events')
      .values({
        request_id: e.request,
        seq,
        action: e.action,
        from_state: e.from,
        to_state: e.to,
        actor_role: e.by.role,
        actor_id: e.by.id,
        at: e.at,
        note: e.note,
      })
      .execute();
  }

  async events(requestId: string): Promise<TransitionEvent[]> {
    const rows = await this.db.selectFrom('licence_events').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
    return rows.map((r) => ({
      request: r.request_id,
      action: r.action as Action,
      from: r.from_state as RequestState,
      to: r.to_state as RequestState,
      by: { role: r.actor_role as Role, id: r.actor_id },
      at: r.at,
      note: r.note,
    }));
  }

  async insertLicence(l: StoredLicence): Promise<void> {
    await this.db
      .insertInto('licences')
      .values({
        id: l.id,
        request_id: l.request,
        organisation_id: l.licensee,
        terms: JSON.stringify(l.terms),
        tariff_id: l.tariff.id,
        tariff_version: l.tariff.version,
        issued_at: l.issuedAt,
        terminated_at: l.terminatedAt,
        document: l.document,
        signature: l.signature,
      })
      .execute();
  }

  async getLicence(id: string): Promise<StoredLicence | null> {
    const r = await this.db.selectFrom('licences').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? null : licenceFromRow(r);
  }

  async licenceOfRequest(requestId: string): Promise<StoredLicence | null> {
    const r = await this.db.selectFrom('licences').selectAll().where('request_id', '=', requestId).executeTakeFirst();
    return r === undefined ? null : licenceFromRow(r);
  }

  async licencesOf(organisationId: string): Promise<StoredLicence[]> {
    const rows = await this.db.selectFrom('licences').selectAll().where('organisation_id', '=', organisationId).orderBy('issued_at').orderBy('id').execute();
    return rows.map(licenceFromRow);
  }

  async terminateLicence(id: string, at: string): Promise<void> {
    await this.db.updateTable('licences').set({ terminated_at: at }).where('id', '=', id).where('terminated_at', 'is', null).execute();
  }

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
    // 9 parameters a row: 500 rows stay well under both databases' limits.
    for (let i = 0; i < lines.length; i += 500) {
      await this.db
        .insertInto('usage_lines')
        .values(
          lines.slice(i, i + 500).map((l) => ({
            report_id: r.id,
            line: l.line,
            isrc: l.isrc,
            recording_id: l.recordingId,
            uses: JSON.stringify(l.uses),
            units: l.units,
            seconds: l.seconds,
            flag: l.flag,
            cents: l.cents,
          })),
        )
        .execute();
    }
    return true;
  }

  async getUsageReport(id: string): Promise<UsageReport | null> {
    const r = await this.db.selectFrom('usage_reports').selectAll().where('id', '=', id).executeTakeFirst();
    if (r === undefined) return null;
    return {
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
    };
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
    if (r === undefined) return null;
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
    for (let i = 0; i < run.reports.length; i += 500) {
      await this.db.insertInto('distribution_reports').values(run.reports.slice(i, i + 500).map((report_id) => ({ report_id, run_id: run.id }))).execute();
    }
    for (let i = 0; i < shares.length; i += 500) {
      await this.db
        .insertInto('distribution_shares')
        .values(shares.slice(i, i + 500).map((x) => ({ run_id: run.id, performer_id: x.performerId, recording: x.recording, role: x.role, featured: x.featured ? 1 : 0, cents: x.cents })))
        .execute();
    }
    for (let i = 0; i < suspense.length; i += 500) {
      await this.db
        .insertInto('distribution_suspense')
        .values(suspense.slice(i, i + 500).map((x) => ({ run_id: run.id, recording: x.recording, performer_id: x.performerId, reason: x.reason, cents: x.cents })))
        .execute();
    }
  }

  async runShares(runId: string): Promise<Share[]> {
    const rows = await this.db.selectFrom('distribution_shares').selectAll().where('run_id', '=', runId).orderBy('performer_id').orderBy('recording').orderBy('role').execute();
    return rows.map((r) => ({ recording: r.recording, performerId: r.performer_id, role: r.role, featured: Number(r.featured) === 1, cents: Number(r.cents) }));
  }

  async runSuspense(runId: string): Promise<Held[]> {
    const rows = await this.db.selectFrom('distribution_suspense').selectAll().where('run_id', '=', runId).orderBy('recording').orderBy('performer_id').execute();
    return rows.map((r) => ({ recording: r.recording, performerId: r.performer_id, reason: r.reason as SuspenseReason, cents: Number(r.cents) }));
  }
}
