/**
 * Matching a manifest row by artist and title against the snapshot's keys (pure). First the exact
 * normalised key; then, among keys that share the artist or the title (the blocking keys), the most
 * similar by Levenshtein distance (fastest-levenshtein): the similarity of artist and title, weighted
 * by their lengths, kept when it reaches the caller's threshold and each part alone reaches PART_FLOOR. A block larger than `maxCandidates` is cut, so one prolific artist
 * cannot make a row slow.
 *
 * @example
 * const index = new MetadataIndex(view);
 * index.match('Beyonce', 'Crazy In Love (Remastered)', 0.85); // { method: 'metadata-exact', position, score: 1 }
 */
import { distance } from 'fastest-levenshtein';
import { metadataKey } from './metadata-key.js';

export interface KeySource {
  keyCount: number;
  keyAt(i: number): string;
  keyIndex: Uint32Array;
}

export type MetadataMatch =
  | {
      method: 'metadata-exact' | 'metadata-fuzzy';
      position: number;
      score: number;
      key: string;
      candidates: number;
    }
  | { method: 'none'; score: number; key: string | null; candidates: number };

export class MetadataIndex {
  readonly #exact = new Map<string, number[]>();
  readonly #byArtist = new Map<string, number[]>();
  readonly #byTitle = new Map<string, number[]>();
  readonly #keys: string[] = [];
  readonly #positions: Uint32Array;

  constructor(
    src: KeySource,
    private readonly maxCandidates = 2000,
  ) {
    this.#positions = src.keyIndex;
    for (let i = 0; i < src.keyCount; i++) {
      const key = src.keyAt(i);
      this.#keys.push(key);
      push(this.#exact, key, src.keyIndex[i] as number);
      const tab = key.indexOf('\t');
      push(this.#byArtist, key.slice(0, tab), i);
      push(this.#byTitle, key.slice(tab + 1), i);
    }
  }

  /** The best match for an artist and a title at `threshold` (0..1); ties go to the first key. */
  match(
    artist: string,
    title: string,
    threshold: number,
    prefer: (position: number) => boolean = () => false,
  ): MetadataMatch {
    const key = metadataKey(artist, title);
    if (key === null) return { method: 'none', score: 0, key: null, candidates: 0 };
    const exact = this.#exact.get(key);
    if (exact !== undefined) {
      // Several recordings can share a key (re-releases with new ISRCs): the one the caller prefers
      // (a reserved one) is reported, so a match never hides a reservation.
      const position = exact.find(prefer) ?? exact[0] ?? 0;
      return { method: 'metadata-exact', position, score: 1, key, candidates: exact.length };
    }
    const tab = key.indexOf('\t');
    const ka = key.slice(0, tab);
    const kt = key.slice(tab + 1);
    const seen = new Set<number>();
    let best = -1;
    let bestScore = 0;
    const consider = (ids: readonly number[] | undefined): void => {
      if (ids === undefined) return;
      const end = Math.min(ids.length, this.maxCandidates);
      for (let j = 0; j < end; j++) {
        const id = ids[j] as number;
        if (seen.has(id)) continue;
        seen.add(id);
        const other = this.#keys[id] as string;
        const longest = Math.max(other.length, key.length);
        // Lengths alone bound the similarity: skip the distances when it cannot beat the best so far.
        const bound = 1 - Math.abs(other.length - key.length) / longest;
        if (bound < threshold || bound <= bestScore) continue;
        const otherTab = other.indexOf('\t');
        const oa = other.slice(0, otherTab);
        const ot = other.slice(otherTab + 1);
        const simA = similarity(ka, oa);
        const simT = similarity(kt, ot);
        // Each part must be close on its own: a long shared title must not carry a different artist
        // (or a shared artist a different song) over the threshold.
        if (simA < PART_FLOOR || simT < PART_FLOOR) continue;
        const score = (simA * ka.length + simT * kt.length) / (ka.length + kt.length);
        if (score > bestScore) {
          bestScore = score;
          best = id;
        }
      }
    };
    consider(this.#byArtist.get(ka));
    consider(this.#byTitle.get(kt));
    if (best >= 0 && bestScore >= threshold) {
      return {
        method: 'metadata-fuzzy',
        position: this.#positions[best] as number,
        score: round(bestScore),
        key: this.#keys[best] as string,
        candidates: seen.size,
      };
    }
    return { method: 'none', score: round(bestScore), key, candidates: seen.size };
  }
}

/** Least similarity of the artist and of the title, each on its own, for a fuzzy match. */
export const PART_FLOOR = 0.8;

/**
 * 1 - edit distance / longer length, where two swapped neighbours count as one edit (Levenshtein counts
 * two): a transposed pair is the commonest typo, and in a four-letter name two edits is a different name.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  return 1 - (swappedPair(a, b) ? 1 : distance(a, b)) / longest;
}

function swappedPair(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function push(m: Map<string, number[]>, k: string, v: number): void {
  const arr = m.get(k);
  if (arr === undefined) m.set(k, [v]);
  else arr.push(v);
}
