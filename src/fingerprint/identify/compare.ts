/**
 * `compare(query, reference)`: the best alignment of two raw fingerprints, its bit-error rate and score
 * as pg_acoustid's `acoustid_compare2` computes them (popcount of XOR over the overlap), plus the
 * matched span found the way Chromaprint's own matcher finds segments (per-item errors, smoothed, cut
 * where they rise above 10 bits). Offsets are unlimited, so an excerpt from anywhere in a track aligns.
 * Pure: typed arrays in, numbers out.
 */
import { ITEM_SECONDS, SILENCE_ITEM, hashKey, itemsToSeconds, type Alignment } from './model.js';

/** Hamming weight of a 32-bit word (SWAR; `hamming-distance` and friends do the same, slower). */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Mean errors (bits per item) under which a stretch counts as matched: Chromaprint's `kDefaultMatchThreshold`. */
const SEGMENT_BITS = 10;
/** Smoothing window of the per-item errors, in items (about 2 s). */
const SMOOTH = 16;
/** Errors charged to an item pair where either side is silence: as much as unrelated audio, so silence never matches silence. */
const SILENCE_BITS = 16;

export interface CompareOptions {
  /** Offsets to try first (from the index); each is refined by ±1. Without them the offsets are found here. */
  offsets?: readonly number[];
  /** Least overlap, in items, for an offset to be considered (default 16). */
  minOverlap?: number;
}

/** Per-item bit errors of `q` against `r` at `offset` (r index = q index + offset), over the overlap. */
function itemErrors(q: Uint32Array, r: Uint32Array, offset: number): { from: number; errors: Uint8Array } {
  const from = Math.max(0, -offset);
  const to = Math.min(q.length, r.length - offset);
  const errors = new Uint8Array(Math.max(0, to - from));
  for (let i = from; i < to; i++) {
    const a = q[i]!;
    const b = r[i + offset]!;
    errors[i - from] = a === SILENCE_ITEM || b === SILENCE_ITEM ? SILENCE_BITS : popcount(a ^ b);
  }
  return { from, errors };
}

/** The longest run whose smoothed error stays at or under SEGMENT_BITS: [start, end) into `errors`. */
export function longestSegment(errors: Uint8Array): { start: number; end: number } | null {
  const n = errors.length;
  if (n === 0) return null;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + errors[i]!;
  const half = SMOOTH >> 1;
  let best: { start: number; end: number } | null = null;
  let runStart = -1;
  for (let i = 0; i <= n; i++) {
    let ok = false;
    if (i < n) {
      const lo = Math.max(0, i - half);
      const hi = Math.min(n, i + half);
      ok = (prefix[hi]! - prefix[lo]!) / (hi - lo) <= SEGMENT_BITS;
    }
    if (ok && runStart < 0) runStart = i;
    if (!ok && runStart >= 0) {
      if (best === null || i - runStart > best.end - best.start) best = { start: runStart, end: i };
      runStart = -1;
    }
  }
  return best;
}

/** The alignment of `q` against `r` at one offset. */
export function alignAt(q: Uint32Array, r: Uint32Array, offset: number): Alignment {
  const { from, errors } = itemErrors(q, r, offset);
  const overlap = errors.length;
  let total = 0;
  for (let i = 0; i < overlap; i++) total += errors[i]!;
  const ber = overlap === 0 ? 0.5 : total / (32 * overlap);
  const shorter = Math.max(1, Math.min(q.length, r.length));
  const score = overlap === 0 ? 0 : (overlap / shorter) * Math.max(0, 1 - 2 * ber);
  const seg = longestSegment(errors);
  let matched: Alignment['matched'] = null;
  if (seg !== null) {
    let e = 0;
    for (let i = seg.start; i < seg.end; i++) e += errors[i]!;
    const qs = from + seg.start;
    const qe = from + seg.end;
    matched = {
      items: seg.end - seg.start,
      ber: e / (32 * (seg.end - seg.start)),
      query: { start: itemsToSeconds(qs), end: itemsToSeconds(qe) },
      reference: { start: itemsToSeconds(qs + offset), end: itemsToSeconds(qe + offset) },
    };
  }
  return {
    offset,
    offsetSeconds: Math.round(offset * ITEM_SECONDS * 1000) / 1000,
    overlap,
    ber,
    score,
    matched,
  };
}

/** How good an alignment is, for choosing between offsets: matched length weighted by agreement. */
function quality(a: Alignment): number {
  return a.matched === null ? 0 : a.matched.items * Math.max(0, 1 - 2 * a.matched.ber);
}

/** Offsets voted by exact top-28-bit keys shared by the two fingerprints, most votes first. */
export function votedOffsets(q: Uint32Array, r: Uint32Array, limit = 3): number[] {
  const positions = new Map<number, number[]>();
  for (let j = 0; j < r.length; j++) {
    if (r[j] === SILENCE_ITEM) continue;
    const k = hashKey(r[j]!);
    const list = positions.get(k);
    if (list === undefined) positions.set(k, [j]);
    else if (list.length < 64) list.push(j);
  }
  const votes = new Map<number, number>();
  for (let i = 0; i < q.length; i++) {
    if (q[i] === SILENCE_ITEM) continue;
    for (const j of positions.get(hashKey(q[i]!)) ?? []) votes.set(j - i, (votes.get(j - i) ?? 0) + 1);
  }
  return [...votes]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([d]) => d);
}

/**
 * The best alignment of `query` against `reference`.
 *
 * @example
 * const a = compare(excerpt, full);
 * a.offset;           // reference item where the excerpt starts
 * a.matched?.ber;     // ~0.00-0.10 for the same recording, ~0.45 for unrelated audio
 */
export function compare(query: Uint32Array, reference: Uint32Array, options: CompareOptions = {}): Alignment {
  const minOverlap = Math.min(options.minOverlap ?? 16, query.length, reference.length);
  let tries: readonly number[] = options.offsets ?? votedOffsets(query, reference);
  if (tries.length === 0) {
    // No shared key at all: try every offset with enough overlap (the fingerprints are far apart anyway).
    const all: number[] = [];
    tries = all;
    for (let d = minOverlap - query.length; d <= reference.length - minOverlap; d++) all.push(d);
  }
  let best: Alignment | null = null;
  const seen = new Set<number>();
  for (const t of tries) {
    for (const d of options.offsets !== undefined || tries.length <= 3 ? [t, t - 1, t + 1] : [t]) {
      if (seen.has(d)) continue;
      seen.add(d);
      const a = alignAt(query, reference, d);
      if (a.overlap < minOverlap) continue;
      if (best === null || quality(a) > quality(best) || (quality(a) === quality(best) && a.ber < best.ber))
        best = a;
    }
  }
  return best ?? alignAt(query, reference, 0);
}
