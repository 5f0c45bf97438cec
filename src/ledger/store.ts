/** The log's storage seam. One implementation (`store-kysely.ts`) serves SQLite and PostgreSQL. */
import type { Declaration, LineupEntry, MandateVersion, Recording } from '../registry/model.js';
import type { LedgerEntry } from './entries.js';
import type { NodeId } from './plan.js';
import type { AppendResult } from './sql-append.js';

/**
 * An entry as stored: its index, canonical body (type and instant are in it) and leaf hash (empty when
 * the stored leaf is missing or malformed).
 */
export interface StoredEntry {
  readonly index: number;
  readonly body: string;
  readonly leafHash: Uint8Array;
}

/** An entry's index and canonical body. */
export interface StoredBody {
  readonly index: number;
  readonly body: string;
}

/** A signed checkpoint as stored. */
export interface StoredCheckpoint {
  readonly size: number;
  readonly rootHash: Uint8Array;
  /** The signed note (C2SP tlog-checkpoint text, a blank line, signature lines). */
  readonly note: string;
  readonly createdAt: string;
}

/** Nodes of one level with index in [from, to]. */
export interface NodeRange {
  readonly level: number;
  readonly from: number;
  readonly to: number;
}

export interface LedgerStore {
  /** Appends in a transaction of its own (or the one the store was made from). */
  append(entries: Iterable<LedgerEntry> | AsyncIterable<LedgerEntry>): Promise<AppendResult>;
  /** Number of committed entries. */
  size(): Promise<number>;
  /** Hashes of exactly `ids` (level 0 = leaf hashes), in one query, keyed by `nodeRowId(level, index)`. */
  nodes(ids: readonly NodeId[]): Promise<Map<number, Uint8Array>>;
  /** Entries with index in [start, end), in index order. */
  entries(start: number, end: number): Promise<StoredEntry[]>;
  /**
   * At most `limit` bodies with index >= `start`, in index order (gaps show as jumps), without their
   * leaves: the audit recomputes those and compares them with the stored nodes.
   */
  bodiesFrom(start: number, limit: number): Promise<StoredBody[]>;
  /** Entries at the given indices, in index order (absent ones are absent). */
  entriesAt(indices: readonly number[]): Promise<StoredEntry[]>;
  /** Entries about any of `topics` (see `entryTopic`) with index below `end`, in index order. */
  entriesAbout(topics: readonly string[], end: number): Promise<StoredEntry[]>;

  latestCheckpoint(): Promise<StoredCheckpoint | null>;
  checkpointAt(size: number): Promise<StoredCheckpoint | null>;
  /** Checkpoints with size > `after`, smallest first, at most `limit`. */
  checkpoints(after: number, limit: number): Promise<StoredCheckpoint[]>;
  /** Keeps a checkpoint; when one of that size exists already, keeps that one and returns it. */
  saveCheckpoint(cp: StoredCheckpoint): Promise<StoredCheckpoint>;

  /**
   * Hashes of at least every stored node in the given ranges (audit), keyed by `nodeRowId`: nodes whose
   * keys fall between those of the ranges may come too (a tile's levels share a span of keys).
   */
  nodesInRanges(ranges: readonly NodeRange[]): Promise<Map<number, Uint8Array>>;
  countNodes(): Promise<number>;
}

/** Registry and licensing desk rows in key order, page by page: what the audit compares with the replayed log. */
export interface AuditSource {
  /** Mandate versions with id > `after`, by id. */
  mandates(after: string, limit: number): Promise<MandateVersion[]>;
  declarations(): Promise<Declaration[]>;
  /** Recordings with id > `after`, by id, each with its line-up (by position). */
  recordings(after: string, limit: number): Promise<{ recording: Recording; lineup: LineupEntry[] }[]>;
  /** Licences with id > `after`, by id. */
  licences(after: string, limit: number): Promise<AuditedLicence[]>;
  /** Usage reports with id > `after`, by id, with the digest of their stored lines. */
  usageReports(after: string, limit: number): Promise<AuditedUsageReport[]>;
  /** Distribution runs with id > `after`, by id, with their reports and the sums of their stored shares and suspense. */
  distributionRuns(after: string, limit: number): Promise<AuditedDistributionRun[]>;
  /** Licence requests with id > `after`, by id, each with its events in order. */
  licenceRequests(after: string, limit: number): Promise<AuditedRequest[]>;
}

/** A licence request as the audit compares it with its `licence.requested` and `licence.transition` entries. */
export interface AuditedRequest {
  id: string;
  organisation: string;
  terms: unknown;
  state: string;
  /** The last offer made (null before one). */
  offer: unknown;
  createdAt: string;
  updatedAt: string;
  /** Each move in order: action, from, to, actor role, actor id, instant, note. */
  events: (string | null)[][];
}

/** A distribution run as the audit compares it with its `distribution.run` entry. */
export interface AuditedDistributionRun {
  id: string;
  period: { from: string; to: string };
  rules: unknown;
  /** The usage reports it took. */
  reports: string[];
  collectedCents: number;
  distributedCents: number;
  suspenseCents: number;
  createdAt: string;
  /** Sums of the stored `distribution_shares` and `distribution_suspense` rows of the run. */
  sharesCents: number;
  heldCents: number;
}

/** A usage report as the audit compares it with its `licence.usage-reported` entry. */
export interface AuditedUsageReport {
  id: string;
  licence: string;
  period: { from: string; to: string };
  currency: string;
  totalCents: number;
  /** Lines the report says it has, and of them flagged. */
  lines: number;
  flagged: number;
  submittedAt: string;
  /** `usageLinesSha256` of the stored lines, in line order. */
  linesSha256: string;
}

/** A licence as the audit compares it with its `licence.issued` entry (the licensing desk's row). */
export interface AuditedLicence {
  id: string;
  request: string;
  /** The organisation it is granted to. */
  licensee: string;
  terms: unknown;
  tariff: { id: string; version: number };
  issuedAt: string;
  terminatedAt: string | null;
  /** SHA-256 (hex) of the signed agreement document, as the entry records it. */
  documentSha256: string;
}
