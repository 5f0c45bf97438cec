/** `tdmr import` in-process: output, JSON summary and exit codes. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src/registry/import/import-file.js';
import { tdmr } from '../support/cli.js';
import { BASE, fixture, scratchFile } from '../support/import.js';

describe('tdmr import', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tdmr-cli-import-'));
    db = join(dir, 'reserve.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports, prints counts per entity, and exits 0', async () => {
    const r = await tdmr('--db', db, 'import', ...BASE);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^imported 4 file\(s\): 15 rows in [\d.]+ s \(\d+ rows\/s\), 0 rejected$/m);
    expect(r.out).toContain('  lineups: 5 inserted, 0 updated, 0 unchanged, 0 rejected');
  });

  it('prints a JSON summary with --json; a second run finds everything unchanged', async () => {
    const r = await tdmr('--db', db, '--json', 'import', ...BASE);
    expect(r.code).toBe(0);
    const result = r.json<ImportResult>();
    expect(result).toMatchObject({
      status: 'imported',
      rows: 15,
      rejected: 0,
      counts: { recordings: { inserted: 0, unchanged: 3 } },
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(result.rowsPerSecond).toBeGreaterThanOrEqual(0);
  });

  it('exits 2 and imports nothing when a row is bad', async () => {
    const r = await tdmr('--db', db, 'import', fixture('bad-rows-recordings.csv'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('nothing imported: 7 row(s) rejected; nothing was imported');
    expect(r.out).toContain(`${fixture('bad-rows-recordings.csv')}:3: isrc: ISRC has 12 characters, got 10`);
    const check = await tdmr('--db', db, '--json', 'recording', 'show', 'FRZ032500201');
    expect(check.code).toBe(2);
  });

  it('exits 1 when --skip-bad-rows rejected some rows, and writes the report', async () => {
    const report = join(dir, 'rejected.csv');
    const r = await tdmr(
      '--db',
      db,
      'import',
      fixture('bad-rows-recordings.csv'),
      '--skip-bad-rows',
      '--report',
      report,
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain(`rejected rows written to ${report}`);
    expect(readFileSync(report, 'utf8').trim().split('\n')).toHaveLength(8);
  });

  it('exits 2 when every row was rejected, or the options are wrong', async () => {
    const allBad = scratchFile('bad.csv', 'isrc,title,display_artist\nXX,T,A\n');
    expect(
      (await tdmr('--db', db, 'import', allBad, '--skip-bad-rows', '--report', join(dir, 'r2.csv'))).code,
    ).toBe(2);
    const noReport = await tdmr('--db', db, 'import', allBad, '--skip-bad-rows');
    expect(noReport.code).toBe(2);
    expect(noReport.err).toContain('IMPORT_BAD_OPTIONS');
    expect((await tdmr('--db', db, 'import', fixture('recordings.csv'), '--type', 'performers')).code).toBe(
      2,
    );
    expect((await tdmr('--db', db, 'import', fixture('recordings.csv'), '--type', 'songs')).code).toBe(2);
    expect((await tdmr('--db', db, 'import', join(dir, 'missing.csv'))).code).toBe(2);
    expect(existsSync(join(dir, 'r2.csv'))).toBe(true);
  });

  it('explains itself with --help', async () => {
    const r = await tdmr('import', '--help');
    expect(r.code).toBe(0);
    for (const s of ['--skip-bad-rows', '--report <file>', '--type <type>', 'Exit code: 0 imported'])
      expect(r.out).toContain(s);
  });
});
