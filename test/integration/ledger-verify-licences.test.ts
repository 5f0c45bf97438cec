/**
 * `tdmr ledger verify` compares the licences with their log entries: licences issued and terminated by
 * the licensing desk pass; a licence row edited behind the desk's back (its terms, its agreement, its
 * termination), a row with no entry and an entry with no row are each found. On SQLite and (with
 * TEST_DATABASE_URL) PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/ledger/audit-report.js';
import type { DistributionRun, StoredLicence } from '../../src/licensing/store.js';
import { tdmr } from '../support/cli.js';
import { DIALECTS } from '../support/db.js';
import { keepLogEnv, ledgerContext, runSql, seedReserved, ORIGIN, type LedgerTestContext } from '../support/ledger.js';
import { OFFER as REGIONAL_OFFER, TARIFF, TERMS } from '../support/licensing.js';
import { entryHead } from '../../src/ledger/entry-codec.js';

// Worldwide, so that usage anywhere is in scope and priced (a distribution then has shares to pay).
const OFFER = { ...REGIONAL_OFFER, terms: { ...REGIONAL_OFFER.terms, territories: ['WORLD'] } };

keepLogEnv();

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`tdmr ledger verify of licences on ${dialect.name}`, () => {
    let t: LedgerTestContext;
    let active: StoredLicence;
    let ended: StoredLicence;
    let pendingRequest: string;
    let report: string;
    let run: DistributionRun;

    /** The index of the entry of `type` about licence `id`. */
    const entryOf = async (type: string, id: string): Promise<number> => {
      const all = await t.ctx.stores.ledger.entries(0, await t.ctx.stores.ledger.size());
      const e = all.find(
        (x) => entryHead(x.body).type === type && (JSON.parse(x.body) as { data: { licence?: string } }).data.licence === id,
      );
      if (e === undefined) throw new Error(`no ${type} entry for ${id}`);
      return e.index;
    };

    beforeEach(async () => {
      t = await ledgerContext(dialect.make);
      process.env.TDMR_LOG_KEY_FILE = t.keyFile;
      process.env.TDMR_LOG_ORIGIN = ORIGIN;
      const svc = t.ctx.services.licensing;
      const org = await svc.createOrganisation('Acme AI');
      const staff = await svc.createAccount({ name: 'Léa Officer', role: 'licensing-officer' });
      const dev = await svc.createAccount({ name: 'Dev', role: 'licensee', organisationId: org.id });
      const officer = await svc.authenticate(
        (await svc.issueKey(staff.id, ['licences:read'])).key,
        'licences:read',
      );
      const licensee = await svc.authenticate(
        (await svc.issueKey(dev.id, ['licences:request'])).key,
        'licences:request',
      );
      await svc.putTariff(TARIFF, 'test');
      const grant = async (): Promise<{ id: string; licence: StoredLicence }> => {
        const r = await svc.submitRequest(licensee.actor, TERMS);
        await svc.act(r.id, 'review', officer.actor);
        await svc.act(r.id, 'offer', officer.actor, { offer: OFFER });
        await svc.act(r.id, 'accept', licensee.actor);
        const { licence } = await svc.act(r.id, 'activate', officer.actor);
        return { id: r.id, licence: licence! };
      };
      await seedReserved(t.ctx, 'FRZ032500001');
      active = (await grant()).licence;
      report = (
        await svc.submitUsage(licensee.actor, {
          licence: active.id,
          from: '2026-02-01',
          to: '2026-03-01',
          source: 'usage.csv',
          records: [
            { line: 2, cells: { isrc: 'FRZ032500001', uses: 'genai-training', units: '3', seconds: '0' } },
            { line: 3, cells: { isrc: 'FRZ032500002', uses: 'genai-training', units: '1', seconds: '0' } },
          ],
        })
      ).report.id;
      run = (await svc.distribute(officer.actor, { from: '2026-01-01', to: '2027-01-01', rules: { featured: 65, nonFeatured: 35 } })).run;
      const second = await grant();
      ended = (await svc.act(second.id, 'terminate', officer.actor, { note: 'breach' })).licence!;
      pendingRequest = (await svc.submitRequest(licensee.actor, TERMS)).id;
      await t.ctx.services.ledger.checkpoint();
    });
    afterEach(async () => t?.dispose());

    const verify = async () => {
      const r = await tdmr('--db', t.db.url, 'ledger', 'verify', '--json');
      return { code: r.code, report: r.json<AuditReport>() };
    };

    it('passes when every licence is its entries', async () => {
      const { code, report } = await verify();
      expect(code).toBe(0);
      expect(report).toMatchObject({ ok: true, rows: { licenceRequests: 3, licences: 2, usageReports: 1, distributionRuns: 1 } });
      expect(run.distributedCents).toBeGreaterThan(0);
      expect(ended.terminatedAt).not.toBeNull();
    });

    it('finds edited terms and an edited agreement, at the licence.issued entry, naming the fields', async () => {
      const terms = JSON.stringify({ ...OFFER.terms, territories: ['US'] });
      await runSql(
        t.ctx,
        `UPDATE licences SET terms = '${terms}', document = document || ' ' WHERE id = '${active.id}'`,
      );
      const { code, report } = await verify();
      expect(code).toBe(1);
      expect(report.first).toMatchObject({
        index: await entryOf('licence.issued', active.id),
        table: 'licences',
        key: active.id,
      });
      expect(report.first?.problem).toMatch(
        /^terms: log .*"territories":\["WORLD"\].* vs row .*"territories":\["US"\].*; agreementSha256: log "[0-9a-f]{64}" vs row "[0-9a-f]{64}"$/,
      );
    });

    it('finds a usage line and a total edited by SQL, at the licence.usage-reported entry', async () => {
      const at = (await t.ctx.stores.ledger.entries(0, await t.ctx.stores.ledger.size())).find((e) => entryHead(e.body).type === 'licence.usage-reported')!.index;
      await runSql(t.ctx, `UPDATE usage_lines SET cents = cents + 500 WHERE report_id = '${report}' AND line = 2`);
      let r = await verify();
      expect(r.code).toBe(1);
      expect(r.report.divergences).toEqual([
        { index: at, table: 'usage_reports', key: report, problem: expect.stringMatching(/^linesSha256: log "[0-9a-f]{64}" vs row "[0-9a-f]{64}"$/) as unknown },
      ]);
      await runSql(t.ctx, `UPDATE usage_lines SET cents = cents - 500 WHERE report_id = '${report}' AND line = 2`);
      await runSql(t.ctx, `UPDATE usage_reports SET total_cents = 999 WHERE id = '${report}'`);
      r = await verify();
      expect(r.report.divergences.map((d) => d.problem)).toEqual([expect.stringMatching(/^totalCents: log \d+ vs row 999$/) as unknown]);
    });

    it('finds a distribution run and its shares edited by SQL, at the distribution.run entry', async () => {
      const at = (await t.ctx.stores.ledger.entries(0, await t.ctx.stores.ledger.size())).find((e) => entryHead(e.body).type === 'distribution.run')!.index;
      await runSql(t.ctx, `UPDATE distribution_shares SET cents = cents + 1 WHERE run_id = '${run.id}'`);
      await runSql(t.ctx, `UPDATE distribution_runs SET collected_cents = 0 WHERE id = '${run.id}'`);
      const { code, report } = await verify();
      expect(code).toBe(1);
      const shares = (await t.ctx.db.kysely.selectFrom('distribution_shares').select('cents').where('run_id', '=', run.id).execute()).reduce((a, r) => a + Number(r.cents), 0);
      expect(report.divergences).toEqual([
        { index: at, table: 'distribution_runs', key: run.id, problem: `collectedCents: log ${run.collectedCents} vs row 0` },
        { index: at, table: 'distribution_shares', key: run.id, problem: `the shares sum to ${shares} cents, the run distributed ${run.distributedCents}` },
      ]);
    });

    it('finds a request moved by SQL, and a step added to its history, at its last entry', async () => {
      const at = (await t.ctx.stores.ledger.entries(0, await t.ctx.stores.ledger.size())).find(
        (e) => entryHead(e.body).type === 'licence.requested' && (JSON.parse(e.body) as { data: { id: string } }).data.id === pendingRequest,
      )!.index;
      await runSql(t.ctx, `UPDATE licence_requests SET state = 'under-review' WHERE id = '${pendingRequest}'`);
      let r = await verify();
      expect(r.code).toBe(1);
      expect(r.report.divergences).toEqual([{ index: at, table: 'licence_requests', key: pendingRequest, problem: 'state: log "submitted" vs row "under-review"' }]);
      await runSql(
        t.ctx,
        `INSERT INTO licence_events (request_id, seq, action, from_state, to_state, actor_role, actor_id, at, note) VALUES ('${pendingRequest}', 1, 'review', 'submitted', 'under-review', 'licensing-officer', 'x', '2026-12-01T00:00:00.000Z', NULL)`,
      );
      r = await verify();
      expect(r.report.divergences.map((d) => d.problem)).toEqual([expect.stringMatching(/^state: log "submitted" vs row "under-review"; events: log \[\] vs row \[\["review",/) as unknown]);
    });

    it('finds a termination undone by SQL, at the licence.terminated entry', async () => {
      await runSql(t.ctx, `UPDATE licences SET terminated_at = NULL WHERE id = '${ended.id}'`);
      const { code, report } = await verify();
      expect(code).toBe(1);
      expect(report.divergences).toEqual([
        {
          index: await entryOf('licence.terminated', ended.id),
          table: 'licences',
          key: ended.id,
          problem: `terminated_at: log ${JSON.stringify(ended.terminatedAt)} vs row null`,
        },
      ]);
    });

    it('finds a licence row with no entry, and a logged licence with no row', async () => {
      await runSql(
        t.ctx,
        `INSERT INTO licences (id, request_id, organisation_id, terms, tariff_id, tariff_version, issued_at, terminated_at, document, signature)
         SELECT 'lic-forged', '${pendingRequest}', organisation_id, terms, tariff_id, tariff_version, issued_at, NULL, document, signature FROM licences WHERE id = '${active.id}'`,
      );
      await runSql(t.ctx, `DELETE FROM licences WHERE id = '${ended.id}'`);
      const { code, report } = await verify();
      expect(code).toBe(1);
      expect(report.divergences).toEqual(
        expect.arrayContaining([
          {
            index: null,
            table: 'licences',
            key: 'lic-forged',
            problem: `licence of request ${pendingRequest} has no licence.issued entry`,
          },
          {
            index: await entryOf('licence.issued', ended.id),
            table: 'licences',
            key: ended.id,
            problem: 'logged licence has no row',
          },
        ]),
      );
      expect(report.divergences).toHaveLength(2);
    });
  });
}
