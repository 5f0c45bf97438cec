import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEidr, parseIpi, parseIpn, parseIsan, parseIsni, parseIswc } from '../registry/identifiers.js';
import { eidrOf, idKeys, ipiOf, ipnOf, isanOf, isniOf, iswcOf, permute } from './id-space.js';

const keys = idKeys(12345);

describe('permute', () => {
  it('is a bijection of [0, m) for small m, whatever the key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3000 }), fc.integer({ min: 0, max: 0xffffffff }), (m, key) => {
        const seen = new Set<number>();
        let outside = 0;
        for (let i = 0; i < m; i++) {
          const x = permute(i, m, key);
          if (!(x >= 0 && x < m)) outside++;
          seen.add(x);
        }
        expect(outside).toBe(0);
        expect(seen.size).toBe(m);
      }),
      { numRuns: 60 },
    );
  });

  it('does not map consecutive indexes to consecutive values', () => {
    const xs = Array.from({ length: 100 }, (_, i) => permute(i, 100_000_000, 99));
    const steps = new Set(xs.slice(1).map((x, i) => x - (xs[i] as number)));
    expect(steps.size).toBeGreaterThan(90);
  });
});

describe('demo identifiers', () => {
  it('are valid for the registry parsers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.option(fc.integer({ min: 0, max: 0xffffffff })),
        (i, episode, version) => {
          expect(parseIsni(isniOf(keys, i))).toEqual({ ok: true, value: isniOf(keys, i) });
          expect(parseIpn(ipnOf(keys, i))).toEqual({ ok: true, value: ipnOf(keys, i) });
          expect(parseIswc(iswcOf(keys, i))).toEqual({ ok: true, value: iswcOf(keys, i) });
          const ipi = ipiOf(keys, i);
          if (ipi !== null) expect(parseIpi(ipi)).toEqual({ ok: true, value: ipi });
          const isan = isanOf(keys, i, episode, version);
          expect(parseIsan(isan)).toEqual({ ok: true, value: isan });
          expect(isan).toHaveLength(version === null ? 17 : 26);
          const eidr = eidrOf(keys, i, episode * 7919, i ^ 0x5bd1e995);
          expect(parseEidr(eidr)).toEqual({ ok: true, value: eidr });
        },
      ),
    );
  });

  it('are unique across indexes', () => {
    const n = 50_000;
    for (const f of [
      (i: number) => isniOf(keys, i),
      (i: number) => ipnOf(keys, i),
      (i: number) => iswcOf(keys, i),
      (i: number) => isanOf(keys, i, 0, null),
      (i: number) => eidrOf(keys, i, 1, 2),
    ]) {
      const seen = new Set<string>();
      for (let i = 0; i < n; i++) seen.add(f(i));
      expect(seen.size).toBe(n);
    }
  });

  it('IPN has eight digits and IPI eleven, or none when its check would be 100', () => {
    let none = 0;
    const bad: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const ipn = ipnOf(keys, i);
      if (!/^[1-9]\d{7}$/.test(ipn)) bad.push(ipn);
      const ipi = ipiOf(keys, i);
      if (ipi === null) none++;
      else if (!/^\d{11}$/.test(ipi)) bad.push(ipi);
    }
    expect(bad).toEqual([]);
    expect(none).toBeGreaterThan(50);
    expect(none).toBeLessThan(400);
  });

  it('depend on the seed', () => {
    const other = idKeys(54321);
    expect(isniOf(other, 5)).not.toBe(isniOf(keys, 5));
    expect(isanOf(other, 5, 0, null)).not.toBe(isanOf(keys, 5, 0, null));
  });
});
