import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmix, hashSeed, Rng, STREAM, weights } from './rng.js';

describe('Rng', () => {
  it('gives the same stream for the same seed, stream and index, whatever was drawn before', () => {
    const a = new Rng(hashSeed('s'));
    const b = new Rng(hashSeed('s'));
    b.reseed(STREAM.work, 3).next();
    const xs = Array.from({ length: 5 }, (_, i) =>
      i === 0 ? a.reseed(STREAM.performer, 42).next() : a.next(),
    );
    const ys = Array.from({ length: 5 }, (_, i) =>
      i === 0 ? b.reseed(STREAM.performer, 42).next() : b.next(),
    );
    expect(ys).toEqual(xs);
  });

  it('gives different streams for another seed, stream or index', () => {
    const first = (seed: string, stream: number, index: number) =>
      new Rng(hashSeed(seed)).reseed(stream, index).next();
    const base = first('s', STREAM.performer, 1);
    expect(first('t', STREAM.performer, 1)).not.toBe(base);
    expect(first('s', STREAM.recording, 1)).not.toBe(base);
    expect(first('s', STREAM.performer, 2)).not.toBe(base);
  });

  it('keeps every helper within its range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: -50, max: 50 }),
        (index, n, lo) => {
          const rng = new Rng(7).reseed(STREAM.act, index);
          const f = rng.float();
          const i = rng.int(n);
          const b = rng.between(lo, lo + n);
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThan(1);
          expect(Number.isInteger(i) && i >= 0 && i < n).toBe(true);
          expect(Number.isInteger(b) && b >= lo && b <= lo + n).toBe(true);
          const u = rng.next();
          expect(u >>> 0).toBe(u);
        },
      ),
    );
  });

  it('is roughly uniform (chi-square over 10 buckets)', () => {
    const rng = new Rng(hashSeed('uniform')).reseed(STREAM.work, 0);
    const buckets = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) buckets[rng.int(10)]! += 1;
    const chi2 = buckets.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(30); // 9 degrees of freedom: p < 0.001 above 27.9
  });

  it('picks weighted items in proportion', () => {
    const table = weights([
      ['a', 3],
      ['b', 1],
    ] as const);
    const rng = new Rng(1).reseed(STREAM.work, 9);
    let a = 0;
    for (let i = 0; i < 40_000; i++) if (rng.pickWeighted(table) === 'a') a++;
    expect(a / 40_000).toBeCloseTo(0.75, 1);
  });
});

describe('hashSeed and fmix', () => {
  it('hashes text to distinct 32-bit seeds', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => hashSeed(`seed-${i}`)));
    expect(seeds.size).toBe(1000);
    for (const s of seeds) expect(s >>> 0).toBe(s);
  });

  it('fmix is a bijection (no collision over 200,000 inputs)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++) seen.add(fmix(i * 4099));
    expect(seen.size).toBe(200_000);
  });
});
