import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distribute, type PayableEntry, type RecordingAmount } from './distribution.js';
import { licenseeStatementCsv, licenseeStatementHtml, performerStatementCsv, performerStatementHtml, reconciliationHtml, STATEMENT_TEXT } from './statement-render.js';
import { licenseeStatement, performerStatement, reconcile, runHeader } from './statements.js';
import type { DistributionRun, UsageReport } from './store.js';

const entry = fc.record({
  performerId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
  role: fc.constantFrom('singer', 'guitar', 'conductor'),
  featured: fc.boolean(),
  held: fc.constantFrom<PayableEntry['held']>(null, null, 'performer-not-member', 'performer-unknown'),
});
const item = fc.record({
  recording: fc.stringMatching(/^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/),
  amountCents: fc.integer({ min: 0, max: 10_000_000 }),
  lineup: fc.option(fc.array(entry, { maxLength: 6 }), { nil: null }),
});

function runOf(items: RecordingAmount[]) {
  const d = distribute(items, { featured: 65, nonFeatured: 35 });
  const run: DistributionRun = {
    id: 'run1',
    key: 'k',
    period: { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
    rules: {},
    collectedCents: d.collectedCents,
    distributedCents: d.distributedCents,
    suspenseCents: d.suspenseCents,
    createdAt: '2026-04-02T10:00:00.000Z',
    reports: ['r1'],
  };
  return { d, run };
}

describe('reconcile', () => {
  it('finds the books of any distribution balanced, by report and by recording', () => {
    fc.assert(
      fc.property(fc.uniqueArray(item, { selector: (i) => i.recording, maxLength: 30 }), (items) => {
        const { d, run } = runOf(items);
        const rec = reconcile(run, 'EUR', {
          reports: [{ id: 'r1', organisationId: 'o', licence: 'l', totalCents: d.collectedCents }],
          amounts: items.map((i) => ({ recording: i.recording, cents: i.amountCents })),
          shares: d.shares,
          suspense: d.suspense,
        });
        expect(rec.checks.filter((c) => !c.ok)).toEqual([]);
        expect(rec.ok).toBe(true);
        expect(rec.byClass.featuredCents + rec.byClass.nonFeaturedCents).toBe(d.distributedCents);
        expect(rec.suspenseByReason.reduce((t, s) => t + s.cents, 0)).toBe(d.suspenseCents);
      }),
    );
  });

  it('names what does not add up: a lost cent, a report missing, a recording short', () => {
    const items = [
      { recording: 'FRZ032500001', amountCents: 1001, lineup: [{ performerId: 'p1', role: 'singer', featured: true, held: null }] },
      { recording: 'FRZ032500002', amountCents: 500, lineup: null },
    ];
    const { d, run } = runOf(items);
    const shares = d.shares.map((s) => ({ ...s, cents: s.cents - 1 }));
    const rec = reconcile(run, 'EUR', {
      reports: [{ id: 'r1', organisationId: 'o', licence: 'l', totalCents: 1000 }],
      amounts: items.map((i) => ({ recording: i.recording, cents: i.amountCents })),
      shares,
      suspense: d.suspense,
    });
    expect(rec.ok).toBe(false);
    const bad = Object.fromEntries(rec.checks.map((c) => [c.name, c]));
    expect(bad['shares-equal-distributed']).toMatchObject({ ok: false, expectedCents: 1001, actualCents: 1000 });
    expect(bad['reports-equal-collected']).toMatchObject({ ok: false, expectedCents: 1501, actualCents: 1000 });
    expect(bad['recordings-balance']).toMatchObject({ ok: false, unbalanced: ['FRZ032500001'] });
    expect(bad['suspense-equals-held']?.ok).toBe(true);
    expect(reconciliationHtml(rec, 'en')).toContain('do not balance');
  });
});

describe('statements', () => {
  const { d, run } = runOf([
    {
      recording: 'FRZ032500001',
      amountCents: 12345,
      lineup: [
        { performerId: 'p1', role: 'singer', featured: true, held: null },
        { performerId: 'p2', role: 'guitar', featured: false, held: null },
      ],
    },
    { recording: 'FRZ032500002', amountCents: 999, lineup: [{ performerId: 'p1', role: 'singer', featured: true, held: null }] },
  ]);
  const header = runHeader(run, 'EUR');

  it("gives a performer only their own lines, totalled, as CSV that parses back and as HTML", () => {
    const st = performerStatement(header, { id: 'p1', name: 'Léa <Dupont> & "Co"' }, d.shares);
    expect(st.lines.map((l) => l.recording)).toEqual(['FRZ032500001', 'FRZ032500002']);
    expect(st.totalCents).toBe(d.shares.filter((s) => s.performerId === 'p1').reduce((t, s) => t + s.cents, 0));
    const rows = parse<Record<string, string>>(performerStatementCsv(st), { columns: true });
    expect(rows.map((r) => Number(r.cents)).reduce((a, b) => a + b, 0)).toBe(st.totalCents);
    expect(rows.every((r) => r.performer === 'p1' && r.currency === 'EUR')).toBe(true);
    const fr = performerStatementHtml(st, 'fr');
    expect(fr).toContain('lang="fr"');
    expect(fr).toContain('Léa &lt;Dupont&gt; &amp; &quot;Co&quot;');
    expect(fr).not.toContain('<Dupont>');
    // 133,44 € in French, €133.44 in English (the exact split comes from distribute).
    const p1 = (st.totalCents / 100).toFixed(2);
    expect(fr.replace(/\s/g, ' ')).toContain(`${p1.replace('.', ',')} €`);
    expect(performerStatementHtml(st, 'en')).toContain(`€${p1}`);
  });

  it("states a licensee's reports with totals per currency and never another's", () => {
    const report = (id: string, org: string, currency: string, totalCents: number, run: string | null): UsageReport & { run: string | null } => ({
      id,
      licence: 'l1',
      organisationId: org,
      period: { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
      currency,
      revenueCents: null,
      totalCents,
      lines: 3,
      flagged: 1,
      submittedAt: '2026-04-01T00:00:00.000Z',
      run,
    });
    const st = licenseeStatement({ id: 'o1', name: 'Acme' }, { from: null, to: null }, [report('a', 'o1', 'EUR', 100, 'run1'), report('b', 'o2', 'EUR', 5, null), report('c', 'o1', 'EUR', 250, null), report('d', 'o1', 'USD', 7, null)]);
    expect(st.reports.map((r) => r.id)).toEqual(['a', 'c', 'd']);
    expect(st.totals).toEqual([
      { currency: 'EUR', totalCents: 350, reports: 2 },
      { currency: 'USD', totalCents: 7, reports: 1 },
    ]);
    const rows = parse<Record<string, string>>(licenseeStatementCsv(st), { columns: true });
    expect(rows.map((r) => [r.report, r.run])).toEqual([
      ['a', 'run1'],
      ['c', ''],
      ['d', ''],
    ]);
    expect(licenseeStatementHtml(st, 'en')).toContain('pending');
  });

  it('has the same labels in French and English', () => {
    expect(Object.keys(STATEMENT_TEXT.fr).sort()).toEqual(Object.keys(STATEMENT_TEXT.en).sort());
  });
});
