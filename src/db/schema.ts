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

/** One log entry: its canonical JSON body and RFC 9162 leaf hash (hex). `idx` is the leaf index. */
export interface LedgerEntryRow {
  idx: number;
  type: string;
  at: string;
  /** What the entry is about: `performer:<id>`, `recording:<id>`, `declarations` (see `entryTopic`). */
  subject: string | null;
  /** 32-bit FNV-1a hash of the UTF-16 code units of `subject`: its indexed form (`topicKey`). */
  subject_key: number | null;
  body: string;
  leaf_hash: string;
}

/**
 * Hash of the complete subtree at (level, index), leaves [index * 2^level, (index + 1) * 2^level); level
 * 0 is the leaf hash of entry `index`. Keyed `id = level * 2^47 + index` (`nodeRowId` in ledger/sql-nodes.ts).
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

export interface DB {
  performers: PerformerRow;
  mandates: MandateRow;
  recordings: RecordingRow;
  lineups: LineupRow;
  declarations: DeclarationRow;
  meta: MetaRow;
  ledger_head: LedgerHeadRow;
  ledger_entries: LedgerEntryRow;
  ledger_nodes: LedgerNodeRow;
  ledger_checkpoints: LedgerCheckpointRow;
}
