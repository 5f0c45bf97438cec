import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FingerprintError } from './errors.js';
import { MemoryFingerprintStore } from './memory-store.js';
import { rawSha256 } from './raw-codec.js';
import { FingerprintService } from './service.js';
import type { FingerprintSource } from './source.js';
import { flipBits, randomFingerprint, seeded } from './synthetic.js';

const noSource: FingerprintSource = { fingerprintFile: () => Promise.reject(new Error('not used')) };

async function enrolled(n: number, seed: number) {
  const store = new MemoryFingerprintStore();
  const service = new FingerprintService({
    store,
    source: noSource,
    now: () => new Date('2026-01-01T00:00:00.000Z'),
  });
  const rnd = seeded(seed);
  const refs: Uint32Array[] = [];
  for (let i = 0; i < n; i++) {
    const id = `rec-${i}`;
    store.recordings.set(id, {
      id,
      isrc: `FRZ0325${String(i).padStart(5, '0')}`,
      title: `T${i}`,
      artist: 'A',
    });
    const raw = randomFingerprint(400 + Math.floor(rnd() * 1200), rnd);
    refs.push(raw);
    await service.enrollRaw(store.recordings.get(id)!, raw, raw.length * 0.1238);
  }
  return { store, service, refs, rnd };
}

describe('FingerprintService', () => {
  it('identifies an excerpt among many enrolled recordings, at its offset', async () => {
    const { service, refs, rnd } = await enrolled(40, 1);
    const q = flipBits(refs[17]!.slice(300, 540), 0.04, rnd);
    const m = await service.identify(q);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ recordingId: 'rec-17', isrc: 'FRZ032500017', offset: 300 });
    expect(m[0]!.ber).toBeLessThan(0.07);
    expect(await service.identify(randomFingerprint(240, rnd))).toEqual([]);
  });

  it('logs each enrolment, and a re-enrolment replaces the fingerprint and says so', async () => {
    const { store, service, refs, rnd } = await enrolled(3, 2);
    const fresh = randomFingerprint(500, rnd);
    const r = await service.enrollRaw(store.recordings.get('rec-1')!, fresh, 62);
    expect(r.replaced).toBe(true);
    expect(store.log).toHaveLength(4);
    expect(store.log[3]).toMatchObject({
      type: 'fingerprint.enrolled',
      data: { id: 'rec-1', replaced: true, items: 500, rawSha256: rawSha256(fresh) },
    });
    // The old fingerprint no longer matches; the new one does.
    expect(await service.identify(refs[1]!.slice(100, 300))).toEqual([]);
    expect((await service.identify(fresh.slice(100, 300)))[0]?.recordingId).toBe('rec-1');
    expect(await store.count()).toMatchObject({ fingerprints: 3 });
  });

  it('refuses an unknown ISRC, an invalid ISRC and a too-short fingerprint with coded errors', async () => {
    const { store, service } = await enrolled(1, 3);
    await expect(service.enrollFile({ isrc: 'GBAYE6900001', path: 'x.wav' })).rejects.toMatchObject({
      code: 'FINGERPRINT_NOT_FOUND',
    });
    await expect(service.enrollFile({ isrc: 'nope', path: 'x.wav' })).rejects.toMatchObject({
      code: 'FINGERPRINT_BAD_INPUT',
    });
    await expect(
      service.enrollRaw(store.recordings.get('rec-0')!, new Uint32Array(5), 1),
    ).rejects.toBeInstanceOf(FingerprintError);
  });

  it('property: an excerpt of an enrolled fingerprint with at most 6% bit flips, at any offset, is found at that offset', async () => {
    const { service, refs } = await enrolled(25, 4);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 24 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 120, max: 250 }),
        fc.double({ min: 0, max: 0.06, noNaN: true }),
        fc.integer(),
        async (which, where, len, rate, seed) => {
          const ref = refs[which]!;
          const at = Math.floor(where * (ref.length - len));
          const m = await service.identify(flipBits(ref.slice(at, at + len), rate, seeded(seed)));
          expect(m[0]).toMatchObject({ recordingId: `rec-${which}`, offset: at });
        },
      ),
      { numRuns: 80 },
    );
  });
});
