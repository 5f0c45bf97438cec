/**
 * `tdmr stamp`: media files made by ffmpeg (sine tones) are stamped in place, read back by exiftool and
 * by music-metadata, and their decoded audio is byte-identical before and after (PCM SHA-256).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile } from 'music-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tdmr } from '../support/cli.js';
import { freshContext, sqliteTestDb } from '../support/db.js';
import { SEED, seedRegistry } from './registry-seed.js';

const BASE = 'https://tdm.cmo.example';
const CODECS: Record<string, string[]> = { mp3: ['-c:a', 'libmp3lame', '-b:a', '64k'], m4a: ['-c:a', 'aac', '-b:a', '64k'], flac: [], wav: [] };

const pcmHash = (file: string): string =>
  createHash('sha256').update(execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-i', file, '-f', 's16le', '-'], { maxBuffer: 64 << 20 })).digest('hex');
const fileHash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const exiftool = (file: string): Record<string, unknown> => (JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-a', file], { encoding: 'utf8' })) as Record<string, unknown>[])[0] ?? {};

describe('tdmr stamp', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tdmr-stamp-test-'));
  const originals: Record<string, string> = {};
  let dbUrl = '';
  let dispose: () => Promise<void> = () => Promise.resolve();
  beforeAll(async () => {
    const fresh = await freshContext(sqliteTestDb);
    await seedRegistry(fresh.ctx.services.registry);
    dbUrl = fresh.db.url;
    dispose = fresh.dispose;
    for (const [ext, codec] of Object.entries(CODECS)) {
      originals[ext] = join(dir, `tone.${ext}`);
      execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', ...codec, originals[ext]]);
    }
  });
  afterAll(async () => {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const copy = (ext: string, name: string): string => {
    const f = join(dir, `${name}.${ext}`);
    copyFileSync(originals[ext]!, f);
    return f;
  };

  it.each(['mp3', 'm4a', 'flac'])('%s: stamped, read back by exiftool and music-metadata, audio unchanged', async (ext) => {
    const file = copy(ext, 'stamped');
    const pcm = pcmHash(file);
    expect((await tdmr('--db', dbUrl, 'stamp', file, '--check')).code).toBe(1);
    const r = await tdmr('--db', dbUrl, '--json', 'stamp', file, '--isrc', SEED.reserved, '--base-url', BASE);
    expect(r.code, r.err).toBe(0);
    // The seeded declaration reserves AI training and inference: no single PLUS value says both.
    expect(r.json()).toMatchObject({ stamped: true, dataMining: 'http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-SEECONSTRAINT' });
    expect(fileHash(file)).not.toBe(fileHash(originals[ext]!));
    expect(pcmHash(file)).toBe(pcm);

    const tags = exiftool(file);
    const dm = ext === 'flac' ? tags['Vorbis:DataMining'] : tags['XMP-plus:DataMining'];
    expect(dm).toBe('http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-SEECONSTRAINT');
    if (ext !== 'flac') {
      expect(tags['XMP-plus:OtherConstraints']).toContain(`${BASE}/licensing`);
      expect(tags['XMP-dc:Identifier']).toBe(`ISRC ${SEED.reserved}`);
    }
    if (ext === 'mp3') expect(tags['ID3v2_3:ISRC'] ?? tags['ID3v2_4:ISRC']).toBe(SEED.reserved);

    const mm = await parseFile(file);
    if (ext === 'mp3') {
      expect(mm.common.isrc).toEqual([SEED.reserved]);
      const frames = Object.values(mm.native).flat();
      expect(frames).toContainEqual({ id: 'TXXX:TDM_RESERVATION', value: '1' });
      expect(frames).toContainEqual({ id: 'WXXX', value: { description: 'TDM_POLICY', url: `${BASE}/tdm-policy.jsonld` } });
      expect(frames).toContainEqual({ id: 'WXXX', value: { description: 'RSL_LICENSE', url: `${BASE}/license.xml` } });
      const priv = frames.find((f) => f.id === 'PRIV') as { value: { owner_identifier: string; data: Uint8Array } } | undefined;
      expect(priv?.value.owner_identifier).toBe('XMP');
      expect(Buffer.from(priv!.value.data).toString('utf8')).toContain('plus:DataMining');
    }
    if (ext === 'flac') {
      expect(mm.common.isrc).toEqual([SEED.reserved]);
      expect(Object.values(mm.native).flat()).toContainEqual({ id: 'TDM_RESERVATION', value: '1' });
    }
    if (ext === 'm4a') expect(mm.format.container).toMatch(/M4A|mp4|isom/i);

    const check = await tdmr('--db', dbUrl, '--json', 'stamp', file, '--check');
    expect(check.code).toBe(0);
    expect(check.json()).toMatchObject({ reserved: true, isrc: SEED.reserved });
    // Stamping again keeps one value and the ISRC from the file.
    expect((await tdmr('--db', dbUrl, 'stamp', file, '--base-url', BASE)).code).toBe(0);
    expect(pcmHash(file)).toBe(pcm);
    const frames = Object.values((await parseFile(file)).native).flat();
    if (ext !== 'm4a') expect(frames.filter((f) => f.id.endsWith('TDM_RESERVATION'))).toHaveLength(1);
    expect(exiftool(file)[ext === 'flac' ? 'Vorbis:DataMining' : 'XMP-plus:DataMining']).toBe('http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-SEECONSTRAINT');
  });

  it('a recording that is not reserved is not stamped', async () => {
    const file = copy('mp3', 'free');
    const before = fileHash(file);
    const r = await tdmr('--db', dbUrl, 'stamp', file, '--isrc', SEED.notCovered, '--base-url', BASE);
    expect(r.code).toBe(1);
    expect(fileHash(file)).toBe(before);
  });

  it('refuses containers it cannot stamp and missing files', async () => {
    const wav = copy('wav', 'tone');
    const r = await tdmr('--db', dbUrl, 'stamp', wav, '--isrc', SEED.reserved, '--base-url', BASE);
    expect(r.code).toBe(2);
    expect(r.err).toContain('SIGNALS_BAD_MEDIA');
    expect((await tdmr('--db', dbUrl, 'stamp', join(dir, 'missing.mp3'), '--check')).code).toBe(2);
    const noIsrc = copy('mp3', 'no-isrc');
    expect((await tdmr('--db', dbUrl, 'stamp', noIsrc, '--base-url', BASE)).err).toContain('give --isrc');
  });
});
