/** Web accounts over the store, on SQLite and PostgreSQL: passwords, sessions, their limits, secrets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsService } from '../../src/accounts/service.js';
import { KyselyAccountsStore } from '../../src/accounts/store-kysely.js';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../src/accounts/model.js';
import type { Context } from '../../src/context.js';
import { DIALECTS, freshContext } from '../support/db.js';

for (const d of DIALECTS) {
  describe.skipIf(!d.enabled)(`web accounts on ${d.name}`, () => {
    let ctx: Context;
    let dispose: () => Promise<void>;
    let clock = Date.parse('2026-03-01T08:00:00Z');
    let accounts: AccountsService;
    let accountId: string;
    beforeAll(async () => {
      const f = await freshContext(d.make);
      ctx = f.ctx;
      dispose = f.dispose;
      accounts = new AccountsService({
        store: new KyselyAccountsStore(ctx.db.kysely),
        principalOf: (id) => ctx.services.licensing.principalOf(id),
        now: () => new Date(clock),
      });
      accountId = (
        await ctx.services.licensing.createAccount({
          name: 'Olivia',
          email: 'Olivia@Example.org',
          role: 'licensing-officer',
        })
      ).id;
      await accounts.setPassword(accountId, 'a long enough phrase');
    });
    afterAll(async () => dispose?.());

    it('logs in by e-mail whatever its case, and refuses a wrong password or an unknown login alike', async () => {
      const { token, session } = await accounts.login('  olivia@example.ORG ', 'a long enough phrase');
      expect(session.principal.account.id).toBe(accountId);
      expect((await accounts.session(token))?.principal.account.role).toBe('licensing-officer');
      await expect(accounts.login('olivia@example.org', 'a long enough phrasE')).rejects.toMatchObject({
        code: 'ACCOUNTS_BAD_CREDENTIALS',
      });
      await expect(accounts.login('nobody@example.org', 'a long enough phrase')).rejects.toMatchObject({
        code: 'ACCOUNTS_BAD_CREDENTIALS',
        message: 'unknown login or wrong password',
      });
    });

    it('stores the password as an argon2id hash and the session as the SHA-256 of its token', async () => {
      const cred = await ctx.db.kysely
        .withTables<{ account_credentials: { account_id: string; password_hash: string } }>()
        .selectFrom('account_credentials')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(cred.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const { token } = await accounts.login('olivia@example.org', 'a long enough phrase');
      const rows = await ctx.db.kysely
        .withTables<{ web_sessions: { token_hash: string } }>()
        .selectFrom('web_sessions')
        .select('token_hash')
        .execute();
      expect(rows.map((r) => r.token_hash)).not.toContain(token);
      expect(rows.length).toBeGreaterThan(0);
    });

    it('ends a session after the idle limit, and after the absolute limit even when used', async () => {
      const { token: idle } = await accounts.login('olivia@example.org', 'a long enough phrase');
      clock += SESSION_IDLE_MS + 1000;
      expect(await accounts.session(idle)).toBeNull();
      const { token: busy } = await accounts.login('olivia@example.org', 'a long enough phrase');
      for (let t = 0; t < SESSION_MAX_MS - 60_000; t += SESSION_IDLE_MS / 2) {
        clock += SESSION_IDLE_MS / 2;
        if (t + SESSION_IDLE_MS / 2 < SESSION_MAX_MS)
          expect(await accounts.session(busy), `after ${t} ms`).not.toBeNull();
      }
      clock += SESSION_IDLE_MS / 2;
      expect(await accounts.session(busy)).toBeNull();
    });

    it('ends every session when the password changes, and refuses a weak one', async () => {
      const { token } = await accounts.login('olivia@example.org', 'a long enough phrase');
      await expect(accounts.setPassword(accountId, 'short')).rejects.toMatchObject({
        code: 'ACCOUNTS_BAD_PASSWORD',
      });
      expect(await accounts.session(token)).not.toBeNull();
      await accounts.setPassword(accountId, 'another long phrase');
      expect(await accounts.session(token)).toBeNull();
      await expect(accounts.login('olivia@example.org', 'a long enough phrase')).rejects.toMatchObject({
        code: 'ACCOUNTS_BAD_CREDENTIALS',
      });
      expect(
        (await accounts.login('olivia@example.org', 'another long phrase')).session.principal.account.id,
      ).toBe(accountId);
    });

    it('keeps a secret across restarts: the first value made stays', async () => {
      const a = await accounts.secret('cookie-signing');
      const b = await new AccountsService({
        store: new KyselyAccountsStore(ctx.db.kysely),
        principalOf: (id) => ctx.services.licensing.principalOf(id),
      }).secret('cookie-signing');
      expect(b).toBe(a);
      expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    });

    it('lets only a performer report a missing recording, and lists a performer’s own reports', async () => {
      const p = await ctx.services.registry.addPerformer({ displayName: 'Paula Perf', memberNo: 'M-1' });
      const perf = await ctx.services.licensing.createAccount({
        name: 'Paula',
        email: 'paula@example.org',
        role: 'performer',
        performerId: p.id,
      });
      const officer = await ctx.services.licensing.principalOf(accountId);
      await expect(accounts.reportMissing(officer, { title: 'x', artist: 'y' })).rejects.toMatchObject({
        code: 'ACCOUNTS_BAD_INPUT',
      });
      const r = await accounts.reportMissing(await ctx.services.licensing.principalOf(perf.id), {
        title: 'Lost',
        artist: 'Paula',
        year: '2020',
      });
      expect(await accounts.missingReports(p.id)).toEqual([r]);
      expect(await accounts.missingReports('someone-else')).toEqual([]);
    });
  });
}
