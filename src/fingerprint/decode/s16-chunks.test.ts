import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { S16Chunks } from './s16-chunks.js';

describe('S16Chunks', () => {
  it('reassembles samples from chunks of odd byte counts at odd offsets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 17 }), { maxLength: 60 }),
        (samples, cuts) => {
          const bytes = new Uint8Array(Int16Array.from(samples).buffer);
          // An odd-offset backing buffer, as pipe chunks can be.
          const backing = new Uint8Array(bytes.length + 1);
          backing.set(bytes, 1);
          const stream = backing.subarray(1);
          const s = new S16Chunks();
          const got: number[] = [];
          let at = 0;
          for (const c of cuts) {
            got.push(...s.push(stream.subarray(at, Math.min(stream.length, at + c))));
            at = Math.min(stream.length, at + c);
          }
          got.push(...s.push(stream.subarray(at)));
          expect(got).toEqual(samples);
          expect(s.pending).toBe(false);
        },
      ),
    );
  });

  it('keeps an odd trailing byte pending', () => {
    const s = new S16Chunks();
    expect(Array.from(s.push(Uint8Array.from([1, 0, 2])))).toEqual([1]);
    expect(s.pending).toBe(true);
    expect(Array.from(s.push(Uint8Array.from([1])))).toEqual([0x0102]);
    expect(s.push(new Uint8Array(0))).toHaveLength(0);
  });
});
