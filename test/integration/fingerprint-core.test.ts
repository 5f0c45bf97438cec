/**
 * Bit-identity with Debian's fpcalc 1.5.1: for every format, the raw items, the compressed string and
 * the duration of `fingerprintFile` equal what fpcalc prints for the same file, at the same -length.
 * fpcalc runs in the same test. Skipped (and named so) only when fpcalc, ffmpeg, ffprobe or sox is absent.
 */
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressFingerprint } from '../../src/fingerprint/core/compress.js';
import { fingerprintFile } from '../../src/fingerprint/fingerprint-file.js';
import { decodeBatch } from '../../src/fingerprint/decode/ffmpeg-batch.js';
import { decodePcm } from '../../src/fingerprint/decode/ffmpeg-pcm.js';
import { fingerprintFiles, type FilesResult } from '../../src/fingerprint/fingerprint-files.js';
import { ChromaprintSource } from '../../src/fingerprint/chromaprint-source.js';
import { FpcalcSource } from '../../src/fingerprint/identify/source.js';
import { fpcalcJson, missingTools } from '../support/fpcalc.js';
import { formatCases, renderFormats } from '../support/fingerprint-formats.js';

const skip = missingTools.length > 0;
const title = skip
  ? `fingerprint core vs fpcalc (skipped: ${missingTools.join(', ')} not installed)`
  : 'fingerprint core vs fpcalc';

describe.skipIf(skip)(title, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tdmr-fpcore-'));
  const cases = formatCases(dir);
  beforeAll(() => renderFormats(dir));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('covers every format, including real music when it is installed', () => {
    expect(cases.length).toBeGreaterThanOrEqual(18);
  });

  for (const c of cases) {
    it(`${c.name}: raw items, compressed string and duration equal fpcalc's`, async () => {
      for (const length of c.lengths) {
        const args = ['-length', String(length)];
        const raw = fpcalcJson(c.file, ['-raw', ...args]);
        const text = fpcalcJson(c.file, args);
        const ours = await fingerprintFile(c.file, { length, exactDuration: true });
        const label = `${c.name} at -length ${length}`;
        expect(Array.from(ours.raw), label).toEqual(raw.fingerprint);
        expect(compressFingerprint(ours.raw), label).toBe(text.fingerprint);
        expect(Number(ours.duration.toFixed(2)), label).toBe(raw.duration);
      }
    });
  }

  it('fingerprintFiles: one ffmpeg for a batch gives every file the items fpcalc gives', async () => {
    const batch = cases.filter((c) => !c.name.startsWith('real music')).map((c) => c.file);
    const got: FilesResult[] = [];
    for await (const r of fingerprintFiles(batch, { batch: 16 })) got.push(r);
    expect(got.map((r) => r.path)).toEqual(batch);
    for (const r of got) {
      expect(r.ok, r.path).toBe(true);
      if (r.ok) expect(Array.from(r.raw), r.path).toEqual(fpcalcJson(r.path, ['-raw']).fingerprint);
    }
  });

  it('one ffmpeg decodes a batch, awkward names included, to the samples and durations of one ffmpeg a file', async () => {
    const names = ["it's [live], take 1; mix.mp3", 'a:b\\c,d.flac', 'plain.ogg', "x'';[]',.opus"];
    const sources = ['music, MP3 128k', 'music, FLAC', 'music, Ogg Vorbis', 'music, Opus'].map(
      (n) => cases.find((c) => c.name === n)!.file,
    );
    const paths = names.map((n, k) => {
      const p = join(dir, n);
      copyFileSync(sources[k]!, p);
      return p;
    });
    const real = cases.filter((c) => c.name.startsWith('real music')).map((c) => c.file);
    const all = [...paths, ...real, ...cases.filter((c) => !real.includes(c.file)).map((c) => c.file)];
    const pcm = all.map(() => [] as number[]);
    const got = await decodeBatch(all, (k, chunk) => pcm[k]!.push(...chunk), { maxSeconds: 30 });
    expect(got, 'the batch itself succeeded (no fallback)').not.toBeNull();
    for (const [k, path] of all.entries()) {
      const one: number[] = [];
      const single = await decodePcm(path, { maxSeconds: 30, onPcm: (c) => one.push(...c) });
      expect(got![k]!.samples, path).toBe(single.samples);
      expect(got![k]!.loggedDuration, path).toBe(single.loggedDuration);
      expect(pcm[k]!.length, path).toBe(one.length);
      expect(
        pcm[k]!.every((v, i) => v === one[i]),
        path,
      ).toBe(true);
    }
  });

  it('fingerprintFiles: a bad file in a batch gets its own error, the others their items', async () => {
    const good = cases
      .filter((c) => c.name.startsWith('music, '))
      .map((c) => c.file)
      .slice(0, 3);
    const paths = [good[0]!, join(dir, 'missing.mp3'), good[1]!, good[2]!];
    const got: FilesResult[] = [];
    for await (const r of fingerprintFiles(paths, { length: 30, batch: 4 })) got.push(r);
    expect(got.map((r) => r.ok)).toEqual([true, false, true, true]);
    const bad = got[1]!;
    if (!bad.ok) expect(bad.error.message).toContain('missing.mp3');
    const third = got[2]!;
    if (third.ok)
      expect(Array.from(third.raw)).toEqual(fpcalcJson(good[1]!, ['-raw', '-length', '30']).fingerprint);
  });

  it('ChromaprintSource gathers calls made together into one ffmpeg, each with its own answer', async () => {
    const calls = join(dir, 'ffmpeg-calls.log');
    const wrapper = join(dir, 'ffmpeg-counting.sh');
    writeFileSync(wrapper, `#!/bin/sh\necho x >> '${calls}'\nexec ffmpeg "$@"\n`);
    chmodSync(wrapper, 0o755);
    const files = ['music, MP3 128k', 'music, FLAC', 'chord, FLAC 48 kHz'].map(
      (n) => cases.find((c) => c.name === n)!.file,
    );
    const source = new ChromaprintSource({ ffmpeg: wrapper });
    const got = await Promise.all(files.map((f) => source.fingerprintFile(f, { maxSeconds: 30 })));
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toHaveLength(1);
    for (const [k, f] of files.entries())
      expect(Array.from(got[k]!.raw), f).toEqual(fpcalcJson(f, ['-raw', '-length', '30']).fingerprint);
    const bad = source.fingerprintFile(join(dir, 'missing.mp3'), { maxSeconds: 30 });
    const good = source.fingerprintFile(files[0]!, { maxSeconds: 30 });
    await expect(bad).rejects.toThrow(/missing\.mp3/);
    expect((await good).raw).toEqual(got[0]!.raw);
  });

  it('ChromaprintSource and FpcalcSource give the same items and duration', async () => {
    const file = cases.find((c) => c.name === 'music, MP3 128k')!.file;
    const a = await new ChromaprintSource().fingerprintFile(file, { maxSeconds: 0 });
    const b = await new FpcalcSource().fingerprintFile(file, { maxSeconds: 0 });
    expect(a.raw).toEqual(b.raw);
    expect(Math.abs(a.duration - b.duration)).toBeLessThanOrEqual(0.01);
  });
});
