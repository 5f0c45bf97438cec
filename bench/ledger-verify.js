/**
 * `tdmr ledger verify` (the audit: every body rehashed, the tree rebuilt and compared node by node,
 * the checkpoints, and every mandate row compared with its entry) over a log of mandate versions,
 * against hashing the same entries alone (canonical JSON + leaf hash of each, as in ledger-append),
 * in the same run. Ratio = hashing time / verify time (goal >= 0.3), on CPU time.
 *
 *   npm run build && node bench/ledger-verify.js
 *   BENCH_N (entries and mandate rows, 1,000,000) · BENCH_RUNS (3: hashing and verify in turns; the median ratio)
 *
 * The database (registry rows and their entries, written together through the bulk appender) is
 * kept in bench/.work/ and reused by later runs of the same size. Also reported: SHA-256 alone of the
 * stored bodies, and the wall-clock ratio.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { hash } from 'node:crypto';
import { join } from 'node:path';
import { toConfig } from '../dist/config/config.js';
import { createContext } from '../dist/context.js';
import { canonicalJson, leafHash } from '../dist/ledger/index.js';
import { mandateEntry } from '../dist/ledger/entries.js';
import { ensureSignerKeyFile } from '../dist/ledger/key-file.js';
import { LedgerAppender } from '../dist/ledger/sql-append.js';
import { sqliteConn } from '../dist/ledger/sql-conn.js';
import { mandateToRow } from '../dist/registry/rows.js';
import { envInt, mandateVersionAt, performerIdAt, round, timed, WORK } from './lib/ledger-fixture.js';

const n = envInt('BENCH_N', 1_000_000);
const runCount = envInt('BENCH_RUNS', 3);
const PERFORMERS = 1000; // performers rows the mandates point to (the foreign key)
const keyFile = join(WORK, 'verify-signer.key');
const config = (path) => toConfig({ databaseUrl: path, logLevel: 'silent', logKeyFile: keyFile, logOrigin: 'bench.tdm-reserve.local/log' });
const performerId = (i) => performerIdAt(i, PERFORMERS);
const versionAt = (i) => mandateVersionAt(i, performerId(i));

async function ensureDb() {
  const path = join(WORK, `verify-${n}.db`);
  ensureSignerKeyFile(keyFile, 'bench.tdm-reserve.local/log');
  if (existsSync(path)) return path;
  const building = `${path}.building`;
  for (const s of ['', '-wal', '-shm']) rmSync(building + s, { force: true });
  const ctx = await createContext(config(building));
  const raw = ctx.db.raw;
  const now = '2025-01-01T00:00:00.000Z';
  const perf = raw.prepare(
    'INSERT INTO performers (id, display_name, sort_name, aliases, member, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)',
  );
  const cols = Object.keys(mandateToRow(versionAt(0)));
  const insert = raw.prepare(`INSERT INTO mandates (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
  raw.exec('BEGIN IMMEDIATE');
  for (let p = 0; p < PERFORMERS; p++) perf.run(performerId(p), `P${p}`, `P${p}`, '[]', `p${p}`, now, now);
  const appender = await LedgerAppender.open(sqliteConn(raw));
  for (let i = 0; i < n; i++) {
    const v = versionAt(i);
    insert.run(mandateToRow(v));
    appender.add(mandateEntry(v)); // synchronous on better-sqlite3
    if (i > 0 && i % 250_000 === 0) process.stderr.write(`  built ${i} of ${n}\n`);
  }
  appender.close();
  raw.exec('COMMIT');
  await ctx.services.ledger.checkpoint();
  await ctx.close();
  for (const s of ['-wal', '-shm']) rmSync(building + s, { force: true });
  renameSync(building, path);
  return path;
}

const ctx = await createContext(config(await ensureDb()));
let sink = 0;

// Baseline: canonical JSON + leaf hash of the same entries.
const hashAll = () =>
  timed(() => {
    for (let i = 0; i < n; i++) {
      const e = mandateEntry(versionAt(i));
      sink ^= leafHash(Buffer.from(canonicalJson({ at: e.at, data: e.data, type: e.type }), 'utf8'))[0];
    }
  });
// SHA-256 alone of stored bodies already in memory (a sample).
const sample = await ctx.stores.ledger.entries(0, Math.min(n, 100_000));
const bodies = sample.map((e) => Buffer.from(`\u0000${e.body}`, 'utf8'));
const shaOnly = await timed(() => {
  for (const b of bodies) sink ^= hash('sha256', b, 'buffer')[0];
});
sample.length = 0;
bodies.length = 0;

// Baseline and audit take turns, run after run, so that both see the machine's load of the moment;
// the ratio is the median of the runs' ratios.
const runs = [];
for (let r = 0; r < runCount; r++) {
  const baseline = await hashAll();
  const audit = await timed(() => ctx.services.ledger.audit());
  const report = audit.value;
  if (!report.ok || report.entries !== n || report.rows.mandates !== n) throw new Error(`unexpected audit: ${JSON.stringify(report.first)} ${report.entries}`);
  runs.push({ baseline, audit, checkpoints: report.checkpoints, ratio: baseline.cpu / audit.cpu });
  process.stderr.write(`run ${r + 1}/${runCount}: hashing ${round((baseline.cpu / n) * 1e6, 2)} µs, verify ${round((audit.cpu / n) * 1e6, 2)} µs per entry: ${round(baseline.cpu / audit.cpu)}\n`);
}
await ctx.close();

const mid = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor(runs.length / 2)];
const ratio = mid.ratio;
console.log(
  JSON.stringify({
    bench: 'ledger-verify',
    n,
    checkpoints: mid.checkpoints,
    runs: runs.map((r) => round(r.ratio)),
    baselinePerEntryUs: round((mid.baseline.cpu / n) * 1e6, 2),
    verifyPerEntryUs: round((mid.audit.cpu / n) * 1e6, 2),
    shaOnlyPerEntryUs: round((shaOnly.cpu / Math.min(n, 100_000)) * 1e6, 2),
    verifySec: round(mid.audit.wall),
    wallRatio: round(mid.baseline.wall / mid.audit.wall),
    ratioToShaOnly: round(shaOnly.cpu / Math.min(n, 100_000) / (mid.audit.cpu / n)),
    ratio: round(ratio),
    goal: '>= 0.3',
    pass: ratio >= 0.3,
    sink: sink & 1,
  }),
);
