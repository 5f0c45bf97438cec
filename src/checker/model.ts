/**
 * The checker's verdict model (pure). For one item (a URL, a file) and each use, the answer is one of
 * five statuses, always with the evidence that led to it: which signal, where it was found, its raw
 * value, and the precedence rule that decided. The combination rule is here too, so that every caller
 * (robots, TDMRep, headers, HTML) ends in the same place.
 *
 * @example
 * const v = decideUse('ai-training', [{ signal: 'tdmrep-header', source: 'https://a.example/x (header)',
 *   raw: 'tdm-reservation: 1', says: 'reserve', uses: ['ai-training'], rule: 'tdmrep-header-supersedes-file' }]);
 * v.status; // 'reserved'
 */

/** The uses a check answers for (the registry's query uses). */
export const CHECK_USES = ['ai-training', 'genai-training', 'ai-inference', 'search'] as const;
export type CheckUse = (typeof CHECK_USES)[number];

export const VERDICT_STATUSES = ['reserved', 'licensed', 'allowed', 'not-covered', 'unknown'] as const;
/**
 * - `reserved`: a signal reserves the use (Art. 4(3)) and the caller holds no licence for it.
 * - `licensed`: reserved, but the caller holds a licence named by the reserving signal.
 * - `allowed`: an explicit signal allows the use and nothing reserves it.
 * - `not-covered`: every source was read and none speaks about this use.
 * - `unknown`: a source could not be read (the evidence says which and why) and nothing read reserves it.
 */
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

/** Where a statement came from. */
export type SignalKind =
  | 'robots-txt'
  | 'robots-content-usage'
  | 'robots-content-signal'
  | 'content-signal-header'
  | 'robots-license'
  | 'tdmrep-file'
  | 'tdmrep-header'
  | 'tdmrep-meta'
  | 'content-usage-header'
  | 'x-robots-tag'
  | 'robots-meta'
  | 'link-license'
  | 'ai-txt'
  | 'http-response'
  | 'xmp-data-mining'
  | 'xmp-tdmrep'
  | 'xmp-licence'
  | 'media-tag'
  | 'media-file'
  | 'fingerprint'
  | 'registry';

/** The rules that can decide a verdict or a signal's reading; docs/checker.md explains each. */
export type PrecedenceRule =
  | 'rfc9309-longest-match'
  | 'rfc9309-allow-wins-tie'
  | 'rfc9309-no-matching-rule'
  | 'rfc9309-unreachable-disallows'
  | 'aipref-most-restrictive'
  | 'content-signal-group'
  | 'tdmrep-first-matching-rule'
  | 'tdmrep-header-supersedes-file'
  | 'tdmrep-meta-supersedes-header'
  | 'noai-token'
  | 'rsl-license-discovery'
  | 'ai-txt-disallow'
  | 'plus-data-mining-vocabulary'
  | 'tdmrep-embedded'
  | 'embedded-licence-discovery'
  | 'registry-coverage'
  | 'no-identifier'
  | 'fingerprint-match'
  | 'any-reservation-reserves'
  | 'licence-held'
  | 'unreadable-source-blocks-allow'
  | 'explicit-allow'
  | 'no-signal';

/**
 * What one statement says about the uses it names. `silent`: a source was read and says nothing about
 * them (a registry that does not cover the recording, a file without an ISRC): listed, never deciding.
 */
export type Stance = 'reserve' | 'allow' | 'offer-licence' | 'unreadable' | 'silent';

export interface Evidence {
  signal: SignalKind;
  /** Where it was found: a URL plus the place in it (`robots.txt line 4`, `header tdm-reservation`). */
  source: string;
  /** The raw value as published (a line, a header value, an attribute). */
  raw: string;
  says: Stance;
  /** The uses this statement speaks about. */
  uses: readonly CheckUse[];
  /** The rule that gave this statement its reading (e.g. the TDMRep chain, longest match). */
  rule: PrecedenceRule;
  /** A licence or policy URL the statement points to (a TDM policy, an RSL document). */
  licence?: string;
  /** Why a source could not be read (`unreadable` only). */
  reason?: string;
}

export interface UseVerdict {
  use: CheckUse;
  status: VerdictStatus;
  /** The rule that decided the status across the evidence. */
  rule: PrecedenceRule;
  /** The statements that decided it (first is the deciding one), then the rest that speak about this use. */
  evidence: Evidence[];
}

export interface ItemVerdict {
  item: string;
  uses: Record<CheckUse, UseVerdict>;
}

/** What the caller holds: licence or policy URLs it has agreed to (compared as exact strings). */
export interface CallerLicences {
  licences?: readonly string[];
}

/**
 * The combination rule across standards: any reservation reserves (a held licence it names turns it into
 * `licensed`); otherwise an unreadable source leaves the use `unknown` (never allowed by default);
 * otherwise an explicit allow allows; otherwise nothing covers the use.
 */
export function decideUse(use: CheckUse, all: readonly Evidence[], caller: CallerLicences = {}): UseVerdict {
  const about = all.filter((e) => e.uses.includes(use));
  const reserving = about.filter((e) => e.says === 'reserve');
  const held = new Set(caller.licences ?? []);
  if (reserving.length > 0) {
    // Every reservation must be covered by a held licence; one uncovered reservation keeps it reserved.
    const uncovered = reserving.filter((e) => e.licence === undefined || !held.has(e.licence));
    if (uncovered.length === 0) return verdict(use, 'licensed', 'licence-held', reserving, about);
    return verdict(use, 'reserved', 'any-reservation-reserves', uncovered, about);
  }
  const unreadable = about.filter((e) => e.says === 'unreadable');
  if (unreadable.length > 0) return verdict(use, 'unknown', 'unreadable-source-blocks-allow', unreadable, about);
  const allowing = about.filter((e) => e.says === 'allow');
  if (allowing.length > 0) return verdict(use, 'allowed', 'explicit-allow', allowing, about);
  return verdict(use, 'not-covered', 'no-signal', [], about);
}

/** The verdicts of one item for every use. */
export function decideItem(item: string, evidence: readonly Evidence[], caller: CallerLicences = {}): ItemVerdict {
  const uses = {} as Record<CheckUse, UseVerdict>;
  for (const use of CHECK_USES) uses[use] = decideUse(use, evidence, caller);
  return { item, uses };
}

function verdict(use: CheckUse, status: VerdictStatus, rule: PrecedenceRule, deciding: Evidence[], about: Evidence[]): UseVerdict {
  const rest = about.filter((e) => !deciding.includes(e));
  return { use, status, rule, evidence: [...deciding, ...rest] };
}

/** Uses an AI-training statement covers (training of any model, generative or not). */
export const TRAINING_USES: readonly CheckUse[] = ['ai-training', 'genai-training'];
/** Every AI use (what a TDM reservation covers besides search). */
export const AI_USES: readonly CheckUse[] = ['ai-training', 'genai-training', 'ai-inference'];
