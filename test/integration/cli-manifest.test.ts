/**
 * `tdmr snapshot export|verify` and `tdmr check-manifest`, in-process, on a small SQLite registry: the
 * export is signed with the log key and verifies; CSV, JSONL and Parquet manifests give the same
 * outcomes; the CSV fast path (inline and on worker threads) gives the outcomes of the general reader.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineupEntry } from '../../src/ledger/entries.js';
import { tdmr } from '../support/cli.js';
import { sqliteTestDb } from '../support/db.js';
import {
  ORIGIN,
  ledgerContext,
  logged,
  performer,
  recording,
  seedReserved,
  tick,
  type LedgerTestContext,
} from '../support/ledger.js';
import { runFastCsv, runFastJsonl } from '../../src/checker/manifest-fast-run.js';
import { runFastParquet } from '../../src/checker/manifest-parquet-run.js';
import { readSnapshotFile } from '../../src/snapshot/read-file.js';
import { checkManifest } from '../../src/checker/manifest-check.js';
import { SnapshotMatcher } from '../../src/checker/manifest-match.js';
import { verifySnapshot } from '../../src/snapshot/verify.js';
import type { OutcomeSink } from '../../src/checker/manifest-output.js';
import { outcomeJsonl, type RowOutcome } from '../../src/checker/manifest-model.js';

let t: LedgerTestContext;
let dir: string;
let snap: string;
const saved = { key: process.env.TDMR_LOG_KEY_FILE, origin: process.env.TDMR_LOG_ORIGIN };

const ROWS = [
  ['isrc', 'Artist', 'Title', 'path'],
  ['FRZ032500001', 'Zaz', 'Je veux', 'a/1.flac'],
  ['fr-z03-25-00002', 'Zaz', 'Eblouie par la nuit', 'a/2.flac'],
  ['', 'Stromae', 'Papaoutai (Remastered 2019)', 'a/3.flac'],
  ['', 'Stromae', 'Formidabel', 'a/4.flac'],
  ['GBAYE6900001', 'Nobody', 'Unknown song', 'a/5.flac'],
  ['NOTANISRC', '', '', 'a/6.flac'],
  ['FRZ032500004', 'Other', 'Free song', 'a/7.flac'],
  ['', '', '', 'a/8.flac'],
];

beforeAll(async () => {
  t = await ledgerContext(sqliteTestDb);
  dir = mkdtempSync(join(tmpdir(), 'tdmr-manifest-'));
  process.env.TDMR_LOG_KEY_FILE = t.keyFile;
  process.env.TDMR_LOG_ORIGIN = ORIGIN;
  const named = [
    ['FRZ032500001', 'Zaz', 'Je veux'],
    ['FRZ032500002', 'Zaz', 'Éblouie par la nuit'],
    ['FRZ032500003', 'Stromae', 'Papaoutai'],
    ['FRZ032500005', 'Stromae', 'Formidable'],
  ];
  for (const [isrc, artist, title] of named) {
    const s = await seedReserved(t.ctx, isrc as string);
    await logged(t.ctx, (reg) =>
      reg.upsertRecording({ ...s.recording, displayArtist: artist as string, title: title as string }),
    );
  }
  // A recording whose performer gave no mandate: not covered.
  const p = performer('Free Performer');
  const r = recording('FRZ032500004', { displayArtist: 'Other', title: 'Free song' });
  await logged(t.ctx, async (reg, log) => {
    await reg.upsertPerformer(p);
    await reg.upsertRecording(r);
    const lineup = [
      {
        recordingId: r.id,
        performerId: p.id,
        role: 'LeadVocalist',
        instrument: null,
        featured: true,
        position: 1,
      },
    ];
    await reg.setLineup(r.id, lineup);
    await log([lineupEntry(r, lineup, [p], tick())]);
  });
  snap = join(dir, 'registry.tdms');
  writeFileSync(join(dir, 'm.csv'), ROWS.map((r) => r.join(',')).join('\n') + '\n');
  writeFileSync(
    join(dir, 'm.jsonl'),
    ROWS.slice(1)
      .map((r) => JSON.stringify({ ISRC: r[0], artist: r[1], TITLE: r[2], path: r[3] }))
      .join('\n') + '\n',
  );
  parquetWriteFile({
    filename: join(dir, 'm.parquet'),
    columnData: ROWS[0]!.map((name, i) => ({
      name,
      data: ROWS.slice(1).map((r) => r[i] as string),
      type: 'STRING' as const,
    })),
  });
});

afterAll(async () => {
  process.env.TDMR_LOG_KEY_FILE = saved.key;
  process.env.TDMR_LOG_ORIGIN = saved.origin;
  await t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const stripLine = (o: RowOutcome) => ({ ...o, line: 0 });

/** A sink that keeps the outcomes' text in memory. */
function collect(): { sink: OutcomeSink; text: () => string } {
  let text = '';
  return {
    sink: {
      format: outcomeJsonl,
      writeText: (s) => Promise.resolve(void (text += String(s))),
      close: () => Promise.resolve(),
    },
    text: () => text,
  };
}

