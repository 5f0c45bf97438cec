/**
 * A distribution run (LicensingService.distribute): what the usage reports of a period collected, each
 * recording's amount split over its line-up (distribution.ts), written with its log entry in one
 * transaction. Reads come first, outside the transaction, batch by batch; the time of each phase is
 * reported (BENCHMARKS.md, "Distribution runs").
 */
import { createHash, randomUUID } from 'node:crypto';
import { toInstant } from '../registry/model.js';
import { checkRules, Distributor, type DistributionRules, type Held, type PayableEntry, type Share } from './distribution.js';
import { LicensingError } from './errors.js';
import { distributionEntry } from './log-entries.js';
import type { Actor } from './workflow.js';
import type { DistributionRun, LicensingStore } from './store.js';

/** Recordings whose line-ups are read per query. */
const LOOKUP_BATCH = 5000;

/** The time one phase of a distribution run took. */
export interface Phase {
  name: 'reports' | 'amounts' | 'line-ups' | 'split' | 'write';
  ms: number;
}

export interface DistributionResult {
  run: DistributionRun;
  shares: Share[];
  suspense: Held[];
  /** True when the same period, rules and reports gave back the run made before. */
  rerun: boolean;
  phases: Phase[];
}

export interface DistributionDeps {
  store: LicensingStore;
  /** Payable line-ups of recordings by registry id (a recording without one maps to []). */
  payableLineups: (recordingIds: readonly string[]) => Promise<Map<string, PayableEntry[]>>;
  at: () => string;
}

export async function runDistribution(deps: DistributionDeps, actor: Actor, input: { from: string; to: string; rules: DistributionRules }): Promise<DistributionResult> {
  if (actor.role !== 'administrator' && actor.role !== 'licensing-officer') throw new LicensingError('LICENSING_FORBIDDEN', `a ${actor.role} may not run a distribution`);
  const rules = checkRules(input.rules);
  const from = toInstant(input.from);
  const to = toInstant(input.to);
  if (from === null || to === null || from >= to) throw new LicensingError('LICENSING_BAD_USAGE', 'the period must be two dates, the first before the second', { details: { field: 'period' } });
  // Reads first, outside the transaction: the line-ups come through the registry's own connection, which
  // on SQLite would wait for this transaction to end.
  const s0 = deps.store;
  const phases: Phase[] = [];
  let mark = performance.now();
  const lap = (name: Phase['name']) => {
    const now = performance.now();
    phases.push({ name, ms: now - mark });
    mark = now;
  };
  const { all, distributed } = await s0.reportsInPeriod(from, to);
  const key = createHash('sha256').update(JSON.stringify({ from, to, rules, reports: all }), 'utf8').digest('hex');
  const before = await s0.findRun(key);
  if (before !== null) {
    const found = { run: before, shares: await s0.runShares(before.id), suspense: await s0.runSuspense(before.id), rerun: true };
    lap('reports');
    return { ...found, phases };
  }
  const done = new Set(distributed);
  const reports = all.filter((id) => !done.has(id));
  const pending = new Set(reports);
  const currencies = new Set((await s0.usageReports({ from, to })).filter((r) => pending.has(r.id)).map((r) => r.currency));
  if (currencies.size > 1) {
    throw new LicensingError('LICENSING_CURRENCY_MISMATCH', `the usage reports of this period are in several currencies (${[...currencies].sort().join(', ')}): a run distributes one currency, and amounts in different currencies are never added`, {
      details: { from, to, currencies: [...currencies].sort() },
    });
  }
  lap('reports');
  const amounts = (await s0.amountsByRecording(reports)).filter((a) => a.cents !== 0);
  const totals = await s0.reportTotals(reports);
  lap('amounts');
  // Line-ups are read set by set (one query per batch of recordings), never one recording at a time,
  // and each batch is split as soon as it is read: no run holds every line-up at once. The two phases
  // interleave, so each is timed on its own.
  const split = new Distributor(rules);
  let readMs = 0;
  let splitMs = 0;
  for (let i = 0; i < amounts.length; i += LOOKUP_BATCH) {
    const part = amounts.slice(i, i + LOOKUP_BATCH);
    const t0 = performance.now();
    const lineups = await deps.payableLineups(part.flatMap((a) => (a.recordingId === null ? [] : [a.recordingId])));
    const t1 = performance.now();
    for (const a of part) split.add({ recording: a.isrc, amountCents: a.cents, lineup: a.recordingId === null ? null : (lineups.get(a.recordingId) ?? null) });
    readMs += t1 - t0;
    splitMs += performance.now() - t1;
  }
  // A flat fee or a minimum guarantee owed beyond the lines: collected, attached to no recording, held.
  for (const t of totals) {
    if (t.totalCents > t.linesCents) split.add({ recording: `report:${t.id}`, amountCents: t.totalCents - t.linesCents, lineup: null, heldAs: 'fee-without-usage' });
  }
  const d = split.result();
  phases.push({ name: 'line-ups', ms: readMs }, { name: 'split', ms: splitMs });
  mark = performance.now();
  const run: DistributionRun = {
    id: randomUUID(),
    key,
    period: { from, to },
    rules,
    collectedCents: d.collectedCents,
    distributedCents: d.distributedCents,
    suspenseCents: d.suspenseCents,
    createdAt: deps.at(),
    reports,
  };
  return deps.store.transaction(async (s) => {
    // Another run may have taken these reports meanwhile: then this one is not written.
    const now = await s.reportsInPeriod(from, to);
    if (now.distributed.length !== distributed.length || now.all.length !== all.length) {
      throw new LicensingError('LICENSING_CONFLICT', 'another distribution or usage report changed this period meanwhile: run it again', { details: { from, to } });
    }
    await s.insertRun(run, d.shares, d.suspense);
    await s.appendLog([distributionEntry(run, actor)]);
    lap('write');
    return { run, shares: d.shares, suspense: d.suspense, rerun: false, phases };
  });
}
