/** `tdmr licence ...` in-process: a licence from request to signed document, checked offline; bad input and exit codes. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tdmr } from '../support/cli.js';
import { sqliteTestDb, type TestDb } from '../support/db.js';

describe('tdmr licence', () => {
  let db: TestDb;
  let dir: string;
  const saved = { key: process.env.TDMR_LOG_KEY_FILE };
  const file = (name: string, value: unknown) => {
    const p = join(dir, name);
    writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
    return p;
  };
  const ok = async (...argv: string[]) => {
    const r = await tdmr('--db', db.url, ...argv, '--json');
    expect(r.code, r.err).toBe(0);
    return r.json<Record<string, unknown>>();
  };

  beforeAll(async () => {
    db = sqliteTestDb();
    dir = mkdtempSync(join(tmpdir(), 'tdmr-cli-licence-'));
    process.env.TDMR_LOG_KEY_FILE = join(dir, 'log-signer.key');
    expect((await tdmr('--db', db.url, 'init')).code).toBe(0);
  });
  afterAll(async () => {
    process.env.TDMR_LOG_KEY_FILE = saved.key;
    await db.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a request to a signed licence that verifies offline, and refuses a forged one', async () => {
    const org = await ok('licence', 'org', 'create', 'Acme AI');
    const dev = await ok('licence', 'account', 'create', 'Dev', '--role', 'licensee', '--org', org.id as string);
    const officer = await ok('licence', 'account', 'create', 'Léa', '--role', 'licensing-officer');
    const key = await ok('licence', 'key', 'issue', dev.id as string, '--scope', 'lookup', 'licences:request');
    expect(key.key).toMatch(/^tdmr_/);
    expect(key.scopes).toEqual(['lookup', 'licences:request']);
    const tariff = file('tariff.json', { id: 'genai-2026', version: 1, name: 'GenAI', uses: ['genai-training'], validFrom: '2026-01-01T00:00:00.000Z', model: { kind: 'flat', amountCents: 500_000 } });
    expect((await ok('licence', 'tariff', 'put', tariff)).outcome).toBe('inserted');
    const terms = { uses: ['genai-training'], repertoire: { kind: 'all' }, from: '2026-01-01', to: '2027-01-01', product: 'Model X' };
    const req = await ok('licence', 'request', 'submit', file('terms.json', terms), '--as', dev.id as string);
    const id = req.id as string;
    await ok('licence', 'request', 'act', id, 'review', '--as', officer.id as string);
    await ok('licence', 'request', 'act', id, 'offer', '--offer', file('offer.json', { terms, tariff: { id: 'genai-2026', version: 1 } }), '--note', 'standard terms', '--as', officer.id as string);
    await ok('licence', 'request', 'act', id, 'accept', '--as', dev.id as string);
    const active = await ok('licence', 'request', 'act', id, 'activate', '--as', officer.id as string);
    const licenceId = (active.licence as { id: string }).id;

    const shown = await tdmr('--db', db.url, 'licence', 'request', 'show', id, '--as', dev.id as string);
    expect(shown.out).toMatch(/offer .* under-review -> offered by licensing-officer .*: standard terms/);
    expect(shown.out).toContain(`licence ${licenceId}`);

    // A usage report: priced by the tariff, a bad file rejected whole with line and field.
    const usage = await ok('licence', 'usage', 'submit', licenceId, file('q1.csv', 'ISRC,uses,units\nFRZ032599991,genai-training,2\n'), '--from', '2026-01-01', '--to', '2026-04-01', '--as', dev.id as string);
    expect((usage.report as { lines: number; flagged: number; totalCents: number })).toMatchObject({ lines: 1, flagged: 1, totalCents: 500_000 });
    const badUsage = await tdmr('--db', db.url, 'licence', 'usage', 'submit', licenceId, file('q2.csv', 'isrc,uses\nnope,genai-training\n'), '--from', '2026-04-01', '--to', '2026-07-01', '--as', dev.id as string);
    expect(badUsage.code).toBe(2);
    expect(badUsage.err).toMatch(/q2\.csv: line 2, isrc: /);

    // Nothing matched in this empty registry: the flat fee is collected and held in suspense, to the cent.
    const run = await ok('distribute', 'run', '--from', '2026-01-01', '--to', '2027-01-01', '--as', officer.id as string);
    expect(run.run).toMatchObject({ collectedCents: 500_000, distributedCents: 0, suspenseCents: 500_000 });
    const runId = (run.run as { id: string }).id;
    const held = await tdmr('--db', db.url, 'distribute', 'statement', runId, '--suspense', '--as', officer.id as string);
    expect(held.out).toMatch(/report:[^,]+,,fee-without-usage,500000,5000\.00/);
    expect((await ok('distribute', 'run', '--from', '2026-01-01', '--to', '2027-01-01', '--as', officer.id as string)).rerun).toBe(true);
    const statement = await tdmr('--db', db.url, 'distribute', 'statement', runId, '--as', officer.id as string);
    expect(statement.code).toBe(0);
    expect(statement.out.trim()).toBe('performer,recording,role,featured,cents,euros');
    expect((await tdmr('--db', db.url, 'distribute', 'statement', runId, '--as', dev.id as string)).err).toContain('LICENSING_FORBIDDEN');
    // The reconciliation: the books balance (exit 0), as text, JSON and a printable page.
    const report = await tdmr('--db', db.url, 'distribute', 'report', runId, '--as', officer.id as string);
    expect(report.code).toBe(0);
    expect(report.out).toMatch(/the books balance[\s\S]*fee-without-usage: 5000\.00/);
    const rec = await ok('distribute', 'report', runId, '--as', officer.id as string);
    expect(rec).toMatchObject({ ok: true, collectedCents: 500_000, suspenseCents: 500_000 });
    const page = join(dir, 'run.html');
    expect((await tdmr('--db', db.url, 'distribute', 'report', runId, '--format', 'html', '--lang', 'fr', '--out', page, '--as', officer.id as string)).code).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('équilibrés au centime');
    // The licensee's statement: its report and the run that distributed it.
    const mine = await tdmr('--db', db.url, 'licence', 'statement', (usage.report as { organisationId: string }).organisationId, '--as', dev.id as string);
    expect(mine.code).toBe(0);
    expect(mine.out.split('\n')[1]).toContain(`,500000,5000.00,EUR,${runId}`);
    expect((await tdmr('--db', db.url, 'distribute', 'run', '--from', '2026-01-01', '--to', '2027-01-01', '--as', dev.id as string)).err).toContain('LICENSING_FORBIDDEN');

    const jws = join(dir, 'licence.jws');
    await ok('licence', 'document', licenceId, '--out', jws, '--as', dev.id as string);
    const pub = await ok('ledger', 'key');
    const valid = await tdmr('licence', 'verify', jws, '--key', pub.verifierKey as string);
    expect(valid.code).toBe(0);
    expect(valid.out).toContain(`valid licence ${licenceId}`);

    const [h, p, s] = (await tdmr('--db', db.url, 'licence', 'document', licenceId, '--as', dev.id as string)).out.trim().split('.');
    const forged = file('forged.jws', `${h}.${Buffer.from(Buffer.from(p!, 'base64url').toString().replace('Model X', 'Model Y')).toString('base64url')}.${s}`);
    const bad = await tdmr('licence', 'verify', forged, '--key', pub.verifierKey as string, '--json');
    expect(bad.code).toBe(1);
    expect(bad.json()).toEqual({ ok: false, reason: 'the signature does not verify' });
  });

  it('names the bad field and exits 2 on bad input; refuses moves it may not make', async () => {
    const org = await ok('licence', 'org', 'create', 'Beta');
    const dev = await ok('licence', 'account', 'create', 'B', '--role', 'licensee', '--org', org.id as string);
    const bad = await tdmr('--db', db.url, 'licence', 'request', 'submit', file('bad.json', { uses: ['cooking'], repertoire: { kind: 'all' }, from: 'x', to: '2027-01-01', product: 'P' }), '--as', dev.id as string);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/LICENSING_BAD_USAGE: licence request: uses\.0: .*from: /);
    const notJson = await tdmr('--db', db.url, 'licence', 'tariff', 'put', file('t.json', '{ nope'));
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('t.json: not JSON');
    const req = await ok('licence', 'request', 'submit', file('ok.json', { uses: ['search'], repertoire: { kind: 'all' }, from: '2026-01-01', to: '2027-01-01', product: 'P' }), '--as', dev.id as string);
    const self = await tdmr('--db', db.url, 'licence', 'request', 'act', req.id as string, 'review', '--as', dev.id as string);
    expect(self.code).toBe(3);
    expect(self.err).toContain('LICENSING_FORBIDDEN');
    expect((await tdmr('--db', db.url, 'licence', 'request', 'act', req.id as string, 'fly', '--as', dev.id as string)).code).toBe(2);
    expect((await tdmr('--db', db.url, 'licence', 'account', 'create', 'X', '--role', 'licensee')).err).toMatch(/belongs to an organisation/);
  });

  it('has help for every command', async () => {
    for (const c of [['org', 'create'], ['account', 'create'], ['key', 'issue'], ['key', 'revoke'], ['tariff', 'put'], ['request', 'submit'], ['request', 'act'], ['usage', 'submit'], ['document'], ['verify'], ['expire']]) {
      const r = await tdmr('licence', ...c, '--help');
      expect(r.code, c.join(' ')).toBe(0);
      expect(r.out).toMatch(/Usage: tdmr licence/);
    }
  });
});
