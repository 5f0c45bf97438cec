/**
 * `tdmr check FILE|DIR`: media files made by ffmpeg, stamped by `tdmr stamp`, tagged by ffmpeg
 * `-metadata` or given XMP by exiftool, checked against the seeded registry, in process.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileCheck } from '../../src/checker/check-file.js';
import { tdmr } from '../support/cli.js';
import { startSite } from '../support/signal-sites.js';
import { freshContext, sqliteTestDb } from '../support/db.js';
import { SEED, seedRegistry } from './registry-seed.js';

const BASE = 'https://tdm.cmo.example';
const DMI = 'http://ns.useplus.org/ldf/vocab/';
const CODECS: Record<string, string[]> = { mp3: ['-c:a', 'libmp3lame', '-b:a', '64k'], m4a: ['-c:a', 'aac', '-b:a', '64k'], flac: [], ogg: ['-c:a', 'libvorbis'], wav: [] };
const tone = (file: string, meta: Record<string, string> = {}): string => {
  const ext = file.split('.').pop()!;
  execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=0.5', ...CODECS[ext]!, ...Object.entries(meta).flatMap(([k, v]) => ['-metadata', `${k}=${v}`]), file]);
  return file;
};
const statuses = (c: FileCheck) => Object.fromEntries(Object.entries(c.uses).map(([u, v]) => [u, v.status]));

describe('tdmr check on media files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tdmr-check-files-'));
  const lib = join(dir, 'library');
  let dbUrl = '';
  let dispose: () => Promise<void> = () => Promise.resolve();
  const f = (name: string): string => join(lib, name);
  beforeAll(async () => {
    const fresh = await freshContext(sqliteTestDb);
    await seedRegistry(fresh.ctx.services.registry);
    dbUrl = fresh.db.url;
    dispose = fresh.dispose;
    mkdirSync(join(lib, 'sub'), { recursive: true });
    for (const ext of ['mp3', 'm4a', 'flac']) {
      tone(f(`stamped.${ext}`));
      const r = await tdmr('--db', dbUrl, 'stamp', f(`stamped.${ext}`), '--isrc', SEED.reserved, '--base-url', BASE);
      expect(r.code, r.err).toBe(0);
    }
    tone(f('sub/free.flac'), { ISRC: SEED.notCovered });
    tone(f('sub/absent.ogg'), { ISRC: SEED.absent });
    tone(f('sub/bare.wav'));
    tone(f('sub/other-tool.m4a'));
    const xmp = join(dir, 'other.xmp');
    writeFileSync(xmp, `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:Iptc="http://ns.useplus.org/ldf/xmp/1.0/" Iptc:DataMining="${DMI}DMI-PROHIBITED-GENAIMLTRAINING"/></rdf:RDF></x:xmpmeta>`);
    execFileSync('exiftool', ['-q', '-overwrite_original', `-xmp<=${xmp}`, f('sub/other-tool.m4a')]);
    writeFileSync(f('sub/broken.mp3'), Buffer.from('not audio at all'));
    writeFileSync(f('sub/notes.txt'), 'skipped: not a media extension');
  }, 60_000);
  afterAll(async () => {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a directory: every media file walked, each with per-use verdicts and evidence', async () => {
    const r = await tdmr('--db', dbUrl, '--json', 'check', lib);
    expect(r.code, r.err).toBe(1);
    const all = r.json<FileCheck[]>();
    const by = Object.fromEntries(all.map((c) => [c.item.slice(lib.length + 1), c]));
    expect(Object.keys(by).sort()).toEqual(['stamped.flac', 'stamped.m4a', 'stamped.mp3', 'sub/absent.ogg', 'sub/bare.wav', 'sub/broken.mp3', 'sub/free.flac', 'sub/other-tool.m4a']);

    // Stamped: the registry reserves the AI uses; the stamp's SEECONSTRAINT value reserves every use.
    for (const [name, carrier] of [['stamped.mp3', 'PRIV:XMP'], ['stamped.m4a', 'uuid box'], ['stamped.flac', 'vorbis DATA_MINING']] as const) {
      const c = by[name]!;
      expect(c.isrcs).toEqual([SEED.reserved]);
      expect(statuses(c)).toEqual({ 'ai-training': 'reserved', 'genai-training': 'reserved', 'ai-inference': 'reserved', search: 'reserved' });
      const signals = c.uses['ai-training'].evidence.map((e) => `${e.signal} ${e.source}`);
      expect(signals).toContainEqual(expect.stringContaining(`registry ISRC ${SEED.reserved} in the registry`));
      expect(signals.some((s) => s.includes(carrier))).toBe(true);
      const reg = c.uses['ai-training'].evidence.find((e) => e.signal === 'registry')!;
      expect(reg).toMatchObject({ says: 'reserve', rule: 'registry-coverage' });
      expect(reg.raw).toMatch(/^reserved: .*DECLARATION_IN_FORCE/);
      expect(c.uses.search.evidence.find((e) => e.signal === 'registry')).toMatchObject({ says: 'silent' });
    }
    expect(by['stamped.mp3']!.evidence.find((e) => e.signal === 'xmp-data-mining')).toMatchObject({ raw: `${DMI}DMI-PROHIBITED-SEECONSTRAINT`, licence: `${BASE}/licensing` });
    // ID3 TXXX text read whole (readers split it at '/'), as the XMP says.
    expect(by['stamped.mp3']!.evidence.filter((e) => e.signal === 'media-tag').map((e) => [e.says, e.raw])).toEqual([
      ['reserve', `${DMI}DMI-PROHIBITED-SEECONSTRAINT`],
      ['reserve', 'tdm:reservation 1, tdm:policy https://tdm.cmo.example/tdm-policy.jsonld'],
      ['offer-licence', 'https://tdm.cmo.example/license.xml'],
    ]);

    expect(statuses(by['sub/free.flac']!)).toEqual({ 'ai-training': 'not-covered', 'genai-training': 'not-covered', 'ai-inference': 'not-covered', search: 'not-covered' });
    expect(by['sub/free.flac']!.uses['ai-training'].evidence[0]).toMatchObject({ signal: 'registry', says: 'silent', raw: expect.stringMatching(/^not-covered/) });
    expect(statuses(by['sub/absent.ogg']!).search).toBe('unknown');
    expect(by['sub/absent.ogg']!.uses.search.evidence[0]!.reason).toContain('RECORDING_UNKNOWN');
    expect(statuses(by['sub/bare.wav']!)['ai-training']).toBe('not-covered');
    expect(by['sub/bare.wav']!.evidence).toEqual([expect.objectContaining({ signal: 'registry', rule: 'no-identifier', says: 'silent', reason: 'no ISRC in the file’s tags or XMP' })]);
    expect(statuses(by['sub/other-tool.m4a']!)).toEqual({ 'ai-training': 'not-covered', 'genai-training': 'reserved', 'ai-inference': 'not-covered', search: 'not-covered' });
    expect(statuses(by['sub/broken.mp3']!)['ai-training']).toBe('unknown');
    expect(by['sub/broken.mp3']!.uses['ai-training'].evidence[0]).toMatchObject({ signal: 'media-file', says: 'unreadable' });
  });

  it('a held licence named by every reservation makes the stamped file licensed', async () => {
    // The registry's reservations point to the CMO's licensing page (PUBLIC_URL/licensing).
    process.env.PUBLIC_URL = BASE;
    try {
      const one = await tdmr('--db', dbUrl, '--json', 'check', f('stamped.mp3'), '--licence', `${BASE}/licensing`);
      expect(one.json<FileCheck[]>()[0]!.uses['ai-training'].status).toBe('reserved');
      const r = await tdmr('--db', dbUrl, '--json', 'check', f('stamped.mp3'), '--licence', `${BASE}/licensing`, '--licence', `${BASE}/tdm-policy.jsonld`);
      const c = r.json<FileCheck[]>()[0]!;
      expect(c.uses['ai-training'].status).toBe('licensed');
      expect(c.uses['ai-training'].evidence.find((e) => e.signal === 'registry')).toMatchObject({ licence: `${BASE}/licensing` });
    } finally {
      delete process.env.PUBLIC_URL;
    }
  });

  it('URLs and files mixed in one call, answered in argument order', async () => {
    const site = await startSite({ '/robots.txt': 'User-agent: *\nAllow: /\n', '/a': { headers: { 'content-usage': 'train-ai=n' }, body: 'a' } });
    try {
      const r = await tdmr('--db', dbUrl, '--json', 'check', '--agent', 'ExampleBot', '--delay', '0', `${site.origin}/a`, f('sub/free.flac'));
      expect(r.code, r.err).toBe(1);
      const [url, file] = r.json<({ kind: string; item: string; uses: Record<string, { status: string }> })[]>();
      expect(url).toMatchObject({ kind: 'url', item: `${site.origin}/a`, uses: { 'ai-training': { status: 'reserved' } } });
      expect(file).toMatchObject({ kind: 'file', item: f('sub/free.flac'), uses: { 'ai-training': { status: 'not-covered' } } });
    } finally {
      await site.close();
    }
  });

  it('exit codes: 0 when nothing is reserved or unknown, 2 for a path that does not exist or a URL without --agent', async () => {
    const ok = await tdmr('--db', dbUrl, 'check', f('sub/free.flac'), f('sub/bare.wav'));
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out).toContain('sub/free.flac  (file, ISRC FRZ032500002)');
    const missing = await tdmr('--db', dbUrl, 'check', f('sub/free.flac'), join(dir, 'nope.mp3'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.mp3');
    expect(missing.out).toBe('');
    const noAgent = await tdmr('--db', dbUrl, 'check', f('sub/free.flac'), 'https://a.example/x');
    expect(noAgent.code).toBe(2);
    expect(noAgent.err).toContain('--agent');
    expect((await tdmr('check', '--help')).out).toContain('directories');
  });
});
