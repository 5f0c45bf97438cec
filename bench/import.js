#!/usr/bin/env node
// Import throughput. Generates N recordings (BENCH_N, default 1,000,000) with ~4 line-up entries each and
// N/20 performers as CSV files in bench/.work/, then measures in the same run:
//   (a) baseline: raw better-sqlite3 prepared INSERTs of the same rows, ids and derived columns computed
//       beforehand (not timed), in one transaction, into a fresh migrated database;
//   (b) importFiles() of the CSV files into another fresh SQLite database (parsing and validation included);
//   (c) the PostgreSQL import (COPY + merges) when BENCH_PG_URL or TEST_DATABASE_URL is set.
// Prints rows/s of each and ratio = (b)/(a) as the last JSON line. Run after `npm run build`:
//   BENCH_N=20000 node bench/import.js
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { closeDb, openDb } from '../dist/db/dialect.js';
import { migrateToLatest } from '../dist/db/migrate.js';
import { importFiles } from '../dist/registry/import/import-file.js';
import { performerToRow, recordingToRow } from '../dist/registry/rows.js';
import { defaultSortName } from '../dist/registry/service.js';
import { benchData } from './_import-data.js';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const P = Math.max(10, Math.floor(N / 20));
const PG_URL = process.env.BENCH_PG_URL || process.env.TEST_DATABASE_URL || '';
const work = join(dirname(fileURLToPath(import.meta.url)), '.work', `import-${N}`);
const NOW = '2026-01-01T00:00:00.000Z';
const data = benchData(N, P);
const { performer, recording } = data;

// --- (a) baseline ---------------------------------------------------------------------------------------
async function baseline(path) {
  const handle = await openDb(path);
  await migrateToLatest(handle);
  const db = handle.raw;
  const insP = db.prepare(
    'INSERT INTO performers (id, display_name, sort_name, aliases, member_no, isni, ipn, ipi, member, search_text, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  const insR = db.prepare(
    'INSERT INTO recordings (id, kind, isrc, isan, eidr, iswc, title, version_title, display_artist, duration_ms, year, label, search_text, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  const insL = db.prepare(
    'INSERT INTO lineups (recording_id, position, performer_id, role, instrument, featured) VALUES (?,?,?,?,?,?)',
  );
  let ms = 0;
  let rows = 0;
  db.exec('BEGIN');
  const performerIds = [];
  const CHUNK = 10_000;
  for (let start = 0; start < P; start += CHUNK) {
    const batch = [];
    for (let i = start; i < Math.min(P, start + CHUNK); i++) {
      const p = performer(i);
      const id = randomUUID();
      performerIds.push(id);
      const row = performerToRow(
        {
          id,
          displayName: p.display_name,
          sortName: defaultSortName(p.display_name),
          aliases: [],
          memberNo: p.member_no,
          isni: p.isni,
          ipn: p.ipn || null,
          ipi: null,
          member: true,
        },
        NOW,
      );
      batch.push(Object.values(row));
    }
    const t = performance.now();
    for (const row of batch) insP.run(row);
    ms += performance.now() - t;
    rows += batch.length;
  }
  for (let start = 0; start < N; start += CHUNK) {
    const recs = [];
    const lines = [];
    for (let i = start; i < Math.min(N, start + CHUNK); i++) {
      const r = recording(i);
      const id = randomUUID();
      const row = recordingToRow(
        {
          id,
          kind: 'sound',
          isrc: r.isrc,
          isan: null,
          eidr: null,
          iswc: null,
          title: r.title,
          versionTitle: null,
          displayArtist: r.display_artist,
          durationMs: r.duration * 1000,
          year: r.year,
          label: r.label,
        },
        NOW,
      );
      recs.push(Object.values(row));
      for (const e of r.lineup)
        lines.push([
          id,
          e.position,
          performerIds[e.performer],
          e.role,
          e.instrument || null,
          e.featured ? 1 : 0,
        ]);
    }
    const t = performance.now();
    for (const row of recs) insR.run(row);
    for (const row of lines) insL.run(row);
    ms += performance.now() - t;
    rows += recs.length + lines.length;
  }
  const t = performance.now();
  db.exec('COMMIT');
  ms += performance.now() - t;
  await closeDb(handle);
  return { rows, seconds: ms / 1000, rowsPerSecond: Math.round((rows * 1000) / ms) };
}

// --- (b), (c) imports -----------------------------------------------------------------------------------
async function importInto(url, files) {
  const handle = await openDb(url);
  await migrateToLatest(handle);
  const t = performance.now();
  const result = await importFiles(handle, files);
  const ms = performance.now() - t;
  await closeDb(handle);
  if (result.status !== 'imported')
    throw new Error(`import ${result.status}: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return {
    rows: result.rows,
    seconds: ms / 1000,
    rowsPerSecond: Math.round((result.rows * 1000) / ms),
    counts: result.counts,
  };
}

async function postgres(files) {
  if (PG_URL === '') return null;
  const schema = `bench_import_${randomBytes(4).toString('hex')}`;
  const u = new URL(PG_URL);
  u.searchParams.set('schema', schema);
  try {
    return await importInto(u.toString(), files);
  } finally {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  }
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const files = [join(work, 'performers.csv'), join(work, 'recordings.csv'), join(work, 'lineups.csv')];
let t = performance.now();
await data.writeFiles(files);
process.stderr.write(
  `generated ${N} recordings, ${P} performers in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
);

t = performance.now();
const base = await baseline(join(work, 'baseline.db'));
process.stderr.write(`baseline: ${base.rows} rows, ${base.rowsPerSecond} rows/s\n`);
const sqlite = await importInto(`sqlite:${join(work, 'import.db')}`, files);
process.stderr.write(`import (SQLite): ${sqlite.rows} rows, ${sqlite.rowsPerSecond} rows/s\n`);
const pgResult = await postgres(files);
if (pgResult)
  process.stderr.write(`import (PostgreSQL): ${pgResult.rows} rows, ${pgResult.rowsPerSecond} rows/s\n`);

console.log(
  JSON.stringify({
    bench: 'import',
    n: N,
    performers: P,
    rows: base.rows,
    baseline: { seconds: +base.seconds.toFixed(2), rowsPerSecond: base.rowsPerSecond },
    sqlite: { seconds: +sqlite.seconds.toFixed(2), rowsPerSecond: sqlite.rowsPerSecond },
    postgres: pgResult && { seconds: +pgResult.seconds.toFixed(2), rowsPerSecond: pgResult.rowsPerSecond },
    ratio: +(sqlite.rowsPerSecond / base.rowsPerSecond).toFixed(3),
    target: 0.5,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
