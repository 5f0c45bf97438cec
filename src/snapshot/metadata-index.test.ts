import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  metadataVariants,
  VARIANT_KINDS,
  type Variant,
  type VariantKind,
  type VariantRecording,
} from '../demo/metadata-variants.js';
import { sortKeys } from './format.js';
import { MetadataIndex, similarity, type KeySource } from './metadata-index.js';
import { metadataKey } from './metadata-key.js';

function source(entries: { artist: string; title: string }[]): KeySource {
  const keys = sortKeys(
    entries.flatMap((e, index) => {
      const key = metadataKey(e.artist, e.title);
      return key === null ? [] : [{ key, index }];
    }),
  );
  return {
    keyCount: keys.length,
    keyAt: (i) => keys[i]!.key,
    keyIndex: Uint32Array.from(keys.map((k) => k.index)),
  };
}

describe('MetadataIndex', () => {
  const idx = new MetadataIndex(
    source([
      { artist: 'Zaz', title: 'Je veux' },
      { artist: 'Zaz', title: 'Éblouie par la nuit' },
      { artist: 'Stromae', title: 'Papaoutai' },
      { artist: 'Stromae', title: 'Papaoutai' },
    ]),
  );

  it('matches normalised keys exactly, preferring what the caller prefers among equal keys', () => {
    expect(idx.match('ZAZ', 'je veux!', 0.85)).toMatchObject({
      method: 'metadata-exact',
      position: 0,
      score: 1,
    });
    expect(idx.match('Stromae', 'Papaoutai', 0.85)).toMatchObject({ position: 2, candidates: 2 });
    expect(idx.match('Stromae', 'Papaoutai', 0.85, (p) => p === 3)).toMatchObject({ position: 3 });
  });

  it('matches a typo above the threshold and refuses it below', () => {
    expect(idx.match('Zaz', 'Eblouie par la nuiit', 0.85)).toMatchObject({
      method: 'metadata-fuzzy',
      position: 1,
    });
    expect(idx.match('Stormae', 'Papaoutai', 0.85)).toMatchObject({ method: 'metadata-fuzzy', position: 2 });
    // Two edits in a short name make another name, whatever the rest of the key.
    expect(idx.match('Zzz', 'Je veux', 0.5)).toMatchObject({ method: 'none' });
    expect(idx.match('Zaz', 'Eblouie par la nuiit', 0.99)).toMatchObject({ method: 'none' });
    expect(idx.match('Zaz', 'Another song', 0.85)).toMatchObject({ method: 'none' });
    expect(idx.match('', 'Je veux', 0.85)).toMatchObject({ method: 'none', key: null });
  });
});

describe('similarity', () => {
  it('counts a swapped pair as one edit', () => {
    expect(similarity('stromae', 'stormae')).toBeCloseTo(1 - 1 / 7);
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('ab', 'ba')).toBe(0.5);
    expect(similarity('abcd', 'abdc')).toBe(0.75);
  });
});

describe('metadata matching on the labelled variant set (src/demo/metadata-variants.ts)', () => {
  const read = <T>(name: string): T[] =>
    readFileSync(new URL(`../../test/fixtures/metadata-variants/${name}`, import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as T);
  const registry = read<VariantRecording>('registry.jsonl');
  const variants = read<Variant>('variants.jsonl');
  const index = new MetadataIndex(source(registry));
  const stats = Object.fromEntries(
    VARIANT_KINDS.map((k) => [k, { rows: 0, right: 0, wrong: 0, missed: 0 }]),
  ) as Record<VariantKind, { rows: number; right: number; wrong: number; missed: number }>;
  for (const v of variants) {
    const m = index.match(v.artist, v.title, 0.85);
    const got = m.method === 'none' ? null : registry[m.position]!.isrc;
    const s = stats[v.kind];
    s.rows++;
    if (got !== null && got === v.expect) s.right++;
    else if (got !== null) s.wrong++;
    else if (v.expect !== null) s.missed++;
  }
  const total = Object.values(stats).reduce(
    (a, s) => ({ right: a.right + s.right, wrong: a.wrong + s.wrong, missed: a.missed + s.missed }),
    { right: 0, wrong: 0, missed: 0 },
  );
  const precision = total.right / (total.right + total.wrong);
  const recall = total.right / (total.right + total.missed);

  it("is the generator's output, deterministic in the seed", () => {
    expect(metadataVariants('variants-v1', 2000)).toEqual({ registry, variants });
    expect(new Set(registry.map((r) => r.isrc)).size).toBe(registry.length);
  });

  it('reaches precision 0.99 and recall 0.98 at threshold 0.85', () => {
    expect(variants.filter((v) => v.expect !== null).length).toBeGreaterThan(1400);
    expect(precision, JSON.stringify(stats)).toBeGreaterThanOrEqual(0.99);
    expect(recall, JSON.stringify(stats)).toBeGreaterThanOrEqual(0.98);
  });

  it('finds every spelling that only normalisation separates', () => {
    for (const k of ['exact', 'accents', 'case', 'feat', 'punctuation', 'remaster'] as const) {
      expect(stats[k].right, `${k}: ${JSON.stringify(stats[k])}`).toBe(stats[k].rows);
    }
  });
});
