/** The web accounts store on Kysely, for SQLite and PostgreSQL alike. */
import { sql, type Kysely } from 'kysely';
import type { AccountsTables, MissingRecordingReportRow } from '../db/schema-accounts.js';
import type { DB } from '../db/schema.js';
import type { MissingRecordingReport } from './model.js';
import type { AccountsStore, StoredSession } from './store.js';

type Db = Kysely<DB & AccountsTables>;

const reportFromRow = (r: MissingRecordingReportRow): MissingRecordingReport => ({
  id: r.id,
  accountId: r.account_id,
  performerId: r.performer_id,
  title: r.title,
  artist: r.artist,
  isrc: r.isrc,
  year: r.year === null ? null : Number(r.year),
  note: r.note,
  createdAt: r.created_at,
});

// E-mail addresses are compared in lower case: the licensing desk stores them as they were typed.
export class KyselyAccountsStore implements AccountsStore {
  private readonly db: Db;

  constructor(db: Kysely<DB>) {
    this.db = db.withTables<AccountsTables>();
  }

  async setCredential(accountId: string, passwordHash: string, at: string): Promise<void> {
    await this.db
      .insertInto('account_credentials')
      .values({ account_id: accountId, password_hash: passwordHash, updated_at: at })
      .onConflict((oc) =>
        oc.column('account_id').doUpdateSet({ password_hash: passwordHash, updated_at: at }),
      )
      .execute();
  }

  async credentialByLogin(login: string): Promise<{ accountId: string; passwordHash: string } | null> {
    const r = await this.db
      .selectFrom('accounts')
      .innerJoin('account_credentials', 'account_credentials.account_id', 'accounts.id')
      .select(['accounts.id as accountId', 'account_credentials.password_hash as passwordHash'])
      .where(sql<string>`lower(accounts.email)`, '=', login)
      .executeTakeFirst();
    return r ?? null;
  }

  async hasCredential(accountId: string): Promise<boolean> {
    return (
      (await this.db
        .selectFrom('account_credentials')
        .select('account_id')
        .where('account_id', '=', accountId)
        .executeTakeFirst()) !== undefined
    );
  }

  async accountIdByEmail(email: string): Promise<string | null> {
    return (
      (
        await this.db
          .selectFrom('accounts')
          .select('id')
          .where(sql<string>`lower(email)`, '=', email)
          .executeTakeFirst()
      )?.id ?? null
    );
  }

  async insertSession(s: StoredSession): Promise<void> {
    await this.db
      .insertInto('web_sessions')
      .values({
        token_hash: s.tokenHash,
        account_id: s.accountId,
        created_at: s.createdAt,
        seen_at: s.seenAt,
        expires_at: s.expiresAt,
      })
      .execute();
  }

  async getSession(tokenHash: string): Promise<StoredSession | null> {
    const r = await this.db
      .selectFrom('web_sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return r === undefined
      ? null
      : {
          tokenHash: r.token_hash,
          accountId: r.account_id,
          createdAt: r.created_at,
          seenAt: r.seen_at,
          expiresAt: r.expires_at,
        };
  }

  async touchSession(tokenHash: string, seenAt: string, expiresAt: string): Promise<void> {
    await this.db
      .updateTable('web_sessions')
      .set({ seen_at: seenAt, expires_at: expiresAt })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('web_sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteSessionsOf(accountId: string): Promise<number> {
    const r = await this.db.deleteFrom('web_sessions').where('account_id', '=', accountId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async deleteExpired(at: string): Promise<number> {
    const r = await this.db.deleteFrom('web_sessions').where('expires_at', '<=', at).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async secret(name: string, make: () => string, at: string): Promise<string> {
    await this.db
      .insertInto('web_secrets')
      .values({ name, value: make(), created_at: at })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const r = await this.db
      .selectFrom('web_secrets')
      .select('value')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return r.value;
  }

  async insertMissingReport(r: MissingRecordingReport): Promise<void> {
    await this.db
      .insertInto('missing_recording_reports')
      .values({
        id: r.id,
        account_id: r.accountId,
        performer_id: r.performerId,
        title: r.title,
        artist: r.artist,
        isrc: r.isrc,
        year: r.year,
        note: r.note,
        created_at: r.createdAt,
      })
      .execute();
  }

  async missingReports(
    performerId: string | null,
    page: { limit: number; offset: number },
  ): Promise<MissingRecordingReport[]> {
    let q = this.db.selectFrom('missing_recording_reports').selectAll();
    if (performerId !== null) q = q.where('performer_id', '=', performerId);
    const rows = await q
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(reportFromRow);
  }
}
