/**
 * Web accounts: passwords for the licensing accounts (argon2id), browser sessions (the token is given to
 * the browser once, only its SHA-256 is stored; sessions end after 2 h idle or 12 h), and what account
 * holders send the collective (missing-recording reports). Who an account is and may do stays with the
 * licensing desk: this service asks it for the principal of an account.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Principal } from '../licensing/service.js';
import { AccountsError } from './errors.js';
import {
  checkPassword,
  missingRecordingOf,
  newSessionToken,
  normaliseLogin,
  sessionExpiry,
  sha256Hex,
  type MissingRecordingInput,
  type MissingRecordingReport,
} from './model.js';
import { hashPassword, verifyPassword } from './password.js';
import type { AccountsStore } from './store.js';

export interface AccountsDeps {
  store: AccountsStore;
  /** The principal of an account (LicensingService.principalOf): throws for an unknown or disabled account. */
  principalOf: (accountId: string) => Promise<Principal>;
  now?: () => Date;
}

export interface Session {
  principal: Principal;
  expiresAt: string;
}

const badCredentials = () => new AccountsError('ACCOUNTS_BAD_CREDENTIALS', 'unknown login or wrong password');

export class AccountsService {
  private readonly store: AccountsStore;
  private readonly now: () => Date;
  /** Verified against when the login is unknown, so that both failures take the same time. */
  private dummy: Promise<string> | null = null;

  constructor(private readonly deps: AccountsDeps) {
    this.store = deps.store;
    this.now = deps.now ?? (() => new Date());
  }

  /** Sets an account's password (the account must have an e-mail: it is the login); ends its sessions. */
  async setPassword(accountId: string, password: string): Promise<void> {
    const { account } = await this.deps.principalOf(accountId);
    if (account.email === null)
      throw new AccountsError(
        'ACCOUNTS_BAD_INPUT',
        `account ${accountId} has no e-mail address to log in with`,
        { details: { field: 'email' } },
      );
    checkPassword(password, account.email);
    await this.store.setCredential(accountId, await hashPassword(password), this.now().toISOString());
    await this.store.deleteSessionsOf(accountId);
  }

  /** Checks a login and password and opens a session: the token goes in the browser's cookie, once. */
  async login(login: string, password: string): Promise<{ token: string; session: Session }> {
    const cred = await this.store.credentialByLogin(normaliseLogin(login));
    if (cred === null) {
      this.dummy ??= hashPassword(randomBytes(16).toString('hex'));
      await verifyPassword(await this.dummy, password);
      throw badCredentials();
    }
    if (!(await verifyPassword(cred.passwordHash, password))) throw badCredentials();
    let principal: Principal;
    try {
      principal = await this.deps.principalOf(cred.accountId);
    } catch (cause) {
      throw new AccountsError('ACCOUNTS_BAD_CREDENTIALS', 'this account is disabled', { cause });
    }
    const at = this.now().toISOString();
    const { token, hash } = newSessionToken();
    const expiresAt = sessionExpiry(at, at);
    await this.store.insertSession({
      tokenHash: hash,
      accountId: cred.accountId,
      createdAt: at,
      seenAt: at,
      expiresAt,
    });
    return { token, session: { principal, expiresAt } };
  }

  /** The session a token opens now (its idle limit moved on), or null: unknown, ended, or account disabled. */
  async session(token: string): Promise<Session | null> {
    if (token === '' || token.length > 100) return null;
    const hash = sha256Hex(token);
    const s = await this.store.getSession(hash);
    const at = this.now().toISOString();
    if (s === null) return null;
    if (s.expiresAt <= at) {
      await this.store.deleteSession(hash);
      return null;
    }
    let principal: Principal;
    try {
      principal = await this.deps.principalOf(s.accountId);
    } catch {
      await this.store.deleteSession(hash);
      return null;
    }
    const expiresAt = sessionExpiry(s.createdAt, at);
    // One write a minute at most per session: the idle limit is in hours.
    if (Date.parse(at) - Date.parse(s.seenAt) > 60_000) await this.store.touchSession(hash, at, expiresAt);
    return { principal, expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.store.deleteSession(sha256Hex(token));
  }

  /** An account by id or by e-mail (the login). */
  async accountId(idOrEmail: string): Promise<string> {
    const byEmail = idOrEmail.includes('@')
      ? await this.store.accountIdByEmail(normaliseLogin(idOrEmail))
      : null;
    const id = byEmail ?? idOrEmail;
    await this.deps.principalOf(id);
    return id;
  }

  hasPassword(accountId: string): Promise<boolean> {
    return this.store.hasCredential(accountId);
  }

  /** A secret kept across restarts (the web layer's cookie-signing key), made on first use. */
  secret(name: string): Promise<string> {
    return this.store.secret(name, () => randomBytes(32).toString('base64url'), this.now().toISOString());
  }

  /** A performer reports a recording of theirs that the registry lacks. */
  async reportMissing(principal: Principal, input: MissingRecordingInput): Promise<MissingRecordingReport> {
    const performerId = principal.account.performerId;
    if (principal.account.role !== 'performer' || performerId === null) {
      throw new AccountsError('ACCOUNTS_BAD_INPUT', 'only a performer account reports missing recordings', {
        details: { field: 'role' },
      });
    }
    const r: MissingRecordingReport = {
      id: randomUUID(),
      accountId: principal.account.id,
      performerId,
      ...missingRecordingOf(input, this.now()),
      createdAt: this.now().toISOString(),
    };
    await this.store.insertMissingReport(r);
    return r;
  }

  /** A performer's own reports, or (performerId null) everyone's, for staff. */
  missingReports(
    performerId: string | null,
    page = { limit: 50, offset: 0 },
  ): Promise<MissingRecordingReport[]> {
    return this.store.missingReports(performerId, page);
  }
}