// In-process the worker module is TypeScript: run it with the test loader.
const workerExecArgv = ['--import', new URL('../support/ts-register.mjs', import.meta.url).href];
const workerUrl = new URL('../../src/checker/manifest-worker.ts', import.meta.url);

describe('tdmr snapshot', () => {
  it('exports a signed snapshot that verifies with the log key', async () => {
    const e = await tdmr(
      '--db',
      t.db.url,
      'snapshot',
      'export',
      '--out',
      snap,
      '--at',
      '2026-03-01T00:00:00Z',
      '--json',
    );
    expect(e.code).toBe(0);
    expect(e.json()).toMatchObject({ recordings: 5, reserved: 4, keys: 5, at: '2026-03-01T00:00:00.000Z' });
    const v = await tdmr('snapshot', 'verify', snap, '--key', t.verifierKey, '--json');
    expect(v.code).toBe(0);
    expect(v.json()).toMatchObject({
      ok: true,
      recordings: 5,
      reserved: 4,
      checkpoint: { origin: 'test.tdm-reserve.example/log' },
    });
  });

  it('refuses an altered snapshot and another key', async () => {
    const bytes = readFileSync(snap);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] as number) ^ 1;
    const bad = join(dir, 'bad.tdms');
    writeFileSync(bad, bytes);
    const r = await tdmr('snapshot', 'verify', bad, '--key', t.verifierKey);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/NOT VALID: SNAPSHOT_BAD_SIGNATURE/);
    writeFileSync(bad, readFileSync(snap).subarray(0, 40));
    const cut = await tdmr('snapshot', 'verify', bad, '--key', t.verifierKey, '--json');
    expect(cut.code).toBe(2);
    expect(cut.json()).toMatchObject({
      error: {
        code: 'SNAPSHOT_BAD_FILE',
        details: { field: expect.any(String), offset: expect.any(Number) },
      },
    });
  });
});

