/**
 * A killed scan resumes: `node bin/tdmr.js scan` (the build, so fingerprinting runs on worker threads)
 * is killed with SIGKILL once some files are journalled; the same command then scans only the rest, and
 * the output holds every file exactly once.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tdmr } from '../support/cli.js';
import { makeAudio } from '../support/fingerprint-audio.js';
import { ledgerContext, seedReserved } from '../support/ledger.js';
import { sqliteTestDb } from '../support/db.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Files complete a batch at a time (8 per ffmpeg, one batch per worker in flight): 2 workers finish 16
// together, so the scan must hold more than that for a kill to land in the middle of it.
const FILES = 64;

describe('a killed scan', () => {
  let dir: string;
  let db: string;
  let target: string;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    dir = mkdtempSync(join(tmpdir(), 'tdmr-scan-kill-'));
    const audio = makeAudio(join(dir, 'audio'), 2);
    const t = await ledgerContext(sqliteTestDb);
    dispose = () => t.dispose();
    db = t.db.url;
    await seedReserved(t.ctx, 'FRZ032600009');
    expect(
      (await tdmr('--db', db, 'fingerprint', 'enroll', '--isrc', 'FRZ032600009', audio.tracks[0]!)).code,
    ).toBe(0);
    target = join(dir, 'scan');
    mkdirSync(target);
    for (let i = 0; i < FILES; i++)
      copyFileSync(
        i % 2 === 0 ? audio.clip : audio.tracks[1]!,
        join(target, `f${String(i).padStart(2, '0')}${i % 2 === 0 ? '.mp3' : '.wav'}`),
      );
  });
  afterAll(async () => {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('skips the journalled files on the next run and ends with every file once', async () => {
    const out = join(dir, 'scan.jsonl');
    const args = ['bin/tdmr.js', '--db', db, 'scan', target, '--out', out, '--workers', '2'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    const journalled = () => {
      try {
        return readFileSync(`${out}.journal`, 'utf8').trim().split('\n').length - 1;
      } catch {
        return 0;
      }
    };
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const deadline = Date.now() + 60_000;
    while (journalled() < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    const before = journalled();
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(FILES);

    const again = spawnSync(process.execPath, [...args.slice(0, 3), '--json', ...args.slice(3)], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(again.status, again.stderr).toBe(1);
    const res = JSON.parse(again.stdout) as {
      files: number;
      scanned: number;
      skipped: number;
      reserved: number;
    };
    expect(res.skipped).toBe(before);
    expect(res.scanned).toBe(FILES - before);
    expect(res.reserved).toBe(FILES / 2);
    const paths = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { path: string }).path);
    expect(paths).toHaveLength(FILES);
    expect(new Set(paths).size).toBe(FILES);
  });
});
