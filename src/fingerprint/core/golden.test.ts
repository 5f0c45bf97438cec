import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testSignal } from '../../../test/support/pcm-signal.js';
import { compressFingerprint } from './compress.js';
import { fingerprint } from './fingerprinter.js';
import { fftjsReal } from './spectrum-fftjs.js';

interface Golden {
  seconds: number;
  seed: number;
  raw: number[];
  compressed: string;
}
const { vectors } = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/fingerprint/fpcalc-golden.json', import.meta.url), 'utf8'),
) as { vectors: Record<string, Golden> };

describe('the core against fpcalc 1.5.1 output recorded for the same PCM', () => {
  for (const [name, g] of Object.entries(vectors)) {
    it(name, () => {
      const pcm = testSignal(g.seconds, g.seed);
      const raw = fingerprint(pcm);
      expect(Array.from(raw)).toEqual(g.raw);
      expect(compressFingerprint(raw)).toBe(g.compressed);
      expect(Array.from(fingerprint(pcm, { fft: fftjsReal() }))).toEqual(g.raw);
    });
  }
});
