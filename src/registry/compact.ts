/**
 * The compact status answer: the same verdicts and the same evidence as `answer()` in service.ts, with
 * each piece of evidence (declaration, mandate version, performer) stated once per answer, or once per
 * batch, under a short key that the reasons name. The verbose answer repeats the declaration text, its
 * legal basis and every performer's mandate in each of the four uses, as English sentences; this one
 * gives the facts those sentences were made from, so a reader can check every verdict, and
 * `compact-expand.ts` rebuilds the verbose answer from it, messages included (tested on random rows).
 *
 * The rule is `coverageStatus` (coverage.ts) over pre-digested facts: the current version of each
 * mandate of a performer is worked out once per performer (and cached by the snapshot reader) rather
 * than once per use and recording, and no message is formatted.
 */
import type { CoverageStatus } from './coverage.js';
import type { DeclarationFacts, EvidenceCollector, PerformerFacts } from './evidence.js';
import {
  inForce,
  QUERY_USES,
  territoriesCover,
  usesCover,
  type MandateVersion,
  type Medium,
  type QueryUse,
  type Recording,
} from './model.js';

export type CompactReason =
  | { readonly code: 'RECORDING_UNKNOWN' | 'NO_DECLARATION_IN_FORCE' | 'NO_LINEUP' }
  | { readonly code: 'DECLARATION_IN_FORCE'; readonly declaration: string }
  | { readonly code: 'NO_MANDATE'; readonly performer: string }
  | { readonly code: MandateCode; readonly mandate: string };
export type MandateCode = 'MANDATE_IN_FORCE' | 'MANDATE_NOT_IN_FORCE' | 'MANDATE_OUT_OF_SCOPE';

/** A use's status and why. */
export interface UseReasons {
  status: CoverageStatus;
  reasons: readonly CompactReason[];
}
/**
 * A use's answer: its status and reasons or, when an earlier use asked about has exactly the same
 * status and reasons (the AI uses mostly do), its status and the name of that use.
 */
export type CompactUse = UseReasons | { status: CoverageStatus; sameAs: QueryUse };
export type CompactUses = Partial<Record<QueryUse, CompactUse>>;

export interface CompactStatus {
  identifier: string | null;
  status: CoverageStatus;
  recording: Recording | null;
  uses: CompactUses;
}

/** The question: an instant, the uses asked about, a territory (all of them when absent). */
export interface CompactQuery {
  at: string;
  uses: readonly QueryUse[];
  territory: string | undefined;
}

const UNKNOWN: UseReasons = Object.freeze({
  status: 'unknown',
  reasons: Object.freeze([Object.freeze({ code: 'RECORDING_UNKNOWN' as const })]),
});
const unknown = new WeakMap<readonly QueryUse[], CompactUses>();

/**
 * The uses of a recording the registry does not hold: the same for every such recording asked the same
 * question, so made once per list of uses and frozen (writers may keep their JSON).
 */
function unknownUses(list: readonly QueryUse[]): CompactUses {
  let uses = unknown.get(list);
  if (uses === undefined) {
    const made: CompactUses = {};
    list.forEach(
      (use, i) =>
        (made[use] = i === 0 ? UNKNOWN : Object.freeze({ status: 'unknown', sameAs: list[0] as QueryUse })),
    );
    uses = Object.freeze(made);
    unknown.set(list, uses);
  }
  return uses;
}
const NO_DECLARATION: readonly CompactReason[] = [{ code: 'NO_DECLARATION_IN_FORCE' }];
const NO_LINEUP: CompactReason = { code: 'NO_LINEUP' };
/** Most entities whose cover bits make a use's key (a small integer); beyond, answers are compared. */
const KEY_BITS = 30;

/**
 * The compact answer about one recording. `performers` are the line-up's, each once, in line-up order;
 * `lineupKnown` is false when the recording has no line-up. What the reasons refer to goes to
 * `evidence` (one collector for a single answer, one for a whole batch).
 */
