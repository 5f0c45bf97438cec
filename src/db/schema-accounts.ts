/** Row types of the web accounts tables (migration 007), added to `DB` with Kysely's `withTables`. */

export interface AccountCredentialRow {
  account_id: string;
  /** argon2id, PHC string form. */
  password_hash: string;
  updated_at: string;
}

export interface WebSessionRow {
  /** Hex SHA-256 of the session token. */
  token_hash: string;
  account_id: string;
  created_at: string;
  seen_at: string;
  expires_at: string;
}

export interface WebSecretRow {
  name: string;
  value: string;
  created_at: string;
}

export interface MissingRecordingReportRow {
  id: string;
  account_id: string;
  performer_id: string;
  title: string;
  artist: string;
  isrc: string | null;
  year: number | null;
  note: string | null;
  created_at: string;
}

// A type alias, not an interface: Kysely's `withTables` wants an indexable record.
export type AccountsTables = {
  account_credentials: AccountCredentialRow;
  web_sessions: WebSessionRow;
  web_secrets: WebSecretRow;
  missing_recording_reports: MissingRecordingReportRow;
};
