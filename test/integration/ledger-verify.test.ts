/**
 * `tdmr ledger verify` against rows edited behind the service's back: a mandate, a line-up, a
 * declaration, an entry body, a deleted entry, a registry row without an entry. On SQLite and
 * (with TEST_DATABASE_URL) PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import type { AuditReport } from '../../src/ledger/audit-report.js';
import { mandateEntry } from '../../src/ledger/entries.js';
import { tdmr } from '../support/cli.js';
import { DIALECTS } from '../support/db.js';
import { keepLogEnv, ledgerContext, runSql, logged, mandate, ORIGIN, seedReserved, tick, withdrawDeclaration, type LedgerTestContext } from '../support/ledger.js';

keepLogEnv();

/** Lifts the append-only guard on a log table, as an administrator could. */
async function dropGuard(ctx: Context, table: string): Promise<void> {
  if (ctx.db.kind === 'sqlite') {
    await runSql(ctx, `DROP TRIGGER ${table}_no_update`);
    await runSql(ctx, `DROP TRIGGER ${table}_no_delete`);
  } else {
    await runSql(ctx, `DROP TRIGGER ${table}_append_only ON ${table}`);
  }
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`tdmr ledger verify on ${dialect.name}`, () => {
    let t: LedgerTestContext;
    let seeded: Awaited<ReturnType<typeof seedReserved>>;
    let second: Awaited<ReturnType<typeof seedReserved>>;

    beforeEach(async () => {
      t = await ledgerContext(dialect.make);
      process.env.TDMR_LOG_KEY_FILE = t.keyFile;
      process.env.TDMR_LOG_ORIGIN = ORIGIN;
      seeded = await seedReserved(t.ctx, 'FRZ032500001');
      await t.ctx.services.ledger.checkpoint();
      second = await seedReserved(t.ctx, 'FRZ032500002');
      const correction = { ...mandate(seeded.performer.id), mandateId: seeded.mandate.mandateId, version: 2, change: 'correction' as const, territories: ['FR'] };
      await logged(t.ctx, async (reg, log) => {
        await reg.appendMandateVersion(correction);
        await log([mandateEntry(correction)]);
      });
      await withdrawDeclaration(t.ctx, second.declaration.id, '2027-01-01T00:00:00.000Z');
      await t.ctx.services.ledger.checkpoint();
    });
    afterEach(async () => t?.dispose());

    const verify = async () => {
      const r = await tdmr('--db', t.db.url, 'ledger', 'verify', '--json');
      return { code: r.code, report: r.json<AuditReport>(), human: (await tdmr('--db', t.db.url, 'ledger', 'verify')).out };
    };

    it('passes on an untouched log and registry', async () => {
      const { code, report, human } = await verify();
      expect(code).toBe(0);
      expect(report).toMatchObject({ ok: true, entries: 8, headSize: 8, checkpoints: 2, rows: { mandates: 3, declarations: 2, recordings: 2 } });
      expect(human).toMatch(/^log consistent: 8 entries, 2 checkpoints/);
    });

    it('finds a mandate row edited by SQL, at its entry, with what differs', async () => {
      await runSql(t.ctx, `UPDATE mandates SET territories = '["DE"]', uses = '["search"]' WHERE id = '${seeded.mandate.id}'`);
      const { code, report, human } = await verify();
      expect(code).toBe(1);
      expect(report.first).toEqual({ index: 0, table: 'mandates', key: seeded.mandate.id, problem: 'uses: log ["ai-training","genai-training","ai-inference"] vs row ["search"]; territories: log ["WORLD"] vs row ["DE"]' });
      expect(human).toMatch(/^DIVERGENCE: entry 0, mandates /);
    });

    it('finds a line-up and a declaration edited by SQL', async () => {
      await runSql(t.ctx, `UPDATE lineups SET role = 'Producer' WHERE recording_id = '${second.recording.id}'`);
      await runSql(t.ctx, `UPDATE declarations SET withdrawn_at = NULL WHERE id = '${second.declaration.id}'`);
      const { code, report } = await verify();
      expect(code).toBe(1);
      expect(report.divergences.map((d) => [d.index, d.table, d.key])).toEqual([
        [4, 'recordings', second.recording.id],
        [7, 'declarations', second.declaration.id],
      ]);
      expect(report.divergences[0]!.problem).toMatch(/^lineup: log \[\[1,.*"LeadVocalist".*\]\] vs row \[\[1,.*"Producer"/);
      expect(report.divergences[1]!.problem).toBe('withdrawnAt: log "2027-01-01T00:00:00.000Z" vs row null');
    });

    it('finds an entry body rewritten behind the append-only guard', async () => {
      await dropGuard(t.ctx, 'ledger_entries');
      await runSql(t.ctx, `UPDATE ledger_entries SET body = replace(body, '"WORLD"', '"FR"') WHERE idx = 0`);
      const { code, report } = await verify();
      expect(code).toBe(1);
      // The body is what the tree and the registry are checked against: the registry row disagrees with
      // it, and so does the stored parent of its leaf.
      expect(report.first).toEqual({ index: 0, table: 'mandates', key: seeded.mandate.id, problem: 'territories: log ["FR"] vs row ["WORLD"]' });
      expect(report.divergences).toContainEqual({ index: 1, table: 'ledger_nodes', key: '1/0', problem: 'stored node hash differs from the one recomputed over entries 0 to 1' });
      // The checkpoints signed over the original body no longer match either.
      expect(report.divergences.some((d) => d.table === 'ledger_checkpoints')).toBe(true);
    });

    it('finds a deleted entry', async () => {
      await dropGuard(t.ctx, 'ledger_entries');
      await runSql(t.ctx, 'DELETE FROM ledger_entries WHERE idx = 3');
      const { code, report } = await verify();
      expect(code).toBe(1);
      expect(report.first).toEqual({ index: 3, table: 'ledger_entries', key: '3', problem: 'entry missing: the next stored index is 4' });
      // The mandate whose entry went is now a row without an entry.
      expect(report.divergences).toContainEqual({ index: null, table: 'mandates', key: second.mandate.id, problem: expect.stringMatching(/has no log entry$/) });
    });

    it('finds a mandate row written without its entry, and a forged checkpoint', async () => {
      const orphan = mandate(seeded.performer.id, { recordedAt: tick() });
      await logged(t.ctx, async (reg) => reg.appendMandateVersion(orphan));
      await runSql(t.ctx, `INSERT INTO ledger_checkpoints (size, root_hash, note, created_at) VALUES (2, '${'ab'.repeat(32)}', 'forged\n\n— x AAAAAAA=\n', '2025-01-01T00:00:00.000Z')`);
      const { code, report } = await verify();
      expect(code).toBe(1);
      expect(report.divergences).toEqual([
        { index: 1, table: 'ledger_checkpoints', key: '2', problem: 'stored root differs from the recomputed root' },
        { index: 1, table: 'ledger_checkpoints', key: '2', problem: expect.stringMatching(/^signed note rejected: NOT_SIGNED/) },
        { index: null, table: 'mandates', key: orphan.id, problem: `mandate ${orphan.mandateId} version 1 has no log entry` },
      ]);
      expect((await tdmr('--db', t.db.url, 'ledger', 'verify', '--no-signatures')).code).toBe(1);
    });
  });
}
