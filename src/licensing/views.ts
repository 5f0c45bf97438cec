/**
 * Read-only views of the licensing desk for the web pages (lists and totals the workflow itself never
 * needs). Implemented once, for both dialects, in store-kysely-views.ts. Who may see what is decided by
 * the caller; these only read.
 */
import type { KeyScope } from './api-keys.js';
import type { DistributionRun, UsageReport } from './store.js';
import type { Tariff } from './tariffs.js';
import type { RequestState } from './workflow.js';

export interface KeyInfo {
  id: string;
  scopes: KeyScope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** One line of a performer's statement: a share of a run for a recording. */
export interface StatementLine {
  runId: string;
  periodFrom: string;
  periodTo: string;
  runAt: string;
  recording: string;
  role: string;
  featured: boolean;
  cents: number;
}

export interface LicensingViews {
  keysOf(accountId: string): Promise<KeyInfo[]>;
  /** Newest first; one organisation's, or all when `organisationId` is null. */
  usageReports(
    organisationId: string | null,
    page: { limit: number; offset: number },
  ): Promise<UsageReport[]>;
  /** Every tariff version, by id then version. */
  tariffs(): Promise<Tariff[]>;
  /** Newest first. */
  runs(page: { limit: number; offset: number }): Promise<DistributionRun[]>;
  getRun(id: string): Promise<DistributionRun | null>;
  /** What a run paid featured and non-featured performers, and held in suspense by reason. */
  runBreakdown(
    id: string,
  ): Promise<{
    featuredCents: number;
    nonFeaturedCents: number;
    suspense: { reason: string; cents: number }[];
  }>;
  /** Every share paid to a performer, newest run first. */
  statement(performerId: string, page: { limit: number; offset: number }): Promise<StatementLine[]>;
  requestCounts(): Promise<Partial<Record<RequestState, number>>>;
  /** Usage report totals by the month their period starts (`YYYY-MM`), oldest first. */
  revenueByMonth(): Promise<{ month: string; cents: number }[]>;
  organisationName(id: string): Promise<string | null>;
}
