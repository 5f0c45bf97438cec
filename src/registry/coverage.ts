/**
 * Coverage: is a recording reserved for a use at an instant, and why. Pure: it works on the rows it is
 * given (the recording, its line-up, the line-up's performers and their mandate versions, the
 * declarations), so the same answer can be recomputed by anyone holding the same rows.
 */
import {
  inForce,
  territoriesCover,
  usesCover,
  type Declaration,
  type LineupEntry,
  type MandateVersion,
  type Performer,
  type QueryUse,
  type Recording,
  type Territory,
} from './model.js';

export type CoverageStatus = 'reserved' | 'not-covered' | 'unknown';

export type ReasonCode =
  | 'RECORDING_UNKNOWN'
  | 'NO_LINEUP'
  | 'DECLARATION_IN_FORCE'
  | 'NO_DECLARATION_IN_FORCE'
  | 'MANDATE_IN_FORCE'
  | 'NO_MANDATE'
  | 'MANDATE_NOT_IN_FORCE'
  | 'MANDATE_OUT_OF_SCOPE';

export interface Reason {
  code: ReasonCode;
  message: string;
  declarationId?: string;
  performerId?: string;
  performerName?: string;
  mandateId?: string;
  mandateVersion?: number;
  legalBasis?: string;
}

export interface CoverageInput {
  recording: Recording | null;
  lineup: readonly LineupEntry[];
  performers: readonly Performer[];
  /** Every version of every mandate of the line-up's performers (extra rows are ignored). */
  mandates: readonly MandateVersion[];
  declarations: readonly Declaration[];
}

export interface StatusQuery {
  /** The instant the question is about (ISO-8601 UTC). */
  at: string;
  use: QueryUse;
  /** ISO 3166-1 alpha-2; when absent, any territory a mandate names counts. */
  territory?: Territory | undefined;
  /** Only mandate versions recorded at or before this instant count (default: all that are stored). */
  knownAt?: string | undefined;
}

export interface StatusAnswer {
  use: QueryUse;
  status: CoverageStatus;
  reasons: Reason[];
}

/**
 * The reservation status of one recording for one use at one instant.
 *
 * Reserved when a declaration covering the use, the medium and the territory is in force at `at` and
 * at least one performer of the line-up holds a mandate in force at `at` covering them too.
 *
 * @example
 * coverageStatus(rows, { at: '2026-06-01T00:00:00.000Z', use: 'ai-training' }).status // 'reserved'
 */
export function coverageStatus(input: CoverageInput, q: StatusQuery): StatusAnswer {
  const { recording } = input;
  if (recording === null) {
    return { use: q.use, status: 'unknown', reasons: [{ code: 'RECORDING_UNKNOWN', message: 'the recording is not in the registry' }] };
  }
  const medium = recording.kind;
  const declReasons: Reason[] = [];
  for (const d of input.declarations) {
    if (!inForce(d.effectiveFrom, null, d.withdrawnAt, q.at)) continue;
    if (!usesCover(d.uses, q.use) || !d.media.includes(medium) || !territoriesCover(d.territories, q.territory)) continue;
    declReasons.push({
      code: 'DECLARATION_IN_FORCE',
      message: `declaration by ${d.issuer} in force since ${d.effectiveFrom}`,
      declarationId: d.id,
      legalBasis: d.legalBasis,
    });
  }
  if (declReasons.length === 0) {
    return {
      use: q.use,
      status: 'not-covered',
      reasons: [{ code: 'NO_DECLARATION_IN_FORCE', message: `no reservation declaration covers ${q.use} of ${medium} recordings at ${q.at}` }],
    };
  }
  if (input.lineup.length === 0) {
    return { use: q.use, status: 'unknown', reasons: [...declReasons, { code: 'NO_LINEUP', message: 'the line-up of this recording is not known' }] };
  }

  const names = new Map<string, string>();
  for (const p of input.performers) names.set(p.id, p.displayName);
  const current = currentVersions(input.mandates, q.knownAt);
  const covering: Reason[] = [];
  const missing: Reason[] = [];
  const seen = new Set<string>();
  for (const entry of input.lineup) {
    if (seen.has(entry.performerId)) continue;
    seen.add(entry.performerId);
    const performerName = names.get(entry.performerId) ?? entry.performerId;
    const own = current.filter((m) => m.performerId === entry.performerId);
    if (own.length === 0) {
      missing.push({ code: 'NO_MANDATE', message: `${performerName} holds no mandate`, performerId: entry.performerId, performerName });
      continue;
    }
    for (const m of own) {
      const why = whyNot(m, medium, q);
      const base = { performerId: m.performerId, performerName, mandateId: m.mandateId, mandateVersion: m.version, legalBasis: m.legalBasis };
      if (why === null) {
        covering.push({ ...base, code: 'MANDATE_IN_FORCE', message: `${performerName}: ${m.legalBasis} mandate in force since ${m.validFrom}` });
      } else {
        missing.push({ ...base, code: why.code, message: `${performerName}: ${why.message}` });
      }
    }
  }
  if (covering.length > 0) return { use: q.use, status: 'reserved', reasons: [...declReasons, ...covering] };
  return { use: q.use, status: 'not-covered', reasons: [...declReasons, ...missing] };
}

/** The version of each mandate that applies: the newest recorded at or before `knownAt`. */
export function currentVersions(versions: readonly MandateVersion[], knownAt?: string): MandateVersion[] {
  const best = new Map<string, MandateVersion>();
  for (const v of versions) {
    if (knownAt !== undefined && v.recordedAt > knownAt) continue;
    const prev = best.get(v.mandateId);
    if (prev === undefined || v.version > prev.version) best.set(v.mandateId, v);
  }
  return [...best.values()];
}

function whyNot(m: MandateVersion, medium: string, q: StatusQuery): { code: ReasonCode; message: string } | null {
  if (!inForce(m.validFrom, m.validTo, m.withdrawnAt, q.at)) {
    const message =
      q.at < m.validFrom
        ? `mandate starts on ${m.validFrom}`
        : m.withdrawnAt !== null && q.at >= m.withdrawnAt
          ? `mandate withdrawn on ${m.withdrawnAt}`
          : `mandate ended on ${m.validTo ?? '?'}`;
    return { code: 'MANDATE_NOT_IN_FORCE', message };
  }
  if (!usesCover(m.uses, q.use)) return { code: 'MANDATE_OUT_OF_SCOPE', message: `mandate does not cover ${q.use}` };
  if (!m.media.includes(medium as MandateVersion['media'][number])) return { code: 'MANDATE_OUT_OF_SCOPE', message: `mandate does not cover ${medium} recordings` };
  if (!territoriesCover(m.territories, q.territory)) return { code: 'MANDATE_OUT_OF_SCOPE', message: `mandate does not cover territory ${q.territory ?? ''}` };
  return null;
}
