import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite, SQLITE_PAGE_SIZE } from './dialect.js';

describe('openSqlite', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdmr-dialect-'));
    dirs.push(dir);
    return join(dir, 'reserve.db');
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('creates files with its page size, in WAL mode', () => {
    const path = fresh();
    const db = openSqlite(path);
    db.exec('CREATE TABLE t (x INTEGER)');
    expect(db.pragma('page_size', { simple: true })).toBe(SQLITE_PAGE_SIZE);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('leaves the page size of an existing file as it is', () => {
    const path = fresh();
    const old = new BetterSqlite3(path);
    old.pragma('page_size = 4096');
    old.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)');
    old.close();
    const db = openSqlite(path);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(db.prepare('SELECT x FROM t').pluck().get()).toBe(1);
    db.close();
  });
});
