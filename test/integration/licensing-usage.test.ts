/** Usage reports on SQLite and (with TEST_DATABASE_URL) PostgreSQL: checked against the licence, priced, flagged, logged; bad ones write nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicensingService, Principal } from '../../src/licensing/service.js';
import { DIALECTS } from '../support/db.js';
import { ledgerContext, type LedgerTestContext } from '../support/ledger.js';
import { SEED, seedRegistry } from './registry-seed.js';
import { entryHead } from '../../src/ledger/entry-codec.js';

const TARIFF = { id: 'per-use', version: 1, name: 'Per use', uses: ['genai-training'], validFrom: '2026-01-01T00:00:00.000Z', model: { kind: 'per-recording-use', centsPerRecordingPerUse: 40 } };
const TERMS = { uses: ['genai-training'], repertoire: { kind: 'all' }, from: '2026-01-01', to: '2027-01-01', product: 'Model X' };
const rows = (cells: Record<string, string>[]) => cells.map((c, i) => ({ line: i + 2, cells: c }));

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`usage reports on ${dialect.name}`, () => {
    let t: LedgerTestContext;
    let svc: LicensingService;
    let licensee: Principal;
    let other: Principal;
    let licenceId = '';

    beforeAll(async () => {
      t = await ledgerContext(dialect.make);
      await seedRegistry(t.ctx.services.registry);
      svc = t.ctx.services.licensing;
      const officer = await svc.principalOf((await svc.createAccount({ name: 'LO', role: 'licensing-officer' })).id);
      const org = await svc.createOrganisation('Acme AI');
      licensee = await svc.principalOf((await svc.createAccount({ name: 'Dev', role: 'licensee', organisationId: org.id })).id);
      const org2 = await svc.createOrganisation('Other');
      other = await svc.principalOf((await svc.createAccount({ name: 'O', role: 'licensee', organisationId: org2.id })).id);
      await svc.putTariff(TARIFF, 'test');
      const r = await svc.submitRequest(licensee.actor, TERMS);
      await svc.act(r.id, 'review', officer.actor);
      await svc.act(r.id, 'offer', officer.actor, { offer: { terms: TERMS, tariff: { id: 'per-use', version: 1 } } });
      await svc.act(r.id, 'accept', licensee.actor);
      licenceId = (await svc.act(r.id, 'activate', officer.actor)).licence!.id;
    });
    afterAll(async () => t?.dispose());

    it('prices the lines in scope and flags the others, keeping every line; logs the report', async () => {
      const size = await t.ctx.stores.ledger.size();
      const { report, lines } = await svc.submitUsage(licensee.actor, {
        licence: licenceId,
        from: '2026-01-01',
        to: '2026-04-01',
        source: 'q1.csv',
        records: rows([
          { isrc: SEED.reserved, uses: 'genai-training', units: '3' },
          { isrc: 'FR-Z03-25-00002', uses: 'genai-training' },
          { isrc: SEED.absent, uses: 'genai-training' },
          { isrc: SEED.reserved, uses: 'search' },
        ]),
      });
      expect(lines.map((l) => [l.line, l.isrc, l.flag, l.cents])).toEqual([
        [2, SEED.reserved, null, 40],
        [3, 'FRZ032500002', null, 40],
        [4, SEED.absent, 'unknown-recording', 0],
        [5, SEED.reserved, 'out-of-scope', 0],
      ]);
      expect(report).toMatchObject({ totalCents: 80, lines: 4, flagged: 2, currency: 'EUR' });
      expect(await t.ctx.stores.licensing.usageLines(report.id)).toEqual(lines);
      expect(await t.ctx.stores.licensing.getUsageReport(report.id)).toEqual(report);
      const entries = await t.ctx.stores.ledger.entries(size, await t.ctx.stores.ledger.size());
      expect(entries.map((e) => entryHead(e.body).type)).toEqual(['licence.usage-reported']);
      expect(JSON.parse(entries[0]!.body)).toMatchObject({ data: { report: report.id, totalCents: 80, flagged: 2 } });
    });

    it('refuses a second report for the same period', async () => {
      await expect(
        svc.submitUsage(licensee.actor, { licence: licenceId, from: '2026-01-01', to: '2026-04-01', source: 'again.csv', records: rows([{ isrc: SEED.reserved, uses: 'genai-training' }]) }),
      ).rejects.toMatchObject({ code: 'LICENSING_CONFLICT' });
    });

    it('rejects a report with bad cells whole, naming every line and field, and writes nothing', async () => {
      const size = await t.ctx.stores.ledger.size();
      const err = await svc
        .submitUsage(licensee.actor, {
          licence: licenceId,
          from: '2026-04-01',
          to: '2026-07-01',
          source: 'q2.csv',
          records: rows([
            { isrc: SEED.reserved, uses: 'genai-training' },
            { isrc: 'junk', uses: 'genai-training' },
            { isrc: SEED.reserved, uses: 'cooking' },
            { isrc: SEED.reserved, uses: 'genai-training', units: '-1' },
          ]),
        })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'LICENSING_BAD_USAGE', details: { count: 3 } });
      expect((err as Error).message).toMatch(/^q2\.csv: line 3, isrc: .*line 4, uses: .*cooking.*line 5, units: /);
      expect(await t.ctx.stores.ledger.size()).toBe(size);
      // The same period, corrected, goes in: nothing was left behind.
      const ok = await svc.submitUsage(licensee.actor, { licence: licenceId, from: '2026-04-01', to: '2026-07-01', source: 'q2.csv', records: rows([{ isrc: SEED.reserved, uses: 'genai-training' }]) });
      expect(ok.report.totalCents).toBe(40);
    });

    it('takes reports from the licensee only, for its own licence, in the tariff’s currency', async () => {
      const base = { licence: licenceId, from: '2026-07-01', to: '2026-10-01', source: 'q3.csv', records: rows([{ isrc: SEED.reserved, uses: 'genai-training' }]) };
      await expect(svc.submitUsage(other.actor, base)).rejects.toMatchObject({ code: 'LICENSING_NOT_FOUND' });
      await expect(svc.submitUsage(licensee.actor, { ...base, currency: 'USD' })).rejects.toMatchObject({ code: 'LICENSING_CURRENCY_MISMATCH' });
      await expect(svc.submitUsage(licensee.actor, { ...base, from: '2026-10-01', to: '2026-07-01' })).rejects.toMatchObject({ code: 'LICENSING_BAD_USAGE' });
    });

    it('distributes a period to the line-ups, to the cent, once; a later report goes to the next run', async () => {
      const officer = await svc.principalOf((await svc.createAccount({ name: 'LO2', role: 'licensing-officer' })).id);
      const rules = { featured: 65, nonFeatured: 35 };
      await expect(svc.distribute(licensee.actor, { from: '2026-01-01', to: '2027-01-01', rules })).rejects.toMatchObject({ code: 'LICENSING_FORBIDDEN' });
      const size = await t.ctx.stores.ledger.size();
      const first = await svc.distribute(officer.actor, { from: '2026-01-01', to: '2027-01-01', rules });
      expect(first.rerun).toBe(false);
      // Q1 (80) and Q2 (40) were reported above.
      expect(first.run.collectedCents).toBe(120);
      expect(first.run.distributedCents + first.run.suspenseCents).toBe(120);
      expect(first.shares.reduce((a, x) => a + x.cents, 0)).toBe(first.run.distributedCents);
      expect(first.suspense.reduce((a, x) => a + x.cents, 0)).toBe(first.run.suspenseCents);
      expect(first.run.reports).toHaveLength(2);
      expect(first.shares.length).toBeGreaterThan(0);
      expect(await t.ctx.stores.ledger.size()).toBe(size + 1);
      // The same again: the same run, nothing new written.
      const again = await svc.distribute(officer.actor, { from: '2026-01-01', to: '2027-01-01', rules });
      expect(again.rerun).toBe(true);
      expect(again.run).toEqual(first.run);
      expect(again.shares).toEqual(await t.ctx.stores.licensing.runShares(first.run.id));
      expect(await t.ctx.stores.ledger.size()).toBe(size + 1);
      // A report arriving later is distributed by a new run, and only it.
      await svc.submitUsage(licensee.actor, { licence: licenceId, from: '2026-10-01', to: '2026-12-01', source: 'q4.csv', records: rows([{ isrc: SEED.reserved, uses: 'genai-training', units: '1' }]) });
      const next = await svc.distribute(officer.actor, { from: '2026-01-01', to: '2027-01-01', rules });
      expect(next.rerun).toBe(false);
      expect(next.run.collectedCents).toBe(40);
      expect(next.run.reports).toHaveLength(1);
      expect(next.run.distributedCents + next.run.suspenseCents).toBe(40);
    });

    it('reconciles every run and states each performer and licensee their own, to the cent', async () => {
      const st = t.ctx.services.statements;
      const admin = await svc.principalOf((await svc.createAccount({ name: 'Ad', role: 'administrator' })).id);
      const auditor = await svc.principalOf((await svc.createAccount({ name: 'Au', role: 'auditor' })).id);
      const runs = await st.runs(auditor);
      expect(runs).toHaveLength(2);
      for (const run of runs) {
        const rec = await st.reconciliation(auditor, run.id);
        expect(rec.checks.filter((c) => !c.ok)).toEqual([]);
        expect(rec.reports.reduce((a, r) => a + r.totalCents, 0)).toBe(run.collectedCents);
        expect(rec.byClass.featuredCents + rec.byClass.nonFeaturedCents).toBe(run.distributedCents);
      }
      const first = runs[runs.length - 1]!;
      const shares = await t.ctx.stores.licensing.runShares(first.id);
      const paid = shares[0]!.performerId;
      const performer = await svc.principalOf((await svc.createAccount({ name: 'P', role: 'performer', performerId: paid })).id);
      const mine = await st.performerStatement(performer, first.id, paid);
      expect(mine.totalCents).toBe(shares.filter((x) => x.performerId === paid).reduce((a, x) => a + x.cents, 0));
      expect(mine.performer.name).not.toBeNull();
      expect((await st.performerStatement(admin, first.id, paid)).lines).toEqual(mine.lines);
      await expect(st.performerStatement(performer, first.id, 'someone-else')).rejects.toMatchObject({ code: 'LICENSING_FORBIDDEN' });
      await expect(st.performerStatement(licensee, first.id, paid)).rejects.toMatchObject({ code: 'LICENSING_FORBIDDEN' });
      await expect(st.reconciliation(performer, first.id)).rejects.toMatchObject({ code: 'LICENSING_FORBIDDEN' });
      await expect(st.reconciliation(auditor, 'no-such-run')).rejects.toMatchObject({ code: 'LICENSING_NOT_FOUND' });
      const org = licensee.account.organisationId!;
      const ls = await st.licenseeStatement(licensee, org);
      expect(ls.reports.map((r) => r.totalCents)).toEqual([80, 40, 40]);
      expect(ls.totals).toEqual([{ currency: 'EUR', totalCents: 160, reports: 3 }]);
      expect(ls.reports.every((r) => r.run !== null)).toBe(true);
      expect((await st.licenseeStatement(licensee, org, { from: '2026-04-01', to: '2026-07-01' })).reports).toHaveLength(1);
      await expect(st.licenseeStatement(other, org)).rejects.toMatchObject({ code: 'LICENSING_NOT_FOUND' });
      await expect(st.licenseeStatement(performer, org)).rejects.toMatchObject({ code: 'LICENSING_FORBIDDEN' });
      expect((await st.licenseeStatement(admin, org)).totals).toEqual(ls.totals);
    });
  });
}
