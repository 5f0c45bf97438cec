/**
 * `tdmr fingerprint FILE...` against `fpcalc` on the same files: the text form, `--json`, `--json --raw`,
 * `--raw --signed` and several files print exactly what fpcalc prints; bad files are named on stderr
 * with exit code 2 while the good ones are still printed; `--help` lists the subcommands, which still
 * run. Skipped (and named so) only when fpcalc, ffmpeg, ffprobe or sox is absent.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decompressFingerprint } from '../../src/fingerprint/core/decompress.js';
import { isccAudioCode } from '../../src/fingerprint/iscc-audio.js';
import { tdmr } from '../support/cli.js';
import { fpcalcText, lavfi, missingTools } from '../support/fpcalc.js';

const skip = missingTools.length > 0;
const title = skip
  ? `tdmr fingerprint FILE (skipped: ${missingTools.join(', ')} not installed)`
  : 'tdmr fingerprint FILE';

describe.skipIf(skip)(title, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tdmr-fpcli-'));
  const a = join(dir, 'a.mp3');
  const b = join(dir, 'b.flac');
  const junk = join(dir, 'junk.mp3');
  beforeAll(() => {
    lavfi('aevalsrc=0.4*sin(2*PI*(300+200*t)*t):s=44100:d=20', a, ['-c:a', 'libmp3lame']);
    lavfi('anoisesrc=d=12:c=brown:r=22050:a=0.4', b);
    writeFileSync(junk, 'not audio at all\n'.repeat(100));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the text form fpcalc prints', async () => {
    const r = await tdmr('fingerprint', a);
    expect(r.code).toBe(0);
    expect(r.out).toBe(fpcalcText([a]));
    expect(r.out).toMatch(/^DURATION=20\nFINGERPRINT=AQA/);
  });

  it('--json, --json --raw and --raw --signed print what fpcalc -json, -json -raw and -raw -signed print', async () => {
    expect((await tdmr('fingerprint', '--json', a)).out).toBe(fpcalcText(['-json', a]));
    expect((await tdmr('fingerprint', '--json', '--raw', a)).out).toBe(fpcalcText(['-json', '-raw', a]));
    expect((await tdmr('fingerprint', '--raw', '--signed', '--length', '0', b)).out).toBe(
      fpcalcText(['-raw', '-signed', '-length', '0', b]),
    );
  });

  it('several files give one result per file, in order, as fpcalc prints them', async () => {
    const r = await tdmr('fingerprint', '--json', '--length', '10', a, b);
    expect(r.code).toBe(0);
    expect(r.out).toBe(fpcalcText(['-json', '-length', '10', a, b]));
    expect(r.out.trim().split('\n')).toHaveLength(2);
    // -length may have a fraction: fpcalc stops at length × 11025 samples, rounded down.
    expect((await tdmr('fingerprint', '--raw', '--length', '10.7', a)).out).toBe(
      fpcalcText(['-raw', '-length', '10.7', a]),
    );
  });

  it('names a bad or missing file on stderr with exit code 2, and still prints the good ones', async () => {
    const missing = join(dir, 'missing.wav');
    const r = await tdmr('fingerprint', '--json', junk, a, missing);
    expect(r.code).toBe(2);
    expect(r.out).toBe(fpcalcText(['-json', a]));
    expect(r.err).toContain(`FINGERPRINT_BAD_AUDIO: cannot decode ${junk}`);
    expect(r.err).toContain(`cannot decode ${missing}: No such file or directory`);
  });

  it('--iscc adds the ISCC Audio-Code of the fingerprinted items', async () => {
    const r = await tdmr('fingerprint', '--json', '--iscc', '--length', '0', a);
    const j = JSON.parse(r.out) as { fingerprint: string; iscc: string };
    expect(j.iscc).toBe(isccAudioCode(decompressFingerprint(j.fingerprint).raw));
    expect(j.iscc).toMatch(/^ISCC:EIA[A-Z2-7]{13}$/);
    const text = await tdmr('fingerprint', '--iscc', '--iscc-bits', '256', a);
    expect(text.out).toMatch(/\nISCC=ISCC:EID[A-Z2-7]+\n$/);
  });

  it('rejects bad options and no files with exit code 2', async () => {
    expect((await tdmr('fingerprint', '--length', '-3', a)).code).toBe(2);
    expect((await tdmr('fingerprint', '--length', 'ten', a)).code).toBe(2);
    expect((await tdmr('fingerprint', '--iscc', '--iscc-bits', '40', a)).code).toBe(2);
    const none = await tdmr('fingerprint');
    expect(none.code).toBe(2);
    expect(none.err).toContain('name at least one audio file');
  });

  it('--help describes the files form and lists enroll and identify, which still run', async () => {
    const h = await tdmr('fingerprint', '--help');
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/\[files\.\.\.\]/);
    expect(h.out).toMatch(/enroll/);
    expect(h.out).toMatch(/identify/);
    expect(h.out).toMatch(/--length <seconds>/);
    // The subcommands are still dispatched, not taken as file names.
    const e = await tdmr('--db', join(dir, 'x.db'), 'fingerprint', 'enroll', '--isrc', 'FRZ032600099', a);
    expect(e.err).toContain('FINGERPRINT_NOT_FOUND');
    const i = await tdmr('--db', join(dir, 'x.db'), 'fingerprint', 'identify', a);
    expect(i.code).toBe(1);
    expect(i.out).toContain('no enrolled recording matches');
  });
});
