/**
 * What the licensing desk writes to the transparency log, in the transaction of the change itself:
 * a request made, every move of a request (who, when, from, to, with the offer when one is made), and
 * every licence issued with the SHA-256 of its signed agreement. All entries about a request share the
 * topic `licence:<request id>` (their `data.id`), so a proof can gather the history of one licence.
 */
import { createHash } from 'node:crypto';
import type { JsonValue } from '../ledger/canonical-json.js';
import type { LedgerEntry } from '../ledger/entries.js';
import { usageLinesSha256 } from '../ledger/usage-digest.js';
import type { Offer } from './offer.js';
import type { LicenceRequest } from './parties.js';
import type { DistributionRun, StoredLicence, StoredUsageLine, UsageReport } from './store.js';
import type { TransitionEvent } from './workflow.js';

/** JSON as the log takes it: no `undefined` anywhere (optional fields absent). */
const json = (v: unknown): JsonValue => JSON.parse(JSON.stringify(v)) as JsonValue;

export function requestEntry(r: LicenceRequest, by: { role: string; id: string }): LedgerEntry {
  return { type: 'licence.requested', at: r.createdAt, data: json({ id: r.id, organisation: r.organisationId, terms: r.terms, by }) };
}

export function transitionEntry(e: TransitionEvent, offer: Offer | null): LedgerEntry {
  return {
    type: 'licence.transition',
    at: e.at,
    data: json({ id: e.request, action: e.action, from: e.from, to: e.to, by: e.by, note: e.note, offer }),
  };
}

export function issuedEntry(l: StoredLicence): LedgerEntry {
  return {
    type: 'licence.issued',
    at: l.issuedAt,
    data: json({
      id: l.request,
      licence: l.id,
      organisation: l.licensee,
      terms: l.terms,
      tariff: l.tariff,
      agreementSha256: createHash('sha256').update(l.document, 'utf8').digest('hex'),
    }),
  };
}

export function terminatedEntry(l: StoredLicence, at: string): LedgerEntry {
  return { type: 'licence.terminated', at, data: json({ id: l.request, licence: l.id, terminatedAt: at }) };
}

/** A usage report: its totals and the SHA-256 of the JSON of its stored lines, in line order, so the amounts are provable. */
export function usageEntry(l: StoredLicence, r: UsageReport, lines: readonly StoredUsageLine[]): LedgerEntry {
  const digest = usageLinesSha256(lines);
  return {
    type: 'licence.usage-reported',
    at: r.submittedAt,
    data: json({ id: l.request, licence: l.id, report: r.id, period: r.period, currency: r.currency, totalCents: r.totalCents, lines: r.lines, flagged: r.flagged, linesSha256: digest }),
  };
}

/** A distribution run: its period, rules, reports and totals (topic `distribution:<run id>`). */
export function distributionEntry(r: DistributionRun, by: { role: string; id: string }): LedgerEntry {
  return {
    type: 'distribution.run',
    at: r.createdAt,
    data: json({ id: r.id, period: r.period, rules: r.rules, reports: r.reports, collectedCents: r.collectedCents, distributedCents: r.distributedCents, suspenseCents: r.suspenseCents, by }),
  };
}
