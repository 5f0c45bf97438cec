// Dataset manifest, ISRC matching: `runFastCsv` (our CSV scanner on two worker threads, against a signed
// snapshot) vs DuckDB (`@duckdb/node-api`) joining the same manifest CSV to the same registry loaded as a
// table, in one run. N manifest rows (half reserved) against a snapshot of N recordings. Each side runs in
// its own child process, so each peak RSS is its own; loading the registry (DuckDB: CREATE TABLE from CSV;
// ours: read + verify the snapshot, whose ISRC table was built when it was written) is outside the timed part, the manifest is read from disk in both.
// ratio = our rows/s / DuckDB rows/s (target >= 1.0, with lower peak RSS), each the median of BENCH_RUNS
// (default 3) runs in its process.
// Size: BENCH_ROWS (default 200,000; BENCH_ROWS=10000000 for the 10M case). Run: npm run build && node bench/manifest-isrc.js
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envInt } from './lib/measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const rows = envInt('BENCH_ROWS', 200_000);
const RUNS = envInt('BENCH_RUNS', 3);
const dir = join(here, '.work', `manifest-isrc-${rows}`);
const RESERVED = 0b00010101; // the three AI uses reserved, search not covered

const A36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const COUNTRIES = ['FR', 'GB', 'US', 'DE', 'BE'];
/** The i-th registry ISRC, in ascending order (country, registrant, year, designation). */
function isrcAt(i) {
  const designation = i % 100_000;
  const year = 20 + (Math.floor(i / 100_000) % 6);
  const reg = Math.floor(i / 600_000);
  const c = COUNTRIES[Math.floor(reg / 1000) % COUNTRIES.length];
  const r = reg % 1000;
  return `${c}${A36[10 + (r % 26)]}${A36[Math.floor(r / 26) % 36]}${A36[Math.floor(r / 936) % 36]}${year}${String(designation).padStart(5, '0')}`;
}

async function writeLines(path, n, line) {
  const out = createWriteStream(path);
  let buf = '';
  for (let i = 0; i < n; i++) {
    buf += line(i);
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

async function prepare() {
  if (existsSync(join(dir, 'done'))) return;
  mkdirSync(dir, { recursive: true });
  const { encodeSnapshot } = await import('../dist/snapshot/format.js');
  const { packIsrc } = await import('../dist/snapshot/isrc-pack.js');
  const { snapshotSigner } = await import('../dist/snapshot/verify.js');
  const { generateNoteKey, parseSignerKey } = await import('../dist/ledger/note-keys.js');
  const { signCheckpoint } = await import('../dist/ledger/checkpoint.js');
  const keys = generateNoteKey('bench.tdm-reserve.example/log');
  const signer = parseSignerKey(keys.signerKey);
  // ISRCs in ascending order by construction; the manifest lists them in a shuffled order.
  const isrcs = new Float64Array(rows);
  const statuses = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    isrcs[i] = packIsrc(isrcAt(i));
    statuses[i] = i % 2 === 0 ? RESERVED : 0;
  }
  for (let i = 1; i < rows; i++) if (isrcs[i] <= isrcs[i - 1]) throw new Error(`ISRC order broken at ${i}`);
  const checkpoint = signCheckpoint({ origin: signer.name, size: rows, rootHash: new Uint8Array(32) }, [
    signer,
  ]);
  const bytes = encodeSnapshot(
    {
      createdAt: new Date().toISOString(),
      at: new Date().toISOString(),
      territory: null,
      checkpoint,
      keyHash: signer.keyHash,
      isrcs,
      statuses,
      keys: [],
    },
    snapshotSigner(signer),
  );
  writeFileSync(join(dir, 'registry.tdms'), bytes);
  writeFileSync(join(dir, 'key.pub'), keys.verifierKey);
  await writeLines(join(dir, 'registry.csv'), rows + 1, (i) =>
    i === 0 ? 'isrc,reserved\n' : `${isrcAt(i - 1)},${(i - 1) % 2 === 0}\n`,
  );
  // A fixed permutation: i -> (i * P) mod rows, with P prime to rows.
  let p = 7_368_787;
  while (gcd(p, rows) !== 1) p++;
  await writeLines(join(dir, 'manifest.csv'), rows + 1, (i) => {
    if (i === 0) return 'isrc,artist,title,path\n';
    const k = Number((BigInt(i - 1) * BigInt(p)) % BigInt(rows));
    return `${isrcAt(k)},Artist ${k % 5000},Title ${k},audio/${k}.flac\n`;
  });
  writeFileSync(join(dir, 'done'), '');
}

function gcd(a, b) {
  return b === 0 ? a : gcd(b, a % b);
}

async function ours() {
  const { verifySnapshot } = await import('../dist/snapshot/verify.js');
  const { readSnapshotFile } = await import('../dist/snapshot/read-file.js');
  const { runFastCsv, workersFor } = await import('../dist/checker/manifest-fast-run.js');
  const { statSync } = await import('node:fs');
  // As `tdmr check-manifest --snapshot` reads it: into shared memory, for the worker threads.
  const bytes = readSnapshotFile(join(dir, 'registry.tdms'));
  const { view } = verifySnapshot(bytes, readFileSync(join(dir, 'key.pub'), 'utf8'));
  const manifest = join(dir, 'manifest.csv');
  // As `tdmr check-manifest` chooses (--workers auto): both cores from 16 MB on, the main thread below.
  const workers = workersFor(statSync(manifest).size, 'auto', 2);
  return {
    ...(await timed(async () => {
      const s = await runFastCsv(manifest, { snapshotBytes: bytes, view, threshold: 0.85, workers });
      return { rows: s.rows, reserved: s.reserved, matched: s.byMethod.isrc };
    })),
    workers,
  };
}

async function duck() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(
    `CREATE TABLE registry AS SELECT * FROM read_csv('${join(dir, 'registry.csv')}', header = true, columns = {'isrc': 'VARCHAR', 'reserved': 'BOOLEAN'})`,
  );
  return timed(async () => {
    const r = await c.runAndReadAll(
      `SELECT count(*)::BIGINT AS n, count(r.isrc)::BIGINT AS matched, count(*) FILTER (WHERE r.reserved)::BIGINT AS reserved
       FROM read_csv('${join(dir, 'manifest.csv')}', header = true, columns = {'isrc': 'VARCHAR', 'artist': 'VARCHAR', 'title': 'VARCHAR', 'path': 'VARCHAR'}) m
       LEFT JOIN registry r ON m.isrc = r.isrc`,
    );
    const [n, matched, reserved] = r.getRows()[0].map(Number);
    return { rows: n, reserved, matched };
  });
}

