// Dataset manifests in JSON Lines and Parquet, offline against a signed snapshot: rows per second on two
// worker threads (`--workers auto` for a big file) against the same check on the calling thread alone, in
// the same run. The two-thread path spreads parsing (JSON.parse, Parquet decoding) as well as matching.
// ratio = rows/s with 2 workers / rows/s on one thread (both cores used: expect well above 1; at most 2).
// Rows: BENCH_ROWS (default 1,000,000: manifest rows `isrc,artist,title,path`, half reserved, against a
// snapshot of as many recordings, built by bench/manifest-isrc.js's fixture code). Runs: BENCH_RUNS (3).
// Run: npm run build && node bench/manifest-formats.js
import { existsSync, readFileSync, writeFileSync, createReadStream } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetWriteFile } from 'hyparquet-writer';
import { envInt } from './lib/measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const rows = envInt('BENCH_ROWS', 1_000_000);
const RUNS = envInt('BENCH_RUNS', 3);
const dir = join(here, '.work', `manifest-isrc-${rows}`);

async function prepare() {
  if (!existsSync(join(dir, 'done'))) {
    // The CSV manifest and the snapshot come from the ISRC bench's fixture.
    const r = spawnSync(process.execPath, [join(here, 'manifest-isrc.js'), 'prepare'], {
      env: { ...process.env, BENCH_ROWS: String(rows) },
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error('could not build the manifest fixture');
  }
  if (existsSync(join(dir, 'formats-done'))) return;
  const cols = { isrc: [], artist: [], title: [], path: [] };
  const jsonl = [];
  const lines = createInterface({ input: createReadStream(join(dir, 'manifest.csv')), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false;
      continue;
    }
    const [isrc, artist, title, path] = line.split(',');
    cols.isrc.push(isrc);
    cols.artist.push(artist);
    cols.title.push(title);
    cols.path.push(path);
    jsonl.push(JSON.stringify({ isrc, artist, title, path }));
  }
  writeFileSync(join(dir, 'manifest.jsonl'), jsonl.join('\n') + '\n');
  parquetWriteFile({
    filename: join(dir, 'manifest.parquet'),
    columnData: Object.entries(cols).map(([name, data]) => ({ name, data, type: 'STRING' })),
    rowGroupSize: 100_000,
  });
  writeFileSync(join(dir, 'formats-done'), '');
}

async function measure(format, workers) {
  const { verifySnapshot } = await import('../dist/snapshot/verify.js');
  const { readSnapshotFile } = await import('../dist/snapshot/read-file.js');
  const { runFastJsonl } = await import('../dist/checker/manifest-fast-run.js');
  const { runFastParquet } = await import('../dist/checker/manifest-parquet-run.js');
  const bytes = readSnapshotFile(join(dir, 'registry.tdms'));
  const { view } = verifySnapshot(bytes, readFileSync(join(dir, 'key.pub'), 'utf8'));
  const run = format === 'jsonl' ? runFastJsonl : runFastParquet;
  const file = join(dir, `manifest.${format}`);
  const times = [];
  let summary;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    summary = await run(file, { snapshotBytes: bytes, view, threshold: 0.85, workers });
    times.push((performance.now() - t0) / 1000);
  }
  const seconds = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  return {
    rows: summary.rows,
    reserved: summary.reserved,
    seconds,
    runs: times.map((t) => Number(t.toFixed(3))),
  };
}

if (process.argv[2] === 'child') {
  const r = await measure(process.argv[3], Number(process.argv[4]));
  process.stdout.write(
    `${JSON.stringify({ ...r, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  );
  process.exit(0);
}

await prepare();
const child = (format, workers) => {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'child', format, String(workers)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`${format} with ${workers} workers failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
};
const out = { bench: 'manifest-formats', rows };
for (const format of ['jsonl', 'parquet']) {
  const one = child(format, 0);
  const two = child(format, 2);
  if (one.rows !== rows || two.rows !== rows || one.reserved !== two.reserved)
    throw new Error(`answers differ: ${JSON.stringify({ one, two })}`);
  const ratio = one.seconds / two.seconds;
  console.log(
    `${format}: one thread ${Math.round(rows / one.seconds).toLocaleString('en')} rows/s, two workers ${Math.round(rows / two.seconds).toLocaleString('en')} rows/s: ${ratio.toFixed(2)}x`,
  );
  out[format] = {
    oneThreadRowsPerSecond: Math.round(rows / one.seconds),
    twoWorkersRowsPerSecond: Math.round(rows / two.seconds),
    ratio: Number(ratio.toFixed(3)),
    runsOne: one.runs,
    runsTwo: two.runs,
    peakRssMbTwo: two.maxRssMb,
  };
}
console.log(JSON.stringify(out));
