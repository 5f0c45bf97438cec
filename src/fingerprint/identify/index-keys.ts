/**
 * The inverted index (pure side): which (key, position) pairs a reference contributes, and how the
 * postings found for a query become candidate recordings by offset voting. A key is the top 28 bits of
 * a sub-fingerprint (model.ts); every position of the reference is indexed, not AcoustID's fixed
 * 120-item window, so an excerpt from anywhere in a track finds it.
 */
import { SILENCE_ITEM, hashKey } from './model.js';

/** A key repeated more often than this in one fingerprint (a loop, a drone) keeps only its first positions. */
export const MAX_POSITIONS_PER_KEY = 32;

export interface Posting {
  key: number;
  position: number;
}

/**
 * The postings of a reference: every non-silent item's key at its position, except repeats of the key
 * just before it (a held note gives runs of one value; the first position of a run is enough to vote).
 */
export function referencePostings(raw: Uint32Array): Posting[] {
  const out: Posting[] = [];
  const seen = new Map<number, number>();
  let previous = -1;
  for (let j = 0; j < raw.length; j++) {
    const item = raw[j]!;
    const key = hashKey(item);
    if (item === SILENCE_ITEM || key === previous) {
      previous = key;
      continue;
    }
    previous = key;
    const n = seen.get(key) ?? 0;
    if (n >= MAX_POSITIONS_PER_KEY) continue;
    seen.set(key, n + 1);
    out.push({ key, position: j });
  }
  return out;
}

/** The query's keys and where each occurs (silence skipped, positions capped as for references). */
export function queryKeys(raw: Uint32Array): Map<number, number[]> {
  const keys = new Map<number, number[]>();
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === SILENCE_ITEM) continue;
    const key = hashKey(raw[i]!);
    const list = keys.get(key);
    if (list === undefined) keys.set(key, [i]);
    else if (list.length < MAX_POSITIONS_PER_KEY) list.push(i);
  }
  return keys;
}

/** A posting as the store returns it: the key, the enrolled fingerprint's number and the position. */
export interface IndexHit {
  key: number;
  fp: number;
  position: number;
}

export interface Candidate {
  fp: number;
  /** Offsets to verify, best first (reference position − query position). */
  offsets: number[];
  /** Votes of the best offset, its two neighbours included (a cut between hops splits votes). */
  votes: number;
}

export interface VoteOptions {
  /** Most candidates returned (default 10). */
  limit?: number;
  /** Least votes for a candidate (default 3). */
  minVotes?: number;
  /** Least share of the best candidate's votes (default 0.1, as AcoustID's index). */
  minShare?: number;
  /** Offsets kept per candidate for verification (default 2: a repeated chorus gives two peaks). */
  offsetsPerCandidate?: number;
}

/** Offset voting: a histogram of (reference position − query position) per fingerprint, its peaks ranked. */
export function vote(
  query: Map<number, number[]>,
  hits: Iterable<IndexHit>,
  options: VoteOptions = {},
): Candidate[] {
  const histograms = new Map<number, Map<number, number>>();
  for (const h of hits) {
    const at = query.get(h.key);
    if (at === undefined) continue;
    let hist = histograms.get(h.fp);
    if (hist === undefined) histograms.set(h.fp, (hist = new Map<number, number>()));
    for (const i of at) hist.set(h.position - i, (hist.get(h.position - i) ?? 0) + 1);
  }
  const perCandidate = options.offsetsPerCandidate ?? 2;
  const candidates: Candidate[] = [];
  for (const [fp, hist] of histograms) {
    const peaks: { offset: number; votes: number }[] = [];
    for (const [d, n] of hist) {
      const votes = n + (hist.get(d - 1) ?? 0) + (hist.get(d + 1) ?? 0);
      peaks.push({ offset: d, votes });
    }
    peaks.sort((a, b) => b.votes - a.votes || a.offset - b.offset);
    const offsets: number[] = [];
    for (const p of peaks) {
      if (offsets.length >= perCandidate) break;
      // A second peak right beside the first is the same alignment.
      if (offsets.every((o) => Math.abs(o - p.offset) > 2)) offsets.push(p.offset);
    }
    candidates.push({ fp, offsets, votes: peaks[0]!.votes });
  }
  candidates.sort((a, b) => b.votes - a.votes || a.fp - b.fp);
  const top = candidates[0]?.votes ?? 0;
  const minVotes = Math.max(options.minVotes ?? 3, Math.ceil(top * (options.minShare ?? 0.1)));
  return candidates.filter((c) => c.votes >= minVotes).slice(0, options.limit ?? 10);
}
