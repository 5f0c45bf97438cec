/**
 * Statements and the reconciliation of a distribution run (pure): what a performer was paid in a run, what a
 * licensee reported and owed, and a run's books checked both ways: by report (what was collected) and by
 * recording (where it went), so that an auditor can see the cents add up without trusting the run's totals.
 */
import type { Held, Share, SuspenseReason } from './distribution.js';
import type { DistributionRun, UsageReport } from './store.js';

export interface RunHeader {
  id: string;
  period: { from: string; to: string };
  createdAt: string;
  currency: string;
}

export interface PerformerStatement {
  run: RunHeader;
  performer: { id: string; name: string | null };
  lines: { recording: string; role: string; featured: boolean; cents: number }[];
  totalCents: number;
  recordings: number;
}

export function runHeader(run: DistributionRun, currency: string): RunHeader {
  return { id: run.id, period: run.period, createdAt: run.createdAt, currency };
}

/** A performer's lines of a run (the shares are filtered here too, so any list of shares will do). */
export function performerStatement(run: RunHeader, performer: { id: string; name: string | null }, shares: readonly Share[]): PerformerStatement {
  const lines = shares
    .filter((s) => s.performerId === performer.id)
    .map((s) => ({ recording: s.recording, role: s.role, featured: s.featured, cents: s.cents }))
    .sort((a, b) => (a.recording < b.recording ? -1 : a.recording > b.recording ? 1 : a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
  return { run, performer, lines, totalCents: sum(lines.map((l) => l.cents)), recordings: new Set(lines.map((l) => l.recording)).size };
}

export interface LicenseeStatement {
  organisation: { id: string; name: string };
  period: { from: string | null; to: string | null };
  reports: {
    id: string;
    licence: string;
    period: { from: string; to: string };
    currency: string;
    lines: number;
    flagged: number;
    revenueCents: number | null;
    totalCents: number;
    /** The distribution run that paid it out, or null while it waits for one. */
    run: string | null;
  }[];
  /** Totals per currency (a licensee may hold licences priced in several). */
  totals: { currency: string; totalCents: number; reports: number }[];
}

export function licenseeStatement(
  organisation: { id: string; name: string },
  period: { from: string | null; to: string | null },
  reports: readonly (UsageReport & { run: string | null })[],
): LicenseeStatement {
  const own = reports.filter((r) => r.organisationId === organisation.id);
  const byCurrency = new Map<string, { totalCents: number; reports: number }>();
  for (const r of own) {
    const t = byCurrency.get(r.currency) ?? { totalCents: 0, reports: 0 };
    t.totalCents += r.totalCents;
    t.reports += 1;
    byCurrency.set(r.currency, t);
  }
  return {
    organisation,
    period,
    reports: own.map((r) => ({ id: r.id, licence: r.licence, period: r.period, currency: r.currency, lines: r.lines, flagged: r.flagged, revenueCents: r.revenueCents, totalCents: r.totalCents, run: r.run })),
    totals: [...byCurrency].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, t]) => ({ currency, ...t })),
  };
}

export interface ReconciliationCheck {
  name: 'reports-equal-collected' | 'shares-equal-distributed' | 'suspense-equals-held' | 'collected-equals-distributed-plus-suspense' | 'recordings-balance';
  ok: boolean;
  expectedCents: number;
  actualCents: number;
  /** For `recordings-balance`: the recordings whose shares and suspense do not add up to their amount (at most 20). */
  unbalanced?: string[];
}

export interface Reconciliation {
  run: RunHeader;
  reports: { id: string; organisationId: string; licence: string; totalCents: number }[];
  collectedCents: number;
  distributedCents: number;
  suspenseCents: number;
  byClass: { featuredCents: number; nonFeaturedCents: number };
  suspenseByReason: { reason: SuspenseReason; cents: number; lines: number }[];
  performers: number;
  recordings: number;
  checks: ReconciliationCheck[];
  ok: boolean;
}

/**
 * Checks a run's books. `amounts` are what the run's reports owe per recording (in-scope lines summed; the
 * fee owed beyond the lines of a report under `report:<id>`): each must equal that recording's shares plus
 * its suspense, and the totals must agree with the stored run.
 */
export function reconcile(
  run: DistributionRun,
  currency: string,
  input: {
    reports: readonly { id: string; organisationId: string; licence: string; totalCents: number }[];
    amounts: readonly { recording: string; cents: number }[];
    shares: readonly Share[];
    suspense: readonly Held[];
  },
): Reconciliation {
  const reportsCents = sum(input.reports.map((r) => r.totalCents));
  const sharesCents = sum(input.shares.map((s) => s.cents));
  const heldCents = sum(input.suspense.map((h) => h.cents));
  const owed = new Map<string, number>();
  for (const a of input.amounts) if (a.cents !== 0) owed.set(a.recording, (owed.get(a.recording) ?? 0) + a.cents);
  const paid = new Map<string, number>();
  for (const x of [...input.shares, ...input.suspense]) paid.set(x.recording, (paid.get(x.recording) ?? 0) + x.cents);
  const unbalanced = [...new Set([...owed.keys(), ...paid.keys()])].filter((k) => (owed.get(k) ?? 0) !== (paid.get(k) ?? 0)).sort();
  const reasons = new Map<SuspenseReason, { cents: number; lines: number }>();
  for (const h of input.suspense) {
    const r = reasons.get(h.reason) ?? { cents: 0, lines: 0 };
    r.cents += h.cents;
    r.lines += 1;
    reasons.set(h.reason, r);
  }
  const checks: ReconciliationCheck[] = [
    { name: 'reports-equal-collected', ok: reportsCents === run.collectedCents, expectedCents: run.collectedCents, actualCents: reportsCents },
    { name: 'shares-equal-distributed', ok: sharesCents === run.distributedCents, expectedCents: run.distributedCents, actualCents: sharesCents },
    { name: 'suspense-equals-held', ok: heldCents === run.suspenseCents, expectedCents: run.suspenseCents, actualCents: heldCents },
    {
      name: 'collected-equals-distributed-plus-suspense',
      ok: run.collectedCents === run.distributedCents + run.suspenseCents,
      expectedCents: run.collectedCents,
      actualCents: run.distributedCents + run.suspenseCents,
    },
    {
      name: 'recordings-balance',
      ok: unbalanced.length === 0,
      expectedCents: sum([...owed.values()]),
      actualCents: sum([...paid.values()]),
      ...(unbalanced.length === 0 ? {} : { unbalanced: unbalanced.slice(0, 20) }),
    },
  ];
  return {
    run: runHeader(run, currency),
    reports: input.reports.map((r) => ({ id: r.id, organisationId: r.organisationId, licence: r.licence, totalCents: r.totalCents })),
    collectedCents: run.collectedCents,
    distributedCents: run.distributedCents,
    suspenseCents: run.suspenseCents,
    byClass: {
      featuredCents: sum(input.shares.filter((s) => s.featured).map((s) => s.cents)),
      nonFeaturedCents: sum(input.shares.filter((s) => !s.featured).map((s) => s.cents)),
    },
    suspenseByReason: [...reasons].sort(([a], [b]) => (a < b ? -1 : 1)).map(([reason, r]) => ({ reason, ...r })),
    performers: new Set(input.shares.map((s) => s.performerId)).size,
    recordings: new Set(input.shares.map((s) => s.recording)).size,
    checks,
    ok: checks.every((c) => c.ok),
  };
}

function sum(xs: readonly number[]): number {
  let t = 0;
  for (const x of xs) t += x;
  return t;
}
