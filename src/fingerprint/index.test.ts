import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as lib from './index.js';

describe('the tdm-reserve/fingerprint library entry', () => {
  it('is exported as ./fingerprint in package.json, from the built index', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, { import: string; types: string }>;
    };
    expect(pkg.exports['./fingerprint']).toEqual({
      types: './dist/fingerprint/index.d.ts',
      import: './dist/fingerprint/index.js',
    });
  });

  it('fingerprints PCM, compresses, decompresses, codes and compares through the public names', () => {
    const pcm = new Int16Array(lib.SAMPLE_RATE * 4);
    for (let i = 0; i < pcm.length; i++)
      pcm[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / lib.SAMPLE_RATE) * Math.sin(i / 3000));
    const raw = lib.fingerprint(pcm);
    expect(raw.length).toBe(lib.itemCount(pcm.length));
    const text = lib.compressFingerprint(raw);
    expect(lib.decompressFingerprint(text).raw).toEqual(raw);
    expect(lib.isccAudioCode(raw)).toMatch(/^ISCC:EIA/);
    expect(lib.compare(raw, raw).ber).toBe(0);
    expect(typeof lib.identification.FingerprintService).toBe('function');
    expect(typeof lib.fingerprintFile).toBe('function');
  });

  it('identifies an excerpt against an index of enrolled fingerprints, at its offset', async () => {
    const { MemoryFingerprintStore, FingerprintService } = lib.identification;
    const { randomFingerprint, seeded, flipBits } = await import('./identify/synthetic.js');
    const store = new MemoryFingerprintStore();
    const rnd = seeded(11);
    const enrol = new FingerprintService({ store, source: { fingerprintFile: () => Promise.reject(new Error('unused')) } });
    const refs: Uint32Array[] = [];
    for (let i = 0; i < 5; i++) {
      store.recordings.set(`rec-${i}`, { id: `rec-${i}`, isrc: `FRZ03250000${i}`, title: `T${i}`, artist: 'A' });
      refs.push(randomFingerprint(1200, rnd));
      await enrol.enrollRaw(store.recordings.get(`rec-${i}`)!, refs[i]!, 150);
    }
    const excerpt = flipBits(refs[3]!.slice(400, 642), 0.03, rnd);
    const [best] = await lib.identify(excerpt, store);
    expect(best).toMatchObject({ recordingId: 'rec-3', isrc: 'FRZ032500003', offset: 400 });
    expect(await lib.identify(randomFingerprint(242, rnd), store)).toEqual([]);
  });
});
