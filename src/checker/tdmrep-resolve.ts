/**
 * TDMRep's processing order ("Processing priority"): the origin file first, then the response's header
 * fields supersede it, then an HTML page's `<meta>` supersedes those; at each step an absent property does
 * not reset the value found before. An invalid value (anything but `0` / `1`) is a protocol error and
 * counts as absent. The result, and each step, become evidence for the verdict.
 */
import { AI_USES, type CheckUse, type Evidence, type PrecedenceRule } from './model.js';
import type { Reservation, TdmrepFileMatch } from './tdmrep-file.js';
import type { HtmlSignals } from './html-signals.js';

export type TdmrepStepKind = 'tdmrep-file' | 'tdmrep-header' | 'tdmrep-meta';

export interface TdmrepStep {
  kind: TdmrepStepKind;
  /** Where it was read (URL plus place). */
  source: string;
  /** The raw values; null when the property is absent. */
  rawReservation: string | null;
  rawPolicy: string | null;
  reservation: Reservation | null;
  /** Set when the step could not be read at all (the file, not a single property). */
  unreadable?: string;
  problem?: string;
}

export interface TdmrepResult {
  reservation: Reservation | null;
  policy: string | null;
  /** The step that set the reservation, or null when unset. */
  decidedBy: TdmrepStep | null;
  steps: TdmrepStep[];
}

/** A header or meta value: exactly `0` or `1` after trimming. */
export function readReservationValue(raw: string | null): Reservation | null {
  if (raw === null) return null;
  const v = raw.trim();
  return v === '1' ? 1 : v === '0' ? 0 : null;
}

export function fileStep(source: string, match: TdmrepFileMatch, raw: { reservation: unknown; policy: unknown } | null): TdmrepStep {
  return {
    kind: 'tdmrep-file',
    source,
    rawReservation: raw === null || raw.reservation === undefined ? null : JSON.stringify(raw.reservation),
    rawPolicy: match.policy,
    reservation: match.reservation,
    ...(match.problem !== null ? { problem: match.problem } : {}),
  };
}

export function headerStep(source: string, get: (name: string) => string | null): TdmrepStep {
  return valueStep('tdmrep-header', source, get('tdm-reservation'), get('tdm-policy'));
}

export function metaStep(source: string, html: HtmlSignals): TdmrepStep {
  const find = (name: string) => html.metas.find((m) => m.name === name)?.content ?? null;
  return valueStep('tdmrep-meta', source, find('tdm-reservation'), find('tdm-policy'));
}

function valueStep(kind: TdmrepStepKind, source: string, rawReservation: string | null, rawPolicy: string | null): TdmrepStep {
  const reservation = readReservationValue(rawReservation);
  const problem = rawReservation !== null && reservation === null ? `tdm-reservation ${JSON.stringify(rawReservation)} is not 0 or 1` : undefined;
  return { kind, source, rawReservation, rawPolicy: rawPolicy?.trim() || null, reservation, ...(problem ? { problem } : {}) };
}

/** Applies the steps in order (file, header, meta). */
export function resolveTdmrep(steps: readonly TdmrepStep[]): TdmrepResult {
  let reservation: Reservation | null = null;
  let policy: string | null = null;
  let decidedBy: TdmrepStep | null = null;
  for (const s of steps) {
    if (s.reservation !== null) {
      reservation = s.reservation;
      decidedBy = s;
    }
    if (s.rawPolicy !== null) policy = s.rawPolicy;
  }
  // With reservation 0, agents SHOULD NOT process a policy.
  return { reservation, policy: reservation === 1 ? policy : null, decidedBy, steps: [...steps] };
}

const RULE: Record<TdmrepStepKind, PrecedenceRule> = {
  'tdmrep-file': 'tdmrep-first-matching-rule',
  'tdmrep-header': 'tdmrep-header-supersedes-file',
  'tdmrep-meta': 'tdmrep-meta-supersedes-header',
};

/**
 * Evidence from a TDMRep result: the deciding step reserves (1) or allows (0) every use it covers (a TDM
 * reservation covers AI uses and search indexing alike); an unreadable file counts only when no later
 * step decided.
 */
export function tdmrepEvidence(result: TdmrepResult, uses: readonly CheckUse[] = [...AI_USES, 'search']): Evidence[] {
  const out: Evidence[] = [];
  const d = result.decidedBy;
  if (d !== null) {
    out.push({
      signal: d.kind,
      source: d.source,
      raw: `tdm-reservation: ${d.rawReservation ?? ''}${result.policy !== null ? `; tdm-policy: ${result.policy}` : ''}`,
      says: result.reservation === 1 ? 'reserve' : 'allow',
      uses,
      rule: RULE[d.kind],
      ...(result.policy !== null ? { licence: result.policy } : {}),
    });
  } else {
    for (const s of result.steps) {
      if (s.unreadable !== undefined) out.push({ signal: s.kind, source: s.source, raw: '', says: 'unreadable', uses, rule: RULE[s.kind], reason: s.unreadable });
    }
  }
  return out;
}
