/**
 * The robustness check of bench/fingerprint-robustness.js, small: synthetic tracks enrolled at full
 * length; 20 s excerpts from random offsets after MP3 128k, AAC 96k, Opus 64k, ±3 dB and 30 dB SNR noise
 * are all identified, at their offset, with the default (calibrated) thresholds; unrelated tracks, noise
 * and silence match nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VARIANTS, excerpt, noise, variant } from '../../bench/lib/audio-variants.js';
import { synthTrack } from '../../bench/lib/synth-music.js';
import { MemoryFingerprintStore } from '../../src/fingerprint/identify/memory-store.js';
import { FingerprintService } from '../../src/fingerprint/identify/service.js';
import { FpcalcSource } from '../../src/fingerprint/identify/source.js';
import { seeded } from '../../src/fingerprint/identify/synthetic.js';

const source = new FpcalcSource();
let dir: string;
let service: FingerprintService;
const enrolled: { id: string; file: string }[] = [];
const unrelated: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tdmr-fp-robust-'));
  const store = new MemoryFingerprintStore();
  service = new FingerprintService({ store, source });
  for (let i = 0; i < 3; i++) {
    const file = join(dir, `enrolled-${i}.wav`);
    synthTrack(file, 900 + i, 45);
    const id = `rec-${i}`;
    store.recordings.set(id, { id, isrc: null, title: `t${i}`, artist: '' });
    const fp = await source.fingerprintFile(file, { maxSeconds: 0 });
    await service.enrollRaw(store.recordings.get(id)!, fp.raw, fp.duration, file);
    enrolled.push({ id, file });
  }
  for (let i = 0; i < 2; i++) {
    const file = join(dir, `unrelated-${i}.wav`);
    synthTrack(file, 950 + i, 30);
    unrelated.push(file);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('identification under re-encoding, gain and noise', () => {
  it('finds every degraded excerpt at its offset and nothing in unrelated audio', async () => {
    const rnd = seeded(77);
    const misses: string[] = [];
    for (const e of enrolled) {
      const at = 2 + rnd() * 20;
      const cut = excerpt(e.file, at, 20, join(dir, 'cut.wav'));
      for (const v of VARIANTS) {
        const fp = await source.fingerprintFile(variant(cut, v, join(dir, `q-${v}`)), { maxSeconds: 0 });
        const m = await service.identify(fp.raw);
        if (m[0]?.recordingId !== e.id || Math.abs(m[0].offset - Math.round((at * 11025) / 1365)) > 1)
          misses.push(`${e.id} ${v}: ${JSON.stringify(m[0] ?? null)}`);
      }
    }
    expect(misses).toEqual([]);
    const false_: string[] = [];
    const negatives = [
      ...unrelated.flatMap((f) =>
        VARIANTS.map((v) => variant(excerpt(f, 5, 20, join(dir, 'ucut.wav')), v, join(dir, `u-${v}`))),
      ),
      noise('white', 20, join(dir, 'white.wav')),
      noise('pink', 20, join(dir, 'pink.wav')),
      noise('silence', 20, join(dir, 'silence.wav')),
    ];
    for (const f of negatives) {
      const fp = await source.fingerprintFile(f, { maxSeconds: 0 }).catch(() => null);
      if (fp === null) continue; // silence may be too uniform to decode into items: nothing to match either
      const m = await service.identify(fp.raw);
      if (m.length > 0) false_.push(`${f}: ${JSON.stringify(m[0])}`);
    }
    expect(false_).toEqual([]);
  });
});