describe('tdmr check-manifest', () => {
  it('answers every row of a CSV: ISRC, metadata exact and fuzzy, none, errors', async () => {
    const out = join(dir, 'out.jsonl');
    const report = join(dir, 'report.html');
    const r = await tdmr(
      'check-manifest',
      join(dir, 'm.csv'),
      '--snapshot',
      snap,
      '--key',
      t.verifierKey,
      '--out',
      out,
      '--report',
      report,
      '--json',
      '--workers',
      '0',
    );
    expect(r.code).toBe(1);
    const s = r.json<{ rows: number; reserved: number; byMethod: Record<string, number>; path: string }>();
    expect(s).toMatchObject({
      rows: 8,
      reserved: 4,
      path: 'fast-csv',
      byMethod: { isrc: 3, 'metadata-exact': 1, 'metadata-fuzzy': 1, none: 1, error: 2 },
    });
    const rows = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RowOutcome);
    expect(rows.map((o) => [o.line, o.method, o.isrc, o.reserved])).toEqual([
      [2, 'isrc', 'FRZ032500001', true],
      [3, 'isrc', 'FRZ032500002', true],
      [4, 'metadata-exact', 'FRZ032500003', true],
      [5, 'metadata-fuzzy', 'FRZ032500005', true],
      [6, 'none', null, false],
      [7, 'error', null, false],
      [8, 'isrc', 'FRZ032500004', false],
      [9, 'error', null, false],
    ]);
    expect(rows[6]!.uses).toEqual({
      'ai-training': 'not-covered',
      'genai-training': 'not-covered',
      'ai-inference': 'not-covered',
      search: 'not-covered',
    });
    expect(rows[0]!.uses!['ai-training']).toBe('reserved');
    expect(rows[5]!.error).toMatchObject({ field: 'isrc' });
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Zaz');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
  });

  it('gives the same outcomes for CSV, JSONL and Parquet', async () => {
    const outcomes = async (file: string) => {
      const out = join(dir, `${file}.out.jsonl`);
      // In-process the worker module would be TypeScript: workers are tested from the build below.
      const r = await tdmr(
        'check-manifest',
        join(dir, file),
        '--snapshot',
        snap,
        '--key',
        t.verifierKey,
        '--out',
        out,
        '--workers',
        '0',
      );
      expect(r.code).toBe(1);
      return readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => stripLine(JSON.parse(l) as RowOutcome));
    };
    const csv = await outcomes('m.csv');
    expect(await outcomes('m.jsonl')).toEqual(csv);
    expect(await outcomes('m.parquet')).toEqual(csv);
  });

  it('CSV fast path on workers and the general reader agree, with quoted lines and long files', async () => {
    const lines = ['ISRC,artist,title'];
    for (let i = 0; i < 3000; i++) {
      const isrc = i % 7 === 0 ? '' : `FRZ0325${String(i % 9).padStart(5, '0')}`;
      lines.push(
        i === 2500
          ? `${isrc},"Zaz, et al",Je veux`
          : i % 11 === 0
            ? `${isrc},Zaz`
            : `${isrc},Stromae,Papaoutai`,
      );
    }
    const file = join(dir, 'long.csv');
    writeFileSync(file, lines.join('\r\n'));
    const bytes = readFileSync(snap);
    const { view } = verifySnapshot(bytes, t.verifierKey);
    const general = collect();
    const gs = await checkManifest(file, {
      matcher: new SnapshotMatcher(view, { threshold: 0.85 }),
      sink: general.sink,
    });
    for (const workers of [0, 2]) {
      const fast = collect();
      const fs = await runFastCsv(file, {
        snapshotBytes: bytes,
        view,
        threshold: 0.85,
        workers,
        sink: fast.sink,
        outputFormat: 'jsonl',
        chunkBytes: 4096,
        workerUrl,
        workerExecArgv,
      });
      expect(fast.text()).toBe(general.text());
      expect(fs).toEqual(gs);
      const counted = await runFastCsv(file, {
        snapshotBytes: bytes,
        view,
        threshold: 0.85,
        workers,
        chunkBytes: 4096,
        workerUrl,
        workerExecArgv,
      });
      expect(counted).toEqual(gs);
    }
    expect(gs.rows).toBe(3000);
    expect(gs.errors).toBeGreaterThan(0);
  });

  it('JSON Lines and Parquet on worker threads agree with the general reader, bad rows included', async () => {
    const items: string[] = [];
    const cols: Record<string, string[]> = { isrc: [], artist: [], title: [] };
    for (let i = 0; i < 3000; i++) {
      const isrc = i % 7 === 0 ? '' : `FRZ0325${String(i % 9).padStart(5, '0')}`;
      const [artist, title] =
        i % 11 === 0 ? ['Zaz', ''] : i % 5 === 0 ? ['Stromae', 'Papaoutai (Remastered)'] : ['Zaz', 'Je veux'];
      cols.isrc!.push(isrc);
      cols.artist!.push(artist);
      cols.title!.push(title);
      items.push(
        i === 100
          ? '{"isrc": '
          : i === 200
            ? '[1, 2]'
            : i === 300
              ? JSON.stringify({ isrc, artist: ['a', 'b'] })
              : i === 400
                ? '   '
                : JSON.stringify({ ISRC: isrc, artist, title }),
      );
    }
    const jsonl = join(dir, 'long.jsonl');
    writeFileSync(jsonl, items.join('\r\n') + '\n');
    const parquet = join(dir, 'long.parquet');
    parquetWriteFile({
      filename: parquet,
      columnData: Object.entries(cols).map(([name, data]) => ({ name, data, type: 'STRING' as const })),
      rowGroupSize: 700,
    });
    const bytes = readSnapshotFile(snap);
    const { view } = verifySnapshot(bytes, t.verifierKey);
    for (const [file, runFast] of [
      [jsonl, runFastJsonl],
      [parquet, runFastParquet],
    ] as const) {
      const general = collect();
      const gs = await checkManifest(file, {
        matcher: new SnapshotMatcher(view, { threshold: 0.85 }),
        sink: general.sink,
      });
      expect(gs.rows).toBe(file === jsonl ? 2999 : 3000);
      for (const workers of [0, 2]) {
        const opts = {
          snapshotBytes: bytes,
          view,
          threshold: 0.85,
          workers,
          chunkBytes: 4096,
          rowsPerJob: 300,
          workerUrl,
          workerExecArgv,
        };
        const fast = collect();
        const fs = await runFast(file, { ...opts, sink: fast.sink, outputFormat: 'jsonl' });
        expect(fast.text()).toBe(general.text());
        expect(fs).toEqual(gs);
        // Without outcomes written, chunks number their lines from 1 and the problems' lines are mended after.
        expect(await runFast(file, opts)).toEqual(gs);
      }
      if (file === jsonl)
        expect(gs.firstErrors.map((e) => e.line)).toEqual(expect.arrayContaining([101, 201, 301]));
    }
  });

  it('the built CLI checks on two worker threads', () => {
    const keyFile = join(dir, 'log.pub');
    writeFileSync(keyFile, `${t.verifierKey}\n`);
    const out = join(dir, 'built.csv');
    const child = spawnSync(
      process.execPath,
      [
        'bin/tdmr.js',
        'check-manifest',
        join(dir, 'm.csv'),
        '--snapshot',
        snap,
        '--key',
        keyFile,
        '--out',
        out,
        '--json',
        '--workers',
        '2',
      ],
      { encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(1);
    expect(JSON.parse(child.stdout)).toMatchObject({ rows: 8, reserved: 4, path: 'fast-csv' });
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^line,method,score,isrc,ai-training/);
    expect(lines).toHaveLength(9);
    expect(lines[4]).toMatch(/^5,metadata-fuzzy,/);
  });

  it('has --help for every new command, naming the exit codes', async () => {
    for (const argv of [['check-manifest'], ['snapshot', 'export'], ['snapshot', 'verify']]) {
      const r = await tdmr(...argv, '--help');
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.out).toMatch(/Usage: tdmr/);
      expect(r.out).toMatch(/Exit code: 0/);
    }
  });

  it('refuses bad usage with exit 2', async () => {
    const csv = join(dir, 'm.csv');
    expect((await tdmr('check-manifest', csv)).code).toBe(2);
    expect((await tdmr('check-manifest', csv, '--snapshot', snap)).code).toBe(2);
    expect(
      (await tdmr('check-manifest', csv, '--snapshot', snap, '--key', t.verifierKey, '--threshold', '2'))
        .code,
    ).toBe(2);
    expect(
      (
        await tdmr(
          'check-manifest',
          csv,
          '--snapshot',
          snap,
          '--key',
          t.verifierKey,
          '--out',
          join(dir, 'x.txt'),
        )
      ).code,
    ).toBe(2);
    writeFileSync(join(dir, 'nohead.csv'), 'foo,bar\n1,2\n');
    const r = await tdmr(
      'check-manifest',
      join(dir, 'nohead.csv'),
      '--snapshot',
      snap,
      '--key',
      t.verifierKey,
      '--json',
    );
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({
      error: {
        code: 'CHECK_BAD_MANIFEST',
        details: { file: join(dir, 'nohead.csv'), line: 1, field: 'isrc' },
      },
    });
  });
});
