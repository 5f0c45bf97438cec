/**
 * Bad input to `fingerprintFile` ends in a coded FingerprintError that names the file, never a crash
 * or a hang: a missing file, a directory, an empty file, garbage named like audio, a video without a
 * sound track, audio too short for one item, a missing ffmpeg, and a FIFO nobody writes to (ended by
 * the caller's AbortSignal). Skipped (and named so) only when ffmpeg, ffprobe, fpcalc or sox is absent.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FingerprintError } from '../../src/fingerprint/errors.js';
import { fingerprintFile } from '../../src/fingerprint/fingerprint-file.js';
import { lavfi, make, missingTools } from '../support/fpcalc.js';

const skip = missingTools.length > 0;
const title = skip
  ? `fingerprintFile on bad input (skipped: ${missingTools.join(', ')} not installed)`
  : 'fingerprintFile on bad input';

async function failure(p: Promise<unknown>): Promise<FingerprintError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FingerprintError);
    return e as FingerprintError;
  }
  throw new Error('expected a FingerprintError');
}

describe.skipIf(skip)(title, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tdmr-fpbad-'));
  const f = (n: string): string => join(dir, n);
  beforeAll(() => {
    writeFileSync(f('empty.wav'), '');
    writeFileSync(f('garbage.mp3'), Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) & 0xff)));
    mkdirSync(f('folder.flac'));
    lavfi('testsrc=size=64x64:rate=5:d=3', f('silent-video.mp4'), ['-c:v', 'mpeg4']);
    make('sox', ['-n', '-r', '44100', '-c', '1', f('short.wav'), 'synth', '2', 'sine', '440']);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases: [string, string, RegExp][] = [
    ['a missing file', 'missing.mp3', /No such file or directory/],
    ['an empty file', 'empty.wav', /cannot decode .*empty\.wav/],
    ['garbage named like audio', 'garbage.mp3', /cannot decode .*garbage\.mp3/],
    ['a directory', 'folder.flac', /cannot decode .*folder\.flac/],
    ['a video without a sound track', 'silent-video.mp4', /no audio stream/],
    ['audio too short for one item', 'short.wav', /too short \(2\.00 s; a fingerprint needs about 2\.7 s\)/],
  ];
  for (const [name, file, why] of cases) {
    it(`${name}: FINGERPRINT_BAD_AUDIO naming the file`, async () => {
      const e = await failure(fingerprintFile(f(file)));
      expect(e.code).toBe('FINGERPRINT_BAD_AUDIO');
      expect(e.message).toMatch(why);
      expect(e.details?.file).toBe(f(file));
    });
  }

  it('a missing ffmpeg: FINGERPRINT_TOOL_FAILED', async () => {
    const e = await failure(fingerprintFile(f('short.wav'), { ffmpeg: join(dir, 'no-such-ffmpeg') }));
    expect(e.code).toBe('FINGERPRINT_TOOL_FAILED');
    expect(e.message).toContain('short.wav');
  });

  it('a bad length: FINGERPRINT_INVALID_OPTION before any process starts', async () => {
    expect((await failure(fingerprintFile(f('short.wav'), { length: -1 }))).code).toBe(
      'FINGERPRINT_INVALID_OPTION',
    );
    expect((await failure(fingerprintFile(f('short.wav'), { length: Number.NaN }))).code).toBe(
      'FINGERPRINT_INVALID_OPTION',
    );
  });

  it.skipIf(process.platform === 'win32')(
    'a FIFO nobody writes to ends when the caller aborts, not never',
    async () => {
      const fifo = f('stuck.wav');
      spawnSync('mkfifo', [fifo]);
      const ac = new AbortController();
      const t0 = Date.now();
      setTimeout(() => ac.abort(), 300);
      await expect(fingerprintFile(fifo, { signal: ac.signal, exactDuration: true })).rejects.toThrow(
        /abort/i,
      );
      expect(Date.now() - t0).toBeLessThan(10_000);
    },
  );
});
