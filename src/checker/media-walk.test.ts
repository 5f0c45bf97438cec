import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isMediaFile, listMediaFiles } from './media-walk.js';

const dir = mkdtempSync(join(tmpdir(), 'tdmr-media-walk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('listMediaFiles', () => {
  it('walks recursively, sorted, media extensions only (any case), skipping hidden entries and links to directories', () => {
    mkdirSync(join(dir, 'b/c'), { recursive: true });
    mkdirSync(join(dir, '.hidden'));
    for (const f of ['a.MP3', 'b/c/d.flac', 'b/x.m4a', 'notes.txt', '.hidden/e.mp3', 'b/.f.wav', 'cover.jpg']) writeFileSync(join(dir, f), '');
    symlinkSync(dir, join(dir, 'b/loop'));
    expect(listMediaFiles(dir).map((p) => p.slice(dir.length + 1))).toEqual(['a.MP3', 'b/c/d.flac', 'b/x.m4a']);
    expect(isMediaFile('x.Opus')).toBe(true);
    expect(isMediaFile('x.jpg')).toBe(false);
  });

  it('a directory that cannot be listed is a coded error naming it', () => {
    expect(() => listMediaFiles(join(dir, 'missing'))).toThrow(expect.objectContaining({ code: 'CHECK_BAD_FILE', details: { file: join(dir, 'missing') } }));
  });
});
