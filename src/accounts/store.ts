/** The storage seam of web accounts (implemented once, for both dialects, in store-kysely.ts). */
import type { MissingRecordingReport } from './model.js';

export interface StoredSession {
  tokenHash: string;
  accountId: string;
  createdAt: string;
  seenAt: string;
  expiresAt: string;
}

export interface AccountsStore {
  /** Sets (or replaces) an account's password hash. */
  setCredential(accountId: string, passwordHash: string, at: string): Promise<void>;
  /** The account with this e-mail (already normalised) and its password hash, when it has one. */
  credentialByLogin(login: string): Promise<{ accountId: string; passwordHash: string } | null>;
  hasCredential(accountId: string): Promise<boolean>;
  /** The id of the account with this e-mail (already normalised), with or without a password. */
  accountIdByEmail(email: string): Promise<string | null>;

  insertSession(s: StoredSession): Promise<void>;
  getSession(tokenHash: string): Promise<StoredSession | null>;
  touchSession(tokenHash: string, seenAt: string, expiresAt: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Removes every session of an account (password change); returns how many. */
  deleteSessionsOf(accountId: string): Promise<number>;
  /** Removes sessions that ended before `at`. */
  deleteExpired(at: string): Promise<number>;

  /** The secret called `name`, created with `make()` the first time (kept across restarts). */
  secret(name: string, make: () => string, at: string): Promise<string>;

  insertMissingReport(r: MissingRecordingReport): Promise<void>;
  /** Newest first; one performer's, or everyone's when `performerId` is null. */
  missingReports(
    performerId: string | null,
    page: { limit: number; offset: number },
  ): Promise<MissingRecordingReport[]>;
}
