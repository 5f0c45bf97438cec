// Identification speed (docs/fingerprint-identify.md): one 30 s excerpt (242 items, 3% of bits flipped)
// identified against N enrolled recordings of realistic length (synthetic fingerprints, BENCH_ITEMS items
// each, ~180 s), through the service and the Kysely store: median and p99 per query at each size, on
// SQLite and, with TEST_DATABASE_URL, PostgreSQL. Enrolment for the bench is bulk (prepared statements in
// one transaction / COPY), with the postings the service would write.
// Baseline in the same run: brute-force `compare` of the excerpt against every enrolled fingerprint,
// timed on BENCH_BRUTE of them and scaled to N; ratio = brute-force time / index time at the largest N.
// Cost must grow slower than linearly with N: `growth` = time ratio / size ratio (< 1).
// Sizes: BENCH_SIZES (default 10000,100000), BENCH_QUERIES (default 200). Run: npm run build && node bench/fingerprint-identify.js
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toConfig } from '../dist/config/config.js';
import { createContext } from '../dist/context.js';
import {
  FingerprintService,
  KyselyFingerprintStore,
  compare,
  encodeRaw,
  flipBits,
  rawSha256,
  randomFingerprint,
  referencePostings,
  seeded,
} from '../dist/fingerprint/identify/index.js';
import { CopyWriter } from '../dist/registry/import/pg-copy.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1450);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const BRUTE = Number(process.env.BENCH_BRUTE ?? 200);
const log = (s) => process.stderr.write(`${s}\n`);
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const NOW = new Date().toISOString();

// Fingerprint i is a pure function of i, so any of them can be rebuilt to cut a query from.
const fingerprintOf = (i) => randomFingerprint(ITEMS, seeded(i + 1));

// Postings go in sorted by key, a batch of recordings at a time: the index is a B-tree on (hash_key, fp_no,
// position), and 145M random inserts into it (100k recordings) touch a random page each, which on this
// machine would take the best part of an hour; in key order each page takes a run of them.
const BATCH = 10_000;
const pack = (key, fpNo, position) => (BigInt(key) << 28n) | (BigInt(fpNo) << 11n) | BigInt(position);

async function fillSqlite(db, from, to) {
  const raw = db.raw;
  const rec = raw.prepare(
    "INSERT INTO recordings (id, kind, isrc, title, display_artist, search_text, created_at, updated_at) VALUES (?, 'sound', NULL, ?, 'Bench', '', ?, ?)",
  );
  const fp = raw.prepare(
    'INSERT INTO fingerprints (recording_id, fp_no, items, duration_ms, raw, raw_sha256, source, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)',
  );
  const post = raw.prepare('INSERT INTO fingerprint_index (hash_key, fp_no, position) VALUES (?, ?, ?)');
  if (to >= 2 ** 17 || ITEMS >= 2 ** 11) throw new Error('the bench packs fp_no in 17 bits and positions in 11');
  for (let a = from; a < to; a += BATCH) {
    const b = Math.min(to, a + BATCH);
    const packed = [];
    raw.transaction(() => {
      for (let i = a; i < b; i++) {
        const f = fingerprintOf(i);
        rec.run(`bench-${i}`, `Bench ${i}`, NOW, NOW);
        fp.run(`bench-${i}`, i + 1, f.length, Math.round(f.length * 123.8), encodeRaw(f), rawSha256(f), NOW);
        for (const p of referencePostings(f)) packed.push(pack(p.key, i + 1, p.position));
      }
    })();
    const sorted = BigUint64Array.from(packed).sort();
    raw.transaction(() => {
      for (const v of sorted) post.run(Number(v >> 28n), Number((v >> 11n) & 0x1ffffn), Number(v & 0x7ffn));
    })();
  }
}

async function fillPostgres(db, from, to) {
  const client = await db.pool.connect();
  try {
    await client.query('DROP INDEX IF EXISTS fingerprint_index_key_idx');
    await client.query('BEGIN');
    const rec = CopyWriter.start(client, 'recordings', [
      'id',
      'kind',
      'isrc',
      'title',
      'display_artist',
      'search_text',
      'created_at',
      'updated_at',
    ]);
    for (let i = from; i < to; i++)
      rec.row([`bench-${i}`, 'sound', null, `Bench ${i}`, 'Bench', '', NOW, NOW]);
    await rec.end();
    const fp = CopyWriter.start(client, 'fingerprints', [
      'recording_id',
      'fp_no',
      'items',
      'duration_ms',
      'raw',
      'raw_sha256',
      'source',
      'enrolled_at',
    ]);
    const post = CopyWriter.start.bind(null, client, 'fingerprint_index', ['hash_key', 'fp_no', 'position']);
    for (let i = from; i < to; i++) {
      const f = fingerprintOf(i);
      fp.row([
        `bench-${i}`,
        i + 1,
        f.length,
        Math.round(f.length * 123.8),
        encodeRaw(f),
        rawSha256(f),
        null,
        NOW,
      ]);
    }
    await fp.end();
    const p = post();
    for (let i = from; i < to; i++) {
      for (const x of referencePostings(fingerprintOf(i))) p.row([x.key, i + 1, x.position]);
      await p.drain();
    }
    await p.end();
    await client.query('COMMIT');
    // The index is built once after the COPY (see fillSqlite for why not row by row).
    await client.query('CREATE INDEX IF NOT EXISTS fingerprint_index_key_idx ON fingerprint_index (hash_key, fp_no, position)');
    await client.query('ANALYZE fingerprint_index');
  } finally {
    client.release();
  }
}