export function compactStatus(
  identifier: string | null,
  recording: Recording | null,
  performers: readonly PerformerFacts[],
  lineupKnown: boolean,
  declarations: readonly DeclarationFacts[],
  q: CompactQuery,
  evidence: EvidenceCollector,
): CompactStatus {
  if (recording === null) return { identifier, status: 'unknown', recording, uses: unknownUses(q.uses) };
  const uses: CompactUses = {};
  let status: CoverageStatus = 'not-covered';
  // The uses answered in full so far, with the key of what their answer depends on.
  const answered: { use: QueryUse; answer: UseReasons; key: number }[] = [];
  for (const use of q.uses) {
    let u: CompactUse;
    // Within one recording a use counts only through which declarations and mandates cover it: two
    // uses covered by the same ones have the same answer, which need not be worked out twice.
    const key = coverKey(declarations, performers, use);
    const same = key < 0 ? undefined : answered.find((a) => a.key === key);
    if (same !== undefined) u = { status: same.answer.status, sameAs: same.use };
    else {
      const answer = compactUse(
        recording.kind,
        performers,
        lineupKnown,
        declarations,
        q.at,
        use,
        q.territory,
        evidence,
      );
      const equal = answered.find((a) => sameReasons(a.answer, answer));
      if (equal !== undefined) u = { status: answer.status, sameAs: equal.use };
      else {
        answered.push({ use, answer, key });
        u = answer;
      }
    }
    uses[use] = u;
    // As `overallStatus` (coverage-verdict.ts): reserved wins, then unknown.
    if (u.status === 'reserved' || (u.status === 'unknown' && status !== 'reserved')) status = u.status;
  }
  return { identifier, status, recording, uses };
}

/** Which declarations and mandates cover `use`, one bit each; -1 when there are too many for the bits. */
function coverKey(
  declarations: readonly DeclarationFacts[],
  performers: readonly PerformerFacts[],
  use: QueryUse,
): number {
  const useBit = 1 << QUERY_USES.indexOf(use);
  let key = 0;
  let bit = 1;
  let n = 0;
  for (const d of declarations) {
    if (++n > KEY_BITS) return -1;
    if ((d.covers & useBit) !== 0) key |= bit;
    bit <<= 1;
  }
  for (const p of performers) {
    for (const covers of p.covers) {
      if (++n > KEY_BITS) return -1;
      if ((covers & useBit) !== 0) key |= bit;
      bit <<= 1;
    }
  }
  return key;
}

const ref = (r: CompactReason): string | undefined =>
  'declaration' in r
    ? r.declaration
    : 'mandate' in r
      ? r.mandate
      : 'performer' in r
        ? r.performer
        : undefined;

function sameReasons(a: UseReasons, b: UseReasons): boolean {
  if (a.status !== b.status || a.reasons.length !== b.reasons.length) return false;
  for (let i = 0; i < a.reasons.length; i++) {
    const x = a.reasons[i] as CompactReason;
    const y = b.reasons[i] as CompactReason;
    if (x !== y && (x.code !== y.code || ref(x) !== ref(y))) return false;
  }
  return true;
}

function compactUse(
  medium: Medium,
  performers: readonly PerformerFacts[],
  lineupKnown: boolean,
  declarations: readonly DeclarationFacts[],
  at: string,
  use: QueryUse,
  territory: string | undefined,
  evidence: EvidenceCollector,
): UseReasons {
  const reasons: CompactReason[] = [];
  for (const f of declarations) {
    const d = f.declaration;
    if (!inForce(d.effectiveFrom, null, d.withdrawnAt, at)) continue;
    if (!usesCover(d.uses, use) || !d.media.includes(medium) || !territoriesCover(d.territories, territory))
      continue;
    reasons.push({ code: 'DECLARATION_IN_FORCE', declaration: evidence.declaration(f) });
  }
  if (reasons.length === 0) return { status: 'not-covered', reasons: NO_DECLARATION };
  if (!lineupKnown) {
    reasons.push(NO_LINEUP);
    return { status: 'unknown', reasons };
  }
  let covering = 0;
  for (const p of performers) {
    for (const m of p.mandates) {
      if (mandateCode(m, medium, at, use, territory) !== 'MANDATE_IN_FORCE') continue;
      reasons.push({ code: 'MANDATE_IN_FORCE', mandate: evidence.mandate(p, m) });
      covering++;
    }
  }
  if (covering > 0) return { status: 'reserved', reasons };
  // Nothing covers: every performer's situation is a reason.
  for (const p of performers) {
    if (p.mandates.length === 0) {
      reasons.push({ code: 'NO_MANDATE', performer: evidence.performer(p) });
      continue;
    }
    for (const m of p.mandates) {
      reasons.push({ code: mandateCode(m, medium, at, use, territory), mandate: evidence.mandate(p, m) });
    }
  }
  return { status: 'not-covered', reasons };
}

/** `whyNot` of coverage.ts, as a code only (the evidence says the rest). */
export function mandateCode(
  m: MandateVersion,
  medium: Medium,
  at: string,
  use: QueryUse,
  territory: string | undefined,
): MandateCode {
  if (!inForce(m.validFrom, m.validTo, m.withdrawnAt, at)) return 'MANDATE_NOT_IN_FORCE';
  if (!usesCover(m.uses, use) || !m.media.includes(medium) || !territoriesCover(m.territories, territory)) {
    return 'MANDATE_OUT_OF_SCOPE';
  }
  return 'MANDATE_IN_FORCE';
}
