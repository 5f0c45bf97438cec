#!/usr/bin/env node
/**
 * A distribution run of N usage lines over a registry of 1M recordings with 5M line-up rows, on SQLite and
 * (with TEST_DATABASE_URL or BENCH_DATABASE_URL) PostgreSQL, through the real service: the time of each phase
 * (reports, amounts, line-ups, split, write), and how the time grows from 100k to 1M lines (target: 10x the
 * lines in at most 12x the time). Baseline in the same run, on SQLite: raw better-sqlite3 prepared inserts
 * of the same share rows in one transaction.
 *
 * The registry and the licence are built once (SQLite: cached under bench/.work/; PostgreSQL: schema
 * bench_distribution, reused when complete); usage reports go in by SQL, every run starts from none.
 *   BENCH_RECORDINGS=1000000 BENCH_LINES=100000,1000000 node bench/distribution.js
 */
import { mkdirSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import BetterSqlite3 from 'better-sqlite3';
import { toConfig } from '../dist/config/config.js';
import { createContext } from '../dist/context.js';
import { closeDb, openDb } from '../dist/db/dialect.js';
import { migrateToLatest } from '../dist/db/migrate.js';
import { ensureSignerKeyFile } from '../dist/ledger/key-file.js';
import { envInt } from './lib/measure.js';
import { WORK_DIR } from './lib/registry-fixture.js';

const R = envInt('BENCH_RECORDINGS', 1_000_000);
const LINES = (process.env.BENCH_LINES ?? '100000,1000000').split(',').map(Number);
const PER = 5;
const P = Math.max(50, Math.round(R / 5));
const AT = '2026-01-01T00:00:00.000Z';
const ROLES = ['singer', 'singer', 'guitar', 'bass', 'drums'];
const log = (s) => process.stderr.write(`${s}\n`);

const isrc = (i) => `FRB${String(Math.floor(i / 10_000_000) % 100).padStart(2, '0')}${String(i % 10_000_000).padStart(7, '0')}`;
const performerOf = (r, k) => ((r * PER + k) * 7919) % P;

/** Rows of the registry, `size` at a time, for either dialect. */
function* registryRows(size) {
  let perf = [];
  for (let i = 0; i < P; i++) {
    perf.push([`p${i}`, `Performer ${i}`, `performer ${i}`, '[]', i % 3 === 0 ? null : `M${i}`, i % 3 === 0 ? 0 : 1, `performer ${i}`, AT, AT]);
    if (perf.length === size) yield ['performers', perf], (perf = []);
  }
  if (perf.length > 0) yield ['performers', perf];
  let rec = [];
  let lin = [];
  for (let r = 0; r < R; r++) {
    rec.push([`r${r}`, 'sound', isrc(r), `Title ${r}`, `Artist ${r % 997}`, `title ${r}`, AT, AT]);
    for (let k = 0; k < PER; k++) lin.push([`r${r}`, k, `p${performerOf(r, k)}`, ROLES[k], k < 2 ? 1 : 0]);
    // Line-ups after the recordings they name (foreign keys).
    if (rec.length === size) {
      yield ['recordings', rec];
      yield ['lineups', lin];
      rec = [];
      lin = [];
    }
  }
  if (rec.length > 0) yield ['recordings', rec];
  if (lin.length > 0) yield ['lineups', lin];
}

const COLUMNS = {
  performers: ['id', 'display_name', 'sort_name', 'aliases', 'member_no', 'member', 'search_text', 'created_at', 'updated_at'],
  recordings: ['id', 'kind', 'isrc', 'title', 'display_artist', 'search_text', 'created_at', 'updated_at'],
  lineups: ['recording_id', 'position', 'performer_id', 'role', 'featured'],
  usage_lines: ['report_id', 'line', 'isrc', 'recording_id', 'uses', 'units', 'seconds', 'cents'],
};
const PG_TYPES = { performers: ['text', 'text', 'text', 'text', 'text', 'int', 'text', 'text', 'text'], recordings: Array(8).fill('text'), lineups: ['text', 'int', 'text', 'text', 'int'], usage_lines: ['text', 'int', 'text', 'text', 'text', 'bigint', 'bigint', 'bigint'] };

async function insertPg(db, table, rows) {
  const cols = COLUMNS[table];
  const arrays = cols.map((_, c) => rows.map((r) => r[c]));
  const params = arrays.map((a, c) => sql`${a}::${sql.raw(PG_TYPES[table][c])}[]`);
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) SELECT * FROM unnest(${sql.join(params)})`.execute(db.kysely);
}

function insertSqlite(raw, table, rows) {
  const cols = COLUMNS[table];
  const st = raw.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  for (const r of rows) st.run(r);
}

/** A fresh or cached database holding the registry; the URL to open it by. */
async function ensureDb(kind) {
  if (kind === 'sqlite') {
    mkdirSync(WORK_DIR, { recursive: true });
    const path = join(WORK_DIR, `distribution-${R}.db`);
    if (!existsSync(path)) {
      const tmp = `${path}.building`;
      for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
      log(`building ${R} recordings and ${R * PER} line-up rows in ${path} ...`);
      const db = await openDb(`sqlite:${tmp}`);
      await migrateToLatest(db);
      db.raw.pragma('synchronous = OFF');
      db.raw.transaction(() => {
        for (const [table, rows] of registryRows(10_000)) insertSqlite(db.raw, table, rows);
      })();
      await closeDb(db);
      renameSync(tmp, path);
    }
    return `sqlite:${path}`;
  }
  const base = new URL(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
  base.searchParams.set('schema', `bench_distribution_${R}`);
  const url = base.toString();
  const db = await openDb(url);
  await migrateToLatest(db);
  const n = Number((await sql`SELECT count(*) AS n FROM lineups`.execute(db.kysely)).rows[0].n);
  if (n !== R * PER) {
    log(`building ${R} recordings and ${R * PER} line-up rows in PostgreSQL schema bench_distribution_${R} ...`);
    await sql`TRUNCATE lineups, recordings, performers CASCADE`.execute(db.kysely);
    for (const [table, rows] of registryRows(50_000)) await insertPg(db, table, rows);
    await sql`ANALYZE`.execute(db.kysely);
  }
  await closeDb(db);
  return url;
}

/** Clears usage and runs, and sets up one licence to report under (through the service). */
async function prepare(ctx) {
  const k = ctx.db.kysely;
  for (const t of ['distribution_suspense', 'distribution_shares', 'distribution_reports', 'distribution_runs', 'usage_lines', 'usage_reports']) await sql`DELETE FROM ${sql.table(t)}`.execute(k);
  const svc = ctx.services.licensing;
  const officer = await svc.principalOf((await svc.createAccount({ name: 'Officer', role: 'licensing-officer' })).id);
  const org = await svc.createOrganisation('Bench AI');
  const dev = await svc.principalOf((await svc.createAccount({ name: 'Dev', role: 'licensee', organisationId: org.id })).id);
  const terms = { uses: ['genai-training'], repertoire: { kind: 'all' }, from: '2020-01-01', to: '2040-01-01', product: 'Bench' };
  await svc.putTariff({ id: 'bench-per-use', version: 1, name: 'Per use', uses: ['genai-training'], validFrom: '2020-01-01T00:00:00.000Z', model: { kind: 'per-recording-use', centsPerRecordingPerUse: 40 } }, 'bench');
  const r = await svc.submitRequest(dev.actor, terms);
  await svc.act(r.id, 'review', officer.actor);
  await svc.act(r.id, 'offer', officer.actor, { offer: { terms, tariff: { id: 'bench-per-use', version: 1 } } });
  await svc.act(r.id, 'accept', dev.actor);
  const licence = (await svc.act(r.id, 'activate', officer.actor)).licence;
  return { officer, licence, org };
}

/** A usage report of `n` lines (distinct recordings) for `year`, by SQL. */
async function report(ctx, { licence, org }, n, year) {
  const id = `bench-${year}-${n}`;
  const k = ctx.db.kysely;
  await k
    .insertInto('usage_reports')
    .values({ id, licence_id: licence.id, organisation_id: org.id, period_from: `${year}-01-01T00:00:00.000Z`, period_to: `${year + 1}-01-01T00:00:00.000Z`, currency: 'EUR', revenue_cents: null, total_cents: 40 * n, lines: n, flagged: 0, submitted_at: AT })
    .execute();
  const size = 50_000;
  for (let i = 0; i < n; i += size) {
    const rows = [];
    for (let j = i; j < Math.min(n, i + size); j++) {
      const rec = (j * 7) % R;
      rows.push([id, j + 2, isrc(rec), `r${rec}`, '["genai-training"]', 1, 0, 40]);
    }
    if (ctx.db.kind === 'postgres') await insertPg(ctx.db, 'usage_lines', rows);
    else ctx.db.raw.transaction(() => insertSqlite(ctx.db.raw, 'usage_lines', rows))();
  }
}

/** Raw prepared inserts of `rows` share rows in one transaction: the SQLite baseline. */
function baseline(rows) {
  const path = join(WORK_DIR, 'distribution-baseline.db');
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.exec('CREATE TABLE s (run_id TEXT NOT NULL, performer_id TEXT NOT NULL, recording TEXT NOT NULL, role TEXT NOT NULL, featured INTEGER NOT NULL, cents INTEGER NOT NULL)');
  const st = raw.prepare('INSERT INTO s VALUES (?, ?, ?, ?, ?, ?)');
  const t0 = performance.now();
  raw.transaction(() => {
    for (let i = 0; i < rows; i++) st.run('run', `p${i % P}`, isrc(i % R), ROLES[i % PER], i % PER < 2 ? 1 : 0, 8);
  })();
  const ms = performance.now() - t0;
  raw.close();
  rmSync(path, { force: true });
  return ms;
}

async function runDialect(kind) {
  const url = await ensureDb(kind);
  const dir = join(WORK_DIR, 'distribution-key');
  mkdirSync(dir, { recursive: true });
  const keyFile = join(dir, 'log-signer.key');
  ensureSignerKeyFile(keyFile, 'bench.tdm-reserve.example/log');
  const ctx = await createContext(toConfig({ databaseUrl: url, logLevel: 'silent', logKeyFile: keyFile, logOrigin: 'bench.tdm-reserve.example/log' }));
  try {
    const setup = await prepare(ctx);
    const out = [];
    let year = 2021;
    for (const n of LINES) {
      await report(ctx, setup, n, year);
      globalThis.gc?.();
      const t0 = performance.now();
      const r = await ctx.services.licensing.distribute(setup.officer.actor, { from: `${year}-01-01`, to: `${year + 1}-01-01`, rules: { featured: 65, nonFeatured: 35 } });
      const ms = performance.now() - t0;
      if (r.run.collectedCents !== 40 * n || r.run.distributedCents + r.run.suspenseCents !== r.run.collectedCents) throw new Error(`run of ${n} lines does not add up`);
      const t1 = performance.now();
      const again = await ctx.services.licensing.distribute(setup.officer.actor, { from: `${year}-01-01`, to: `${year + 1}-01-01`, rules: { featured: 65, nonFeatured: 35 } });
      const rerunMs = performance.now() - t1;
      if (!again.rerun || again.run.id !== r.run.id) throw new Error('re-run was not idempotent');
      const phases = Object.fromEntries(r.phases.map((p) => [p.name, Math.round(p.ms)]));
      const row = { dialect: kind, lines: n, shares: r.shares.length, suspense: r.suspense.length, ms: Math.round(ms), phases, rerunMs: Math.round(rerunMs), heapMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) };
      if (kind === 'sqlite') {
        const base = baseline(r.shares.length);
        row.baselineMs = Math.round(base);
        row.ratioToRawShareInsert = +(base / ms).toFixed(3);
      }
      log(JSON.stringify(row));
      out.push(row);
      year += 1;
    }
    return out;
  } finally {
    await ctx.close();
  }
}

const results = [];
for (const kind of ['sqlite', ...(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL ? ['postgres'] : [])]) {
  const rows = await runDialect(kind);
  results.push(...rows);
  if (rows.length >= 2) {
    const [a, b] = [rows[0], rows[rows.length - 1]];
    const growth = b.ms / a.ms;
    log(`${kind}: ${b.lines / a.lines}x the lines took ${growth.toFixed(2)}x the time (target <= ${((12 * b.lines) / a.lines / 10).toFixed(0)}x)`);
  }
}
const growth = Object.fromEntries(
  ['sqlite', 'postgres'].flatMap((k) => {
    const rows = results.filter((r) => r.dialect === k);
    return rows.length >= 2 ? [[k, +(rows[rows.length - 1].ms / rows[0].ms).toFixed(2)]] : [];
  }),
);
console.log(JSON.stringify({ bench: 'distribution', recordings: R, lineupRows: R * PER, results, growth, target: { growthAt10x: 12 } }));
