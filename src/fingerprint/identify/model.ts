/**
 * Identification of reserved recordings by Chromaprint fingerprint (pure): the constants of the
 * fingerprint's time grid, the index key of a sub-fingerprint, the matching thresholds and the shapes
 * of a match. docs/fingerprint-identify.md explains the method and how the thresholds were calibrated.
 */

/** One sub-fingerprint every 1365 samples at 11025 Hz (Chromaprint's hop): about 8.077 items a second. */
export const ITEM_SECONDS = 1365 / 11025;
/** The sub-fingerprint of an all-zero (silent) image; carries no information, never indexed or matched. */
export const SILENCE_ITEM = 627964279;
/** Index keys are the top 28 bits of a sub-fingerprint, as AcoustID's index (pg_acoustid `ACOUSTID_QUERY_BITS`). */
export const KEY_SHIFT = 4;

export const hashKey = (item: number): number => item >>> KEY_SHIFT;
export const SILENCE_KEY = hashKey(SILENCE_ITEM);
export const itemsToSeconds = (items: number): number => Math.round(items * ITEM_SECONDS * 1000) / 1000;

/** What decides that an alignment is a match. Defaults calibrated in bench/fingerprint-robustness.js. */
export interface Thresholds {
  /** Largest bit-error rate over the matched span (0.5 is unrelated audio; sub-hop cuts alone give ~0.07). */
  maxBer: number;
  /** Least duration of the matched span, in seconds. */
  minSpanSeconds: number;
  /**
   * Least score, on pg_acoustid's `acoustid_compare2` scale ((overlap / shorter length) · (1 − 2·BER)).
   * 0 by default: for an excerpt the score is 1 − 2·BER (the BER rule is stricter), and for a track inside
   * a longer file the overlap includes unrelated audio, so a score floor would reject true matches.
   */
  minScore: number;
}

/** As calibrated on half of the corpus by bench/fingerprint-robustness.js (BENCHMARKS.md). */
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  maxBer: 0.23,
  minSpanSeconds: 13,
  minScore: 0,
});

/** A span of time in seconds, from the start of a fingerprint. */
export interface Span {
  start: number;
  end: number;
}

/** One alignment of a query against a reference, as `compare` measures it. */
export interface Alignment {
  /** Reference item = query item + offset (may be negative: the query starts before the reference). */
  offset: number;
  /** The same offset in seconds. */
  offsetSeconds: number;
  /** Items compared (the overlap at this offset). */
  overlap: number;
  /** Bit-error rate over the whole overlap. */
  ber: number;
  /** pg_acoustid-style score: (overlap / shorter length) · max(0, 1 − 2·BER). */
  score: number;
  /** The longest stretch where the aligned items agree (smoothed error under the segment threshold). */
  matched: { items: number; ber: number; query: Span; reference: Span } | null;
}

/** A recording the index found for a query, verified by `compare`. */
export interface IdentifyMatch {
  recordingId: string;
  isrc: string | null;
  title: string;
  artist: string;
  /** Votes the offset got in the index (query keys found at that alignment). */
  votes: number;
  offset: number;
  offsetSeconds: number;
  score: number;
  /** Bit-error rate over the matched span. */
  ber: number;
  /** Matched span in the query and in the reference, in seconds. */
  query: Span;
  reference: Span;
}

/** True when an alignment passes the thresholds. */
export function isMatch(a: Alignment, t: Readonly<Thresholds> = DEFAULT_THRESHOLDS): boolean {
  if (a.matched === null) return false;
  return (
    a.matched.ber <= t.maxBer &&
    a.matched.query.end - a.matched.query.start >= t.minSpanSeconds &&
    a.score >= t.minScore
  );
}
