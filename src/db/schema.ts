/**
 * Row types as stored, shared by both dialects. Portable choices: ids made by the application as TEXT,
 * instants as ISO-8601 TEXT, booleans as 0/1 INTEGER, lists as JSON TEXT. Stores map rows to domain types.
 */
export interface PerformerRow {
  id: string;
  display_name: string;
  sort_name: string;
  aliases: string;
  member_no: string | null;
  isni: string | null;
  ipn: string | null;
  ipi: string | null;
  member: number;
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface MandateRow {
  id: string;
  mandate_id: string;
  version: number;
  performer_id: string;
  legal_basis: string;
  uses: string;
  media: string;
  territories: string;
  valid_from: string;
  valid_to: string | null;
  withdrawn_at: string | null;
  source_ref: string | null;
  change: string;
  recorded_at: string;
}

export interface RecordingRow {
  id: string;
  kind: string;
  isrc: string | null;
  isan: string | null;
  eidr: string | null;
  iswc: string | null;
  title: string;
  version_title: string | null;
  display_artist: string;
  duration_ms: number | null;
  year: number | null;
  label: string | null;
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface LineupRow {
  recording_id: string;
  position: number;
  performer_id: string;
  role: string;
  instrument: string | null;
  featured: number;
}

export interface DeclarationRow {
  id: string;
  issuer: string;
  legal_basis: string;
  uses: string;
  media: string;
  territories: string;
  effective_from: string;
  withdrawn_at: string | null;
  created_at: string;
}

export interface MetaRow {
  key: string;
  value: string;
}

/** The transparency log's head: one row (id 1) holding the number of entries. */
export interface LedgerHeadRow {
  id: number;
  size: number;
}

/**
 * One log entry: its leaf index and canonical JSON body. Type, instant and leaf hash are computed from
 * the body (migrations 008 and 009).
 */
export interface LedgerEntryRow {
  idx: number;
  body: string;
}

/**
 * What an entry is about, indexed: the entry's block (index / 2^16, `TOPIC_BLOCK`), the 32-bit FNV-1a
 * hash of its topic (`performer:<id>`, `recording:<id>`, `declarations`; see `entryTopic` and
 * `topicKey`) and the entry's index. Readers compare the topic recomputed from the body, so a hash
 * collision costs a row read, never a wrong answer.
 */
export interface LedgerTopicRow {
  block: number;
  topic_key: number;
  idx: number;
}

/**
 * Hash of the complete subtree at (level, index), levels 1 and up (a leaf is the hash of its entry's
 * body, migration 009). Keyed by `nodeRowId(level, index)` (ledger/node-layout.ts).
 */
export interface LedgerNodeRow {
  id: number;
  hash: Uint8Array;
}

/** A signed checkpoint (C2SP tlog-checkpoint note) of the first `size` entries. */
export interface LedgerCheckpointRow {
  size: number;
  root_hash: string;
  note: string;
  created_at: string;
}

/** A licensee organisation. */
export interface OrganisationRow {
  id: string;
  name: string;
  created_at: string;
}

/** A person or service that acts: staff (by role), a licensee's user (with its organisation), a performer. */
export interface AccountRow {
  id: string;
  name: string;
  email: string | null;
  role: string;
  organisation_id: string | null;
  performer_id: string | null;
  created_at: string;
  disabled_at: string | null;
}

/** An API key: its id, the SHA-256 (hex) of its secret, scopes as a JSON list. */
export interface ApiKeyRow {
  id: string;
  account_id: string;
  secret_hash: string;
  scopes: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

/** A tariff version; `body` is the tariff's JSON. Versions are never changed. */
export interface TariffRow {
  id: string;
  version: number;
  body: string;
  created_at: string;
}

/** A licence request; `terms` and `offer` (terms + tariff once offered) are JSON. */
export interface LicenceRequestRow {
  id: string;
  organisation_id: string;
  terms: string;
  state: string;
  offer: string | null;
  created_at: string;
  updated_at: string;
}

/** One move of a licence request, in order (`seq` from 1). */
export interface LicenceEventRow {
  request_id: string;
  seq: number;
  action: string;
  from_state: string;
  to_state: string;
  actor_role: string;
  actor_id: string;
  at: string;
  note: string | null;
}

/** A licence issued on an accepted offer: the terms granted, the tariff, the signed ODRL agreement. */
export interface LicenceRow {
  id: string;
  request_id: string;
  organisation_id: string;
  terms: string;
  tariff_id: string;
  tariff_version: number;
  issued_at: string;
  terminated_at: string | null;
  document: string;
  signature: string;
}

/** A usage report of a licensee for one licence and period; money in integer cents. */
export interface UsageReportRow {
  id: string;
  licence_id: string;
  organisation_id: string;
  period_from: string;
  period_to: string;
  currency: string;
  revenue_cents: number | string | null;
  total_cents: number | string;
  lines: number;
  flagged: number;
  submitted_at: string;
}

/** One line of a usage report: `flag` when outside the licence (kept, priced 0). */
export interface UsageLineRow {
  report_id: string;
  line: number;
  isrc: string;
  recording_id: string | null;
  uses: string;
  units: number | string;
  seconds: number | string;
  flag: string | null;
  cents: number | string;
}

/** A distribution run; `run_key` identifies its inputs (reports and rules), so a re-run finds it. */
export interface DistributionRunRow {
  id: string;
  run_key: string;
  period_from: string;
  period_to: string;
  rules: string;
  collected_cents: number | string;
  distributed_cents: number | string;
  suspense_cents: number | string;
  created_at: string;
}

export interface DistributionReportRow {
  report_id: string;
  run_id: string;
}

export interface DistributionShareRow {
  run_id: string;
  performer_id: string;
  recording: string;
  role: string;
  featured: number;
  cents: number | string;
}

export interface DistributionSuspenseRow {
  run_id: string;
  recording: string;
  performer_id: string | null;
  reason: string;
  cents: number | string;
}

export interface FingerprintRow {
  recording_id: string;
  fp_no: number;
  items: number;
  duration_ms: number;
  raw: string;
  raw_sha256: string;
  source: string | null;
  enrolled_at: string;
}

export interface FingerprintIndexRow {
  hash_key: number;
  fp_no: number;
  position: number;
}

export interface DB {
  performers: PerformerRow;
  mandates: MandateRow;
  recordings: RecordingRow;
  lineups: LineupRow;
  declarations: DeclarationRow;
  meta: MetaRow;
  ledger_head: LedgerHeadRow;
  ledger_entries: LedgerEntryRow;
  ledger_topics: LedgerTopicRow;
  ledger_nodes: LedgerNodeRow;
  ledger_checkpoints: LedgerCheckpointRow;
  organisations: OrganisationRow;
  accounts: AccountRow;
  api_keys: ApiKeyRow;
  tariffs: TariffRow;
  licence_requests: LicenceRequestRow;
  licence_events: LicenceEventRow;
  licences: LicenceRow;
  usage_reports: UsageReportRow;
  usage_lines: UsageLineRow;
  distribution_runs: DistributionRunRow;
  distribution_reports: DistributionReportRow;
  distribution_shares: DistributionShareRow;
  distribution_suspense: DistributionSuspenseRow;
  fingerprints: FingerprintRow;
  fingerprint_index: FingerprintIndexRow;
}
