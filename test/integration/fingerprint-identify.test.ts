/**
 * Fingerprint identification end to end, on SQLite and (TEST_DATABASE_URL) PostgreSQL: enrolment of
 * reference audio (single and CSV, logged), identification of an excerpt from the middle of a track
 * after MP3 re-encoding, `tdmr scan` of a directory with its verdicts, report and resume, and bad input
 * (unknown ISRC, unreadable and non-audio files, malformed CSV lines named by line number).
 */
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
  mkdirSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanOutcome } from '../../src/fingerprint/identify/scan-verdict.js';
import { tdmr } from '../support/cli.js';
import { DIALECTS, freshContext } from '../support/db.js';
import { makeAudio, type TestAudio } from '../support/fingerprint-audio.js';
import { logged, recording, seedReserved } from '../support/ledger.js';
import type { Context } from '../../src/context.js';
import { FpcalcSource } from '../../src/fingerprint/identify/source.js';
import { buildApp } from '../../src/server/app.js';
import { entryHead } from '../../src/ledger/entry-codec.js';

let dir: string;
let audio: TestAudio;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tdmr-fp-'));
  audio = makeAudio(join(dir, 'audio'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RESERVED = 'FRZ032600001';
const FREE = 'FRZ032600002';

async function seed(ctx: Context): Promise<void> {
  await seedReserved(ctx, RESERVED);
  const free = recording(FREE);
  await logged(ctx, (reg) => reg.upsertRecording(free));
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`fingerprint identification on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof freshContext>>;
    let db: string;
    beforeAll(async () => {
      t = await freshContext(dialect.make);
      db = t.db.url;
      await seed(t.ctx);
    });
    afterAll(() => t.dispose());

    it('enrols reference audio with a log entry, and a re-enrolment replaces it', async () => {
      const r = await tdmr(
        '--db',
        db,
        '--json',
        'fingerprint',
        'enroll',
        '--isrc',
        RESERVED,
        audio.tracks[0]!,
      );
      expect(r.code, r.err).toBe(0);
      expect(r.json()).toMatchObject({ isrc: RESERVED, replaced: false });
      expect(r.json<{ items: number }>().items).toBeGreaterThan(300);
      const again = await tdmr(
        '--db',
        db,
        '--json',
        'fingerprint',
        'enroll',
        '--isrc',
        RESERVED,
        audio.tracks[0]!,
      );
      expect(again.json()).toMatchObject({ replaced: true });
      const size = await t.ctx.stores.ledger.size();
      const bodies = (await t.ctx.stores.ledger.entries(0, size))
        .filter((e) => entryHead(e.body).type === 'fingerprint.enrolled')
        .map((e) => JSON.parse(e.body) as { data: { replaced: boolean; isrc: string; rawSha256: string } });
      expect(bodies.map((b) => b.data.replaced)).toEqual([false, true]);
      expect(bodies[1]!.data.rawSha256).toBe(r.json<{ rawSha256: string }>().rawSha256);
      expect(await t.ctx.services.fingerprint.count()).toMatchObject({ fingerprints: 1 });
      // The log with fingerprint entries still verifies end to end.
      const verify = await tdmr('--db', db, '--json', 'ledger', 'verify');
      expect(verify.code, verify.out + verify.err).toBe(0);
    });

    it('enrols from a CSV, naming each bad line by number', async () => {
      const csv = join(dir, `${dialect.name}-enrol.csv`);
      writeFileSync(
        csv,
        `isrc,path\n${FREE},${audio.tracks[1]}\nNOTANISRC,x.wav\nGBAYE6900001,${audio.tracks[2]}\n${FREE}\n${FREE},${audio.junk}\n`,
      );
      const r = await tdmr('--db', db, '--json', 'fingerprint', 'enroll', '--csv', csv);
      expect(r.code).toBe(1);
      const res = r.json<{
        enrolled: number;
        outcomes: { line: number; ok: boolean; error?: { code: string; field: string; reason: string } }[];
      }>();
      expect(res.enrolled).toBe(1);
      expect(res.outcomes.map((o) => [o.line, o.ok, o.error?.code])).toEqual([
        [2, true, undefined],
        [3, false, 'FINGERPRINT_BAD_CSV'],
        [4, false, 'FINGERPRINT_NOT_FOUND'],
        [5, false, 'FINGERPRINT_BAD_CSV'],
        [6, false, 'FINGERPRINT_BAD_AUDIO'],
      ]);
      expect(res.outcomes[1]!.error!.reason).toContain('line 3');
    });

    it('identifies a 20 s MP3 excerpt cut from the middle of a track, at its offset', async () => {
      const r = await tdmr('--db', db, '--json', 'fingerprint', 'identify', audio.clip);
      expect(r.code, r.err).toBe(0);
      const m = r.json<{
        matches: { isrc: string; offsetSeconds: number; ber: number; reference: { start: number } }[];
      }>().matches;
      expect(m).toHaveLength(1);
      expect(m[0]!.isrc).toBe(RESERVED);
      expect(Math.abs(m[0]!.offsetSeconds - audio.at)).toBeLessThan(0.2);
      expect(m[0]!.ber).toBeLessThan(0.15);
      const none = await tdmr('--db', db, '--json', 'fingerprint', 'identify', audio.tracks[2]!);
      expect(none.code).toBe(1);
      expect(none.json<{ matches: unknown[] }>().matches).toEqual([]);
    });

    it('POST /v1/identify answers for a raw fingerprint and refuses a malformed one', async () => {
      const app = buildApp(t.ctx, { logRequests: false });
      try {
        const { raw } = await new FpcalcSource().fingerprintFile(audio.clip, { maxSeconds: 0 });
        const r = await app.inject({
          method: 'POST',
          url: '/v1/identify',
          payload: { fingerprint: [...raw] },
        });
        expect(r.statusCode, r.body).toBe(200);
        const body = r.json<{ items: number; matches: { isrc: string; offsetSeconds: number }[] }>();
        expect(body.items).toBe(raw.length);
        expect(body.matches[0]!.isrc).toBe(RESERVED);
        expect(Math.abs(body.matches[0]!.offsetSeconds - audio.at)).toBeLessThan(0.2);
        const bad = await app.inject({
          method: 'POST',
          url: '/v1/identify',
          payload: { fingerprint: [1, -2, 3] },
        });
        expect(bad.statusCode).toBe(400);
        expect(bad.json<{ code: string }>().code).toBe('HTTP_VALIDATION');
      } finally {
        await app.close();
      }
    });

    it('refuses an unknown ISRC, a missing file and a non-audio file with coded errors', async () => {
      const unknown = await tdmr(
        '--db',
        db,
        '--json',
        'fingerprint',
        'enroll',
        '--isrc',
        'GBAYE6900001',
        audio.tracks[2]!,
      );
      expect(unknown.code).toBe(2);
      expect(unknown.json<{ error: { code: string } }>().error.code).toBe('FINGERPRINT_NOT_FOUND');
      const missing = await tdmr(
        '--db',
        db,
        '--json',
        'fingerprint',
        'enroll',
        '--isrc',
        RESERVED,
        join(dir, 'nope.wav'),
      );
      expect(missing.json<{ error: { code: string } }>().error.code).toBe('FINGERPRINT_BAD_AUDIO');
      const junk = await tdmr('--db', db, '--json', 'fingerprint', 'enroll', '--isrc', RESERVED, audio.junk);
      expect(junk.code).toBe(2);
      expect(junk.json<{ error: { code: string; message: string } }>().error.message).toContain(audio.junk);
      const both = await tdmr(
        '--db',
        db,
        'fingerprint',
        'enroll',
        '--isrc',
        RESERVED,
        '--csv',
        'x.csv',
        audio.junk,
      );
      expect(both.code).toBe(2);
    });

    it('scans a directory: the excerpt is reserved, the rest not, junk unknown; report written; a re-run resumes', async () => {
      const target = join(dir, `${dialect.name}-scan`);
      mkdirSync(join(target, 'sub'), { recursive: true });
      copyFileSync(audio.clip, join(target, 'sub', 'clip.mp3'));
      copyFileSync(audio.tracks[1]!, join(target, 'free.wav'));
      copyFileSync(audio.tracks[2]!, join(target, 'other.wav'));
      copyFileSync(audio.junk, join(target, 'junk.mp3'));
      const out = join(dir, `${dialect.name}-scan.jsonl`);
      const report = join(dir, `${dialect.name}-scan.html`);
      const r = await tdmr(
        '--db',
        db,
        '--json',
        'scan',
        target,
        '--out',
        out,
        '--report',
        report,
        '--workers',
        '2',
      );
      expect(r.code, r.err).toBe(1);
      expect(r.json()).toMatchObject({
        files: 4,
        scanned: 4,
        skipped: 0,
        matched: 2,
        reserved: 1,
        unreadable: 1,
      });
      const outcomes = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as ScanOutcome);
      const by = new Map(outcomes.map((o) => [o.path.slice(target.length + 1), o]));
      expect(by.get('sub/clip.mp3')!.verdict.uses['ai-training'].status).toBe('reserved');
      expect(by.get('sub/clip.mp3')!.matches[0]!.isrc).toBe(RESERVED);
      expect(by.get('sub/clip.mp3')!.evidence.map((e) => e.rule)).toContain('registry-coverage');
      expect(by.get('free.wav')!.matches[0]!.isrc).toBe(FREE);
      expect(by.get('free.wav')!.verdict.uses['ai-training'].status).not.toBe('reserved');
      expect(by.get('other.wav')!.matches).toEqual([]);
      expect(by.get('other.wav')!.verdict.uses['ai-training'].status).toBe('not-covered');
      expect(by.get('junk.mp3')).toMatchObject({ ok: false, verdict: { reserved: false } });
      expect(by.get('junk.mp3')!.verdict.uses['ai-training'].status).toBe('unknown');
      const html = readFileSync(report, 'utf8');
      expect(html).toContain('<strong>1</strong> of <strong>4</strong> files are reserved');
      expect(html).not.toContain('<script');

      // Interrupted after two files: the journal lists two, the output has a third line cut off.
      const journal = `${out}.journal`;
      const lines = readFileSync(journal, 'utf8').trim().split('\n');
      writeFileSync(journal, `${lines.slice(0, 3).join('\n')}\n`);
      const kept = readFileSync(out, 'utf8').trim().split('\n');
      writeFileSync(out, `${kept.join('\n')}\n${kept[0]!.slice(0, 40)}`);
      const again = await tdmr('--db', db, '--json', 'scan', target, '--out', out, '--workers', '0');
      expect(again.json()).toMatchObject({ files: 4, scanned: 2, skipped: 2, reserved: 1 });
      const paths = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as ScanOutcome).path)
        .sort();
      expect(paths).toEqual([...by.values()].map((o) => o.path).sort());
      expect(existsSync(journal)).toBe(true);
      const other = await tdmr('--db', db, 'scan', dir, '--out', out);
      expect(other.code).toBe(2);
      expect(other.err).toContain('FINGERPRINT_BAD_STATE');
    });
  });
}