async function timeQueries(service, n) {
  const rnd = seeded(n);
  const times = [];
  let found = 0;
  for (let q = 0; q < QUERIES; q++) {
    const which = Math.floor(rnd() * n);
    const at = Math.floor(rnd() * (ITEMS - 242));
    const query = flipBits(fingerprintOf(which).slice(at, at + 242), 0.03, rnd);
    const t0 = performance.now();
    const m = await service.identify(query);
    times.push(performance.now() - t0);
    if (m[0]?.recordingId === `bench-${which}` && m[0].offset === at) found++;
  }
  times.sort((a, b) => a - b);
  return {
    size: n,
    medianMs: +pct(times, 0.5).toFixed(3),
    p99Ms: +pct(times, 0.99).toFixed(3),
    found: found / QUERIES,
  };
}

function bruteMsPerFingerprint() {
  const rnd = seeded(7);
  const query = flipBits(fingerprintOf(3).slice(100, 342), 0.03, rnd);
  const refs = Array.from({ length: BRUTE }, (_, i) => fingerprintOf(i));
  const t0 = performance.now();
  for (const r of refs) compare(query, r);
  return (performance.now() - t0) / BRUTE;
}

async function runDialect(name, url, cleanup) {
  const ctx = await createContext(toConfig({ databaseUrl: url, logLevel: 'silent' }));
  const service = new FingerprintService({
    store: new KyselyFingerprintStore(ctx.db.kysely),
    source: { fingerprintFile: () => Promise.reject(new Error('unused')) },
  });
  const rows = [];
  try {
    let have = 0;
    for (const n of SIZES) {
      const t0 = performance.now();
      await (ctx.db.kind === 'sqlite' ? fillSqlite(ctx.db, have, n) : fillPostgres(ctx.db, have, n));
      log(
        `${name}: ${n} recordings enrolled (+${n - have} in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      );
      have = n;
      const r = await timeQueries(service, n);
      log(
        `${name} N=${n}: median ${r.medianMs} ms, p99 ${r.p99Ms} ms, found at the right offset ${(r.found * 100).toFixed(1)}%`,
      );
      rows.push(r);
    }
  } finally {
    await ctx.close();
    await cleanup();
  }
  return rows;
}

const results = {};
const dir = mkdtempSync(join(tmpdir(), 'tdmr-fp-bench-'));
results.sqlite = await runDialect('SQLite', `sqlite:${join(dir, 'bench.db')}`, async () =>
  rmSync(dir, { recursive: true, force: true }),
);
if (process.env.TEST_DATABASE_URL) {
  const { default: pg } = await import('pg');
  const schema = `fpbench_${process.pid}`;
  const u = new URL(process.env.TEST_DATABASE_URL);
  u.searchParams.set('schema', schema);
  results.postgres = await runDialect('PostgreSQL', u.toString(), async () => {
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });
}
const brute = bruteMsPerFingerprint();
const largest = SIZES[SIZES.length - 1];
const summary = {};
for (const [k, rows] of Object.entries(results)) {
  const first = rows[0];
  const last = rows[rows.length - 1];
  summary[k] = {
    rows,
    growth: +(last.medianMs / first.medianMs / (last.size / first.size)).toFixed(3),
    bruteForceMs: +(brute * largest).toFixed(1),
    ratio: +((brute * largest) / last.medianMs).toFixed(1),
  };
  log(
    `${k}: median x${(last.medianMs / first.medianMs).toFixed(2)} for x${last.size / first.size} recordings (growth ${summary[k].growth}); brute force ${summary[k].bruteForceMs} ms per query at N=${largest} -> index is ${summary[k].ratio}x faster`,
  );
}
console.log(JSON.stringify({ bench: 'fingerprint-identify', items: ITEMS, queries: QUERIES, ...summary }));
