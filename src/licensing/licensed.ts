/**
 * The answer of a lookup as a licensee sees it (pure): a use the registry says is `reserved` is
 * `licensed` when a licence the caller holds covers it, with the licence as its reason, stated once in
 * the evidence. Everyone else keeps getting `reserved` (the lookups call this only for an authenticated
 * licensee, with its own licences). Nothing else changes: `not-covered` and `unknown` stay what they are,
 * since a licence does not make an unknown recording known.
 */
import type { CompactReason, CompactStatus } from '../registry/compact.js';
import type { CoverageStatus } from '../registry/coverage.js';
import type { QueryUse } from '../registry/model.js';
import { coveringLicences, type Licence, type RecordingScope } from './model.js';

/** A use's status in an answer: the coverage rule's, or `licensed`. */
export type AnswerStatus = CoverageStatus | 'licensed';
export type LicensedReason = CompactReason | { readonly code: 'LICENCE_IN_FORCE'; readonly licence: string };
export type LicensedUse = { status: AnswerStatus; reasons: readonly LicensedReason[] } | { status: AnswerStatus; sameAs: QueryUse };

/** A compact answer that may hold `licensed` uses (a `CompactStatus` is one). */
export interface LicensedStatus extends Omit<CompactStatus, 'status' | 'uses'> {
  status: AnswerStatus;
  uses: Partial<Record<QueryUse, LicensedUse>>;
}

/** A licence as the evidence of an answer states it. */
export interface LicenceEvidence {
  id: string;
  uses: readonly string[];
  media: readonly string[];
  territories: readonly string[];
  from: string;
  to: string;
  product: string;
  tariff: { id: string; version: number };
}

/** Collects the licences an answer (or a batch) names, each once, keyed `l1`, `l2`... in first-use order. */
export class LicenceCollector {
  readonly list: LicenceEvidence[] = [];
  readonly #keys = new Map<string, string>();

  key(l: Licence): string {
    let k = this.#keys.get(l.id);
    if (k === undefined) {
      const t = l.terms;
      this.list.push({ id: l.id, uses: [...t.uses], media: [...t.media], territories: [...t.territories], from: t.from, to: t.to, product: t.product, tariff: { ...l.tariff } });
      k = `l${this.list.length}`;
      this.#keys.set(l.id, k);
    }
    return k;
  }
}

/** `reserved` > `unknown` > `licensed` > `not-covered`: the overall status of uses. */
export function overallAnswerStatus(statuses: readonly AnswerStatus[]): AnswerStatus {
  if (statuses.includes('reserved')) return 'reserved';
  if (statuses.includes('unknown')) return 'unknown';
  return statuses.includes('licensed') ? 'licensed' : 'not-covered';
}

/**
 * `c` as the holder of `licences` sees it at `at` in `territory`. `lineup` gives the performer ids of the
 * recording (for licences of a performers' repertoire). Returns `c` itself when no licence changes
 * anything, so the answers of everyone else and of licensees without a covering licence stay identical.
 */
export function licensedView<T extends CompactStatus>(
  c: T,
  licences: readonly Licence[],
  lineup: readonly string[],
  q: { at: string; territory?: string | undefined },
  collector: LicenceCollector,
): T | (Omit<T, 'status' | 'uses'> & LicensedStatus) {
  const r = c.recording;
  if (r === null || licences.length === 0 || c.status !== 'reserved') return c;
  const scope: RecordingScope = { isrc: r.isrc, medium: r.kind, year: r.year, label: r.label, performerIds: lineup };
  const uses: Partial<Record<QueryUse, LicensedUse>> = {};
  let changed = false;
  for (const [use, u] of Object.entries(c.uses) as [QueryUse, NonNullable<CompactStatus['uses'][QueryUse]>][]) {
    // Uses answered "the same as" another may now differ from it: every use is written in full.
    const full = 'sameAs' in u ? c.uses[u.sameAs] : u;
    const reasons = full !== undefined && 'reasons' in full ? full.reasons : [];
    const covering = u.status === 'reserved' ? coveringLicences(licences, scope, use, q.at, q.territory) : [];
    if (covering.length > 0) {
      changed = true;
      uses[use] = { status: 'licensed', reasons: [...reasons, ...covering.map((l) => ({ code: 'LICENCE_IN_FORCE' as const, licence: collector.key(l) }))] };
    } else uses[use] = { status: u.status, reasons };
  }
  if (!changed) return c;
  const status = overallAnswerStatus(Object.values(uses).map((u) => u.status));
  return { ...c, status, uses };
}
