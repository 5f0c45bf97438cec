import { describe, expect, it } from 'vitest';
import { MAX_POSITIONS_PER_KEY, queryKeys, referencePostings, vote } from './index-keys.js';
import { SILENCE_ITEM, hashKey } from './model.js';
import { randomFingerprint, seeded } from './synthetic.js';

describe('inverted index keys and voting', () => {
  it('indexes the top 28 bits of every item, skipping silence, runs and over-repeated keys', () => {
    const raw = Uint32Array.from([
      0x10,
      0x1f,
      SILENCE_ITEM,
      0x20,
      ...Array.from({ length: 80 }, (_, i) => (i % 2 === 0 ? 0x30 : 0x40)),
    ]);
    const p = referencePostings(raw);
    expect(p[0]).toEqual({ key: hashKey(0x10), position: 0 });
    expect(p.some((x) => x.position === 1)).toBe(false); // same top 28 bits as item 0
    expect(p.some((x) => x.key === hashKey(SILENCE_ITEM))).toBe(false);
    expect(p.filter((x) => x.key === hashKey(0x30))).toHaveLength(MAX_POSITIONS_PER_KEY);
  });

  it('votes for the offset where most query keys line up, per fingerprint', () => {
    const rnd = seeded(9);
    const ref = randomFingerprint(600, rnd);
    const q = ref.slice(250, 400);
    const hits = referencePostings(ref).map((p) => ({ ...p, fp: 7 }));
    const noise = referencePostings(randomFingerprint(600, rnd)).map((p) => ({ ...p, fp: 8 }));
    const c = vote(queryKeys(q), [...hits, ...noise]);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ fp: 7, offsets: [250] });
    expect(c[0]!.votes).toBeGreaterThanOrEqual(140);
  });
});
