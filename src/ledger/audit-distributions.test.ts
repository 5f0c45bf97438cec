import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributionReplay } from './audit-distributions.js';
import { DivergenceLog } from './audit-report.js';
import type { ParsedEntry } from './entry-codec.js';
import type { AuditedDistributionRun, LedgerStore, AuditSource } from './store.js';

const AT = '2026-03-01T10:00:00.000Z';
const entry = (id: string, reports = ['u1', 'u2']): ParsedEntry => ({
  type: 'other',
  entryType: 'distribution.run',
  at: AT,
  data: {
    id,
    period: { from: '2026-01-01', to: '2027-01-01' },
    rules: { featured: 65, nonFeatured: 35 },
    reports,
    collectedCents: 100,
    distributedCents: 90,
    suspenseCents: 10,
    by: { role: 'licensing-officer', id: 'a1' },
  },
});
const row = (id: string, over: Partial<AuditedDistributionRun> = {}): AuditedDistributionRun => ({
  id,
  period: { from: '2026-01-01', to: '2027-01-01' },
  rules: { nonFeatured: 35, featured: 65 },
  reports: ['u2', 'u1'],
  collectedCents: 100,
  distributedCents: 90,
  suspenseCents: 10,
  createdAt: AT,
  sharesCents: 90,
  heldCents: 10,
  ...over,
});
const source = (rows: AuditedDistributionRun[]): AuditSource =>
  ({
    distributionRuns: (after: string, limit: number) =>
      Promise.resolve(rows.filter((r) => r.id > after).slice(0, limit)),
  }) as unknown as AuditSource;
const noStore = { entriesAt: () => Promise.resolve([]) } as unknown as LedgerStore;

async function audit(entries: ParsedEntry[], rows: AuditedDistributionRun[]) {
  const log = new DivergenceLog();
  const replay = distributionReplay(log, source(rows));
  entries.forEach((e, i) => replay.feed(i, e));
  await replay.compare(noStore);
  return log.list().divergences.map((d) => [d.index, d.table, d.problem]);
}

describe('DistributionReplay', () => {
  it('accepts a run that is its entry (reports as a set, rules in any key order)', async () => {
    expect(await audit([entry('r1')], [row('r1')])).toEqual([]);
  });

  it('finds shares and suspense that no longer sum to what the run says, a report added, a run twice', async () => {
    expect(await audit([entry('r1')], [row('r1', { sharesCents: 91, heldCents: 9 })])).toEqual([
      [0, 'distribution_shares', 'the shares sum to 91 cents, the run distributed 90'],
      [0, 'distribution_suspense', 'the suspense rows sum to 9 cents, the run held 10'],
    ]);
    expect(await audit([entry('r1')], [row('r1', { reports: ['u1', 'u2', 'u3'] })])).toEqual([
      [0, 'distribution_runs', 'content differs'],
    ]);
    expect(await audit([entry('r1'), entry('r1')], [row('r1')])).toEqual([
      [1, 'distribution_runs', 'distribution run logged twice (first at entry 0)'],
    ]);
  });

  it('turns any hostile entry data into a divergence, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (data) => {
        const log = new DivergenceLog();
        const replay = distributionReplay(log, source([]));
        replay.feed(0, { type: 'other', entryType: 'distribution.run', at: AT, data });
        await replay.compare(noStore);
        for (const d of log.list().divergences) expect(typeof d.problem).toBe('string');
      }),
    );
  });
});
