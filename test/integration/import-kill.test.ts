/**
 * A killed import leaves the database exactly as it was: `node bin/tdmr.js import` on a large generated
 * file is SIGKILLed once its progress shows rows written, and every table (and the schema, full-text
 * trigger included) must be unchanged. Runs the built CLI, so it builds first.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE } from '../support/import.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROWS = 400_000;

/** Everything the database holds: schema, then every table's rows in rowid order. */
function digest(path: string): { hash: string; recordings: number } {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const h = createHash('sha256');
    const schema = db
      .prepare<[], { type: string; name: string; sql: string | null }>(
        'SELECT type, name, sql FROM sqlite_master ORDER BY type, name',
      )
      .all();
    h.update(JSON.stringify(schema));
    for (const t of [
      'performers',
      'mandates',
      'recordings',
      'lineups',
      'declarations',
      'meta',
      'kysely_migration',
    ]) {
      for (const row of db.prepare(`SELECT rowid AS _rowid, * FROM ${t} ORDER BY rowid`).iterate())
        h.update(JSON.stringify(row));
    }
    const recordings = db.prepare<[], number>('SELECT count(*) FROM recordings').pluck().get() ?? 0;
    return { hash: h.digest('hex'), recordings };
  } finally {
    db.close();
  }
}

describe('a killed import', () => {
  let dir: string;
  let db: string;
  let big: string;

  beforeAll(() => {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    dir = mkdtempSync(join(tmpdir(), 'tdmr-kill-'));
    db = join(dir, 'reserve.db');
    big = join(dir, 'big.csv');
    const lines = ['isrc,title,display_artist,duration,year'];
    for (let i = 0; i < ROWS; i++) {
      lines.push(
        `FRK${String(Math.floor(i / 100_000)).padStart(2, '0')}25${String(i % 100_000).padStart(5, '0')},Titre ${i},Artiste ${i % 977},${120 + (i % 300)},2020`,
      );
    }
    writeFileSync(big, lines.join('\n') + '\n');
    const seed = spawnSync(process.execPath, ['bin/tdmr.js', '--db', db, 'import', ...BASE], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(seed.status, seed.stderr).toBe(0);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the database exactly as it was', async () => {
    const before = digest(db);
    expect(before.recordings).toBe(3);

    const child = spawn(process.execPath, ['bin/tdmr.js', '--db', db, 'import', big, '--progress'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const rowsWritten = await new Promise<number>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const seen = [...stderr.matchAll(/\| (\d+) rows \|/g)].map((m) => Number(m[1]));
        const rows = Math.max(0, ...seen);
        if (rows >= 20_000) {
          child.kill('SIGKILL');
          resolve(rows);
        }
      });
      void exited.then(() => reject(new Error(`the import ended before it could be killed:\n${stderr}`)));
    });
    const { signal } = await exited;
    expect(signal).toBe('SIGKILL');
    expect(rowsWritten).toBeGreaterThanOrEqual(20_000);
    expect(rowsWritten).toBeLessThan(ROWS);

    const after = digest(db);
    expect(after).toEqual(before);
    const check = new BetterSqlite3(db);
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.exec(`INSERT INTO recordings_fts(recordings_fts) VALUES ('integrity-check')`);
      expect(
        check
          .prepare(`SELECT count(*) FROM recordings_fts WHERE recordings_fts MATCH 'chanson'`)
          .pluck()
          .get(),
      ).toBe(1);
    } finally {
      check.close();
    }

    // And the same file then imports whole.
    const done = spawnSync(process.execPath, ['bin/tdmr.js', '--db', db, '--json', 'import', big], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    expect(done.status, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({
      status: 'imported',
      counts: { recordings: { inserted: ROWS } },
    });
    expect(digest(db).recordings).toBe(ROWS + 3);
  }, 180_000);
});
