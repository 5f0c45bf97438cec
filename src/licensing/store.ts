/** The storage seam of the licensing desk (implemented once, for both dialects, in store-kysely.ts). */
import type { LedgerEntry } from '../ledger/entries.js';
import type { StoredKey } from './api-keys.js';
import type { Held, Share } from './distribution.js';
import type { Licence } from './model.js';
import type { Offer } from './offer.js';
import type { Account, LicenceRequest, Organisation } from './parties.js';
import type { Tariff } from './tariffs.js';
import type { RequestState, TransitionEvent } from './workflow.js';
import type { UsageLineFacts } from '../ledger/usage-digest.js';

/** A licence as stored: with its signed agreement. */
export interface StoredLicence extends Licence {
  /** The ODRL agreement (JSON-LD) as canonical JSON text. */
  document: string;
  /** JWS (EdDSA) over the document. */
  signature: string;
}

/** A usage report as stored. */
export interface UsageReport {
  id: string;
  licence: string;
  organisationId: string;
  period: { from: string; to: string };
  currency: string;
  revenueCents: number | null;
  totalCents: number;
  lines: number;
  flagged: number;
  submittedAt: string;
}

/**
 * One stored line: what was reported, the recording matched, the flag, the amount; the fields the log's
 * digest of a report's lines covers (ledger/usage-digest.ts).
 */
export type StoredUsageLine = UsageLineFacts;

/** A distribution run as stored. */
export interface DistributionRun {
  id: string;
  key: string;
  period: { from: string; to: string };
  rules: unknown;
  collectedCents: number;
  distributedCents: number;
  suspenseCents: number;
  createdAt: string;
  reports: string[];
}

export interface LicensingStore {
  /** Runs `fn` in one transaction (or in the current one). */
  transaction<T>(fn: (store: LicensingStore) => Promise<T>): Promise<T>;
  /** Appends entries to the transparency log inside the current transaction. */
  appendLog(entries: readonly LedgerEntry[]): Promise<void>;

  insertOrganisation(o: Organisation): Promise<void>;
  getOrganisation(id: string): Promise<Organisation | null>;
  insertAccount(a: Account): Promise<void>;
  getAccount(id: string): Promise<Account | null>;

  insertKey(k: StoredKey): Promise<void>;
  getKey(id: string): Promise<StoredKey | null>;
  /** Sets the revocation instant of a key not yet revoked; false when there is no such key. */
  revokeKey(id: string, at: string): Promise<boolean>;

  /** Stores a tariff version; an existing (id, version) with other content is a conflict. */
  putTariff(t: Tariff, at: string): Promise<'inserted' | 'unchanged' | 'conflict'>;
  getTariff(id: string, version: number): Promise<Tariff | null>;

  insertRequest(r: LicenceRequest): Promise<void>;
  getRequest(id: string): Promise<LicenceRequest | null>;
  listRequests(filter: { organisationId?: string; state?: RequestState }): Promise<LicenceRequest[]>;
  /** Moves a request, only if it is still in `from` (another writer may have moved it): false otherwise. */
  moveRequest(id: string, from: RequestState, to: RequestState, offer: Offer | null, at: string): Promise<boolean>;
  insertEvent(e: TransitionEvent, seq: number): Promise<void>;
  events(requestId: string): Promise<TransitionEvent[]>;

  insertLicence(l: StoredLicence): Promise<void>;
  getLicence(id: string): Promise<StoredLicence | null>;
  licenceOfRequest(requestId: string): Promise<StoredLicence | null>;
  licencesOf(organisationId: string): Promise<StoredLicence[]>;
  terminateLicence(id: string, at: string): Promise<void>;

  /** A report and its lines; a second report for the same licence and period is a conflict (false). */
  insertUsageReport(r: UsageReport, lines: readonly StoredUsageLine[]): Promise<boolean>;
  getUsageReport(id: string): Promise<UsageReport | null>;
  usageLines(reportId: string): Promise<StoredUsageLine[]>;
  /** Usage reports by organisation, licence and period (within [from, to)), each with the run that distributed it. */
  usageReports(filter: { organisationId?: string; licence?: string; from?: string; to?: string }): Promise<(UsageReport & { run: string | null })[]>;
  /** Ids of the usage reports whose period lies within [from, to), and of those already distributed. */
  reportsInPeriod(from: string, to: string): Promise<{ all: string[]; distributed: string[] }>;
  /** Cents per recording over the lines in scope of `reportIds` (recording id null: not matched). */
  amountsByRecording(reportIds: readonly string[]): Promise<{ recordingId: string | null; isrc: string; cents: number }[]>;
  /** Each report's total and the sum of its lines (they differ by a fee owed without usage). */
  reportTotals(reportIds: readonly string[]): Promise<{ id: string; totalCents: number; linesCents: number }[]>;

  findRun(key: string): Promise<DistributionRun | null>;
  insertRun(run: DistributionRun, shares: readonly Share[], suspense: readonly Held[]): Promise<void>;
  getRun(id: string): Promise<DistributionRun | null>;
  /** Every run, newest first. */
  listRuns(): Promise<DistributionRun[]>;
  /** A run's shares (one performer's, when named), by performer, recording and role. */
  runShares(runId: string, performerId?: string): Promise<Share[]>;
  runSuspense(runId: string): Promise<Held[]>;
}
