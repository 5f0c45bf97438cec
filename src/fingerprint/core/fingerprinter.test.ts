import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRAME_SIZE, HOP, MIN_SAMPLES, SAMPLE_RATE, SILENCE_ITEM, itemCount } from './config.js';
import { Fingerprinter, fingerprint } from './fingerprinter.js';
import { fftjsReal } from './spectrum-fftjs.js';

/** Deterministic test audio: a few partials gliding in pitch, with noise, at 11025 Hz. */
function music(seconds: number, seed = 1): Int16Array {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const n = Math.round(seconds * SAMPLE_RATE);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / SAMPLE_RATE;
    const f = 220 * 2 ** ((Math.floor(t * 2) % 12) / 12);
    const v = 0.3 * Math.sin(2 * Math.PI * f * t) + 0.2 * Math.sin(2 * Math.PI * 1.5 * f * t) + 0.05 * rand();
    out[i] = Math.round(v * 32767);
  }
  return out;
}

describe('Fingerprinter', () => {
  it('gives F - 19 items for S samples (F = frames), none below 20 frames', () => {
    expect(itemCount(SAMPLE_RATE * 120)).toBe(948);
    expect(itemCount(SAMPLE_RATE * 30)).toBe(221);
    expect(itemCount(MIN_SAMPLES - 1)).toBe(0);
    expect(itemCount(MIN_SAMPLES)).toBe(1);
    for (const seconds of [3, 10.5]) {
      const pcm = music(seconds);
      expect(fingerprint(pcm).length).toBe(Math.floor((pcm.length - FRAME_SIZE) / HOP) + 1 - 19);
    }
  });

  it('fingerprints digital silence as the silence hash, as AcoustID expects', () => {
    const raw = fingerprint(new Int16Array(SAMPLE_RATE * 5));
    expect(raw.length).toBeGreaterThan(0);
    expect(new Set(raw)).toEqual(new Set([SILENCE_ITEM]));
  });

  it('gives nothing for empty or too-short PCM, and never throws on it', () => {
    expect(fingerprint(new Int16Array(0))).toEqual(new Uint32Array(0));
    expect(fingerprint(new Int16Array(MIN_SAMPLES - 1))).toEqual(new Uint32Array(0));
    const f = new Fingerprinter();
    f.feed(new Int16Array(0));
    expect(f.length).toBe(0);
  });

  it('gives the same items however the PCM is cut into chunks', () => {
    const pcm = music(4, 7);
    const whole = fingerprint(pcm);
    expect(whole.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9000 }), { minLength: 1, maxLength: 40 }), (cuts) => {
        const f = new Fingerprinter();
        let at = 0;
        for (const c of cuts) {
          f.feed(pcm.subarray(at, Math.min(pcm.length, at + c)));
          at = Math.min(pcm.length, at + c);
        }
        f.feed(pcm.subarray(at));
        expect(f.items()).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('hands out new items once with takeNew, while items() keeps them all', () => {
    const pcm = music(6, 3);
    const f = new Fingerprinter();
    const parts: number[] = [];
    for (let at = 0; at < pcm.length; at += 5000) {
      f.feed(pcm.subarray(at, at + 5000));
      parts.push(...f.takeNew());
    }
    expect(Uint32Array.from(parts)).toEqual(f.items());
    expect(f.takeNew()).toHaveLength(0);
  });

  it('the WebAssembly float32 FFT and the fft.js float64 FFT give the same items', () => {
    const pcm = music(12, 11);
    expect(fingerprint(pcm, { fft: fftjsReal() })).toEqual(fingerprint(pcm));
  });

  it('depends on the audio: different music gives mostly different items', () => {
    const a = fingerprint(music(5, 1));
    const b = fingerprint(music(5, 1).map((v, i) => (i % 2 === 0 ? v : -v)));
    let same = 0;
    for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
    expect(same).toBeLessThan(a.length / 2);
  });
});