/** RUNS timed runs of `once` (each from the file on disk): the answer, the median time and every time. */
async function timed(once) {
  const times = [];
  let answer;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    answer = await once();
    times.push((performance.now() - t0) / 1000);
  }
  const seconds = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  return { ...answer, seconds, runs: times.map((t) => Number(t.toFixed(3))) };
}

const role = process.argv[2];
if (role === 'prepare') {
  // The fixture alone (bench/manifest-formats.js builds on it).
  await prepare();
  process.exit(0);
}
if (role === 'ours' || role === 'duckdb') {
  const r = role === 'ours' ? await ours() : await duck();
  process.stdout.write(
    `${JSON.stringify({ ...r, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  );
  process.exit(0);
}

await prepare();
const child = (which) => {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), which], {
    encoding: 'utf8',
    env: { ...process.env },
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`${which} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
};
const o = child('ours');
const d = child('duckdb');
if (o.rows !== d.rows || o.reserved !== d.reserved || o.matched !== d.matched)
  throw new Error(`answers differ: ours ${JSON.stringify(o)} duckdb ${JSON.stringify(d)}`);
const oursRps = o.rows / o.seconds;
const duckRps = d.rows / d.seconds;
console.log(`manifest ISRC matching, ${rows} rows (${o.reserved} reserved) against ${rows} recordings`);
console.log(
  `  ours   (CSV scanner, ${o.workers} workers): ${Math.round(oursRps).toLocaleString('en')} rows/s, peak RSS ${o.maxRssMb} MB`,
);
console.log(
  `  DuckDB (read_csv JOIN table):    ${Math.round(duckRps).toLocaleString('en')} rows/s, peak RSS ${d.maxRssMb} MB`,
);
console.log(`  ratio ${(oursRps / duckRps).toFixed(2)}x (target >= 1.0)`);
console.log(
  JSON.stringify({
    bench: 'manifest-isrc',
    rows,
    oursRowsPerSecond: Math.round(oursRps),
    duckdbRowsPerSecond: Math.round(duckRps),
    ratio: Number((oursRps / duckRps).toFixed(3)),
    oursWorkers: o.workers,
    oursRunsSeconds: o.runs,
    duckdbRunsSeconds: d.runs,
    oursPeakRssMb: o.maxRssMb,
    duckdbPeakRssMb: d.maxRssMb,
  }),
);
