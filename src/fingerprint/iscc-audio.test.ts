import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isccAudioCode, softHashAudio } from './iscc-audio.js';

interface Vector {
  inputs: [number[], number];
  outputs: { iscc: string };
}
const vectors = (
  JSON.parse(
    readFileSync(new URL('../../test/fixtures/iscc-audio-vectors.json', import.meta.url), 'utf8'),
  ) as {
    gen_audio_code_v0: Record<string, Vector>;
  }
).gen_audio_code_v0;

describe('isccAudioCode against the iscc-core reference vectors', () => {
  for (const [name, v] of Object.entries(vectors)) {
    it(name, () => {
      const [cv, bits] = v.inputs;
      expect(isccAudioCode(Int32Array.from(cv), { bits })).toBe(v.outputs.iscc);
      // The unsigned view of the same bits gives the same code.
      expect(isccAudioCode(new Uint32Array(Int32Array.from(cv).buffer), { bits })).toBe(v.outputs.iscc);
    });
  }

  it('splits quarters as more_itertools.divide does (10 items: 3,3,2,2), not in ceil-sized chunks', () => {
    // Ten items, all zero but the last two. divide(4) makes the last quarter items 8-9, so both of their
    // bits win a 1-of-2 vote; ceil-sized chunks (3,3,3,1) would leave item 9 alone.
    const raw = new Uint32Array(10);
    raw[8] = 0b01;
    raw[9] = 0b10;
    const words = softHashAudio(raw);
    expect(words[4]).toBe(0b11);
    expect(words[3]).toBe(0);
  });

  it('rejects bit lengths that are not whole 32-bit words up to 256', () => {
    expect(() => isccAudioCode(new Uint32Array(4), { bits: 48 })).toThrow(/ISCC bits/);
    expect(() => isccAudioCode(new Uint32Array(4), { bits: 288 })).toThrow(/ISCC bits/);
  });
});
