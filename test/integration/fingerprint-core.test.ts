/**
 * Bit-identity with Debian's fpcalc 1.5.1: for every format, the raw items, the compressed string and
 * the duration of `fingerprintFile` equal what fpcalc prints for the same file, at the same -length.
 * fpcalc runs in the same test. Skipped (and named so) only when fpcalc, ffmpeg, ffprobe or sox is absent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressFingerprint } from '../../src/fingerprint/core/compress.js';
import { fingerprintFile } from '../../src/fingerprint/fingerprint-file.js';
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

  it('ChromaprintSource and FpcalcSource give the same items and duration', async () => {
    const file = cases.find((c) => c.name === 'music, MP3 128k')!.file;
    const a = await new ChromaprintSource().fingerprintFile(file, { maxSeconds: 0 });
    const b = await new FpcalcSource().fingerprintFile(file, { maxSeconds: 0 });
    expect(a.raw).toEqual(b.raw);
    expect(Math.abs(a.duration - b.duration)).toBeLessThanOrEqual(0.01);
  });
});
