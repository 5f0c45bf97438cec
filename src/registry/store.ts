/** The registry's storage seam. One implementation (`store-kysely.ts`) serves SQLite and PostgreSQL. */
import type { LedgerEntry } from '../ledger/entries.js';
import type { Declaration, LineupEntry, MandateVersion, Performer, Recording } from './model.js';

/** Natural keys a performer can be found by; the first one present wins (ISNI, then IPN, then member no.). */
export interface PerformerKey {
  isni?: string | null;
  ipn?: string | null;
  memberNo?: string | null;
}

export interface RecordingKey {
  isrc?: string | null;
  isan?: string | null;
  eidr?: string | null;
}

/** Everything coverage needs for one recording. */
export interface CoverageRows {
  recording: Recording;
  lineup: LineupEntry[];
  performers: Performer[];
  mandates: MandateVersion[];
}

export interface SearchHit {
  type: 'recording' | 'performer';
  id: string;
  label: string;
  detail: string;
  identifier: string | null;
  score: number;
}

export interface RegistryCounts {
  performers: number;
  members: number;
  mandates: number;
  recordings: number;
  lineups: number;
  declarations: number;
}

export type WriteOutcome = 'inserted' | 'updated' | 'unchanged';

export interface RegistryStore {
  /** Runs `fn` in one transaction; the store it receives writes inside it. */
  transaction<T>(fn: (store: RegistryStore) => Promise<T>): Promise<T>;

  /** Inserts, or updates the performer with the same natural key; `id` is kept for an existing one. */
  upsertPerformer(p: Performer): Promise<{ performer: Performer; outcome: WriteOutcome }>;
  getPerformer(id: string): Promise<Performer | null>;
  findPerformer(key: PerformerKey): Promise<Performer | null>;
  performersByIds(ids: readonly string[]): Promise<Performer[]>;

  appendMandateVersion(v: MandateVersion): Promise<void>;
  /** Every version of every mandate of a performer, oldest first. */
  mandateHistory(performerId: string): Promise<MandateVersion[]>;
  /** Every version of one mandate, oldest first. */
  mandateVersions(mandateId: string): Promise<MandateVersion[]>;

  upsertRecording(r: Recording): Promise<{ recording: Recording; outcome: WriteOutcome }>;
  getRecording(id: string): Promise<Recording | null>;
  findRecording(key: RecordingKey): Promise<Recording | null>;
  /** Replaces a recording's line-up; `unchanged` when it is the same. */
  setLineup(recordingId: string, entries: readonly LineupEntry[]): Promise<WriteOutcome>;
  lineup(recordingId: string): Promise<LineupEntry[]>;
  /** Recordings by canonical ISRC, for bulk work (usage reports): absent ISRCs are absent from the map. */
  recordingsByIsrc(isrcs: readonly string[]): Promise<Map<string, Recording>>;
  /** The line-ups of many recordings at once, each in position order; a recording without one maps to []. */
  lineupsOf(recordingIds: readonly string[]): Promise<Map<string, LineupEntry[]>>;
  /** As `lineupsOf`, each entry with whether its performer is a member (null: no such performer). */
  lineupsWithMembership(recordingIds: readonly string[]): Promise<Map<string, (LineupEntry & { member: boolean | null })[]>>;
  recordingsOfPerformer(performerId: string, page: { limit: number; offset: number }): Promise<Recording[]>;

  insertDeclaration(d: Declaration): Promise<void>;
  setDeclarationWithdrawn(id: string, at: string): Promise<boolean>;
  declarations(): Promise<Declaration[]>;

  /** Coverage rows for many ISRCs in a few queries; absent keys are absent from the map. */
  coverageByIsrc(isrcs: readonly string[]): Promise<Map<string, CoverageRows>>;
  coverageOfRecording(recording: Recording): Promise<CoverageRows>;
  /** Coverage rows of recordings that have an ISRC, in ISRC order, after `afterIsrc`, at most `limit` (snapshot export). */
  coveragePage(afterIsrc: string | null, limit: number): Promise<CoverageRows[]>;

  search(q: string, page: { limit: number; offset: number }): Promise<SearchHit[]>;
  counts(): Promise<RegistryCounts>;
  /** Appends transparency-log entries in the store's transaction: call it inside `transaction` with the change. */
  appendLog(entries: readonly LedgerEntry[]): Promise<void>;
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
}
