/**
 * Statements of the desk, read from the store with who may see what: a performer sees their own statements,
 * a licensee its own organisation's, staff all of them; the reconciliation of a run is for staff. What is
 * not the caller's is "not found" to a licensee (its existence is not disclosed) and forbidden to others.
 */
import { toInstant } from '../registry/model.js';
import { LicensingError } from './errors.js';
import type { Principal } from './service.js';
import { licenseeStatement, performerStatement, reconcile, type LicenseeStatement, type PerformerStatement, type Reconciliation } from './statements.js';
import type { DistributionRun, LicensingStore } from './store.js';

export interface StatementsDeps {
  store: LicensingStore;
  /** A performer's display name from the registry (null when the registry does not hold them). */
  performerName: (id: string) => Promise<string | null>;
}

const STAFF = new Set(['administrator', 'rights-manager', 'licensing-officer', 'auditor']);
const isStaff = (p: Principal) => STAFF.has(p.account.role);
const notFound = (what: string, id: string) => new LicensingError('LICENSING_NOT_FOUND', `no ${what} ${id}`, { details: { [what]: id } });
const forbidden = (p: Principal, what: string) => new LicensingError('LICENSING_FORBIDDEN', `a ${p.account.role} may not read ${what}`);

export class StatementsService {
  constructor(private readonly deps: StatementsDeps) {}

  /** Every run, newest first (staff). */
  async runs(p: Principal): Promise<DistributionRun[]> {
    if (!isStaff(p)) throw forbidden(p, 'distribution runs');
    return this.deps.store.listRuns();
  }

  async run(p: Principal, id: string): Promise<DistributionRun> {
    if (!isStaff(p)) throw forbidden(p, 'distribution runs');
    const run = await this.deps.store.getRun(id);
    if (run === null) throw notFound('distribution run', id);
    return run;
  }

  /** A run's books, checked by report and by recording (staff). */
  async reconciliation(p: Principal, runId: string): Promise<Reconciliation> {
    const run = await this.run(p, runId);
    const s = this.deps.store;
    const ids = new Set(run.reports);
    const reports = (await s.usageReports({ from: run.period.from, to: run.period.to })).filter((r) => ids.has(r.id));
    const amounts = (await s.amountsByRecording(run.reports)).map((a) => ({ recording: a.isrc, cents: a.cents }));
    for (const t of await s.reportTotals(run.reports)) if (t.totalCents > t.linesCents) amounts.push({ recording: `report:${t.id}`, cents: t.totalCents - t.linesCents });
    return reconcile(run, currencyOf(reports), { reports, amounts, shares: await s.runShares(run.id), suspense: await s.runSuspense(run.id) });
  }

  /** A performer's lines of a run: the performer themself, or staff. */
  async performerStatement(p: Principal, runId: string, performerId: string): Promise<PerformerStatement> {
    if (!isStaff(p) && !(p.account.role === 'performer' && p.account.performerId === performerId)) throw forbidden(p, "another performer's statement");
    const s = this.deps.store;
    const r = await s.getRun(runId);
    if (r === null) throw notFound('distribution run', runId);
    const ids = new Set(r.reports);
    const currency = currencyOf((await s.usageReports({ from: r.period.from, to: r.period.to })).filter((x) => ids.has(x.id)));
    return performerStatement({ id: r.id, period: r.period, createdAt: r.createdAt, currency }, { id: performerId, name: await this.deps.performerName(performerId) }, await s.runShares(r.id, performerId));
  }

  /** What an organisation reported and owed over a period: the licensee itself, or staff. */
  async licenseeStatement(p: Principal, organisationId: string, period: { from?: string; to?: string } = {}): Promise<LicenseeStatement> {
    if (p.account.role === 'licensee' && p.account.organisationId !== organisationId) throw notFound('organisation', organisationId);
    if (p.account.role !== 'licensee' && !isStaff(p)) throw forbidden(p, 'licensee statements');
    const org = await this.deps.store.getOrganisation(organisationId);
    if (org === null) throw notFound('organisation', organisationId);
    const from = period.from === undefined ? undefined : instant(period.from, 'from');
    const to = period.to === undefined ? undefined : instant(period.to, 'to');
    const reports = await this.deps.store.usageReports({ organisationId, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
    return licenseeStatement({ id: org.id, name: org.name }, { from: from ?? null, to: to ?? null }, reports);
  }
}

function instant(v: string, field: string): string {
  const i = toInstant(v);
  if (i === null) throw new LicensingError('LICENSING_BAD_USAGE', `${field}: not a date or an instant: ${v}`, { details: { field } });
  return i;
}

/** The one currency of a run's reports (distribute refuses to mix them); EUR for a run without reports. */
function currencyOf(reports: readonly { currency: string }[]): string {
  return reports[0]?.currency ?? 'EUR';
}
