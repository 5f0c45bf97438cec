/** `tdmr account password` and `tdmr account demo` through the in-process CLI. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toConfig } from '../../src/config/config.js';
import { createContext } from '../../src/context.js';
import { tdmr } from '../support/cli.js';
import { sqliteTestDb } from '../support/db.js';

describe('tdmr account', () => {
  const db = sqliteTestDb();
  afterAll(() => db.dispose());
  const dir = mkdtempSync(join(tmpdir(), 'tdmr-account-'));

  it('sets a password an account then logs in with, by e-mail; refuses a weak one with exit 2', async () => {
    const made = await tdmr(
      '--db',
      db.url,
      'licence',
      'account',
      'create',
      'Olga Officer',
      '--role',
      'licensing-officer',
      '--email',
      'olga@cmo.test',
      '--json',
    );
    expect(made.code).toBe(0);
    const id = made.json<{ id: string }>().id;
    const file = join(dir, 'pw');
    writeFileSync(file, 'a sufficiently long phrase\n');
    const set = await tdmr(
      '--db',
      db.url,
      'account',
      'password',
      'OLGA@cmo.test',
      '--password-file',
      file,
      '--json',
    );
    expect(set.code).toBe(0);
    expect(set.json()).toEqual({ account: id, password: 'set' });
    await using ctx = await createContext(toConfig({ databaseUrl: db.url, logLevel: 'silent' }));
    const { session } = await ctx.services.accounts.login('olga@cmo.test', 'a sufficiently long phrase');
    expect(session.principal.account.id).toBe(id);
    writeFileSync(file, 'short');
    const weak = await tdmr('--db', db.url, 'account', 'password', id, '--password-file', file);
    expect(weak.code).toBe(2);
    expect(weak.err).toMatch(/ACCOUNTS_BAD_PASSWORD/);
    expect(
      (await tdmr('--db', db.url, 'account', 'password', 'nobody@cmo.test', '--password-file', file)).code,
    ).toBe(2);
  });

  it('has --help for each subcommand', async () => {
    for (const argv of [
      ['account', 'password'],
      ['account', 'demo'],
    ]) {
      const r = await tdmr(...argv, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Usage: tdmr account/);
    }
  });
});
